"""Reading an uploaded import file: CSV (UTF-8 or Windows-1252) or Excel, its heading row matched to a template."""

import csv
import io
from typing import IO
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from .cells import cell_text
from .columns import ImportColumn

MAX_ROWS = 20_000


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message is for the user."""


def _decode(data: bytes) -> str:
    # Excel on Windows saves "CSV" in Windows-1252 unless told to use UTF-8.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_table(stream: IO[bytes], filename: str) -> tuple[list, list[tuple[int, list]]]:
    """The heading row and every non-blank row under it (with its spreadsheet row number) of a CSV or XLSX file."""
    data = stream.read()
    if filename.lower().endswith(".xlsx"):
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError) as error:
            raise ImportFileError("The file is not an Excel workbook the portal can read: save it as .xlsx.") from error
        rows = workbook.worksheets[0].iter_rows(values_only=True)
    else:
        rows = csv.reader(io.StringIO(_decode(data)))
    table = [(number, list(row)) for number, row in enumerate(rows, start=1)]
    table = [(number, row) for number, row in table if any(cell_text(cell) for cell in row)]
    if not table:
        raise ImportFileError("The file is empty: it needs a heading row and at least one row under it.")
    (_, headings), body = table[0], table[1:]
    if not body:
        raise ImportFileError("The file has a heading row but no rows under it.")
    if len(body) > MAX_ROWS:
        raise ImportFileError(f"The file has {len(body):,} rows; import at most {MAX_ROWS:,} at a time.")
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
