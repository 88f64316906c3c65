"""Client-side authentication any platform's client uses: Basic, or OAuth tokens fetched from the
platform's token endpoint, cached and renewed a minute before they expire (or at once after a 401)."""

import base64
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

    def header(self) -> str:
        with self._lock:
            if not self._token or time.time() > self._expires - RENEW_BEFORE:
                self._fetch()
            return f"Bearer {self._token}"

    def invalidate(self) -> None:
        with self._lock:
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
