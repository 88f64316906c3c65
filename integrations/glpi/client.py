"""One client per GLPI connection, on the shared audited transport: GLPI 10's legacy REST API
(`…/apirest.php`), a session opened by `initSession` (user token or Basic login) and reused for every
call, opened again once when GLPI says it expired (401), and killed at `close()`; the App-Token on every
call; the connection's entity made active after each login, so reads and writes stay inside it.

GLPI answers errors as a two-element array `[CODE, message]`: the code picks the error of the shared
tree and a plain message; GLPI's own words stay in the detail."""

import base64
import json
import logging
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import requests

from integrations.base.calls import CallRecord
from integrations.base.errors import (
    AuthFailed,
    Forbidden,
    NotFound,
    Redirected,
    TargetError,
    UnexpectedResponse,
    error_for,
)
from integrations.base.http import DEFAULT_TIMEOUT, Redactor
from integrations.base.transport import Transport, TransportClient

log = logging.getLogger("integrations.glpi")
CONTENT_RANGE = re.compile(r"^\s*(\d+)-(\d+)/(\d+)\s*$")

# GLPI error codes that mean the same whatever was asked: (error class, what to do about it).
CODES: dict[str, tuple[type[TargetError], str]] = {
    "ERROR_APP_TOKEN_PARAMETERS_MISSING": (
        AuthFailed,
        "GLPI wants an App-Token: copy the API client's token (Setup > General > API) into the connection",
    ),
    "ERROR_WRONG_APP_TOKEN_PARAMETER": (
        AuthFailed,
        "GLPI refused the App-Token: copy it again from the API client (Setup > General > API)",
    ),
    "ERROR_NOT_ALLOWED_IP": (
        Forbidden,
        "GLPI does not accept calls from this server's address: add it to an active API client's IP range "
        "(Setup > General > API)",
    ),
    "ERROR_LOGIN_WITH_CREDENTIALS_DISABLED": (
        AuthFailed,
        "GLPI does not allow API login with a user name and password: enable “Enable login with "
        "credentials” (Setup > General > API) or use a user token",
    ),
    "ERROR_GLPI_LOGIN_USER_TOKEN": (
        AuthFailed,
        "GLPI refused the user token (or login with an external token is disabled): check the API "
        "user's token (its preferences > Remote access keys) and “Enable login with external token”",
    ),
    "ERROR_GLPI_LOGIN": (AuthFailed, "GLPI refused the user name or password"),
    "ERROR_LOGIN_PARAMETERS_MISSING": (AuthFailed, "Give the API user's token, or a login and password"),
    "ERROR_SESSION_TOKEN_INVALID": (AuthFailed, "GLPI ended the session and refused a new one"),
    "ERROR_RIGHT_MISSING": (Forbidden, "The API user's profile does not allow this"),
    "ERROR_ITEM_NOT_FOUND": (NotFound, "GLPI has no such item (or the active entities hide it)"),
}
API_DISABLED = "API disabled"
ADD_ATTEMPTS = 3  # a bulk add with no answer: what landed is looked for, then only the rest sent again


@dataclass(frozen=True)
class GlpiSettings:
    """Plain data describing how to reach one GLPI instance (built from a Connection by the caller)."""

    api_url: str  # …/apirest.php
    app_token: str = field(default="", repr=False)
    user_token: str = field(default="", repr=False)
    login: str = field(default="", repr=False)
    password: str = field(default="", repr=False)
    entity_id: int | None = None  # made active after login; None: the profile's default
    entity_recursive: bool = False
    ca_bundle: str = ""
    page_size: int = 100
    governor_key: str = ""
    attempts: int = 5
    timeout: tuple[float, float] = DEFAULT_TIMEOUT


@dataclass(frozen=True)
class Outcome:
    """One item of a bulk write as GLPI answered it: its id (None when an add failed), and GLPI's
    message when it failed."""

    id: int | None
    ok: bool
    message: str = ""


def error_code(response: requests.Response) -> tuple[str, Any]:
    """GLPI's `[CODE, message]`, or ("", text) when the body is something else."""
    try:
        body = response.json()
    except ValueError:
        return "", response.text[:500]
    if isinstance(body, list) and len(body) == 2 and isinstance(body[0], str) and body[0].startswith("ERROR"):
        return body[0], body[1]
    return "", response.text[:500]


def refusal(response: requests.Response, method: str, path: str) -> TargetError:
    """The shared error for a GLPI error answer; the code and GLPI's message are kept as the detail."""
    code, said = error_code(response)
    detail = (f"{code}: {said}" if code else str(said))[:500]
    kind: type[TargetError] | None = None
    message = ""
    if code == "ERROR" and said == API_DISABLED:
        kind, message = Forbidden, "GLPI's API is disabled: turn on “Enable Rest API” (Setup > General > API)"
    elif code in CODES:
        kind, message = CODES[code]
    if kind is None:
        error = error_for(response.status_code, "GLPI refused the request", detail, method, path)
    else:
        error = kind(message, status=response.status_code, detail=detail, method=method, path=path)
    error.code = code  # e.g. ERROR_RIGHT_MISSING, for callers that tell causes apart
    error.results = said if code.startswith("ERROR_GLPI_") and isinstance(said, list) else None
    return error


def content_range(header: str) -> tuple[int, int, int] | None:
    """(start, end, total) of GLPI's `Content-Range: 0-99/250`."""
    match = CONTENT_RANGE.match(header or "")
    return (int(match[1]), int(match[2]), int(match[3])) if match else None


class GlpiClient(TransportClient):
    def __init__(self, settings: GlpiSettings, audit: Callable[[CallRecord], None] | None = None) -> None:
        self.settings = settings
        self.secrets = (settings.app_token, settings.user_token, settings.password, settings.login)
        self.transport = Transport(
            settings.api_url.strip().rstrip("/"),
            secrets=self.secrets,
            ca_bundle=settings.ca_bundle,
            attempts=settings.attempts,
            timeout=settings.timeout,
            governor_key=settings.governor_key,
            audit=audit,
            log=log,
        )
        self.base_url = self.transport.base_url
        self.stats = self.transport.stats
        self.session_token = ""
        self.sessions_opened = 0
        self.failed_batches = 0  # whole-batch failures in a row in this run (writing.py)

    # Sessions -----------------------------------------------------------------------------------------

    def _headers(self) -> dict[str, str]:
        headers = {"X-GLPI-Sanitized-Content": "false"}
        if self.settings.app_token:
            headers["App-Token"] = self.settings.app_token
        return headers

    def init_session(self) -> str:
        """A new session (`initSession`) with the user token, else Basic login and password."""
        settings = self.settings
        if settings.user_token:
            authorization = f"user_token {settings.user_token}"
        else:
            pair = f"{settings.login}:{settings.password}".encode()
            authorization = "Basic " + base64.b64encode(pair).decode("ascii")
        headers = {**self._headers(), "Authorization": authorization}
        response = self.transport.send("GET", "/initSession", headers=headers)
        body = self._json(response, "GET", "/initSession")
        token = body.get("session_token") if isinstance(body, dict) else None
        if not token:
            raise UnexpectedResponse("initSession answered no session_token", path="/initSession")
        self.session_token = str(token)
        self.sessions_opened += 1
        self.transport.redact = Redactor(*self.secrets, self.session_token)
        return self.session_token

    def activate_entity(self) -> None:
        """Make the connection's entity the active one; NotFound when this account cannot reach it."""
        entity = self.settings.entity_id
        if entity is None:
            return
        payload = {"entities_id": entity, "is_recursive": self.settings.entity_recursive}
        done = self.json("POST", "/changeActiveEntities", payload=payload, fresh=False)
        if done is not True:
            raise NotFound(
                f"The account cannot see GLPI entity {entity}: choose one of the entities it can see",
                detail=str(done)[:200],
                method="POST",
                path="/changeActiveEntities",
            )

    def open(self) -> None:
        """Log in and activate the entity (what every call needs first)."""
        self.init_session()
        self.activate_entity()

    def kill_session(self) -> None:
        if not self.session_token:
            return
        try:
            self.transport.send("GET", "/killSession", headers=self._session_headers())
        except TargetError as exc:  # the session dies on its own; closing must not fail a run
            log.info("killSession failed: %s", exc)
        self.session_token = ""

    def close(self) -> None:
        self.kill_session()
        super().close()

    def _session_headers(self) -> dict[str, str]:
        return {**self._headers(), "Session-Token": self.session_token}

    # Calls --------------------------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        params: Any = None,
        payload: Any = None,
        fresh: bool = True,
        files: Any = None,
        accept: str = "",
    ) -> requests.Response:
        """A call in the session (opened first when there is none); an expired session (401) is opened
        again once. Raises the shared errors, keeping GLPI's code and words. `files` sends a multipart
        upload (with `payload` as its `uploadManifest`); `accept` asks for another answer than JSON."""
        for again in (False, True):
            if not self.session_token:
                self.open() if fresh else self.init_session()
            kwargs: dict[str, Any] = {"params": params, "headers": self._session_headers()}
            if accept:
                kwargs["headers"]["Accept"] = accept
            if files is not None:
                kwargs["files"] = {"uploadManifest": (None, json.dumps(payload), "application/json"), **files}
            elif payload is not None:
                kwargs["json"] = payload
            response = self.transport.send(method, path, **kwargs)
            if response.status_code == 401 and not again:
                self.session_token = ""
                continue
            break
        if response.is_redirect:
            raise Redirected(
                "GLPI sent the request to another address instead of answering: check the API URL "
                "(it ends in /apirest.php)",
                status=response.status_code,
                detail=f"to {response.headers.get('Location', '')[:200]}",
                method=method,
                path=path,
            )
        if response.status_code >= 400:
            raise refusal(response, method, path)
        return response

    def json(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._json(self.request(method, path, **kwargs), method, path)

    @staticmethod
    def _json(response: requests.Response, method: str, path: str) -> Any:
        if response.status_code >= 400:
            raise refusal(response, method, path)
        try:
            return response.json() if response.content else None
        except ValueError:
            raise UnexpectedResponse(
                "The answer is not JSON: is this GLPI's apirest.php?",
                status=response.status_code,
                detail=response.text[:200],
                method=method,
                path=path,
            ) from None

    # Reads --------------------------------------------------------------------------------------------

    def items(self, itemtype: str, params: dict | None = None) -> Iterator[dict[str, Any]]:
        """Every item of a collection, a `range` at a time (one page in memory), until `Content-Range`
        says the total is reached."""
        size = self.settings.page_size
        start = 0
        while True:
            query = {**(params or {}), "range": f"{start}-{start + size - 1}"}
            response = self.request("GET", f"/{itemtype}", params=query)
            rows = self._json(response, "GET", f"/{itemtype}") or []
            yield from rows
            bounds = content_range(response.headers.get("Content-Range", ""))
            if not rows or bounds is None or bounds[1] + 1 >= bounds[2]:
                return
            start = bounds[1] + 1

    def get(self, itemtype: str, item_id: int, params: dict | None = None) -> dict[str, Any]:
        return self.json("GET", f"/{itemtype}/{int(item_id)}", params=params)

    def search(
        self, itemtype: str, criteria: list[dict[str, Any]], forcedisplay: list[int] = ()
    ) -> Iterator[dict[str, Any]]:
        """The rows `search/<itemtype>` finds (keyed by search option id), paged with `range`. GLPI sends
        no `data` when nothing matches."""
        base: list[tuple[str, Any]] = []
        for n, criterion in enumerate(criteria):
            base += [(f"criteria[{n}][{key}]", value) for key, value in criterion.items()]
        base += [(f"forcedisplay[{n}]", option) for n, option in enumerate(forcedisplay)]
        size, start = self.settings.page_size, 0
        while True:
            query = [*base, ("range", f"{start}-{start + size - 1}")]
            body = self.json("GET", f"/search/{itemtype}", params=query) or {}
            rows = body.get("data") or []
            yield from rows
            start += len(rows)
            if not rows or start >= int(body.get("totalcount") or 0):
                return

    # Writes -------------------------------------------------------------------------------------------

    def write(self, method: str, itemtype: str, payload: dict[str, Any]) -> list[dict[str, Any]]:
        """One bulk call; the per-item results also when every item failed (GLPI's 400 with a list)."""
        path = f"/{itemtype}"
        response = self.request_results(method, path, payload)
        if isinstance(response, list) and len(response) == len(payload["input"]):
            return response
        raise UnexpectedResponse(
            f"GLPI answered {len(response) if isinstance(response, list) else 'no'} results for "
            f"{len(payload['input'])} {itemtype} items",
            detail=str(response)[:200],
            method=method,
            path=path,
        )

    def request_results(self, method: str, path: str, payload: dict[str, Any]) -> Any:
        try:
            body = self.json(method, path, payload=payload)
        except TargetError as exc:
            if getattr(exc, "results", None) is not None:  # every item failed: each with its message
                return exc.results
            raise
        if isinstance(body, list) and len(body) == 2 and str(body[0]).startswith("ERROR_GLPI_PARTIAL"):
            return body[1]
        return [body] if isinstance(body, dict) else body

    def add(self, itemtype: str, inputs: list[dict[str, Any]]) -> list[Outcome]:
        """Create every input in one call (`{"input": [...]}`); results in the order sent."""
        if not inputs:
            return []
        rows = self.write("POST", itemtype, {"input": inputs})
        return [
            Outcome(row.get("id") or None, bool(row.get("id")), str(row.get("message") or "")) for row in rows
        ]

    def update(self, itemtype: str, inputs: list[dict[str, Any]]) -> list[Outcome]:
        """Change the fields given of each input (each names its `id`) in one call."""
        if not inputs:
            return []
        rows = self.write("PUT", itemtype, {"input": inputs})
        return [outcome(row, item) for row, item in zip(rows, inputs, strict=True)]

    def delete(self, itemtype: str, ids: list[int], force_purge: bool = False) -> list[Outcome]:
        """Delete (to the trash, or for good with `force_purge`) in one call."""
        if not ids:
            return []
        payload = {"input": [{"id": int(i)} for i in ids], "force_purge": force_purge}
        rows = self.write("DELETE", itemtype, payload)
        return [outcome(row, {"id": i}) for row, i in zip(rows, ids, strict=True)]


def pause_before_retry(attempt: int) -> None:
    time.sleep(min(0.5 * 2**attempt, 5))


def added(row: dict[str, Any]) -> Outcome:
    """An add result, `{"id": 12, "message": ""}` (`"id": false` when it failed)."""
    created = row.get("id")
    ok = isinstance(created, int) and not isinstance(created, bool) and created > 0
    return Outcome(created if ok else None, ok, str(row.get("message") or ""))


def outcome(row: dict[str, Any], item: dict[str, Any]) -> Outcome:
    """An update or delete result, `{"<id>": true, "message": ""}`."""
    key = str(item.get("id"))
    ok = bool(row.get(key)) if key in row else any(v is True for k, v in row.items() if k != "message")
    return Outcome(int(item["id"]), ok, str(row.get("message") or ""))
