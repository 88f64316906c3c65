"""The optional part of the configuration package for ticket webhooks: per ticket sync pair, an outbound
REST message (`sys_rest_message` with its POST method and JSON header) that posts an incident's sys_id
to the pair's ServiceNow webhook URL, and an async business rule on `incident` (after insert and update)
that sends it, so a change reaches the product at once instead of at the next scheduled sync.

The pair's webhook secret never goes into the package (it is shown once, and an Update Set is a file
people pass around): the business rule reads it from a system property the instance's admin creates,
and sends nothing (with a warning in the system log) while that property is empty. A re-imported package
therefore never wipes the secret either."""

import json
from dataclasses import dataclass

REST_TABLES = {
    "sys_rest_message": "REST Message",
    "sys_rest_message_fn": "HTTP Method",
    "sys_rest_message_fn_headers": "HTTP Header",
    "sys_script": "Business Rule",
}
# what the webhook endpoint reads: the incident's sys_id (tickets/hooks.py) and nothing else
BODY = '{"incident": {"sys_id": "${sys_id}", "number": "${number}"}}'


@dataclass(frozen=True)
class TicketHook:
    """One pair's webhook, as plain data: a stable key (the pair's id), its name, the URL ServiceNow posts
    to, and the system property that holds the secret on the instance."""

    key: str
    name: str
    url: str

    @property
    def secret_property(self) -> str:
        return f"portfolio_bridge.ticket_hook.{self.key}.secret"

    @property
    def message_name(self) -> str:
        return f"Portfolio Bridge tickets: {self.name}"


def script(hook: TicketHook) -> str:
    """The business rule's script: the secret from the system property, the delivery id from the
    incident's version (a replay of one version is recognised by the endpoint and queues nothing)."""
    prop, message = json.dumps(hook.secret_property), json.dumps(hook.message_name)
    return f"""(function executeRule(current, previous /*null when async*/) {{
    // Portfolio Bridge: tell the ticket sync pair "{hook.name}" that this incident changed.
    var secret = gs.getProperty({prop}, '');
    if (!secret) {{
        gs.warn('Portfolio Bridge: set the system property ' + {prop} + ' to the pair webhook secret');
        return;
    }}
    try {{
        var request = new sn_ws.RESTMessageV2({message}, 'post');
        request.setStringParameterNoEscape('sys_id', current.getUniqueValue());
        request.setStringParameterNoEscape('number', current.getValue('number'));
        request.setRequestHeader('Authorization', 'Bearer ' + secret);
        request.setRequestHeader(
            'X-ServiceNow-Delivery', current.getUniqueValue() + ':' + current.getValue('sys_mod_count'));
        var response = request.execute();
        if (response.getStatusCode() >= 300) {{
            gs.warn('Portfolio Bridge webhook answered ' + response.getStatusCode());
        }}
    }} catch (e) {{
        gs.error('Portfolio Bridge webhook failed: ' + e.message);
    }}
}})(current, previous);"""


def hook_records(hook: TicketHook, sys_id_of) -> list[tuple[str, str, dict, dict, str]]:
    """The hook's records as (table, role, values, references, summary); `sys_id_of(role)` gives the
    stable sys_id the package uses for a role."""
    base = f"ticket_hook:{hook.key}"
    message, method = sys_id_of(f"{base}:rest_message"), sys_id_of(f"{base}:rest_message_fn")
    return [
        (
            "sys_rest_message",
            f"{base}:rest_message",
            {
                "name": hook.message_name,
                "rest_endpoint": hook.url,
                "authentication_type": "no_authentication",
                "description": "Posts an incident's sys_id to the Portfolio Bridge ticket webhook. The "
                f"bearer secret comes from the system property {hook.secret_property}.",
            },
            {},
            f"Outbound REST message “{hook.message_name}” to {hook.url}",
        ),
        (
            "sys_rest_message_fn",
            f"{base}:rest_message_fn",
            {
                "function_name": "post",
                "http_method": "post",
                "rest_endpoint": hook.url,
                "authentication_type": "inherit_from_parent",
                "content": BODY,
            },
            {"rest_message": (message, hook.message_name)},
            "  its HTTP method post, with the incident's sys_id as JSON",
        ),
        (
            "sys_rest_message_fn_headers",
            f"{base}:rest_message_fn_header",
            {"name": "Content-Type", "value": "application/json"},
            {"rest_message_function": (method, "post")},
            "  its header Content-Type: application/json",
        ),
        (
            "sys_script",
            f"{base}:business_rule",
            {
                "name": f"Portfolio Bridge tickets: {hook.name}",
                "collection": "incident",
                "when": "async",
                "action_insert": "true",
                "action_update": "true",
                "action_delete": "false",
                "action_query": "false",
                "active": "true",
                "advanced": "true",
                "order": "100",
                "filter_condition": "",
                "condition": "",
                "description": f"Sends each new or updated incident to the ticket sync pair {hook.name}. "
                f"Create the system property {hook.secret_property} (type password2) with the pair's "
                "webhook secret; until then nothing is sent.",
                "script": script(hook),
            },
            {},
            f"Business rule on incident (async, after insert and update) calling “{hook.message_name}”",
        ),
    ]
