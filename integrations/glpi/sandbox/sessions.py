"""Who may call the API and as whom: the API clients (IP ranges and App-Tokens, Setup > General > API),
login with a user token or Basic credentials, profiles with their rights, and the session tokens with
their active profile and entities (GLPI 10 `API::initSession`, `checkAppToken`, `Session`)."""

import base64
import binascii
import ipaddress
import secrets
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from .errors import GlpiError, error
from .store import GlpiStore

READ, UPDATE, CREATE, DELETE, PURGE = 1, 2, 4, 8, 16
RIGHT_NAMES = (
    "computer",
    "contract",
    "contact_enterprise",
    "software",
    "appliance",
    "dropdown",
    "entity",
    "user",
    "ticket",
    "followup",
    "document",
    "infocom",
)
PROFILES: dict[int, dict[str, Any]] = {
    4: {"name": "Super-Admin", "interface": "central", "rights": dict.fromkeys(RIGHT_NAMES, 255)},
    2: {"name": "Observer", "interface": "central", "rights": dict.fromkeys(RIGHT_NAMES, READ | 32)},
}


@dataclass(frozen=True)
class ApiClient:
    """An API client of Setup > General > API: who may connect (addresses) and with which App-Token;
    an empty app_token lets clients of its addresses connect without one."""

    name: str
    addresses: tuple[str, ...] = ("127.0.0.1/32", "::1/128")
    app_token: str = ""
    is_active: bool = True

    def matches(self, ip: str) -> bool:
        try:
            address = ipaddress.ip_address(ip)
        except ValueError:
            return False
        return any(address in ipaddress.ip_network(net, strict=False) for net in self.addresses)


def check_client(clients: list[ApiClient], ip: str, app_token: str | None) -> None:
    """Refuse a caller whose address no active client allows, or whose App-Token is missing or wrong."""
    found = [c for c in clients if c.is_active and c.matches(ip)]
    if not found:
        raise error("ERROR_NOT_ALLOWED_IP", ip)
    tokens = {c.app_token for c in found}
    if app_token:
        if app_token not in tokens:
            raise error("ERROR_WRONG_APP_TOKEN_PARAMETER")
    elif "" not in tokens:
        raise error("ERROR_APP_TOKEN_PARAMETERS_MISSING")


def credentials(authorization: str, params: dict[str, Any]) -> tuple[str, str, str]:
    """(login, password, user_token) from the Authorization header or the query parameters."""
    scheme, _, value = authorization.strip().partition(" ")
    if scheme.lower() == "user_token":
        return "", "", value.strip()
    if scheme.lower() == "basic":
        try:
            login, _, password = base64.b64decode(value.strip()).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return "", "", ""
        return login, password, ""
    return (
        str(params.get("login") or ""),
        str(params.get("password") or ""),
        str(params.get("user_token") or ""),
    )


def authenticate(
    store: GlpiStore, login: str, password: str, user_token: str, allow_credentials: bool
) -> int:
    """The id of the active user the credentials name; GLPI's login errors otherwise."""
    if user_token:
        for account in store.accounts():
            if account.get("user_token") and secrets.compare_digest(account["user_token"], user_token):
                user = store.item("User", account["id"])
                if user and user["is_active"] and not user["is_deleted"]:
                    return int(account["id"])
        raise error("ERROR_GLPI_LOGIN_USER_TOKEN")
    if not (login and password):
        raise error("ERROR_LOGIN_PARAMETERS_MISSING")
    if not allow_credentials:
        raise error("ERROR_LOGIN_WITH_CREDENTIALS_DISABLED")
    for user in store.rows("User"):
        account = store.account(user["id"])
        if (
            user["name"] == login
            and account
            and account.get("password")
            and secrets.compare_digest(account["password"], password)
            and user["is_active"]
        ):
            return int(user["id"])
    raise error("ERROR_GLPI_LOGIN")


def descendants(store: GlpiStore, entity_id: int) -> list[int]:
    """The entity and every entity below it."""
    found, todo = [entity_id], [entity_id]
    while todo:
        parent = todo.pop()
        for row in store.rows("Entity"):
            if row["entities_id"] == parent and row["id"] != parent and row["id"] not in found:
                found.append(row["id"])
                todo.append(row["id"])
    return found


@dataclass
class Session:
    token: str
    users_id: int
    profiles: list[dict[str, Any]]  # the user's Profile_User rows
    profile_id: int
    active_entity: int
    recursive: bool
    seen: float = field(default_factory=time.monotonic)

    @property
    def profile(self) -> dict[str, Any]:
        return PROFILES[self.profile_id]

    def allowed(self, right: str, bit: int) -> bool:
        return bool(self.profile["rights"].get(right, 0) & bit)

    def profile_entities(self, store: GlpiStore, profile_id: int | None = None) -> list[int]:
        """The entities the given (default: active) profile reaches."""
        wanted = self.profile_id if profile_id is None else profile_id
        entities: list[int] = []
        for link in self.profiles:
            if link["profiles_id"] == wanted:
                reach = (
                    descendants(store, link["entities_id"]) if link["is_recursive"] else [link["entities_id"]]
                )
                entities += [e for e in reach if e not in entities]
        return entities

    def active_entities(self, store: GlpiStore) -> list[int]:
        if self.recursive:
            return descendants(store, self.active_entity)
        return [self.active_entity]


class Sessions:
    """Session tokens in memory; an idle session expires after `lifetime` seconds (PHP's
    session.gc_maxlifetime), divided by the time scale."""

    def __init__(self, lifetime: float = 1440.0, time_scale: float = 1.0) -> None:
        self.lifetime = lifetime
        self.time_scale = time_scale
        self.lock = threading.Lock()
        self.sessions: dict[str, Session] = {}

    def open(self, store: GlpiStore, users_id: int) -> Session:
        account = store.account(users_id) or {}
        links = account.get("profiles") or []
        if not links:
            raise GlpiError(
                401,
                "ERROR_GLPI_LOGIN",
                "You don't have access to this application because your account was deactivated or removed",
            )
        first = links[0]
        session = Session(
            secrets.token_hex(13),
            users_id,
            links,
            first["profiles_id"],
            first["entities_id"],
            bool(first["is_recursive"]),
        )
        with self.lock:
            self.sessions[session.token] = session
        return session

    def get(self, token: str | None) -> Session:
        if not token:
            raise error("ERROR_SESSION_TOKEN_MISSING")
        with self.lock:
            session = self.sessions.get(token)
            if session and time.monotonic() - session.seen > self.lifetime / self.time_scale:
                del self.sessions[token]
                session = None
            if session is None:
                raise error("ERROR_SESSION_TOKEN_INVALID")
            session.seen = time.monotonic()
            return session

    def kill(self, token: str) -> None:
        with self.lock:
            self.sessions.pop(token, None)

    def expire_all(self) -> None:
        """Forget every session, as a restarted PHP with a cleaned session directory would."""
        with self.lock:
            self.sessions.clear()


def rights_error() -> GlpiError:
    return error("ERROR_RIGHT_MISSING")
