"""Bounds on what an import reads, each checked before the costly part: an upload's bytes while they
stream in, a workbook's unzipped size before openpyxl opens it, and its rows and cells while they are read.
The portfolio and the match-table imports share them, so both refuse a file with the same words."""

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest
from openpyxl import Workbook, load_workbook

MAX_ARCHIVE_MEMBERS = 1000
# A zip bomb packs far tighter than any real sheet; small members may compress well without harm.
MAX_COMPRESSION_RATIO = 200
RATIO_CHECKED_FROM_BYTES = 1024 * 1024


class FileRefused(ValueError):
    """The file is refused as a whole, before anything was written; the message is for its sender."""


def check_size(size: int) -> None:
    limit = settings.PORTFOLIO_IMPORT_MAX_BYTES
    if size > limit:
        raise FileRefused(f"The file is {size:,} bytes; the limit is {limit:,} bytes.")


class BoundedUploadHandler(FileUploadHandler):
    """The first upload handler: counts a file's bytes as they stream in and stops the upload once they pass
    PORTFOLIO_IMPORT_MAX_BYTES, so an oversized body is never stored; the view reads the reason with
    `refused_upload`. The rest of the body is drained, not kept, so the form's CSRF token still counts."""

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        limit = settings.PORTFOLIO_IMPORT_MAX_BYTES
        if start + len(raw_data) > limit:
            self.request.upload_refused = f"The file is larger than the limit of {limit:,} bytes."
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> None:
        return None


def refused_upload(request: HttpRequest) -> str | None:
    """Why the upload handler stopped this request's file, if it did (reading FILES parses the body, in
    case the CSRF check has not yet)."""
    _ = request.FILES
    return getattr(request, "upload_refused", None)


def check_archive(data: bytes) -> None:
    """Refuse a workbook whose zip would unpack too large, before any member is decompressed (zipfile
    never inflates a member past the size its directory declares, so the declared sizes bound the work)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception as exc:  # zipfile raises many types for damaged archives (even NotImplementedError)
        raise FileRefused(
            "Not a readable Excel workbook: this file is not an Excel workbook (an .xlsx is a zip archive)."
        ) from exc
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise FileRefused(f"The workbook holds {len(members):,} parts; the limit is {MAX_ARCHIVE_MEMBERS:,}.")
    limit = settings.IMPORT_MAX_UNZIPPED_BYTES
    unzipped = sum(m.file_size for m in members)
    if unzipped > limit:
        raise FileRefused(f"The workbook unzips to {unzipped:,} bytes; the limit is {limit:,} bytes.")
    for member in members:
        if member.file_size > RATIO_CHECKED_FROM_BYTES and _ratio(member) > MAX_COMPRESSION_RATIO:
            raise FileRefused(
                f"The workbook part {member.filename} is compressed more than {MAX_COMPRESSION_RATIO} to 1, "
                "as no real workbook is."
            )


def _ratio(member: zipfile.ZipInfo) -> float:
    return member.file_size / max(member.compress_size, 1)


def open_workbook(data: bytes) -> Workbook:
    """A read-only workbook, opened only after `check_archive`; close it when done."""
    check_size(len(data))
    check_archive(data)
    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for damaged files
        raise FileRefused(f"Not a readable Excel workbook ({exc.__class__.__name__}).") from exc


class RowBudget:
    """Counts the rows and cells read across a workbook's sheets and refuses the file at the limit, so a
    sheet that claims a million rows (or pads each to 16,384 columns) is stopped early."""

    def __init__(self) -> None:
        self.rows = 0
        self.cells = 0

    def rows_of(self, sheet: Any) -> Iterator[tuple]:
        """The sheet's rows as values; a damaged sheet is refused, not raised as whatever openpyxl raises."""
        max_rows, max_cells = settings.IMPORT_MAX_ROWS, settings.IMPORT_MAX_CELLS
        rows = sheet.iter_rows(values_only=True)
        while True:
            try:
                values = next(rows)
            except StopIteration:
                return
            except Exception as exc:  # openpyxl parses the sheet's XML only now
                reason = exc.__class__.__name__
                raise FileRefused(f"Sheet “{sheet.title}” cannot be read ({reason}).") from exc
            self.rows += 1
            self.cells += len(values)
            if self.rows > max_rows:
                raise FileRefused(f"The workbook has more rows than the limit of {max_rows:,}.")
            if self.cells > max_cells:
                raise FileRefused(f"The workbook has more cells than the limit of {max_cells:,}.")
            yield values
