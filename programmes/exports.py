"""Writing tables as CSV and XLSX, with cells neutralised so a spreadsheet never runs them as formulas."""

import csv
import io
from collections.abc import Iterable

from openpyxl import Workbook

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A text cell that a spreadsheet would read as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def write_csv(rows: Iterable[list], stream: io.TextIOBase) -> int:
    """Write rows as CSV to a text stream; returns the number of data rows (the heading excluded)."""
    writer = csv.writer(stream)
    count = -1
    for count, row in enumerate(rows):  # noqa: B007
        writer.writerow(["" if value is None else neutralise(value) for value in row])
    return max(count, 0)


def write_xlsx(rows: Iterable[list], stream: io.BufferedIOBase, *, title: str = "Projects") -> int:
    """Write rows as an XLSX workbook (write-only, so memory stays flat); returns the number of data rows."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title)
    count = -1
    for count, row in enumerate(rows):  # noqa: B007
        sheet.append([neutralise(value) for value in row])
    workbook.save(stream)
    return max(count, 0)
