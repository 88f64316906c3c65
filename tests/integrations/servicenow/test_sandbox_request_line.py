"""A very long request line (issue 20, behaviour 10): an instance's web tier answers it with an HTML error
page before the REST API sees it, so a client reading JSON gets text (PySNC's test_nonjson_error)."""

import re


def test_a_request_line_past_16_kb_gets_the_html_error_page(sandbox):
    response = sandbox.get(f"/api/now/table/{'A' * 23000}/doesntmatter")
    assert response.status_code == 400
    assert response.headers["Content-Type"].startswith("text/html")
    assert re.match(r"^<.*html>.*", response.text)
    assert "Request header is too large" in response.text


def test_a_long_query_string_counts_too_and_a_shorter_line_still_gets_json(sandbox):
    long_query = "^".join(["AAAA=BBBB"] * 1700)  # about 17 KB
    refused = sandbox.get("/api/now/table/sys_user", params={"sysparm_query": long_query})
    assert refused.status_code == 400 and refused.headers["Content-Type"].startswith("text/html")
    shorter = sandbox.get(f"/api/now/table/{'A' * 15000}")
    assert shorter.status_code == 400
    assert shorter.json()["error"]["message"] == f"Invalid table {'A' * 15000}"
