"""Users, Basic auth and `/oauth_token.do` (password, refresh_token and client_credentials grants)."""

import base64
import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl

from .context import Caller
from .errors import ApiError

ADMIN_SYS_ID = "6816f79cc0a8016401c5a33be04be441"
OAUTH_FAILURE = {"error_description": "access_denied", "error": "server_error"}
REFRESH_LIFETIME = 8_640_000


@dataclass(frozen=True)
class SandboxUser:
    user_name: str
    password: str
    roles: frozenset[str]
    sys_id: str

    @classmethod
    def parse(cls, spec: str) -> "SandboxUser":
        """`name:password:role1+role2` (the command line's --user)."""
        try:
            name, password, roles = spec.split(":", 2)
        except ValueError:
            raise ValueError(f"--user takes NAME:PASSWORD:ROLE1+ROLE2, not {spec!r}") from None
        return cls(name, password, frozenset(r for r in roles.split("+") if r), _user_sys_id(name))


def _user_sys_id(name: str) -> str:
    return ADMIN_SYS_ID if name == "admin" else hashlib.md5(f"sandbox-user:{name}".encode()).hexdigest()  # noqa: S324


DEFAULT_USERS = (
    SandboxUser("admin", "admin", frozenset({"admin"}), ADMIN_SYS_ID),
    SandboxUser(
        "integration",
        "integration",
        frozenset({"itil", "cmdb_read", "cmdb_write"}),
        _user_sys_id("integration"),
    ),
    SandboxUser("readonly", "readonly", frozenset({"cmdb_read", "snc_read_only"}), _user_sys_id("readonly")),
    SandboxUser("approver", "approver", frozenset({"itil", "approver_user"}), _user_sys_id("approver")),
)


@dataclass(frozen=True)
class OAuthClient:
    client_id: str
    client_secret: str
    application_user: str  # whom client_credentials tokens act as


@dataclass
class Token:
    user: str
    client_id: str
    expires: float


class Authenticator:
    def __init__(
        self, users: tuple[SandboxUser, ...], clients: tuple[OAuthClient, ...], token_lifetime: int
    ) -> None:
        self.users = {u.user_name: u for u in users}
        self.clients = {c.client_id: c for c in clients}
        self.token_lifetime = token_lifetime
        self.access: dict[str, Token] = {}
        self.refresh: dict[str, Token] = {}
        self.lock = threading.Lock()

    def caller(self, user_name: str) -> Caller:
        user = self.users[user_name]
        return Caller(user.user_name, user.sys_id, user.roles)

    def authenticate(self, authorization: str) -> Caller:
        """The caller of an API request, or 401 with the standard envelope."""
        scheme, _, credentials = authorization.partition(" ")
        if scheme.lower() == "basic":
            name, password = _basic(credentials)
            user = self.users.get(name)
            if user and hmac.compare_digest(user.password, password):
                return self.caller(name)
        elif scheme.lower() == "bearer":
            with self.lock:
                token = self.access.get(credentials.strip())
            if token and token.expires > time.time() and token.user in self.users:
                return self.caller(token.user)
        raise ApiError(401, "User Not Authenticated", "Required to provide Auth information")

    def token(self, body: bytes, content_type: str, authorization: str) -> tuple[int, dict]:
        """The `/oauth_token.do` exchange: (status, JSON body)."""
        if "application/x-www-form-urlencoded" not in content_type.lower():
            return 401, OAUTH_FAILURE
        form = dict(parse_qsl(body.decode("utf-8", "replace")))
        client_id, client_secret = form.get("client_id", ""), form.get("client_secret", "")
        if authorization.lower().startswith("basic ") and not client_id:
            client_id, client_secret = _basic(authorization.split(" ", 1)[1])
        client = self.clients.get(client_id)
        if client is None or not hmac.compare_digest(client.client_secret, client_secret):
            return 401, OAUTH_FAILURE
        grant = form.get("grant_type", "")
        with self.lock:
            if grant == "password":
                user = self.users.get(form.get("username", ""))
                if not user or not hmac.compare_digest(user.password, form.get("password", "")):
                    return 401, OAUTH_FAILURE
                return 200, self._issue(user.user_name, client_id, with_refresh=True, reuse=True)
            if grant == "refresh_token":
                held = self.refresh.get(form.get("refresh_token", ""))
                if not held or held.client_id != client_id or held.expires < time.time():
                    return 401, OAUTH_FAILURE
                return 200, self._issue(held.user, client_id, with_refresh=False, reuse=False)
            if grant == "client_credentials" and client.application_user in self.users:
                return 200, self._issue(client.application_user, client_id, with_refresh=False, reuse=False)
        return 401, OAUTH_FAILURE

    def _issue(self, user: str, client_id: str, *, with_refresh: bool, reuse: bool) -> dict:
        now = time.time()
        current = next(
            (
                k
                for k, t in self.access.items()
                if reuse and t.user == user and t.client_id == client_id and t.expires > now + 60
            ),
            None,
        )
        access = current or secrets.token_urlsafe(64)
        if current is None:
            self.access[access] = Token(user, client_id, now + self.token_lifetime)
        body = {"access_token": access}
        if with_refresh:
            refresh = secrets.token_urlsafe(64)
            self.refresh[refresh] = Token(user, client_id, now + REFRESH_LIFETIME)
            body["refresh_token"] = refresh
        expires_in = int(self.access[access].expires - now)
        body.update(scope="useraccount", token_type="Bearer", expires_in=max(expires_in, 0))  # noqa: S106
        return body

    def expire_all(self) -> None:
        """Tests: make every access token stale at once."""
        with self.lock:
            for token in self.access.values():
                token.expires = 0


def _basic(credentials: str) -> tuple[str, str]:
    try:
        name, _, password = base64.b64decode(credentials.strip()).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return "", ""
    return name, password
