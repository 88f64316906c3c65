"""Shape checks of a portfolio document, before anything touches the database: sections, keys, value
types, required values and duplicate natural keys."""

from typing import Any

from . import schema
from .problems import Locator, Path, Problem

NESTED = {schema.APPLICATIONS_SECTION.key: ("deployments", schema.DEPLOYMENTS)}


def natural_key(section: schema.Section, item: dict) -> tuple:
    values = []
    for key in section.natural_key:
        value = item.get(key) or ""
        value = value.strip() if isinstance(value, str) else value
        values.append(value.lower() if section is schema.CONTACTS else value)
    return tuple(values)


def check_structure(document: Any, locator: Locator) -> list[Problem]:
    problems: list[Problem] = []

    def problem(path: Path, message: str) -> None:
        problems.append(Problem(locator.describe(path), message))

    if not isinstance(document, dict):
        problem((), "The portfolio must be an object with the sections " + ", ".join(schema.SECTIONS_BY_KEY))
        return problems
    for key in document:
        if key not in schema.SECTIONS_BY_KEY:
            problem((key,), f"Unknown section “{key}”; expected one of {', '.join(schema.SECTIONS_BY_KEY)}.")
    for section in schema.TOP_LEVEL:
        if section.key in document:
            _check_items(section, document[section.key], (section.key,), problem)
    return problems


def _check_items(section: schema.Section, items: Any, path: Path, problem) -> None:
    if not isinstance(items, list):
        problem(path, "Must be a list.")
        return
    seen: dict[tuple, int] = {}
    nested = NESTED.get(section.key)
    allowed = set(section.keys) | ({nested[0]} if nested else set())
    for i, item in enumerate(items):
        where = (*path, i)
        if not isinstance(item, dict):
            problem(where, "Must be an object.")
            continue
        for key in item:
            if key not in allowed:
                problem((*where, key), f"Unknown key “{key}”; expected one of {', '.join(sorted(allowed))}.")
        for f in section.fields:
            if f.key in item:
                _check_value(f, item[f.key], (*where, f.key), problem)
            if f.required and not (isinstance(item.get(f.key), str) and item[f.key].strip()):
                problem((*where, f.key), "This value is required.")
        key = natural_key(section, item)
        if all(isinstance(v, str) and v for v in key[:1]):
            if key in seen:
                shown = " ".join(str(v) for v in key if v)
                problem(
                    where, f"Duplicate {section.key.replace('_', ' ')} “{shown}” (also at index {seen[key]})."
                )
            else:
                seen[key] = i
        if nested and nested[0] in item:
            _check_items(nested[1], item[nested[0]], (*where, nested[0]), problem)


def _check_value(field: schema.Field, value: Any, path: Path, problem) -> None:
    if field.kind in (schema.SERVICES, schema.APPLICATIONS):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problem(path, "Must be a list of names.")
    elif field.kind == schema.PRODUCTS:
        ok = isinstance(value, list) and all(
            isinstance(v, dict)
            and isinstance(v.get("name"), str)
            and v["name"].strip()
            and isinstance(v.get("version", ""), str)
            and set(v) <= {"name", "version"}
            for v in value
        )
        if not ok:
            problem(path, 'Must be a list of {"name": …, "version": …} objects.')
    elif not isinstance(value, str):
        problem(path, "Must be a string.")
