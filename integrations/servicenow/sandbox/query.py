"""ServiceNow encoded queries (`sysparm_query`): parsing and evaluation against stored rows.

A condition is `<field><OPERATOR><value>`; `^` joins with AND, `^OR` ORs with the condition before it,
`^NQ` starts a new block ORed with the others, `ORDERBY<f>` / `ORDERBYDESC<f>` sort. As on an instance,
a part with an unknown field or operator is ignored and the rest still applies.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

OPERATORS = (
    "DOES NOT CONTAIN",
    "NOT LIKE",
    "NOT IN",
    "ISNOTEMPTY",
    "ISEMPTY",
    "STARTSWITH",
    "ENDSWITH",
    "INSTANCEOF",
    "CONTAINS",
    "BETWEEN",
    "ANYTHING",
    "EMPTYSTRING",
    "NSAMEAS",
    "SAMEAS",
    "LIKE",
    "IN",
    "!=",
    "<=",
    ">=",
    "=",
    "<",
    ">",
)
CONDITION = re.compile(
    r"^(?P<field>[a-z0-9_]+(?:\.[a-z0-9_]+)?)(?P<op>"
    + "|".join(map(re.escape, OPERATORS))
    + r")(?P<value>.*)$",
    re.S,
)
DATE_GENERATE = re.compile(
    r"javascript:gs\.dateGenerate\(['\"]([^'\"]+)['\"](?:\s*,\s*['\"]([^'\"]+)['\"])?\)"
)


@dataclass
class Condition:
    field: str
    op: str
    value: str

    @cached_property
    def folded(self) -> str:
        return self.value.lower()

    @cached_property
    def _members(self) -> tuple[frozenset[str], frozenset[str]]:
        """The values of an IN / NOT IN list (as given, and lowercased), split once per query rather than
        once per row: `sys_idIN` lists of hundreds of ids are common."""
        items = frozenset(v.strip() for v in self.value.split(","))
        return items, frozenset(v.lower() for v in items)

    def members(self, fold: bool) -> frozenset[str]:
        return self._members[1] if fold else self._members[0]


@dataclass
class Query:
    blocks: list[list[list[Condition]]] = field(default_factory=list)  # OR of blocks; AND of OR-groups
    order: list[tuple[str, bool]] = field(default_factory=list)  # (field, descending)
    invalid: bool = False


def parse(text: str, is_field: Callable[[str], bool]) -> Query:
    """Parse `text`; `is_field` says whether a (possibly dot-walked) field exists."""
    query = Query()
    for block_text in text.split("^NQ") if text else []:
        block: list[list[Condition]] = []
        for index, part in enumerate(re.split(r"\^(?=OR)|\^", block_text)):
            if not part:
                continue
            is_or = part.startswith("OR") and index > 0 and not part.startswith("ORDERBY")
            if part.startswith("ORDERBYDESC"):
                query.order.append((part[len("ORDERBYDESC") :], True))
                continue
            if part.startswith("ORDERBY"):
                query.order.append((part[len("ORDERBY") :], False))
                continue
            if part == "EQ" or part.startswith(("GROUPBY", "RLQUERY", "ENDRLQUERY", "JOIN")):
                continue
            condition = _condition(part[2:] if is_or else part, is_field)
            if condition is None:
                query.invalid = True
                continue
            if is_or and block:
                block[-1].append(condition)
            else:
                block.append([condition])
        if block:
            query.blocks.append(block)
    return query


def _condition(text: str, is_field: Callable[[str], bool]) -> Condition | None:
    match = CONDITION.match(text)
    if not match or not is_field(match["field"]):
        return None
    value = DATE_GENERATE.sub(lambda m: " ".join(p for p in m.groups() if p), match["value"])
    return Condition(match["field"], match["op"], value)


def matches(
    query: Query, lookup: Callable[[str], str], class_of: Callable[[str], list[str]], fold: bool
) -> bool:
    """Whether a row matches; `lookup(field)` gives the row's raw value (dot-walks resolved), `class_of(name)`
    a class and its ancestors (for INSTANCEOF, which tests the class a field names: the row's own
    `sys_class_name`, or a referenced record's, e.g. `child.sys_class_nameINSTANCEOFcmdb_ci_computer`)."""
    if not query.blocks:
        return True
    return any(
        all(any(_test(c, lookup, class_of, fold) for c in group) for group in block) for block in query.blocks
    )


def _number(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


def _compare(left: str, right: str) -> int:
    a, b = _number(left), _number(right)
    if a is not None and b is not None:
        return (a > b) - (a < b)
    return (left > right) - (left < right)


def _test(
    c: Condition, lookup: Callable[[str], str], class_of: Callable[[str], list[str]], fold: bool
) -> bool:
    raw = lookup(c.field)
    value, target = (raw.lower(), c.folded) if fold else (raw, c.value)
    match c.op:
        case "=":
            return value == target
        case "!=":
            return value != target
        case "LIKE" | "CONTAINS":
            return target in value
        case "NOT LIKE" | "DOES NOT CONTAIN":
            return target not in value
        case "STARTSWITH":
            return value.startswith(target)
        case "ENDSWITH":
            return value.endswith(target)
        case "IN":
            return value in c.members(fold)
        case "NOT IN":
            return value not in c.members(fold)
        case "ISEMPTY" | "EMPTYSTRING":
            return raw == ""
        case "ISNOTEMPTY":
            return raw != ""
        case "ANYTHING":
            return True
        case "<":
            return raw != "" and _compare(raw, c.value) < 0
        case "<=":
            return raw != "" and _compare(raw, c.value) <= 0
        case ">":
            return raw != "" and _compare(raw, c.value) > 0
        case ">=":
            return raw != "" and _compare(raw, c.value) >= 0
        case "BETWEEN":
            low, _, high = c.value.partition("@")
            return raw != "" and _compare(raw, low) >= 0 and _compare(raw, high) <= 0
        case "INSTANCEOF":
            return bool(raw) and c.value in class_of(raw)
        case "SAMEAS":
            return raw == lookup(c.value)
        case "NSAMEAS":
            return raw != lookup(c.value)
    return False


def sort_key(value: str) -> tuple[int, float | str]:
    number = _number(value)
    return (0, number) if number is not None else (1, value.lower())
