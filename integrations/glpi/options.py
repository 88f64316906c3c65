"""GLPI settings of a connection (kept in `Connection.options`), with their defaults and limits."""

from dataclasses import asdict, dataclass, fields
from typing import Any
from urllib.parse import urlsplit, urlunsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

API_ENTRY = "/apirest.php"


def api_url(url: str) -> str:
    """The API's address as a connection stores it: whatever an admin pasted (the GLPI address, or its
    API URL from Setup > General > API, with or without an endpoint after it) ending in `/apirest.php`."""
    parts = urlsplit(url.strip())
    path = parts.path
    if API_ENTRY in path:
        path = path[: path.index(API_ENTRY)]
    path = path.rstrip("/") + API_ENTRY
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


def form_url(api: str, itemtype: str, item_id: str) -> str | None:
    """An item's page in GLPI's own interface (`front/<itemtype>.form.php?id=N`, beside the API), or None
    for what is not an item (a link field)."""
    if not (itemtype.replace("_", "").isascii() and itemtype.replace("_", "").isalnum()):
        return None
    if not (item_id.isascii() and item_id.isdigit()):
        return None
    parts = urlsplit(api_url(api))
    root = parts.path[: -len(API_ENTRY)]
    return urlunsplit(
        (parts.scheme, parts.netloc, f"{root}/front/{itemtype.lower()}.form.php", f"id={item_id}", "")
    )


@dataclass(frozen=True)
class GlpiOptions:
    entity_id: int = 0  # where the product reads and writes; seed 001: a sub-entity under the root
    entity_recursive: bool = False  # also see the entities below it
    page_size: int = 100
    time_zone: str = "UTC"  # GLPI's server answers its dates (date_mod) in its own zone, without saying so

    def __post_init__(self) -> None:
        problems = []
        try:
            ZoneInfo(self.time_zone)
        except (ValueError, ZoneInfoNotFoundError):
            problems.append(f"“{self.time_zone}” is not a time zone name (e.g. UTC or Europe/Paris).")
        if isinstance(self.entity_id, bool) or not isinstance(self.entity_id, int) or self.entity_id < 0:
            problems.append("The entity is GLPI's entity id, a whole number (0 is the root entity).")
        if not 1 <= self.page_size <= 1000:
            problems.append("Page size must be between 1 and 1000.")
        if problems:
            raise ValueError(" ".join(problems))

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "GlpiOptions":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in (data or {}).items() if k in known}
        for name, label in (("entity_id", "The entity id"), ("page_size", "Page size")):
            if name in values:
                try:
                    values[name] = int(values[name])
                except (TypeError, ValueError):
                    raise ValueError(f"{label} must be a whole number.") from None
        if "time_zone" in values:
            values["time_zone"] = str(values["time_zone"] or "").strip() or "UTC"
        if "entity_recursive" in values:
            values["entity_recursive"] = values["entity_recursive"] in (True, "true", "on", "1", 1)
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    as_dict = to_dict  # the name the connection form calls
