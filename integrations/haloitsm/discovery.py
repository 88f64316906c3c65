"""Subscribe from HaloITSM: the assets Halo discovered (servers, computers, network gear), as plain
`Discovered` data. The portfolio's own asset types (those the asset-type step mapped, or named like the
portfolio's roles) and software are left out: they are what Portfolio Bridge publishes, not what it
subscribes to.

Halo keeps hardware details in an asset type's info fields (`fields`: `{id, name, value}`) and shows
three of them as key fields (`key_field`..`key_field3`, named by the type's `keyfield*_name`); the
location is the asset's site and the service end date its warranty end (halo_glpi.md §2)."""

from collections.abc import Iterable, Iterator
from typing import Any

from integrations.base.errors import NotFound
from integrations.base.platform import Discovered

from .client import HaloClient
from .options import ASSET_ROLES, HaloOptions

# Info-field names Halo tenants use for each detail, lower-cased, most common first.
FIELD_NAMES = {
    "name": ("hostname", "host name", "device name", "computer name", "name"),
    "manufacturer": ("manufacturer", "make", "vendor"),
    "model": ("model", "model name"),
    "serial_number": ("serial number", "serial", "serial no", "service tag"),
    "operating_system": ("operating system", "os", "os name"),
    "os_version": ("os version", "operating system version", "os build"),
    "os_license": ("os licence", "os license", "product key", "product id", "licence key", "license key"),
}
# The infrastructure kind an asset type stands for, by words in its name (first match wins).
TYPE_WORDS = (
    (("virtual", "vm"), "virtual_machine"),
    (("container", "kubernetes", "docker"), "container_host"),
    (("cloud", "ec2", "azure"), "cloud_instance"),
    (("server",), "server"),
    (("workstation", "laptop", "desktop", "computer", "pc", "notebook"), "computer"),
    (("firewall", "switch", "router", "network", "access point", "load balancer"), "network_device"),
    (("storage", "san", "nas", "disk"), "storage"),
)
SOFTWARE_GROUPS = ("software", "licence", "license")


def item_type(type_name: str) -> str:
    words = type_name.lower().replace("-", " ").split()
    text = " ".join(words)
    for hints, kind in TYPE_WORDS:
        if any((hint in words) if len(hint) <= 3 else (hint in text) for hint in hints):
            return kind
    return "other"


def discovered_types(client: HaloClient, options: HaloOptions) -> dict[int, dict[str, Any]]:
    """The asset types whose assets are discovered, by id (one call)."""
    groups = {}
    types = list(client.records("AssetType"))
    mapped = set(options.asset_types.values())
    role_names = {label.lower() for label in ASSET_ROLES.values()}
    for row in types:
        groups[row.get("id")] = str(row.get("assetgroup_name") or "").lower()
    return {
        int(row["id"]): row
        for row in types
        if row.get("id") not in mapped
        and str(row.get("name") or "").strip().lower() not in role_names
        and not any(word in groups[row.get("id")] for word in SOFTWARE_GROUPS)
        and str(row.get("name") or "").strip().lower() != "software"
    }


def info_fields(asset: dict[str, Any], asset_type: dict[str, Any]) -> dict[str, str]:
    """Info-field values by lower-cased name: the `fields` list, completed by the key fields."""
    values: dict[str, str] = {}
    for slot, name_key in (("key_field", "keyfield_name"), ("key_field2", "keyfield2_name"),
                           ("key_field3", "keyfield3_name")):  # fmt: skip
        name = str(asset_type.get(name_key) or "").strip().lower()
        if name and asset.get(slot) not in (None, ""):
            values[name] = str(asset[slot]).strip()
    for field in asset.get("fields") or []:
        if isinstance(field, dict) and field.get("name"):
            value = field.get("display") if field.get("display") not in (None, "") else field.get("value")
            if value not in (None, ""):
                values[str(field["name"]).strip().lower()] = str(value).strip()
    return values


def pick(values: dict[str, str], detail: str) -> str:
    return next((values[name] for name in FIELD_NAMES[detail] if values.get(name)), "")


def linked_ids(asset: dict[str, Any]) -> tuple[str, ...]:
    """The assets linked below this one (what runs on it), by id."""
    ids = []
    for row in asset.get("child_assets") or []:
        value = row.get("id") if isinstance(row, dict) else row
        if value not in (None, "", 0):
            ids.append(str(value))
    return tuple(dict.fromkeys(ids))


def as_discovered(asset: dict[str, Any], asset_type: dict[str, Any]) -> Discovered:
    values = info_fields(asset, asset_type)
    name = pick(values, "name") or str(asset.get("inventory_number") or "") or f"Asset {asset['id']}"
    return Discovered(
        target_id=str(asset["id"]),
        name=name[:200],
        item_type=item_type(str(asset_type.get("name") or asset.get("assettype_name") or "")),
        manufacturer=pick(values, "manufacturer"),
        model=pick(values, "model"),
        serial_number=pick(values, "serial_number"),
        operating_system=pick(values, "operating_system"),
        os_version=pick(values, "os_version"),
        os_license=pick(values, "os_license"),
        location=str(asset.get("site_name") or ""),
        service_end_date=str(asset.get("warranty_end") or "")[:10],
        links=linked_ids(asset),
        target_type="Asset",
    )


def discovered(
    client: HaloClient, options: HaloOptions, ids: Iterable[str] | None = None
) -> Iterator[Discovered]:
    """Every discovered asset (paged, one list call per page), or only `ids` (one GET each; an asset
    that is gone or not of a discovered type is absent)."""
    types = discovered_types(client, options)
    if not types:
        return
    if ids is None:
        params = {"assettypes": ",".join(str(t) for t in types), "includeassetfields": "true"}
        for asset in client.records("Asset", params):
            if asset.get("assettype_id") in types:
                yield as_discovered(asset, types[asset["assettype_id"]])
        return
    for target_id in ids:
        if not str(target_id).isdigit():
            continue
        try:
            asset = client.get("Asset", int(target_id))
        except NotFound:
            continue
        if isinstance(asset, dict) and asset.get("assettype_id") in types and not asset.get("inactive"):
            yield as_discovered(asset, types[asset["assettype_id"]])
