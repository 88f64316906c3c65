"""`/sandbox/cmdb`: the admin's page to edit a business application's description and add a server under
a service instance, behind the sandbox's sign-in; bad input is a 400 that changes nothing."""

import requests

from integrations.servicenow.sandbox.seed import REL_TYPES


def create(sandbox, table: str, **values) -> dict:
    response = sandbox.post(f"/api/now/table/{table}", json=values)
    assert response.status_code == 201, response.text
    return response.json()["result"]


def portfolio(sandbox) -> tuple[dict, dict]:
    app = create(sandbox, "cmdb_ci_business_app", name="Payroll", description="Pays people")
    instance = create(sandbox, "cmdb_ci_service_auto", name="Payroll — Prod")
    create(
        sandbox, "cmdb_rel_ci", parent=app["sys_id"], child=instance["sys_id"], type="Consumes::Consumed by"
    )
    return app, instance


def test_the_page_needs_the_sandbox_admin(sandbox):
    anonymous = requests.get(sandbox.url + "/sandbox/cmdb", verify=str(sandbox.server.ca_path), timeout=10)
    assert anonymous.status_code == 401 and "Basic" in anonymous.headers["WWW-Authenticate"]
    integration = sandbox.as_user("integration", "integration")
    assert integration.get("/sandbox/cmdb").status_code == 403
    posted = integration.post("/sandbox/cmdb", data={"action": "describe"})
    assert posted.status_code == 403 and "admin role" in posted.json()["error"]["detail"]


def test_the_page_lists_applications_their_instances_and_servers(sandbox):
    app, instance = portfolio(sandbox)
    server = create(sandbox, "cmdb_ci_win_server", name="win-pay-01", serial_number="CZ123")
    create(
        sandbox, "cmdb_rel_ci", parent=instance["sys_id"], child=server["sys_id"], type="Depends on::Used by"
    )
    page = sandbox.get("/sandbox/cmdb", params={"q": "pay"})
    assert page.status_code == 200
    assert "Payroll — Prod" in page.text and "win-pay-01" in page.text and "CZ123" in page.text
    assert "Pays people" in page.text and app["sys_id"] in page.text
    assert "Payroll" not in sandbox.get("/sandbox/cmdb", params={"q": "zzz"}).text.split("</h1>")[1]


def test_editing_a_description_updates_the_application(sandbox):
    app, _ = portfolio(sandbox)
    form = {"action": "describe", "sys_id": app["sys_id"], "description": "Edited in ServiceNow", "q": "Pay"}
    response = sandbox.post("/sandbox/cmdb", data=form, allow_redirects=False)
    assert response.status_code == 303 and response.headers["Location"].startswith("/sandbox/cmdb?q=Pay")
    (row,) = sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={app['sys_id']}")
    assert row["description"] == "Edited in ServiceNow" and row["sys_mod_count"] == "1"
    assert row["sys_updated_by"] == "admin"


def test_adding_a_server_creates_it_and_its_relationship(sandbox):
    _, instance = portfolio(sandbox)
    form = {
        "action": "add_server",
        "instance": instance["sys_id"],
        "name": "lnx-pay-02",
        "class_name": "cmdb_ci_linux_server",
        "serial_number": "DL42",
        "os": "Ubuntu Server",
        "os_version": "24.04",
    }
    response = sandbox.post("/sandbox/cmdb", data=form)
    assert response.status_code == 200 and "Added lnx-pay-02 under Payroll — Prod." in response.text
    (server,) = sandbox.table(
        "cmdb_ci_linux_server", sysparm_fields="sys_id,name,serial_number,os,os_version"
    )
    assert server["serial_number"] == "DL42" and server["os_version"] == "24.04"
    rels = sandbox.table(
        "cmdb_rel_ci", sysparm_query=f"child={server['sys_id']}", sysparm_exclude_reference_link="true"
    )
    assert [(r["parent"], r["type"]) for r in rels] == [
        (instance["sys_id"], REL_TYPES["Depends on::Used by"])
    ]


def test_bad_input_is_a_400_that_changes_nothing(sandbox):
    app, instance = portfolio(sandbox)
    bad = [
        {"action": "describe", "sys_id": "0" * 32, "description": "x"},
        {"action": "describe", "sys_id": app["sys_id"], "description": "x" * 5000},
        {"action": "add_server", "instance": instance["sys_id"], "name": "  "},
        {"action": "add_server", "instance": instance["sys_id"], "name": "n", "class_name": "sys_user"},
        {"action": "add_server", "instance": app["sys_id"], "name": "n"},
        {"action": "frobnicate"},
    ]
    for form in bad:
        response = sandbox.post("/sandbox/cmdb", data=form)
        assert response.status_code == 400 and "class=error" in response.text, form
    assert sandbox.table("cmdb_ci_computer") == []
    assert sandbox.table("cmdb_ci_business_app", sysparm_query=f"sys_id={app['sys_id']}")[0][
        "description"
    ] == ("Pays people")
