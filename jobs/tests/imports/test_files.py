"""Reading an uploaded file: CSV (UTF-8 or Windows) or Excel, blank rows skipped, an unreadable file refused whole."""

import csv
import io
from datetime import datetime

import pytest
from openpyxl import Workbook

from jobs.imports.files import ImportFileError, read_table


def csv_bytes(rows) -> io.BytesIO:
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    return io.BytesIO(text.getvalue().encode("utf-8"))


def test_a_csv_file_gives_its_headings_and_numbered_rows_skipping_blank_ones():
    headings, body = read_table(csv_bytes([["Reference", "Title"], ["A", "x"], ["", ""], ["B", "y"]]), "f.csv")
    assert headings == ["Reference", "Title"]
    assert body == [(2, ["A", "x"]), (4, ["B", "y"])]


def test_an_excel_file_is_read_from_its_first_sheet():
    workbook = Workbook()
    workbook.active.append(["Reference", "Start date"])
    workbook.active.append(["A", datetime(2025, 4, 1)])
    stream = io.BytesIO()
    workbook.save(stream)
    stream.seek(0)
    headings, body = read_table(stream, "f.xlsx")
    assert body == [(2, ["A", datetime(2025, 4, 1)])]


def test_a_windows_csv_is_read():
    headings, body = read_table(io.BytesIO("Reference,Title\r\nA,Caf\xe9 \xa3\r\n".encode("cp1252")), "f.csv")
    assert body == [(2, ["A", "Café £"])]


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "f.csv", "empty"),
        (b"Reference,Title\r\n", "f.csv", "no rows under it"),
        (b"not a workbook", "f.xlsx", "not an Excel workbook"),
    ],
)
def test_an_unreadable_file_is_refused_as_a_whole(content, name, message):
    with pytest.raises(ImportFileError, match=message):
        read_table(io.BytesIO(content), name)
