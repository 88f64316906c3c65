"""HaloITSM settings of a connection (kept in `Connection.options`), with their defaults and limits."""

from dataclasses import asdict, dataclass, fields
from typing import Any
from urllib.parse import urlsplit

# Hosted Halo answers 429 after 300 requests in a rolling five minutes.
DEFAULT_CALLS_PER_FIVE_MINUTES = 300


@dataclass(frozen=True)
class HaloOptions:
    auth_url: str = ""  # the authorisation server; empty: discovered from /api/authinfo
    tenant: str = ""  # empty: discovered from /api/authinfo (on-premise Halo has none)
    page_size: int = 100
    calls_per_five_minutes: int = DEFAULT_CALLS_PER_FIVE_MINUTES

    def __post_init__(self) -> None:
        problems = []
        if not 1 <= self.page_size <= 1000:
            problems.append("Page size must be between 1 and 1000.")
        if not 1 <= self.calls_per_five_minutes <= 100_000:
            problems.append("Calls per five minutes must be between 1 and 100000.")
        if self.auth_url and urlsplit(self.auth_url).scheme not in ("http", "https"):
            problems.append(
                "The authorisation server must be an http(s) URL, e.g. https://acme.haloitsm.com/auth."
            )
        if problems:
            raise ValueError(" ".join(problems))

    @property
    def calls_per_minute(self) -> int:
        """What the rate governor takes: a fifth of the five-minute budget, so a burst never meets a 429."""
        return max(1, self.calls_per_five_minutes // 5)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> "HaloOptions":
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in (data or {}).items() if k in known}
        for name in ("page_size", "calls_per_five_minutes"):
            if name in values:
                try:
                    values[name] = int(values[name])
                except (TypeError, ValueError):
                    label = name.replace("_", " ").capitalize()
                    raise ValueError(f"{label} must be a whole number.") from None
        for name in ("auth_url", "tenant"):
            if name in values:
                values[name] = str(values[name] or "").strip()
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
