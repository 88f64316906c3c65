"""`/sandbox/cmdb`: a small admin page to change the CMDB the way a ServiceNow admin would, to try the
subscribe flow: edit a business application's description, and add a server (or computer) under one of
its service instances (the CI and a "Depends on::Used by" relationship from the instance).

Behind the sandbox's Basic sign-in with the admin role, like the update set import; the forms post plain
fields and the answer is a redirect back to the page, or a 400 page saying what is wrong."""

import html
from urllib.parse import urlencode

from werkzeug.wrappers import Request, Response

from . import dictionary
from .errors import ApiError
from .infrastructure import DEPENDS_ON, SERVICE_CLASS, relate
from .records import Records

APPS_SHOWN = 25
MACHINE_CLASSES = {
    "cmdb_ci_server": "Server",
    "cmdb_ci_linux_server": "Linux Server",
    "cmdb_ci_win_server": "Windows Server",
    "cmdb_ci_computer": "Computer",
}
MAX_TEXT = 4000


class Refused(ValueError):
    """Bad form input: answered with a 400 page."""


def cmdb_page(request: Request, records: Records, user: str) -> Response:
    if request.method == "GET":
        page = render(records, request.args.get("q", ""), request.args.get("done", ""))
        return Response(page, 200, content_type="text/html;charset=UTF-8")
    if request.method != "POST":
        raise ApiError(405, "Method not Supported", "Use GET or POST")
    form = request.form
    try:
        if form.get("action") == "describe":
            done = describe(records, form.get("sys_id", ""), form.get("description", ""), user)
        elif form.get("action") == "add_server":
            done = add_machine(records, dict(form.items()), user)
        else:
            raise Refused("Unknown action: use the page's forms")
    except Refused as exc:
        body = PAGE.format(
            body=f"<p class=error>{html.escape(str(exc))}</p><p><a href='/sandbox/cmdb'>Back</a></p>"
        )
        return Response(body, 400, content_type="text/html;charset=UTF-8")
    query = urlencode({"q": form.get("q", ""), "done": done})
    return Response("", 303, headers={"Location": f"/sandbox/cmdb?{query}"})


def describe(records: Records, sys_id: str, description: str, user: str) -> str:
    found = records.store.locate("cmdb_ci_business_app", sys_id.strip())
    if found is None:
        raise Refused(f"No business application {sys_id!r}")
    if len(description) > MAX_TEXT:
        raise Refused(f"The description is longer than {MAX_TEXT} characters")
    with records.store.transaction():
        records.update(found[0], found[1], {"description": description.replace("\r\n", "\n")}, user)
    return f"Saved the description of {found[1].get('name', '')}."


def add_machine(records: Records, form: dict[str, str], user: str) -> str:
    instance = records.store.locate(SERVICE_CLASS, form.get("instance", "").strip())
    if instance is None:
        raise Refused(f"No service instance {form.get('instance', '')!r}")
    name = form.get("name", "").strip()
    class_name = form.get("class_name", "cmdb_ci_server")
    if not name:
        raise Refused("The server needs a name")
    if class_name not in MACHINE_CLASSES:
        raise Refused(f"Choose a class among {', '.join(MACHINE_CLASSES)}")
    fields = ("serial_number", "os", "os_version")
    values = {"name": name, **{f: form.get(f, "").strip() for f in fields}}
    if any(len(v) > 255 for v in values.values()):
        raise Refused("A value is longer than 255 characters")
    values |= {"install_status": "1", "operational_status": "1", "virtual": "false"}
    with records.store.transaction():
        machine = records.create(class_name, values, user)
        relate(records, instance[1]["sys_id"], machine["sys_id"], DEPENDS_ON)
    return f"Added {name} under {instance[1].get('name', '')}."


def render(records: Records, search: str, done: str) -> str:
    store = records.store
    children: dict[str, list[str]] = {}
    for _, rel in store.scan("cmdb_rel_ci"):
        children.setdefault(rel.get("parent", ""), []).append(rel.get("child", ""))
    apps = sorted(
        (
            row
            for _, row in store.scan("cmdb_ci_business_app")
            if search.casefold() in row.get("name", "").casefold()
        ),
        key=lambda row: row.get("name", "").casefold(),
    )
    parts = [FILTER.format(q=html.escape(search, quote=True))]
    if done:
        parts.append(f"<p class=done>{html.escape(done)}</p>")
    parts.append(
        f"<p>{len(apps)} business application{'' if len(apps) == 1 else 's'}"
        + (f", the first {APPS_SHOWN} shown" if len(apps) > APPS_SHOWN else "")
        + ".</p>"
    )
    parts += [app_section(records, app, children, search) for app in apps[:APPS_SHOWN]]
    return PAGE.format(body="".join(parts))


def app_section(records: Records, app: dict[str, str], children: dict[str, list[str]], search: str) -> str:
    esc = html.escape
    q = esc(search, quote=True)
    lines = [
        f"<section><h2>{esc(app.get('name', ''))} <small>{esc(app['sys_id'])}</small></h2>",
        "<form method=post><input type=hidden name=action value=describe>"
        f"<input type=hidden name=q value='{q}'>"
        f"<input type=hidden name=sys_id value='{esc(app['sys_id'])}'><label>Description<br>"
        f"<textarea name=description rows=2 cols=80>{esc(app.get('description', ''))}</textarea></label>"
        "<button type=submit>Save description</button></form>",
    ]
    for child in children.get(app["sys_id"], []):
        found = records.store.locate(SERVICE_CLASS, child)
        if found is None:
            continue
        instance = found[1]
        machines = []
        for machine_id in children.get(child, []):
            machine = records.store.locate("cmdb_ci_computer", machine_id)
            if machine is not None:
                row = machine[1]
                label = dictionary.TABLES[machine[0]].label
                details = ", ".join(v for v in (label, row.get("serial_number", ""), row.get("os", "")) if v)
                machines.append(f"<li>{esc(row.get('name', ''))} <small>({esc(details)})</small></li>")
        options = "".join(f"<option value={k}>{v}</option>" for k, v in MACHINE_CLASSES.items())
        lines.append(
            f"<h3>{esc(instance.get('name', ''))} <small>{esc(found[0])}</small></h3>"
            f"<ul>{''.join(machines) or '<li><em>no servers</em></li>'}</ul>"
            "<form method=post><input type=hidden name=action value=add_server>"
            f"<input type=hidden name=q value='{q}'>"
            f"<input type=hidden name=instance value='{esc(child)}'>"
            "<input name=name placeholder='Server name' required> <select name=class_name>"
            f"{options}</select> <input name=serial_number placeholder='Serial number'> "
            "<input name=os placeholder='Operating system'> <input name=os_version placeholder='OS version'> "
            "<button type=submit>Add server</button></form>"
        )
    lines.append("</section>")
    return "".join(lines)


FILTER = """<form method=get><input name=q value='{q}' placeholder='Application name contains'>
<button type=submit>Filter</button></form>"""
PAGE = """<!doctype html><html><head><meta charset=utf-8><title>CMDB changes</title>
<style>body{{font-family:system-ui,sans-serif;margin:2rem}}
section{{border-top:1px solid #ccc;margin-top:1rem}}
small{{color:#666}}.done{{color:#060}}.error{{color:#a00}}</style></head>
<body><h1>Change the CMDB</h1>
<p>Edit a business application's description, or add a server under one of its service instances (the
server and a “Depends on::Used by” relationship from the instance), as an admin or discovery would.</p>
{body}<p><a href="/">Back to the sandbox</a></p></body></html>"""
