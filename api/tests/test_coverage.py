"""Coverage read-outs through the API list exactly what the coverage pages list, for the same filters."""

import pytest
from django.urls import reverse

from programmes.models import InterventionType
from programmes.tests.factories import projects_running_in_three_boroughs

pytestmark = pytest.mark.django_db

QUERY = {"borough": ["E09000005", "E09000012", "E09000029"], "page_size": "100"}


def _site(row) -> tuple:
    return row["where"]["kind"], row["where"]["id"], row["type"]


def test_the_gap_list_is_the_gap_pages_in_the_same_order(programme_manager_client, manager_api):
    projects_running_in_three_boroughs()
    page = programme_manager_client.get(reverse("coverage:gap-list"), QUERY).context
    api = manager_api.get(reverse("api:coverage-gaps"), QUERY).json()
    # The page lets go of its analysis once rendered (README: Performance), so kinds of work are read afresh.
    slugs = dict(InterventionType.objects.values_list("id", "slug"))
    shown = [(row.gap.site.kind, row.gap.site.id, slugs[row.gap.type_id]) for row in page["rows"]]
    assert api["count"] == page["page"].paginator.count > 0
    assert [_site(row) for row in api["results"]][: len(shown)] == shown


def test_the_cells_are_the_matrix_pages(programme_manager_client, manager_api):
    projects_running_in_three_boroughs()
    matrix = programme_manager_client.get(reverse("coverage:matrix"), QUERY).context["matrix"]
    api = manager_api.get(reverse("api:coverage-cells"), QUERY).json()["results"]
    page_states = [cell.state.value for row in matrix.rows for cell in row.cells]
    assert [row["state"] for row in api] == page_states
    brent_mentoring = next(r for r in api if r["where"]["borough"] == "E09000005" and r["type"] == "mentoring")
    assert len(brent_mentoring["project_ids"]) == 8 and brent_mentoring["where"]["kind"] == "borough"


def test_the_overlaps_are_the_overlap_pages(programme_manager_client, manager_api):
    projects_running_in_three_boroughs()
    page = programme_manager_client.get(reverse("coverage:overlap-list"), QUERY).context
    api = manager_api.get(reverse("api:coverage-overlaps"), QUERY).json()
    assert api["count"] == page["page"].paginator.count > 0
    assert [row["project_ids"] for row in api["results"]][:2] == [
        list(row.overlap.project_ids) for row in page["rows"]
    ][:2]


def test_a_bad_filter_is_refused_at_its_field(manager_api, partnership):
    response = manager_api.get(reverse("api:coverage-gaps"), {"ages": "custom", "age_min": "old"})
    assert response.status_code == 400
    assert {"field": "age_min", "message": "Enter the youngest age as a whole number, like 12."} in response.json()[
        "errors"
    ]


def test_coverage_is_open_to_those_the_pages_admit(lead_api, admin_api, partnership):
    assert lead_api.get(reverse("api:coverage-gaps")).status_code == 200
    assert admin_api.get(reverse("api:coverage-gaps")).status_code == 200
