"""Stable paging: for every sort of every coverage list, up and down, each row appears on exactly one page, and
the CSV download holds the same rows in the same order."""

import csv
import io

import pytest
from django.http import QueryDict
from django.urls import reverse

from coverage.forms.filters import CoverageFilterForm
from coverage.selectors.partnership import coverage_analysis, coverage_reference
from coverage.tests.factories import GENERATED_BOROUGHS, generated_partnership
from coverage.views import mixins

from .helpers import YEAR

pytestmark = pytest.mark.django_db

PER_PAGE = 7  # Small pages, so every list runs to several.
QUERY = {**YEAR, "borough": list(GENERATED_BOROUGHS), "organisations": "recorded"}
LISTS = {
    "gaps": (
        "coverage:gap-list",
        "coverage:gap-csv",
        {"show": "thin"},
        ["where", "borough", "priority", "type", "since", "evidence"],
    ),
    "overlaps": (
        "coverage:overlap-list",
        "coverage:overlap-csv",
        {},
        ["where", "borough", "type", "projects", "organisations", "review"],
    ),
}


@pytest.fixture
def generated(partnership, monkeypatch):
    monkeypatch.setattr(mixins, "PER_PAGE", PER_PAGE)
    generated_partnership(5, projects=80)


def _all_pages(client, name, query) -> tuple[list, int]:
    first = client.get(reverse(name), query)
    page = first.context["page"]
    items = list(page.object_list)
    for number in range(2, page.paginator.num_pages + 1):
        items += list(client.get(reverse(name), {**query, "page": number}).context["page"].object_list)
    return items, page.paginator.count


def _analysis(user, query):
    """The analysis the pages read for these filters (a page lets go of its own once rendered)."""
    data = QueryDict(mutable=True)
    for name, value in query.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    reference = coverage_reference()
    form = CoverageFilterForm(data, reference=reference)
    assert form.is_valid(), form.errors
    return coverage_analysis(user=user, criteria=form.criteria(), reference=reference)


def _csv(client, name, query) -> list[list[str]]:
    content = b"".join(client.get(reverse(name), query).streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))[1:]


def _as_csv_shows(analysis, item) -> tuple[str, str]:
    """Where and what kind of work, as the CSV's "where" and "intervention type" columns give them."""
    return (analysis.site_name(item.site), analysis.type_of(item.type_id).name)


@pytest.mark.parametrize("kind", LISTS)
def test_every_row_appears_once_across_the_pages_for_every_sort_and_the_csv_keeps_the_order(
    programme_manager_client, programme_manager, generated, kind
):
    list_name, csv_name, extra, columns = LISTS[kind]
    for sort in ["", *columns, *(f"-{column}" for column in columns)]:
        query = {**QUERY, **extra, "sort": sort}
        items, count = _all_pages(programme_manager_client, list_name, query)
        analysis = _analysis(programme_manager, query)
        assert count > 2 * PER_PAGE, "the generated data should run to several pages"
        assert len(items) == count == len(set(items)), sort
        rows = _csv(programme_manager_client, csv_name, query)
        where, what = (1, 5) if kind == "gaps" else (0, 3)
        assert [(row[where], row[what]) for row in rows] == [_as_csv_shows(analysis, i) for i in items], sort
