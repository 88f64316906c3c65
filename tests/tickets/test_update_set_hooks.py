"""The optional ticket-webhook part of the ServiceNow configuration package: per pair, an outbound REST
message (with its POST method and header) to the pair's ServiceNow webhook and an async business rule on
incident; never the secret; the sandbox imports it; the command's flag and the pair's download."""

import pytest
from defusedxml.ElementTree import fromstring
from django.core.management import CommandError, call_command
from django.urls import reverse

from catalog.choices import Role
from integrations.servicenow.update_set import (
    PackageError,
    PackageSettings,
    build_update_set,
    package_records,
)
from integrations.servicenow.update_set_hooks import TicketHook
from tests.conftest import member
from tickets import hooks

pytestmark = pytest.mark.django_db
HOOK = TicketHook("7", "helpdesk", "https://bridge.example.com/hooks/tickets/7/servicenow/")
SETTINGS = PackageSettings(
    "0f6e1c1e-3c1b-4a47-9a43-8f1f3c2b9d10", "prod", "PortfolioBridge", ticket_hooks=(HOOK,)
)


def payloads(body: bytes) -> dict[str, object]:
    root = fromstring(body, forbid_dtd=True)
    found = {}
    for entry in root.findall("sys_update_xml"):
        record = fromstring(entry.findtext("payload").encode())[0]
        found[record.tag] = record
    return found


def test_the_package_adds_a_rest_message_its_method_and_an_async_business_rule():
    records = payloads(build_update_set(SETTINGS))
    message, method = records["sys_rest_message"], records["sys_rest_message_fn"]
    assert message.findtext("rest_endpoint") == HOOK.url
    assert method.findtext("http_method") == "post" and method.find("rest_message").text == message.findtext(
        "sys_id"
    )
    assert '"sys_id": "${sys_id}"' in method.findtext("content")
    header = records["sys_rest_message_fn_headers"]
    assert header.find("rest_message_function").text == method.findtext("sys_id")
    rule = records["sys_script"]
    assert (rule.findtext("collection"), rule.findtext("when")) == ("incident", "async")
    assert rule.findtext("action_insert") == rule.findtext("action_update") == "true"
    script = rule.findtext("script")
    assert HOOK.secret_property in script and HOOK.message_name in script and "Bearer " in script
    plain = PackageSettings(SETTINGS.connection_id, "prod", "PortfolioBridge")
    assert len(package_records(SETTINGS)) == len(package_records(plain)) + 4


def test_a_bad_webhook_url_is_refused():
    bad = PackageSettings("x", "prod", "PortfolioBridge", ticket_hooks=(TicketHook("1", "a", "ftp://x"),))
    with pytest.raises(PackageError, match="webhook URL"):
        build_update_set(bad)


def test_the_sandbox_imports_the_business_rule_and_a_newer_copy_updates_it(sandbox):
    first = sandbox.post("/sandbox/update_set", data=build_update_set(SETTINGS))
    assert first.status_code == 200, first.text
    assert first.json()["inserted"] == 18 and first.json()["updated"] == 0
    again = sandbox.post("/sandbox/update_set", data=build_update_set(SETTINGS))
    assert again.json()["inserted"] == 0 and again.json()["updated"] == 18
    [rule] = sandbox.table("sys_script", sysparm_query="collection=incident")
    assert rule["when"] == "async" and "sn_ws.RESTMessageV2" in rule["script"]
    [message] = sandbox.table("sys_rest_message")
    assert message["rest_endpoint"] == HOOK.url


def test_the_command_flag_and_the_pair_download_never_carry_the_secret(live, client, namespace, tmp_path):
    secret = hooks.generate_secret(live)
    output = tmp_path / "package.xml"
    call_command(
        "update_set",
        "--connection",
        "snow",
        "--ticket-hooks",
        "https://bridge.example.com",
        "--output",
        str(output),
    )
    body = output.read_bytes()
    url = f"https://bridge.example.com/hooks/tickets/{live.pk}/servicenow/"
    assert payloads(body)["sys_rest_message"].findtext("rest_endpoint") == url
    assert secret.encode() not in body
    with pytest.raises(CommandError, match="http"):
        call_command("update_set", "--connection", "snow", "--ticket-hooks", "bridge.example.com")
    live.enabled = False
    live.save()
    with pytest.raises(CommandError, match="No enabled ticket sync pair"):
        call_command("update_set", "--connection", "snow", "--ticket-hooks", "https://bridge.example.com")

    client.force_login(member(namespace, Role.ADMIN))
    page = client.get(reverse("tickets:pair_hook_secret", args=["acme", live.pk])).content.decode()
    download = reverse("tickets:pair_update_set", args=["acme", live.pk])
    assert download in page and f"portfolio_bridge.ticket_hook.{live.pk}.secret" in page
    response = client.get(download)
    assert response.status_code == 200 and response["Content-Type"].startswith("application/xml")
    assert "with-ticket-webhooks" in response["Content-Disposition"]
    assert (
        payloads(response.content)["sys_rest_message"].findtext("rest_endpoint")
        == f"http://testserver{url[26:]}"
    )
    assert secret.encode() not in response.content


def test_only_admins_download_the_pair_package(live, client, editor):
    client.force_login(editor)
    assert client.get(reverse("tickets:pair_update_set", args=["acme", live.pk])).status_code == 403
