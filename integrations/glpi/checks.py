"""“Test connection” for GLPI: the prerequisites of seed 001, each with its own message — the API is
enabled, this server's address is allowed, the App-Token is valid, the login (token or password) is
allowed, the profile can create computers and contracts, and the entity exists.

GLPI checks them in that order while it opens a session, so the first refusal says which one failed and
the ones before it passed; the later ones cannot be tried without a session and are not listed."""

from typing import Any

from integrations.base.errors import TargetError
from integrations.base.platform import Check

from .client import API_DISABLED, GlpiClient
from .options import GlpiOptions

CREATE = 4  # GLPI's CREATE right bit
API, ADDRESS, APP_TOKEN, LOGIN = "api", "address", "app_token", "login"
STAGE_OF = {
    "ERROR_NOT_ALLOWED_IP": ADDRESS,
    "ERROR_APP_TOKEN_PARAMETERS_MISSING": APP_TOKEN,
    "ERROR_WRONG_APP_TOKEN_PARAMETER": APP_TOKEN,
    "ERROR_LOGIN_WITH_CREDENTIALS_DISABLED": LOGIN,
    "ERROR_GLPI_LOGIN_USER_TOKEN": LOGIN,
    "ERROR_GLPI_LOGIN": LOGIN,
    "ERROR_LOGIN_PARAMETERS_MISSING": LOGIN,
}
RIGHTS = (("computer", "computers"), ("contract", "contracts"))


def stages(client: GlpiClient) -> list[tuple[str, str, str]]:
    """(stage, check name, what passing it means), in the order GLPI checks them."""
    how = "user token" if client.settings.user_token else "login and password"
    return [
        (API, "The API is enabled", "Setup > General > API: “Enable Rest API” is on"),
        (ADDRESS, "This server's address is allowed", "An active API client accepts this server's address"),
        (APP_TOKEN, "The App-Token is valid", "The API client accepts the App-Token"),
        (LOGIN, f"Log in with the {how}", "GLPI opened a session"),
    ]


def session_checks(client: GlpiClient) -> list[Check]:
    try:
        client.init_session()
    except TargetError as exc:
        code = getattr(exc, "code", "")
        failed = API if code == "ERROR" and API_DISABLED in exc.detail else STAGE_OF.get(code)
        if failed is None:  # unreachable, a certificate, not GLPI at this address…
            return [Check("Reach GLPI's API", False, str(exc))]
        checks = []
        for stage, name, passed in stages(client):
            if stage == failed:
                return [*checks, Check(name, False, str(exc))]
            checks.append(Check(name, True, passed))
    return [Check(name, True, passed) for _, name, passed in stages(client)]


def profile_check(client: GlpiClient) -> Check:
    name = "The profile can create computers and contracts"
    try:
        profile = (client.json("GET", "/getActiveProfile", fresh=False) or {}).get("active_profile") or {}
    except TargetError as exc:
        return Check(name, False, str(exc))
    missing = [what for right, what in RIGHTS if not int(profile.get(right) or 0) & CREATE]
    title = profile.get("name") or "the active profile"
    if missing:
        return Check(
            name,
            False,
            f"The API user's profile “{title}” may not create {' or '.join(missing)}: give it the "
            "Create right on Assets > Computers and Management > Contracts (Administration > Profiles), "
            "or make a profile that has them the user's default",
        )
    return Check(name, True, f"Profile “{title}” may create computers and contracts")


def visible_entities(client: GlpiClient) -> list[tuple[int, str]]:
    """(id, name) of every entity the account's profile reaches (`getMyEntities`)."""
    body = client.json("GET", "/getMyEntities", params={"is_recursive": "true"}, fresh=False) or {}
    return [(int(e["id"]), str(e.get("name") or "")) for e in body.get("myentities") or []]


def entity_check(client: GlpiClient, options: GlpiOptions) -> Check:
    name = "The entity exists"
    try:
        entities = visible_entities(client)
    except TargetError as exc:
        return Check(name, False, str(exc))
    listed = "; ".join(f"{number} “{title}”" for number, title in entities) or "none"
    names = dict(entities)
    if options.entity_id not in names:
        return Check(
            name,
            False,
            f"The account sees no entity {options.entity_id}: choose one of the entities it can see "
            f"({listed}) as the connection's entity",
        )
    try:
        client.activate_entity()
    except TargetError as exc:
        return Check(name, False, str(exc))
    chosen = f"{options.entity_id} “{names[options.entity_id]}”"
    return Check(name, True, f"Publishing into {chosen} (the account sees: {listed})")


def run_checks(client: GlpiClient, options: Any) -> list[Check]:
    """The session's prerequisites first (nothing else works without one), then the profile and entity."""
    checks = session_checks(client)
    if not all(check.ok for check in checks):
        return checks
    return [*checks, profile_check(client), entity_check(client, options)]
