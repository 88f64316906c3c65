"""YAML read safely, with the line of every key and item kept so that a mapping error can name both."""

from typing import Any

import yaml

MAX_BYTES = 64 * 1024

Path = tuple[str | int, ...]


class MappingError(ValueError):
    """A problem in the mapping, at a line and a key path such as `fields[3].direction`."""

    def __init__(self, line: int | None, path: Path, message: str) -> None:
        self.line, self.path, self.message = line, path, message
        where = ", ".join(part for part in (f"line {line}" if line else "", dotted(path)) if part)
        super().__init__(f"{where}: {message}" if where else message)


def dotted(path: Path) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def load(text: str) -> tuple[Any, dict[Path, int]]:
    """The document (`yaml.safe_load`) and the 1-based line of each path in it. Refused: more than 64 KB,
    syntax errors (with their line), duplicate keys, and anchors/aliases (one alias can stand for a large
    tree, and a mapping has no need of them)."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise MappingError(None, (), f"the mapping is larger than {MAX_BYTES // 1024} KB.")
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise MappingError(mark.line + 1 if mark else None, (), f"not valid YAML ({exc.problem}).") from None
    except yaml.YAMLError as exc:
        raise MappingError(None, (), f"not valid YAML ({exc}).") from None
    lines: dict[Path, int] = {}
    if root is not None:
        _walk(root, (), lines, set())
    try:
        return yaml.safe_load(text), lines
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc)
        raise MappingError(mark.line + 1 if mark else None, (), f"not valid YAML ({problem}).") from None


def _walk(node: yaml.Node, path: Path, lines: dict[Path, int], seen: set[int]) -> None:
    if id(node) in seen:  # an alias is the anchored node itself, met again
        raise MappingError(node.start_mark.line + 1, path, "anchors and aliases (&, *) are not allowed.")
    seen.add(id(node))
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        keys: set[Any] = set()
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                raise MappingError(key.start_mark.line + 1, path, "a key must be a plain word.")
            if key.value in keys:
                raise MappingError(key.start_mark.line + 1, (*path, key.value), "this key appears twice.")
            keys.add(key.value)
            if id(value) in seen:
                raise MappingError(
                    key.start_mark.line + 1, (*path, key.value), "anchors and aliases (&, *) are not allowed."
                )
            _walk(value, (*path, key.value), lines, seen)
            lines[(*path, key.value)] = key.start_mark.line + 1  # the key's line, not its value's
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), lines, seen)


def line_of(lines: dict[Path, int], path: Path) -> int | None:
    """The line of `path`, or of its nearest ancestor present in the document."""
    while path:
        if path in lines:
            return lines[path]
        path = path[:-1]
    return lines.get(())
