"""Tables as CSV and XLSX files and downloads, every cell neutralised so a spreadsheet never runs it as a formula."""

import csv
import io
import itertools
import tempfile
from collections.abc import Iterable, Iterator

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
# A byte-order mark first, so spreadsheet programs read the file as UTF-8 (names with accents, "£").
BYTE_ORDER_MARK = "\ufeff"


def neutralise(value):
    """A text cell that a spreadsheet would read as a formula is prefixed with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


class _Echo:
    """A file-like object whose write hands the text straight back, so csv.writer can feed a generator."""

    def write(self, text: str) -> str:
        return text


def csv_lines(rows: Iterable[list]) -> Iterator[str]:
    """Each row as one line of CSV text, neutralised, so a response can stream them one by one."""
    writer = csv.writer(_Echo())
    for row in rows:
        yield writer.writerow(["" if value is None else neutralise(value) for value in row])


def write_csv(rows: Iterable[list], stream: io.TextIOBase) -> int:
    """Write rows as CSV to a text stream; returns the number of data rows (the heading excluded)."""
    count = -1
    for count, line in enumerate(csv_lines(rows)):  # noqa: B007
        stream.write(line)
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


def table_download(rows: Iterable[list], *, file_type: str, filename: str, title: str = "Projects"):
    """A download of rows (the heading first) as "csv" or "xlsx": CSV streams line by line behind a byte-order
    mark; XLSX is written to a temporary file on disk and streamed from there, so memory stays flat either way."""
    if file_type == "csv":
        response = StreamingHttpResponse(
            itertools.chain([BYTE_ORDER_MARK], csv_lines(rows)), content_type=CONTENT_TYPES["csv"]
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    workbook = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    write_xlsx(rows, workbook, title=title)
    workbook.seek(0)
    return FileResponse(workbook, as_attachment=True, filename=filename, content_type=CONTENT_TYPES["xlsx"])
