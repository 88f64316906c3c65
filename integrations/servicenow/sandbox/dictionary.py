"""The sandbox's data dictionary: the tables the product uses, their columns, choices, references and
class hierarchy (the part of `sys_db_object` / `sys_dictionary` a real instance would have)."""

from functools import cache

from .columns import ACL, SYSTEM_COLUMNS, Column, Table
from .tables import TABLE_LIST

__all__ = [
    "EXTENDED",
    "TABLES",
    "Column",
    "Table",
    "acl",
    "add_column",
    "add_table",
    "ancestors",
    "columns",
    "descendants",
    "dictionary_type",
    "display_field",
    "is_ci_class",
    "known",
    "number_prefix",
    "numbering",
    "root_table",
]

TABLES: dict[str, Table] = {t.name: t for t in TABLE_LIST}
# What `sys_db_object` / `sys_dictionary` rows added to the built-in dictionary: (table, "") for a table,
# (table, element) for a column. Their rows are the data; this registry is how reads see them.
EXTENDED: set[tuple[str, str]] = set()


def add_table(name: str, label: str, parent: str | None = None, number_prefix: str = "") -> None:
    """A table a `sys_db_object` row defines (or an extension table's new parent or prefix)."""
    current = TABLES.get(name)
    if current is not None and (name, "") not in EXTENDED:
        return  # built-in tables keep their definition
    columns = current.columns if current else {}
    acl_group = TABLES[root_table(parent)].acl if parent and known(parent) else "cmdb"
    TABLES[name] = Table(
        name, label or name, parent or None, columns, acl=acl_group, number_prefix=number_prefix
    )
    EXTENDED.add((name, ""))
    descendants.cache_clear()


def add_column(table: str, element: str, column: Column) -> None:
    """A column a `sys_dictionary` row defines; a built-in column keeps its definition."""
    if not known(table):
        add_table(table, table)
    if element in SYSTEM_COLUMNS:
        return  # every class has the system columns; their rows describe them
    if element in TABLES[table].columns and (table, element) not in EXTENDED:
        return
    TABLES[table].columns[element] = column
    EXTENDED.add((table, element))


def known(table: str) -> bool:
    return table in TABLES


def ancestors(table: str) -> list[str]:
    """`table` and its parents, nearest first."""
    chain = []
    current: str | None = table
    while current:
        chain.append(current)
        current = TABLES[current].parent if current in TABLES else None
    return chain


@cache
def descendants(table: str) -> tuple[str, ...]:
    """`table` and every class extending it."""
    found = [table]
    for name, t in TABLES.items():
        if t.parent == table:
            found += descendants(name)
    return tuple(found)


def is_ci_class(table: str) -> bool:
    return "cmdb_ci" in ancestors(table)


def columns(table: str) -> dict[str, Column]:
    """Every column of `table`, including inherited and system ones."""
    merged = dict(SYSTEM_COLUMNS)
    for name in reversed(ancestors(table)):
        if name in TABLES:
            merged.update(TABLES[name].columns)
    return merged


def root_table(table: str) -> str:
    return ancestors(table)[-1]


def acl(table: str) -> tuple[set[str], set[str]]:
    group = TABLES[root_table(table)].acl if root_table(table) in TABLES else "cmdb"
    return ACL[group]


def display_field(table: str) -> str:
    """The nearest class that names a display column other than `name` decides (a dictionary entry shows
    its element although its base class, the application file, shows its sys_name)."""
    for name in ancestors(table):
        if name in TABLES and TABLES[name].display != "name":
            return TABLES[name].display
    return "name"


def number_prefix(table: str) -> str:
    return numbering(table)[0]


def numbering(table: str) -> tuple[str, int]:
    """The prefix of `table`'s record numbers and the counter value before its first one."""
    for name in ancestors(table):
        if name in TABLES and TABLES[name].number_prefix:
            return TABLES[name].number_prefix, TABLES[name].number_start
    return "", 0


def dictionary_type(column: Column) -> tuple[str, str]:
    """`internal_type` and `choice` as an instance's `sys_dictionary` reports them: a choice list is an
    attribute of an integer or string column (task's state, impact, urgency and priority are integers,
    incident's close_code a string), shown as a dropdown without "-- None --" (3) when the column has a
    default, with it (1) otherwise."""
    if column.type != "choice":
        return column.type, "0"
    numeric = all(value.lstrip("-").isdigit() for value, _ in column.choices)
    return ("integer" if numeric else "string"), ("3" if column.default else "1")
