"""One itemtype of the sandbox: its GLPI class name, table, fields with their defaults, the right that
guards it and its links; shared by the itemtype lists."""

from dataclasses import dataclass
from typing import Any

COMMON = {"comment": "", "date_mod": None, "date_creation": None}
DROPDOWN = {"name": "", **COMMON}
ENTITY = {"entities_id": 0, "is_recursive": 0}


@dataclass(frozen=True)
class Itemtype:
    name: str
    table: str
    fields: dict[str, Any]  # every field but id, with its default
    right: str  # the profile right that guards it ("dropdown" for dropdowns)
    unique: tuple[str, ...] = ()  # a UNIQUE key (relations): adding a duplicate fails
    links: tuple[str, ...] = ()  # fields that must name an existing item (relations)
    children: tuple[str, ...] = ()  # HATEOAS links GLPI lists after the foreign keys

    @property
    def fk(self) -> str:
        """The foreign key other tables use for it: `glpi_computers` → `computers_id`."""
        return self.table.removeprefix("glpi_") + "_id"

    @property
    def trashable(self) -> bool:
        """Items with `is_deleted` go to the trash unless purged."""
        return "is_deleted" in self.fields

    @property
    def has_entity(self) -> bool:
        return "entities_id" in self.fields
