"""Halo's authorisation server (OpenIddict): `/auth/token` with the client_credentials grant, and the
bearer tokens `/api/*` requires."""

import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from urllib.parse import parse_qsl

from .errors import HaloError, oauth

SCOPES = frozenset(
    (
        "all",
        "all:standard",
        "admin",
        "read:tickets",
        "edit:tickets",
        "read:customers",
        "edit:customers",
        "read:contracts",
        "edit:contracts",
        "read:suppliers",
        "edit:suppliers",
        "read:items",
        "edit:items",
        "read:software",
        "edit:software",
        "read:assets",
        "edit:assets",
        "read:services",
        "edit:services",
    )
)


@dataclass(frozen=True)
class ApiApplication:
    """An API application registered in Halo (Configuration > Integrations > Halo API)."""

    client_id: str
    client_secret: str
    permissions: frozenset[str] = frozenset({"all"})  # what the application may be granted


@dataclass
class Token:
    client_id: str
    scope: str
    expires: float


class Authorisation:
    def __init__(self, tenant: str, applications: tuple[ApiApplication, ...], lifetime: int) -> None:
        self.tenant = tenant
        self.applications = {a.client_id: a for a in applications}
        self.lifetime = lifetime
        self.tokens: dict[str, Token] = {}
        self.lock = threading.Lock()

    def token(self, body: bytes, content_type: str, query_tenant: str | None) -> dict:
        """The token endpoint's answer for a form body, or an OpenIddict error."""
        if "application/x-www-form-urlencoded" not in content_type.lower():
            raise oauth(400, "invalid_request", "The specified HTTP method or content type is not valid.")
        form = dict(parse_qsl(body.decode("utf-8", "replace").replace("\x00", ""), keep_blank_values=True))
        tenant = query_tenant if query_tenant is not None else form.get("tenant")
        if tenant is not None and tenant.lower() != self.tenant.lower():
            raise oauth(400, "invalid_request", "The specified tenant is not valid.")
        grant = form.get("grant_type", "")
        if not grant:
            raise oauth(400, "invalid_request", "The mandatory 'grant_type' parameter is missing.")
        if grant != "client_credentials":
            raise oauth(400, "unsupported_grant_type", "The specified 'grant_type' is not supported.")
        application = self.applications.get(form.get("client_id", ""))
        secret = form.get("client_secret", "")
        if application is None or not hmac.compare_digest(
            application.client_secret.encode(), secret.encode()
        ):
            raise oauth(401, "invalid_client", "The specified client credentials are invalid.")
        requested = set(form.get("scope", "all").split()) or {"all"}
        if not requested <= SCOPES:
            raise oauth(400, "invalid_scope", "The specified 'scope' is invalid.")
        if "all" not in application.permissions:
            requested = application.permissions if "all" in requested else requested & application.permissions
        if not requested:
            raise oauth(400, "invalid_scope", "The application is not allowed the requested scope.")
        scope = " ".join(sorted(requested))
        access = secrets.token_urlsafe(48)
        with self.lock:
            now = time.time()
            for key in [k for k, t in self.tokens.items() if t.expires <= now]:
                del self.tokens[key]
            self.tokens[access] = Token(application.client_id, scope, now + self.lifetime)
        return {"access_token": access, "token_type": "Bearer", "expires_in": self.lifetime, "scope": scope}

    def authenticate(self, authorization: str) -> Token:
        """The token behind an `Authorization: Bearer` header, or 401 (missing, unknown or expired)."""
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise unauthorised("invalid_request", "The access token is missing.")
        with self.lock:
            token = self.tokens.get(value.strip())
        if token is None:
            raise unauthorised("invalid_token", "The specified token is invalid.")
        if token.expires <= time.time():
            raise unauthorised("invalid_token", "The specified token is no longer valid.")
        return token

    def expire_all(self) -> None:
        """Tests and the status page: make every issued token stale at once."""
        with self.lock:
            for token in self.tokens.values():
                token.expires = 0


def permits(token: Token, area: str, write: bool) -> bool:
    """Whether the token's scope covers reading (or editing) one permission area."""
    scopes = set(token.scope.split())
    wanted = {f"edit:{area}"} if write else {f"read:{area}", f"edit:{area}"}
    return bool(scopes & {"all", "admin"}) or bool(scopes & wanted)


def unauthorised(error: str, description: str) -> HaloError:
    return HaloError(
        401,
        {"error": error, "error_description": description},
        {"WWW-Authenticate": f'Bearer error="{error}", error_description="{description}"'},
    )
