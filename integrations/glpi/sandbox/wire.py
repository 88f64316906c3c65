"""How GLPI reads a request and shapes an answer: PHP-style bracketed query parameters, PHP booleans,
`range=start-end`, and the HTML-escaping of text GLPI 10 stores and returns by default."""

import re
from typing import Any
from urllib.parse import parse_qsl

from .errors import error, generic

_KEY = re.compile(r"^([^\[\]]+)((?:\[[^\[\]]*\])*)$")
RANGE = re.compile(r"^(\d+)-(\d+)$")
TRUE_WORDS = {"1", "true", "on", "yes"}
FALSE_WORDS = {"0", "false", "off", "no", ""}


def php_params(query: str) -> dict[str, Any]:
    """`a[0][b]=1&c[]=x&d=2` as PHP's `$_GET` sees it, with numeric-keyed arrays turned into lists."""
    result: dict[str, Any] = {}
    for key, value in parse_qsl(query, keep_blank_values=True):
        match = _KEY.match(key)
        if not match:
            result[key] = value
            continue
        name, brackets = match.groups()
        parts = [name, *re.findall(r"\[([^\[\]]*)\]", brackets)]
        node: dict[str, Any] = result
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            if part == "":
                part = str(sum(1 for k in node if k.isdigit()))
            if last:
                node[part] = value
            else:
                child = node.get(part)
                if not isinstance(child, dict):
                    child = node[part] = {}
                node = child
    return _listify(result)


def _listify(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    converted = {k: _listify(v) for k, v in value.items()}
    if converted and all(k.isdigit() for k in converted):
        return [converted[k] for k in sorted(converted, key=int)]
    return converted


def truthy(value: Any) -> bool:
    """PHP's view of a parameter: "true"/"false" are booleans, then "0" and "" are false."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return bool(value)
    if isinstance(value, str):
        return value.lower() != "false" and value not in ("", "0")
    return bool(value)


def strict_bool(value: Any, name: str) -> bool:
    """FILTER_VALIDATE_BOOLEAN: true/false, 1/0, on/off, yes/no; anything else is a 400."""
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in TRUE_WORDS:
        return True
    if text in FALSE_WORDS:
        return False
    raise generic(f"Can't parse {name} parameter: it must be a boolean")


def parse_range(raw: Any, default_size: int) -> tuple[int, int, bool]:
    """(start, end, given) of the `range` parameter; GLPI's 400 when malformed."""
    if raw is None:
        return 0, default_size - 1, False
    match = RANGE.match(str(raw))
    if not match:
        raise generic("range must be in format : [start-end] with integers")
    start, end = int(match[1]), int(match[2])
    if end < start:
        raise generic("range must be in format : [start-end] with integers")
    return start, end, True


def page(rows: list[Any], raw_range: Any, list_limit: int) -> tuple[list[Any], dict[str, str], int]:
    """The rows of the requested range, GLPI's Content-Range header and 200/206. Without `range`
    GLPI's header says `0-<list_limit>` while it returns `list_limit` rows (a quirk kept here)."""
    start, end, given = parse_range(raw_range, list_limit)
    total = len(rows)
    if start > total:
        raise error("ERROR_RANGE_EXCEED_TOTAL", total)
    header_end = min(end if given else list_limit, total - 1)
    selected = rows[start : end + 1]
    headers = {}
    if total:
        headers["Content-Range"] = f"{start}-{header_end}/{total}"
    status = 206 if header_end - start + 1 < total else 200
    return selected, headers, status


def sanitized(value: Any) -> Any:
    """Text as GLPI 10 returns it by default: `&`, `<` and `>` as numeric entities."""
    if isinstance(value, str):
        return value.replace("&", "&#38;").replace("<", "&#60;").replace(">", "&#62;")
    if isinstance(value, list):
        return [sanitized(v) for v in value]
    if isinstance(value, dict):
        return {k: sanitized(v) for k, v in value.items()}
    return value


def require_list_of_objects(value: Any) -> tuple[list[dict[str, Any]], bool]:
    """The `input` of a write as a list of objects and whether it was one object; ERROR_BAD_ARRAY else."""
    if isinstance(value, dict):
        return [value], True
    if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
        return value, False
    raise error("ERROR_BAD_ARRAY")
