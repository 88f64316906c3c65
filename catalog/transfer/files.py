"""Turns an uploaded or given file into a portfolio document, whatever its format."""

import io
import json
import zipfile
from pathlib import PurePath
from typing import Any

from django.conf import settings

from catalog.models import Namespace

from .export import export_document
from .importer import ImportSummary, import_document
from .problems import ImportFailed, JsonLocator, Locator, Problem
from .xlsx import read_workbook, write_workbook

FORMATS = ("xlsx", "json")


def read_portfolio_file(filename: str, data: bytes) -> tuple[Any, Locator]:
    """The document in `data`; a file that is neither JSON nor xlsx, or too big, raises ImportFailed."""
    limit = settings.PORTFOLIO_IMPORT_MAX_BYTES
    suffix = PurePath(filename).suffix.lower()
    if len(data) > limit:
        raise ImportFailed(
            [Problem(filename, f"The file is {len(data):,} bytes; the limit is {limit:,} bytes.")]
        )
    if suffix == ".xlsx":
        if not zipfile.is_zipfile(io.BytesIO(data)):
            raise ImportFailed([Problem(filename, "This .xlsx file is not an Excel workbook.")])
        return read_workbook(data)
    if suffix == ".json":
        try:
            return json.loads(data.decode("utf-8-sig")), JsonLocator()
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ImportFailed([Problem(filename, f"Not valid JSON: {exc}.")]) from exc
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
