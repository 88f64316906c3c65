"""HaloITSM settings of a connection (kept in `Connection.options`), with their defaults and limits."""

from dataclasses import asdict, dataclass, field, fields
from typing import Any
from urllib.parse import urlsplit

# Hosted Halo answers 429 after 300 requests in a rolling five minutes.
DEFAULT_CALLS_PER_FIVE_MINUTES = 300
# The portfolio's roles that become Halo assets, each published as an asset type the admin maps (or
# has the product create) in the matching wizard's asset-type step.
ASSET_ROLES = {
    "business_application": "Business application",
    "application_instance": "Application instance",
    "software": "Software",
}


def resource_root(url: str) -> str:
    """The resource server's address without the `/api` Halo's API page shows after it."""
    url = url.strip().rstrip("/")
    return url[: -len("/api")] if url.lower().endswith("/api") else url


@dataclass(frozen=True)
class HaloOptions:
    auth_url: str = ""  # the authorisation server; empty: discovered from /api/authinfo
    tenant: str = ""  # empty: discovered from /api/authinfo (on-premise Halo has none)
    page_size: int = 100
    calls_per_five_minutes: int = DEFAULT_CALLS_PER_FIVE_MINUTES
    asset_types: dict[str, int] = field(default_factory=dict)  # role (ASSET_ROLES) → Halo asset type id

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
        unknown = sorted(set(self.asset_types) - set(ASSET_ROLES))
        if unknown:
            problems.append(f"Unknown asset roles: {', '.join(unknown)}.")
        if any(not isinstance(v, int) or isinstance(v, bool) or v < 1 for v in self.asset_types.values()):
            problems.append("Asset type ids must be positive whole numbers.")
        if problems:
            raise ValueError(" ".join(problems))

    def asset_type(self, role: str) -> int | None:
        """The Halo asset type a role is published as; None until the asset-type step has mapped it."""
        return self.asset_types.get(role)

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
        if "asset_types" in values:
            raw = values["asset_types"] or {}
            if not isinstance(raw, dict):
                raise ValueError("Asset types must map roles to asset type ids.")
            try:
                values["asset_types"] = {str(k): int(v) for k, v in raw.items() if v not in ("", None)}
            except (TypeError, ValueError):
                raise ValueError("Asset type ids must be positive whole numbers.") from None
        for name in ("auth_url", "tenant"):
            if name in values:
                values[name] = str(values[name] or "").strip()
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    as_dict = to_dict  # the name the connection form calls (as ServiceNowOptions has it)
