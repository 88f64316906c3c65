"""ServiceNow encoded queries (`sysparm_query`): parsing and evaluation against stored rows.

A condition is `<field><OPERATOR><value>`; `^` joins with AND, `^OR` ORs with the condition before it,
`^NQ` starts a new block ORed with the others, `ORDERBY<f>` / `ORDERBYDESC<f>` sort. As on an instance,
a part with an unknown field or operator is ignored and the rest still applies.

Two parts reach into another table (see `Related`): `JOIN<t>.<f>=<jt>.<jf>!<cond>^^<cond>` keeps the rows
that some `jt` row (matching the conditions, joined by `^^`) points at, and
`RLQUERY<rt>.<rf>,<op><n>[,m2m]^<cond>^ENDRLQUERY` keeps the rows whose count of `rt` rows referencing them
through `rf` (and matching the conditions) satisfies `<op><n>`.
"""

import re
from collections import Counter
from collections.abc import Callable, Iterator
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
class Related:
    """A JOIN or RLQUERY part: a test on rows of another table. `field` is the queried row's side of the
    link, `other_field` the other table's; `where` the encoded query its rows must match. Before the
    query runs, the caller fills `found` with how many matching rows of `table` carry each `other_field`
    value (see `related_parts`)."""

    kind: str  # "join" or "rlquery"
    table: str
    field: str
    other_field: str
    where: str
    op: str = ">="
    count: int = 1
    found: Counter = field(default_factory=Counter)

    def holds(self, value: str) -> bool:
        have = self.found[value] if value else 0
        return {
            "=": have == self.count,
            "!=": have != self.count,
            ">": have > self.count,
            ">=": have >= self.count,
            "<": have < self.count,
            "<=": have <= self.count,
        }[self.op]


JOIN = re.compile(
    r"^JOIN(?P<left>[a-z0-9_]+)\.(?P<field>[a-z0-9_.]+)=(?P<table>[a-z0-9_]+)\.(?P<other>[a-z0-9_.]+)!(?P<where>.*)$",
    re.S,
)
RLQUERY = re.compile(
    r"^RLQUERY(?P<table>[a-z0-9_]+)\.(?P<other>[a-z0-9_]+),(?P<op>>=|<=|!=|=|>|<)(?P<count>\d+)(?:,m2m)?"
    r"(?:\^(?P<where>.*))?$",
    re.S,
)


@dataclass
class Query:
    blocks: list[list[list[Condition | Related]]] = field(
        default_factory=list
    )  # OR of blocks; AND of OR-groups
    order: list[tuple[str, bool]] = field(default_factory=list)  # (field, descending)
    invalid: bool = False


def _parts(text: str) -> Iterator[str]:
    """`text` split at `^`, keeping a whole `RLQUERY…^ENDRLQUERY` (or an unterminated one, to the end) and
    a whole `JOIN…!cond^^cond` together."""
    i = 0
    while i <= len(text):
        rest = text[i:]
        body = rest[2:] if rest.startswith("OR") else rest
        if body.startswith("RLQUERY"):
            end = text.find("^ENDRLQUERY", i)
            stop = len(text) if end < 0 else end
            yield text[i:stop]
            i = stop + len("^ENDRLQUERY") + 1 if end >= 0 else len(text) + 1
            continue
        j = i
        while True:
            k = text.find("^", j)
            if k >= 0 and body.startswith("JOIN") and text.startswith("^^", k):
                j = k + 2
                continue
            break
        stop = len(text) if k < 0 else k
        yield text[i:stop]
        i = stop + 1


def parse(
    text: str, is_field: Callable[[str], bool], is_own_table: Callable[[str], bool] | None = None
) -> Query:
    """Parse `text`; `is_field` says whether a (possibly dot-walked) field exists, `is_own_table` whether a
    JOIN's left-hand table is the queried one (a JOIN whose left table an earlier JOIN brought in nests
    into that one)."""
    query = Query()
    for block_text in text.split("^NQ") if text else []:
        block: list[list[Condition | Related]] = []
        joined: dict[str, Related] = {}
        for index, part in enumerate(_parts(block_text)):
            if not part:
                continue
            is_or = part.startswith("OR") and index > 0 and not part.startswith("ORDERBY")
            if part.startswith("ORDERBYDESC"):
                query.order.append((part[len("ORDERBYDESC") :], True))
                continue
            if part.startswith("ORDERBY"):
                query.order.append((part[len("ORDERBY") :], False))
                continue
            if part in ("EQ", "ENDJOIN") or part.startswith(("GROUPBY", "ENDRLQUERY")):
                continue
            text_part = part[2:] if is_or else part
            if text_part.startswith(("JOIN", "RLQUERY")):
                condition = _related(text_part, is_field, is_own_table, joined)
                if condition is None:
                    continue
            else:
                condition = _condition(text_part, is_field)
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


def _related(
    text: str,
    is_field: Callable[[str], bool],
    is_own_table: Callable[[str], bool] | None,
    joined: dict[str, "Related"],
) -> "Related | Condition | None":
    """A JOIN or RLQUERY part; None when it nests into an earlier JOIN (or is malformed: then a condition
    that never holds is not wanted either, so it is dropped like an unknown field)."""
    if match := RLQUERY.match(text):
        where = match["where"] or ""
        return Related(
            "rlquery", match["table"], "sys_id", match["other"], where, match["op"], int(match["count"])
        )
    match = JOIN.match(text)
    if not match:
        return None
    where = match["where"].replace("^^", "^")
    if match["left"] in joined and not (is_own_table and is_own_table(match["left"])):
        outer = joined[match["left"]]
        outer.where = "^".join(filter(None, (outer.where, text)))
        return None
    if (is_own_table and not is_own_table(match["left"])) or not is_field(match["field"]):
        return None
    related = Related("join", match["table"], match["field"], match["other"], where)
    joined[match["table"]] = related
    return related


def related_parts(query: Query) -> Iterator[Related]:
    """The JOIN and RLQUERY parts of a parsed query, for the caller to fill their `found` counts."""
    for block in query.blocks:
        for group in block:
            yield from (c for c in group if isinstance(c, Related))


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
    c: Condition | Related, lookup: Callable[[str], str], class_of: Callable[[str], list[str]], fold: bool
) -> bool:
    if isinstance(c, Related):
        return c.holds(lookup(c.field))
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
