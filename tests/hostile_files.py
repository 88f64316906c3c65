"""Hostile workbooks for the import tests: zip bombs, padded sheets and damaged sheet XML, built from a
real exported workbook so that only the hostile part differs."""

import io
import zipfile

from openpyxl import Workbook

SHEET_OPEN = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_CLOSE = b"</sheetData></worksheet>"


def rezip(data: bytes, replace: dict[str, bytes], level: int = 6) -> bytes:
    """`data` (an xlsx) with the named members' contents replaced, or added."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            body = replace.get(info.filename, source.read(info.filename))
            target.writestr(info.filename, body, compresslevel=level)
        for name in replace.keys() - set(source.namelist()):
            target.writestr(name, replace[name])
    return out.getvalue()


def bomb(data: bytes, member: str, unzipped: int) -> bytes:
    """`data` with `member` replaced by valid sheet XML padded with whitespace to `unzipped` bytes; the
    padding is streamed into the zip, so building a 1 GB bomb takes about a second and little memory."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target,
    ):
        for info in source.infolist():
            if info.filename != member:
                target.writestr(info.filename, source.read(info.filename))
                continue
            with target.open(member, "w", force_zip64=True) as sheet:
                sheet.write(SHEET_OPEN)
                left = unzipped - len(SHEET_OPEN) - len(SHEET_CLOSE)
                chunk = b" " * (16 * 1024 * 1024)
                while left > 0:
                    sheet.write(chunk[: min(left, len(chunk))])
                    left -= len(chunk)
                sheet.write(SHEET_CLOSE)
    return out.getvalue()


def first_sheet_member(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return next(n for n in archive.namelist() if n.startswith("xl/worksheets/sheet"))


def workbook_bytes(rows_by_sheet: dict[str, list[list]]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in rows_by_sheet.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def risky_cells(data: bytes) -> list[str]:
    """Cells of a written workbook that a spreadsheet could run: formulas, or formula-like text that is
    not a quote-prefixed string."""
    from openpyxl import load_workbook

    from catalog.transfer.cells import FORMULA_STARTS

    found = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        found += [
            n for n in archive.namelist() if n.startswith("xl/worksheets/") and b"<f>" in archive.read(n)
        ]
    for sheet in load_workbook(io.BytesIO(data)).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                risky = isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS)
                if risky and (cell.data_type != "s" or not cell.quotePrefix):
                    found.append(f"{sheet.title}!{cell.coordinate}")
    return found


def texts(data: bytes) -> set[str]:
    from openpyxl import load_workbook

    return {
        c.value
        for sheet in load_workbook(io.BytesIO(data)).worksheets
        for row in sheet.iter_rows()
        for c in row
        if isinstance(c.value, str)
    }


def mutations(data: bytes):
    """A Hypothesis strategy of damaged copies of `data`: bytes overwritten, the file cut short, or one
    zip member's XML (still inside a valid zip) overwritten or cut."""
    from hypothesis import strategies as st

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {n: archive.read(n) for n in archive.namelist() if n.endswith(".xml")}

    def overwrite(body: bytes, edits: list[tuple[int, bytes]]) -> bytes:
        for at, chunk in edits:
            at %= max(len(body), 1)
            body = body[:at] + chunk + body[at + len(chunk) :]
        return body

    edits = st.lists(
        st.tuples(st.integers(0, 10**7), st.binary(min_size=1, max_size=12)), min_size=1, max_size=6
    )
    raw = st.builds(overwrite, st.just(data), edits)
    cut = st.integers(0, len(data)).map(lambda n: data[:n])
    member = st.sampled_from(sorted(members)).flatmap(
        lambda name: st.one_of(
            st.builds(overwrite, st.just(members[name]), edits),
            st.integers(0, len(members[name])).map(lambda n: members[name][:n]),
        ).map(lambda body: rezip(data, {name: body}))
    )
    return st.one_of(raw, cut, member)
