"""Shape checks of a portfolio document, before anything touches the database: sections, keys, value
types, required values and duplicate natural keys."""

from typing import Any

from . import schema
from .problems import Locator, Path, Problem

NESTED = {schema.APPLICATIONS_SECTION.key: ("deployments", schema.DEPLOYMENTS)}


def natural_key(section: schema.Section, item: dict) -> tuple:
    """The item's natural key; a value that is not text (already reported) counts as empty."""
    values = []
    for key in section.natural_key:
        value = item.get(key)
        value = value.strip() if isinstance(value, str) else ""
        values.append(value.lower() if section is schema.CONTACTS else value)
    return tuple(values)


class _Checker:
    def __init__(self, locator: Locator) -> None:
        self.locator = locator
        self.problems: list[Problem] = []
        self.bad: set[Path] = set()

    def problem(self, path: Path, message: str, owner: Path | None = None) -> None:
        """Record a problem at `path`; `owner` is the item or section it leaves unreadable, if any."""
        self.problems.append(Problem(self.locator.describe(path), message))
        if owner is not None:
            self.bad.add(owner)

    def document(self, document: Any) -> None:
        if not isinstance(document, dict):
            expected = ", ".join(schema.SECTIONS_BY_KEY)
            self.problem((), f"The portfolio must be an object with the sections {expected}.", ())
            return
        for key in document:
            if key not in schema.SECTIONS_BY_KEY:
                expected = ", ".join(schema.SECTIONS_BY_KEY)
                self.problem((key,), f"Unknown section “{key}”; expected one of {expected}.")
        for section in schema.TOP_LEVEL:
            if section.key in document:
                self.items(section, document[section.key], (section.key,))

    def items(self, section: schema.Section, items: Any, path: Path) -> None:
        if not isinstance(items, list):
            self.problem(path, "Must be a list.", path)
            return
        seen: dict[tuple, int] = {}
        nested = NESTED.get(section.key)
        allowed = set(section.keys) | ({nested[0]} if nested else set())
        for i, item in enumerate(items):
            where = (*path, i)
            if not isinstance(item, dict):
                self.problem(where, "Must be an object.", where)
                continue
            for key in item:
                if key not in allowed:
                    expected = ", ".join(sorted(allowed))
                    self.problem((*where, key), f"Unknown key “{key}”; expected one of {expected}.")
            for f in section.fields:
                if f.key in item:
                    self.value(f, item[f.key], (*where, f.key), where)
                if f.required and not (isinstance(item.get(f.key), str) and item[f.key].strip()):
                    self.problem((*where, f.key), "This value is required.", where)
            key = natural_key(section, item)
            if isinstance(key[0], str) and key[0]:
                if key in seen:
                    shown = " ".join(str(v) for v in key if v)
                    label = section.key.replace("_", " ")
                    self.problem(where, f"Duplicate {label} “{shown}” (also at index {seen[key]}).")
                else:
                    seen[key] = i
            if nested and nested[0] in item:
                self.items(nested[1], item[nested[0]], (*where, nested[0]))

    def value(self, field: schema.Field, value: Any, path: Path, owner: Path) -> None:
        if field.kind in (schema.SERVICES, schema.APPLICATIONS):
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                self.problem(path, "Must be a list of names.", owner)
        elif field.kind == schema.DEPLOYMENT_REFS:
            if not isinstance(value, list) or not all(_is_deployment_ref(v) for v in value):
                self.problem(path, 'Must be a list of {"application": app id, "name": …} objects.', owner)
        elif field.kind == schema.PRODUCTS:
            if not isinstance(value, list) or not all(_is_product_ref(v) for v in value):
                self.problem(path, 'Must be a list of {"name": …, "version": …} objects.', owner)
        elif not isinstance(value, str):
            self.problem(path, "Must be a string.", owner)


def _is_product_ref(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) <= {"name", "version"}
        and isinstance(value.get("name"), str)
        and bool(value["name"].strip())
        and isinstance(value.get("version", ""), str)
    )


def _is_deployment_ref(value: Any) -> bool:
    return (
        isinstance(value, dict)
        and set(value) == {"application", "name"}
        and all(isinstance(v, str) and v.strip() for v in value.values())
    )


def check_structure(document: Any, locator: Locator) -> tuple[list[Problem], set[Path]]:
    """The problems of shape, and the paths of the sections and items that have them (the value checks
    skip those, so that one import run still reports every other problem)."""
    checker = _Checker(locator)
    checker.document(document)
    return checker.problems, checker.bad
