"""`/sandbox/update_set`: the page and the POST that import an Update Set, as a ServiceNow admin does.

Only callers with the admin role may import, and the size is checked before the body is read (the declared
Content-Length first, then while reading a chunked body), so a huge upload is refused with 413, unparsed.
"""

import json

from werkzeug.exceptions import RequestEntityTooLarge
from werkzeug.wrappers import Request, Response

from .auth import Authenticator
from .context import Caller
from .errors import ApiError
from .records import Records
from .update_sets import UpdateSetError, commit_update_set, parse_update_set


def admin_of(auth: Authenticator, request: Request, action: str = "Importing an update set") -> Caller:
    """The caller, who must hold the admin role; a 401 asks a browser for the user name and password."""
    try:
        caller = auth.authenticate(request.headers.get("Authorization", ""))
    except ApiError as exc:
        exc.headers["WWW-Authenticate"] = 'Basic realm="ServiceNow sandbox"'
        raise
    if "admin" not in caller.roles:
        raise ApiError(403, "User Not Authorized", f"{action} needs the admin role")
    return caller


def upload_update_set(request: Request, records: Records, limit: int) -> Response:
    """GET: the upload page. POST: raw XML or a multipart `file`, committed at once (or nothing, with a
    400 saying why)."""
    if request.method == "GET":
        return Response(UPLOAD_PAGE.format(limit=limit // 1024), 200, content_type="text/html;charset=UTF-8")
    if request.method != "POST":
        raise ApiError(405, "Method not Supported", "Use GET or POST")
    declared = request.content_length
    if declared is not None and declared > limit:
        return refused(413, f"The update set is {declared} bytes; the sandbox accepts at most {limit} bytes.")
    # a chunked body stops being read one byte past the limit (werkzeug's cap alone would truncate it)
    request.max_content_length = limit + 1
    too_large = f"The update set is larger than the {limit} bytes the sandbox accepts."
    try:
        body = request.get_data(cache=True)
    except RequestEntityTooLarge:
        return refused(413, too_large)
    if len(body) > limit:
        return refused(413, too_large)
    upload = request.files.get("file")  # parsed from the body read above
    data = upload.read() if upload else body
    try:
        parsed = parse_update_set(data)
        counts = commit_update_set(records, parsed, "admin")
    except UpdateSetError as exc:
        return refused(400, str(exc))
    body = {"name": parsed.name, "state": "committed", "records": len(parsed.updates), **counts}
    return Response(json.dumps(body), 200, content_type="application/json")


def refused(status: int, reason: str) -> Response:
    return Response(json.dumps({"error": reason}), status, content_type="application/json")


UPLOAD_PAGE = """<!doctype html><html><head><meta charset=utf-8><title>Import an update set</title></head>
<body style="font-family:system-ui,sans-serif;margin:2rem"><h1>Import an update set</h1>
<p>The file is loaded and committed at once; a malformed or unsafe file changes nothing.
Files up to {limit} KB; only the sandbox's admins may import.</p>
<form method=post enctype=multipart/form-data><input type=file name=file accept=".xml">
<button type=submit>Import and commit</button></form>
<p><a href="/">Back to the sandbox</a></p></body></html>"""
