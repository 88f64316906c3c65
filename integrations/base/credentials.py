"""Client-side authentication any platform's client uses: Basic, or OAuth tokens fetched from the
platform's token endpoint, cached and renewed a minute before they expire (or at once after a 401). A
client that names its `origin` shares its tokens with the other clients of the process for the same
account, so short-lived clients (one per pipeline request) do not each ask for a token."""

import base64
import hashlib
import threading
import time
from collections.abc import Callable

import requests

from .errors import AuthFailed, ConnectionFailed, Hibernating

RENEW_BEFORE = 60


class BasicCredentials:
    can_renew = False

    def __init__(self, username: str, password: str) -> None:
        token = base64.b64encode(f"{username}:{password}".encode()).decode()
        self._header = f"Basic {token}"

    def header(self) -> str:
        return self._header

    def invalidate(self) -> None:
        """Basic credentials cannot be renewed."""


class SharedTokens:
    """Tokens by account (origin, endpoint, grant, client id and a hash of the secrets), in memory only."""

    def __init__(self) -> None:
        self._tokens: dict[tuple, tuple[str, float, str]] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple) -> tuple[str, float, str] | None:
        with self._lock:
            return self._tokens.get(key)

    def put(self, key: tuple, token: str, expires: float, refresh: str) -> None:
        with self._lock:
            self._tokens[key] = (token, expires, refresh)

    def drop(self, key: tuple, token: str) -> None:
        with self._lock:
            if self._tokens.get(key, ("",))[0] == token:
                del self._tokens[key]

    def clear(self) -> None:
        with self._lock:
            self._tokens.clear()


SHARED_TOKENS = SharedTokens()


class OAuthCredentials:
    """Thread-safe token cache for the password and client_credentials grants (with refresh tokens)."""

    can_renew = True

    def __init__(
        self,
        post: Callable[[str, dict[str, str]], requests.Response],
        grant: str,
        client_id: str,
        client_secret: str,
        username: str = "",
        password: str = "",
        refresh_token: str = "",
        *,
        path: str = "/oauth_token.do",
        extra: dict[str, str] | None = None,
        origin: str = "",
    ) -> None:
        self._post = post
        self.path = path  # may carry a query string, e.g. Halo's ?tenant=
        self._extra = extra or {}
        self.grant = grant
        self._client = {"client_id": client_id, "client_secret": client_secret}
        self._user = {"username": username, "password": password}
        self._refresh = refresh_token
        self._token = ""
        self._expires = 0.0
        self._lock = threading.Lock()
        secrets = hashlib.sha256("\0".join((client_secret, username, password)).encode()).hexdigest()
        self._key = (origin, path, grant, client_id, secrets) if origin else None

    def header(self) -> str:
        with self._lock:
            if not self._token or time.time() > self._expires - RENEW_BEFORE:
                shared = SHARED_TOKENS.get(self._key) if self._key else None
                if shared and time.time() < shared[1] - RENEW_BEFORE:
                    self._token, self._expires, self._refresh = (
                        shared[0],
                        shared[1],
                        shared[2] or self._refresh,
                    )
                else:
                    self._fetch()
                    if self._key:
                        SHARED_TOKENS.put(self._key, self._token, self._expires, self._refresh)
            return f"Bearer {self._token}"

    def invalidate(self) -> None:
        with self._lock:
            if self._key:
                SHARED_TOKENS.drop(self._key, self._token)
            self._token = ""

    def _fetch(self) -> None:
        attempts = []
        if self._refresh:
            attempts.append({"grant_type": "refresh_token", "refresh_token": self._refresh})
        if self.grant == "password":
            attempts.append({"grant_type": "password", **self._user})
        elif self.grant == "client_credentials":
            attempts.append({"grant_type": "client_credentials"})
        response = None
        for form in attempts:
            response = self._post(self.path, {**form, **self._client, **self._extra})
            if response.status_code == 200:
                break
        if response is None or response.status_code != 200:
            self._refused(response)
        try:
            body = response.json()
            self._token = body["access_token"]
        except (ValueError, KeyError):
            self._refused(response)
        self._expires = time.time() + int(body.get("expires_in") or 1800)
        self._refresh = body.get("refresh_token") or self._refresh

    def _refused(self, response: requests.Response | None):
        if response is None:
            raise ConnectionFailed("No OAuth grant is possible with these credentials")
        if response.headers.get("Content-Type", "").startswith("text/html"):
            raise Hibernating(
                "The instance answered a web page instead of a token: it is probably hibernating; wake it up",
                status=response.status_code,
                path=self.path,
            )
        try:
            body = response.json()
            reason = f"{body.get('error', '')}: {body.get('error_description', '')}".strip(": ")
        except ValueError:
            reason = response.text[:200]
        raise AuthFailed(
            "The instance refused the OAuth credentials: check the client ID and secret "
            "(and, for the password grant, the user name and password)",
            status=response.status_code,
            detail=reason,
            method="POST",
            path=self.path,
        )
