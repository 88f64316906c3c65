"""Turns an uploaded or given file into a portfolio document, whatever its format."""

import json
from pathlib import PurePath
from typing import Any

from catalog.models import Namespace

from .export import export_document
from .importer import ImportSummary, import_document
from .json_input import load_json
from .limits import FileRefused, check_size
from .problems import ImportFailed, JsonLocator, Locator, Problem
from .xlsx import read_workbook, write_workbook

FORMATS = ("xlsx", "json")


def read_portfolio_file(filename: str, data: bytes) -> tuple[Any, Locator]:
    """The document in `data`; a file that is neither JSON nor xlsx, too big or malformed raises
    ImportFailed."""
    suffix = PurePath(filename).suffix.lower()
    try:
        check_size(len(data))
        if suffix == ".xlsx":
            return read_workbook(data)
        if suffix == ".json":
            return load_json(data), JsonLocator()
    except FileRefused as exc:
        raise ImportFailed([Problem(filename, str(exc))]) from exc
    raise ImportFailed(
        [Problem(filename, "Unsupported file type; upload an .xlsx workbook or a .json file.")]
    )


def import_portfolio_file(namespace: Namespace, filename: str, data: bytes) -> ImportSummary:
    document, locator = read_portfolio_file(filename, data)
    return import_document(namespace, document, locator)


def export_portfolio(namespace: Namespace, fmt: str) -> bytes:
    document = export_document(namespace)
    if fmt == "xlsx":
        return write_workbook(document)
    if fmt == "json":
        return json.dumps(document, indent=2, ensure_ascii=False).encode()
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
