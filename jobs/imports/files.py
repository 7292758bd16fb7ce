"""Reading an uploaded import file: CSV (UTF-8 or Windows-1252) or Excel, its heading row matched to a template.

The file is read as a stream, row by row, and reading stops at the row limit: a file of millions of rows costs
no more memory than one of 20,000. Whatever is wrong with a file (the wrong kind, binary data, a damaged
workbook, too many rows) is told to the user as a fault of the file, with what the portal expected.
"""

import codecs
import csv
import io
from collections.abc import Iterable, Iterator
from contextlib import closing
from itertools import islice
from typing import IO

from openpyxl import load_workbook

from .cells import cell_text
from .columns import ImportColumn

MAX_ROWS = 20_000
# Rows read in all, blank ones included: a file padded with a million empty lines is refused, not walked.
MAX_LINES = 5 * MAX_ROWS
# Cells past this are never kept (the templates have far fewer columns): a row of a million commas, or a cell
# far to the right of a sheet, keeps only these.
MAX_COLUMNS = 100
# How much of the start of a file tells its kind.
SNIFF_BYTES = 8192
CHUNK_BYTES = 64 * 1024
_ZIP = b"PK\x03\x04"  # An .xlsx workbook is a zip archive.
_OLD_EXCEL = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # An Excel 97-2003 .xls workbook.

EXPECTED = "Download the template, fill it in, and upload it as a CSV or an Excel (.xlsx) file."

NOT_A_WORKBOOK = f"The file is not an Excel workbook the portal can read: save it as .xlsx. {EXPECTED}"

BINARY = f"The file holds binary data (NUL bytes), so it is not a CSV file, which is plain text. {EXPECTED}"


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


def check_file_kind(head: bytes, filename: str) -> None:
    """Refuse a file whose first bytes show it cannot be what its name says: an old .xls, a workbook named
    .csv, binary data, or an .xlsx that is no workbook. `head` is the file's first SNIFF_BYTES bytes."""
    named_excel = filename.lower().endswith(".xlsx")
    if not head:
        raise ImportFileError("The file is empty: it needs a heading row and at least one row under it.")
    if head.startswith(_OLD_EXCEL):
        raise ImportFileError(
            "The file is an old Excel workbook (.xls). Save it from Excel as “Excel Workbook (.xlsx)” or as "
            "“CSV UTF-8” and upload that."
        )
    if head.startswith(_ZIP) and not named_excel:
        raise ImportFileError(
            "The file is named .csv but holds an Excel workbook (or another zipped file). Upload the workbook "
            "with its .xlsx name, or save it from Excel as “CSV UTF-8”."
        )
    if named_excel and not head.startswith(_ZIP):
        raise ImportFileError(NOT_A_WORKBOOK)
    if not named_excel and b"\x00" in head:
        raise ImportFileError(BINARY)


def _encoding(stream: IO[bytes]) -> str:
    """UTF-8 if the whole file is, else Windows-1252, which Excel on Windows saves "CSV" in unless told to use
    UTF-8. Read in chunks, nothing kept; a NUL byte anywhere refuses the file (no text holds one)."""
    decoder, utf8 = codecs.getincrementaldecoder("utf-8")(), True
    try:
        for chunk in iter(lambda: stream.read(CHUNK_BYTES), b""):
            if b"\x00" in chunk:
                raise ImportFileError(BINARY)
            utf8 = utf8 and _decodes(decoder, chunk)
        utf8 = utf8 and _decodes(decoder, b"", final=True)
    finally:
        stream.seek(0)
    return "utf-8-sig" if utf8 else "cp1252"


def _decodes(decoder, chunk: bytes, final: bool = False) -> bool:
    try:
        decoder.decode(chunk, final=final)
    except UnicodeDecodeError:
        return False
    return True


def _csv_rows(stream: IO[bytes]) -> Iterator[list]:
    text = io.TextIOWrapper(stream, encoding=_encoding(stream), errors="replace", newline="")
    reader = csv.reader(text)
    try:
        yield from reader
    except csv.Error as error:
        raise ImportFileError(
            f"The file could not be read as CSV at line {reader.line_num:,}: {error}. {EXPECTED}"
        ) from error
    finally:
        text.detach()


def _excel_rows(stream: IO[bytes]) -> Iterator[tuple]:
    try:
        workbook = load_workbook(stream, read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 (openpyxl meets a damaged workbook with errors of many kinds)
        raise ImportFileError(
            f"The file is not an Excel workbook the portal can read: save it as .xlsx. {EXPECTED}"
        ) from error
    try:
        yield from workbook.worksheets[0].iter_rows(values_only=True)
    except Exception as error:  # a damaged sheet fails with zip, XML or value errors alike: all the file's
        raise ImportFileError(f"The Excel workbook is damaged and could not be read to the end. {EXPECTED}") from error
    finally:
        workbook.close()


def _table(rows: Iterable) -> tuple[list | None, list[tuple[int, list]]]:
    """The first non-blank row and the numbered non-blank rows under it, up to the limits."""
    headings, body = None, []
    for number, row in enumerate(rows, start=1):
        if number > MAX_LINES:
            raise ImportFileError(
                f"The file runs past row {MAX_LINES:,} (blank rows count too); import at most {MAX_ROWS:,} "
                "rows at a time: split it into smaller files."
            )
        cells = list(islice(row, MAX_COLUMNS))
        if not any(cell_text(cell) for cell in cells):
            continue
        if headings is None:
            headings = cells
        elif len(body) == MAX_ROWS:
            raise ImportFileError(
                f"The file has more than {MAX_ROWS:,} rows under its headings; import at most {MAX_ROWS:,} "
                "at a time: split it into smaller files."
            )
        else:
            body.append((number, cells))
    return headings, body


def read_table(stream: IO[bytes], filename: str) -> tuple[list, list[tuple[int, list]]]:
    """The heading row and every non-blank row under it (with its spreadsheet row number) of a CSV or XLSX file."""
    check_file_kind(stream.read(SNIFF_BYTES), filename)
    stream.seek(0)
    rows = _excel_rows(stream) if filename.lower().endswith(".xlsx") else _csv_rows(stream)
    with closing(rows):  # Stopped at a limit, the reader lets go of the file now, while it is still open.
        headings, body = _table(rows)
    if headings is None:
        raise ImportFileError("The file is empty: it needs a heading row and at least one row under it.")
    if not body:
        raise ImportFileError("The file has a heading row but no rows under it.")
    return headings, body


def map_headings(headings: list, columns: tuple[ImportColumn, ...]) -> dict[str, int]:
    """Which position each column is at; raises ImportFileError naming unknown, repeated or missing headings."""
    known = {column.heading.casefold(): column for column in columns}
    positions: dict[str, int] = {}
    problems = []
    for position, heading in enumerate(headings):
        text = cell_text(heading)
        if not text:
            continue
        column = known.get(text.casefold())
        if column is None:
            problems.append(f"“{text}” is not a column the portal knows")
        elif column.key in positions:
            problems.append(f"“{column.heading}” appears twice")
        else:
            positions[column.key] = position
    problems += [f"“{c.heading}” is missing" for c in columns if c.required and c.key not in positions]
    if problems:
        raise ImportFileError(f"The heading row does not match the template: {'; '.join(problems)}.")
    return positions
