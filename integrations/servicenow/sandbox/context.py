"""What every API handler receives about the request."""

from dataclasses import dataclass, field
from typing import Any

from .errors import ApiError


@dataclass
class Caller:
    user_name: str
    sys_id: str
    roles: frozenset[str]

    def has_any(self, roles: set[str]) -> bool:
        return "admin" in self.roles or bool(self.roles & roles)


@dataclass
class Call:
    caller: Caller
    method: str
    path: str
    params: list[tuple[str, str]]
    body: bytes = b""
    content_type: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    version: str = ""  # "v1", "v2" or "" (latest)

    def param(self, name: str, default: str = "") -> str:
        for key, value in self.params:
            if key == name and value != "":
                return value
        return default

    def flag(self, name: str, default: bool = False) -> bool:
        value = self.param(name)
        return default if value == "" else value.lower() == "true"

    def json(self) -> Any:
        import json

        if self.content_type and "json" not in self.content_type.lower():
            raise ApiError(
                415, "Unsupported Media Type", f"Content-Type {self.content_type} is not supported"
            )
        try:
            return json.loads(self.body.decode("utf-8")) if self.body else {}
        except (UnicodeDecodeError, ValueError) as exc:
            raise ApiError(
                400, "Exception while reading request", f"Unable to parse JSON body: {exc}"
            ) from None
