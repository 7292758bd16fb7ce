"""Tables as files and downloads: formulas neutralised, CSV behind a byte-order mark, XLSX read back whole."""

import csv
import io

import pytest
from openpyxl import load_workbook

from core.exports import neutralise, table_download


@pytest.mark.parametrize("dangerous", ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_text_that_a_spreadsheet_would_run_is_neutralised(dangerous):
    assert neutralise(dangerous) == "'" + dangerous


@pytest.mark.parametrize("safe", ["Mentoring", "", 5, -3, None])
def test_other_values_pass_unchanged(safe):
    assert neutralise(safe) == safe


ROWS = [["Name", "Funding (£)"], ['=HYPERLINK("http://evil")', 25000], ["Café in Brent", None]]


def test_a_csv_download_streams_utf8_behind_a_byte_order_mark_with_neutralised_cells():
    response = table_download(iter(ROWS), file_type="csv", filename="t.csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="t.csv"'
    assert body.startswith("\ufeff")
    assert list(csv.reader(io.StringIO(body[1:]))) == [
        ["Name", "Funding (£)"],
        ['\'=HYPERLINK("http://evil")', "25000"],
        ["Café in Brent", ""],
    ]


def test_an_xlsx_download_holds_the_rows_with_neutralised_cells():
    response = table_download(iter(ROWS), file_type="xlsx", filename="t.xlsx", title="Gaps")
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert workbook.sheetnames == ["Gaps"]
    assert list(workbook.active.iter_rows(values_only=True)) == [
        ("Name", "Funding (£)"),
        ('\'=HYPERLINK("http://evil")', 25000),
        ("Café in Brent", None),
    ]
