"""One set of numbers: for the same filters, the matrix's headline, the gap, thin and overlap lists, their
downloads and the map give the same figures, over generated partnerships and several filters."""

import csv
import io
import re

import pytest
from django.urls import reverse

from boroughs.models import Borough
from coverage.tests.factories import GENERATED_BOROUGHS, generated_partnership

from .helpers import YEAR, text

pytestmark = pytest.mark.django_db

BRENT, HACKNEY, ISLINGTON, NEWHAM = "E09000005", "E09000012", "E09000019", "E09000025"
FILTERS = [
    {},  # the seven partnership boroughs
    {"borough": [BRENT]},
    {"borough": [BRENT], "type": ["mentoring"]},
    {"borough": [HACKNEY, NEWHAM], "ages": "10-13"},
    {"borough": [ISLINGTON, HACKNEY], "type": ["mentoring", "safe-spaces"], "organisations": "recorded"},
    {"borough": list(GENERATED_BOROUGHS), "include": ["draft", "cancelled"]},
]


@pytest.fixture(params=[1, 2])
def generated(request, partnership):
    generated_partnership(request.param)


def _count(client, name, query) -> int:
    return client.get(reverse(name), query).context["page"].paginator.count


def _csv_rows(client, name, query) -> int:
    content = b"".join(client.get(reverse(name), query).streaming_content).decode("utf-8-sig")
    return len(list(csv.reader(io.StringIO(content)))) - 1


@pytest.mark.parametrize("filters", FILTERS)
def test_the_matrix_headline_equals_the_lists_and_their_downloads(programme_manager_client, generated, filters):
    query = {**YEAR, **filters}
    client = programme_manager_client
    matrix = client.get(reverse("coverage:matrix"), query)
    gaps, thin, overlaps = (matrix.context[name] for name in ("gap_count", "thin_count", "overlap_count"))
    headline = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text(matrix)))
    assert f"{gaps} gap" in headline and f"{thin} with thin provision" in headline
    assert f"{overlaps} overlap" in headline

    assert _count(client, "coverage:gap-list", query) == gaps
    assert _count(client, "coverage:gap-list", {**query, "show": "thin"}) == gaps + thin
    assert _count(client, "coverage:overlap-list", query) == overlaps
    reviewed = _count(client, "coverage:overlap-list", {**query, "review": "reviewed"})
    assert reviewed + _count(client, "coverage:overlap-list", {**query, "review": "unreviewed"}) == overlaps
    assert _csv_rows(client, "coverage:gap-csv", query) == gaps
    assert _csv_rows(client, "coverage:gap-csv", {**query, "show": "thin"}) == gaps + thin
    assert _csv_rows(client, "coverage:overlap-csv", query) == overlaps


@pytest.mark.parametrize("kind", ["", "mentoring", "safe-spaces"])
def test_each_square_of_the_map_shaded_by_gaps_equals_the_gap_list_for_its_borough(
    programme_manager_client, generated, kind
):
    client = programme_manager_client
    period = {"active_from": "2025-04-01", "active_to": "2026-03-31", "intervention_type": kind, "shade": "gaps"}
    squares = {s.borough.gss_code: s.count for s in client.get(reverse("coverage:map"), period).context["map"].squares}
    query = {**YEAR, "type": [kind] if kind else []}
    for code in GENERATED_BOROUGHS:
        assert squares[code] == _count(client, "coverage:gap-list", {**query, "borough": [code]}), code
    partnership = list(Borough.objects.filter(is_partnership_borough=True).values_list("gss_code", flat=True))
    in_partnership = sum(squares[code] for code in partnership)
    assert in_partnership == _count(client, "coverage:gap-list", query)
    assert in_partnership == client.get(reverse("coverage:matrix"), query).context["gap_count"]
