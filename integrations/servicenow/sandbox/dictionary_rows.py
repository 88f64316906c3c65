"""The dictionary as data: `sys_db_object` and `sys_dictionary` rows (from a seed file, the Table API or
an earlier run) add tables and columns, as defining them on an instance does."""

import re

from . import dictionary
from .columns import HASHED, Column
from .records import Records

SYS_ID = re.compile(r"^[0-9a-f]{32}$")
PASSWORDS = {"password", "password2"}


def column_of(row: dict[str, str]) -> Column:
    """A `sys_dictionary` row as a column: its type, reference, default and label. A column with a
    choice list (`choice` not 0) takes its labels from `sys_choice` rows (name, element, value, label)."""
    internal_type = row.get("internal_type") or "string"
    default = row.get("default_value", "")
    label = row.get("column_label", "")
    if internal_type in PASSWORDS:
        return Column(HASHED, label=label)
    if row.get("reference") or internal_type == "reference":
        return Column("reference", reference=row.get("reference", ""), default=default, label=label)
    if row.get("choice", "0") not in ("", "0"):
        return Column("choice", default=default, label=label)
    if internal_type == "boolean" and not default:
        default = "false"
    return Column(internal_type, default=default, label=label)


def register(records: Records, table: str, row: dict[str, str]) -> None:
    """Called after every create: a new table or column row extends the dictionary."""
    if table == "sys_db_object" and row.get("name"):
        parent = _parent_name(records, row)
        dictionary.add_table(row["name"], row.get("label", ""), parent, row.get("number_ref", ""))
    elif table == "sys_dictionary" and row.get("name"):
        if not row.get("element"):
            if not dictionary.known(row["name"]):
                dictionary.add_table(row["name"], row.get("column_label", ""))
            return
        dictionary.add_column(row["name"], row["element"], column_of(row))


def register_stored(records: Records) -> None:
    """On start: the tables and columns an earlier run's rows defined (tables first, for their parents)."""
    for table in ("sys_db_object", "sys_dictionary"):
        for _, row in records.store.scan(table):
            register(records, table, row)


def _parent_name(records: Records, row: dict[str, str]) -> str | None:
    """`super_class` names the parent's `sys_db_object` row by sys_id, or (as a reference may be written)
    by its table name; a name is stored as the row's sys_id, as an instance resolves it."""
    given = row.get("super_class", "")
    if not given:
        return None
    if SYS_ID.match(given):
        found = records.store.locate("sys_db_object", given)
        return found[1].get("name") if found else None
    for _, parent in records.store.scan("sys_db_object"):
        if parent.get("name") == given:
            records.store.put("sys_db_object", {**row, "super_class": parent["sys_id"]})
            break
    return given
