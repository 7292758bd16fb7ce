"""The import templates: the headings, in order, and an example row."""

from jobs.imports.columns import RETURN_COLUMNS, template_rows
from jobs.models import ImportKind


def test_the_template_holds_the_headings_and_an_example_row():
    headings, example = template_rows(ImportKind.RETURNS)
    assert headings == [column.heading for column in RETURN_COLUMNS]
    assert example[headings.index("Period start")] == "2025-04-01"
