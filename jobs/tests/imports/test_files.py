"""Reading an uploaded file: CSV (UTF-8 or Windows) or Excel, blank rows skipped, an unreadable file refused whole
with what was expected, a huge one at the row limit without holding it."""

import csv
import io
import random
import time
import tracemalloc
import zipfile
from datetime import datetime

import pytest
from openpyxl import Workbook

from jobs.imports.files import MAX_COLUMNS, ImportFileError, read_table


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


def excel_bytes() -> bytes:
    workbook = Workbook()
    workbook.active.append(["Reference", "Title"])
    workbook.active.append(["A", "x"])
    stream = io.BytesIO()
    workbook.save(stream)
    return stream.getvalue()


def damaged_excel() -> bytes:
    """A real workbook's zip with its sheet's XML cut short."""
    whole = excel_bytes()
    stream = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(whole)) as source, zipfile.ZipFile(stream, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename.startswith("xl/worksheets/") else data)
    return stream.getvalue()


# Each unreadable file is told as the file's fault, with what the portal expected, never as the portal's.
UNREADABLE = [
    (random.Random(12).randbytes(200_000), "f.csv", "binary data (NUL bytes)"),
    (b"Reference,Title\r\nA,x\r\n" + b"\x00" * 10, "f.csv", "binary data (NUL bytes)"),
    (b"Reference,Title\r\n" + b"A,x\r\n" * 3000 + b"B,\x00\r\n", "f.csv", "binary data (NUL bytes)"),
    (excel_bytes(), "f.csv", "named .csv but holds an Excel workbook"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "f.xlsx", "old Excel workbook (.xls)"),
    (b"PK\x03\x04" + random.Random(3).randbytes(5000), "f.xlsx", "not an Excel workbook"),
    (damaged_excel(), "f.xlsx", "Excel workbook is damaged|not an Excel workbook"),
    (b"x\n" * 5_000_000, "f.csv", "more than 20,000 rows under its headings"),
    (b"Reference\n" + b",\n" * 200_000 + b"A\n", "f.csv", "runs past row 100,000"),
    (b'Reference\n"' + b"x" * 200_000 + b'"\n', "f.csv", "field larger than field limit"),
]


@pytest.mark.parametrize(("content", "name", "message"), UNREADABLE)
def test_an_unreadable_file_is_refused_with_what_was_expected(content, name, message):
    with pytest.raises(ImportFileError) as refused:
        read_table(io.BytesIO(content), name)
    assert any(part in str(refused.value) for part in message.split("|")), str(refused.value)
    assert "portal's side" not in str(refused.value)


def test_five_million_one_character_rows_are_refused_at_the_limit_without_holding_them():
    """The 10 MB file of 5 million rows is read only up to the limit: quickly, in a few megabytes."""
    content = io.BytesIO(b"x\n" * 5_000_000)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(ImportFileError, match="more than 20,000 rows"):
            read_table(content, "rows.csv")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.perf_counter() - started < 5
    assert peak < 30 * 2**20


def test_a_row_of_a_million_cells_keeps_only_the_columns_the_portal_reads():
    headings, body = read_table(io.BytesIO(b"Reference,Title\nA,x" + b",y" * 1_000_000 + b"\n"), "f.csv")
    assert body == [(2, ["A", "x", *["y"] * (MAX_COLUMNS - 2)])]
