"""What an instance's web tier answers before any API sees the request: a request line longer than its
header buffer (about 16 KB) gets the application server's HTML error page, not the REST error envelope.
Clients that build long queries (PySNC) send them through the Batch API instead."""

from urllib.parse import quote

from werkzeug.wrappers import Response

MAX_REQUEST_LINE = 16 * 1024

TOO_LARGE_PAGE = (
    '<!doctype html><html lang="en"><head><title>HTTP Status 400 – Bad Request</title></head>'
    '<body><h1>HTTP Status 400 – Bad Request</h1><hr class="line" />'
    "<p><b>Type</b> Exception Report</p><p><b>Message</b> Request header is too large</p>"
    "<p><b>Description</b> The server cannot or will not process the request due to something that is "
    "perceived to be a client error (e.g., malformed request syntax, invalid request message framing, or "
    'deceptive request routing).</p><hr class="line" /></body></html>'
)


def request_line_length(environ: dict) -> int:
    """`METHOD <target> HTTP/1.1` as it came over the wire (the raw target when the server kept it)."""
    target = environ.get("RAW_URI") or environ.get("REQUEST_URI")
    if not target:
        query = environ.get("QUERY_STRING", "")
        target = quote(environ.get("PATH_INFO", "")) + (f"?{query}" if query else "")
    protocol = environ.get("SERVER_PROTOCOL", "HTTP/1.1")
    return len(environ.get("REQUEST_METHOD", "GET")) + 1 + len(target) + 1 + len(protocol)


def refused(environ: dict) -> Response | None:
    """The front end's answer to a request it does not pass on, or None."""
    if request_line_length(environ) > MAX_REQUEST_LINE:
        return Response(TOO_LARGE_PAGE, 400, content_type="text/html;charset=utf-8")
    return None
