"""The asset-type setup step (seed 002 §4.4): which Halo asset type each portfolio role is published as.
Halo has no "business application" of its own; an admin maps each role to an existing asset type or has
the product create the missing ones. Creating is safe to repeat: a type of the same name is used."""

from typing import Any

from integrations.base.platform import SetupOption, SetupRow, SetupStep

from .client import HaloClient
from .options import ASSET_ROLES, HaloOptions

# The asset group new types go into when the instance has it (the reference does not say whether Halo
# requires a group; the sandbox does not).
GROUP_NAME = "Software"


def same(name: str) -> str:
    return " ".join(str(name or "").split()).casefold()


class AssetTypeStep(SetupStep):
    slug = "asset-types"
    title = "Asset types"
    noun = "asset type"
    intro = (
        "HaloITSM keeps the portfolio as assets. Choose the asset type each kind of portfolio record is "
        "published as, or let Portfolio Bridge create the missing types (previewed before anything is "
        "created)."
    )

    def offered(self, client: HaloClient) -> list[SetupOption]:
        types = [SetupOption(str(t["id"]), str(t.get("name") or "")) for t in client.records("AssetType")]
        return sorted(types, key=lambda t: same(t.name))

    def rows(self, options: HaloOptions) -> list[SetupRow]:
        return [
            SetupRow(role, title, str(options.asset_type(role) or ""), title)
            for role, title in ASSET_ROLES.items()
        ]

    def create(self, client: HaloClient, names: dict[str, str]) -> dict[str, str]:
        """One read of the types, then one save of those still missing (a JSON array)."""
        if not names:
            return {}
        existing = {same(t["name"]): str(t["id"]) for t in client.records("AssetType") if t.get("name")}
        found = {role: existing[same(name)] for role, name in names.items() if same(name) in existing}
        missing = [(role, name) for role, name in names.items() if role not in found]
        if missing:
            group = next(
                (g["id"] for g in client.records("AssetGroup") if same(g.get("name")) == same(GROUP_NAME)),
                None,
            )
            extra = {"assetgroup_id": group} if group else {}
            saved = client.save("AssetType", [{"name": name, **extra} for _, name in missing])
            found.update({role: str(row["id"]) for (role, _), row in zip(missing, saved, strict=True)})
        return found

    def save(self, data: dict[str, Any], chosen: dict[str, str]) -> dict[str, Any]:
        options = HaloOptions.from_dict(
            {**data, "asset_types": {**(data.get("asset_types") or {}), **chosen}}
        )
        return {**data, "asset_types": options.asset_types}
