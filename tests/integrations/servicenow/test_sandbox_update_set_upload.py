"""Who may import an Update Set into the sandbox, and how large it may be: the admin only, and the size is
checked before the body is read (413 with the reason, nothing imported)."""

import http.client
import ssl

import pytest
import requests

from config.launcher import import_update_set
from tests.integrations.servicenow.test_sandbox_update_sets import RULE_ID, RULES, export

LIMIT = 4096


@pytest.fixture
def small(make_sandbox):
    return make_sandbox(max_update_set=LIMIT)


def nothing_imported(sandbox) -> bool:
    return (
        sandbox.table("sys_remote_update_set") == []
        and sandbox.table("cmdb_identifier", sys_id=RULE_ID) == []
    )


def oversized() -> bytes:
    return export(*RULES).replace(b"Portfolio rules", b"Portfolio rules" + b"x" * LIMIT)


def test_without_credentials_the_page_and_the_import_ask_for_them(sandbox):
    anonymous = requests.Session()
    url = sandbox.url + "/sandbox/update_set"
    page = anonymous.get(url, verify=str(sandbox.server.ca_path), timeout=10)
    assert page.status_code == 401 and page.headers["WWW-Authenticate"] == 'Basic realm="ServiceNow sandbox"'
    posted = anonymous.post(url, data=export(*RULES), verify=str(sandbox.server.ca_path), timeout=10)
    assert posted.status_code == 401
    wrong = sandbox.as_user("admin", "nope").post("/sandbox/update_set", data=export(*RULES))
    assert wrong.status_code == 401
    assert nothing_imported(sandbox)


def test_a_user_without_the_admin_role_is_refused(sandbox):
    response = sandbox.as_user("integration", "integration").post("/sandbox/update_set", data=export(*RULES))
    assert response.status_code == 403 and "admin role" in response.json()["error"]["detail"]
    assert nothing_imported(sandbox)


def test_the_admin_sees_the_page_with_the_limit(small):
    page = small.get("/sandbox/update_set")
    assert page.status_code == 200 and "Files up to 4 KB" in page.text


def test_a_declared_size_over_the_limit_is_refused_before_reading(small):
    response = small.post(
        "/sandbox/update_set", data=oversized(), headers={"Content-Type": "application/xml"}
    )
    assert response.status_code == 413
    assert f"the sandbox accepts at most {LIMIT} bytes" in response.json()["error"]
    assert nothing_imported(small)


def test_a_100_mb_declaration_is_answered_without_waiting_for_the_body(small):
    host, port = small.url.removeprefix("https://").rsplit(":", 1)
    context = ssl.create_default_context(cafile=str(small.server.ca_path))
    connection = http.client.HTTPSConnection(host, int(port), context=context, timeout=5)
    connection.putrequest("POST", "/sandbox/update_set")
    connection.putheader("Authorization", "Basic YWRtaW46YWRtaW4=")  # admin:admin
    connection.putheader("Content-Type", "application/xml")
    connection.putheader("Content-Length", str(100 * 1024 * 1024))
    connection.endheaders(b"<unload>")
    response = connection.getresponse()
    assert response.status == 413 and b"104857600 bytes" in response.read()
    connection.close()
    assert nothing_imported(small)


def test_a_chunked_body_is_cut_off_at_the_limit(small):
    def chunks():
        yield oversized()[: LIMIT // 2]
        yield oversized()[LIMIT // 2 :]

    response = small.post("/sandbox/update_set", data=chunks(), headers={"Content-Type": "application/xml"})
    assert response.request.headers.get("Transfer-Encoding") == "chunked"
    assert response.status_code == 413 and "larger than the 4096 bytes" in response.json()["error"]
    assert nothing_imported(small)


def test_an_uploaded_file_over_the_limit_is_refused(small):
    response = small.post("/sandbox/update_set", files={"file": ("rules.xml", oversized(), "text/xml")})
    assert response.status_code == 413
    assert nothing_imported(small)


def test_the_launcher_imports_with_the_admin_credentials(sandbox):
    result = import_update_set(sandbox.url, export(*RULES), sandbox.server.ca_path)
    assert result["state"] == "committed" and result["inserted"] == 2
