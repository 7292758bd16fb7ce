"""The report page: for VRU staff only, its figures the pages' own for the same quarter, bad input explained."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.chart_figures import chart_figures, table_figures
from programmes.models import Project
from programmes.selectors.returns import overdue_returns

pytestmark = pytest.mark.django_db

FIGURE = re.compile(r'data-figure="([a-z-]+)">([^<]*)<')


def report_figures(page: str) -> dict[str, str]:
    """The report's headline figures as written on it, by name."""
    return dict(FIGURE.findall(page))


def _number(text: str) -> int:
    return int(text.replace(",", ""))


def test_the_reports_figures_are_the_dashboards_and_the_coverage_pages_for_the_same_quarter(
    programme_manager_client, reported, quarter
):
    page = programme_manager_client.get(reverse("reports:quarterly"), {"quarter": quarter.start}).content.decode()
    figures = report_figures(page)
    dashboard = programme_manager_client.get(reverse("programmes:dashboard")).content.decode()
    reach, returns = table_figures(dashboard, "partnership-reach"), table_figures(dashboard, "partnership-returns")
    trend = table_figures(programme_manager_client.get(reverse("coverage:matrix")).content.decode(), "coverage-trend")
    name = str(quarter)
    assert _number(figures["reached-so-far"]) == reach[("Reached so far (verified)", name)] == 320 + 40
    assert _number(figures["target-so-far"]) == reach[("Target so far", name)]
    assert _number(figures["expected"]) == returns[("Expected", name)] == 3
    assert _number(figures["received"]) == returns[("Received", name)] == 2  # one verified, one submitted
    overdue = overdue_returns(Project.objects.all(), today=timezone.localdate())
    assert _number(figures["overdue"]) == sum(item.quarter == quarter for item in overdue) == 1
    assert _number(figures["gaps"]) == trend[("Gaps", name)]
    assert _number(figures["overlaps"]) == trend[("Overlaps", name)]
    # Its own charts draw what its tables say.
    for chart in ("report-reach", "report-returns", "report-trend"):
        assert chart_figures(page, chart) == table_figures(page, chart)
    assert "Brighter paths to the youth club" in page and "New lights along the paths" in page


def test_the_report_opens_on_the_last_quarter_that_has_ended(programme_manager_client, partnership, quarter):
    page = programme_manager_client.get(reverse("reports:quarterly")).content.decode()
    assert f"Quarterly report: {quarter}" in page


def test_a_quarter_not_offered_is_explained_at_the_field_and_nothing_is_reported(programme_manager_client, partnership):
    response = programme_manager_client.get(reverse("reports:quarterly"), {"quarter": "2099-01-01"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Quarterly report" in page
    assert 'href="#id_quarter"' in page and 'id="quarter-error"' in page
    assert "Choose a quarter from the list." in page
    assert 'data-report="reach"' not in page


@pytest.mark.parametrize("client_name", ["programme_manager_client", "programme_coordinator_client"])
def test_vru_staff_read_the_report(request, client_name, partnership):
    assert request.getfixturevalue(client_name).get(reverse("reports:quarterly")).status_code == 200


def test_a_youth_lead_may_neither_read_the_report_nor_make_its_pdf(youth_lead_client, quarter):
    assert youth_lead_client.get(reverse("reports:quarterly")).status_code == 403
    response = youth_lead_client.post(reverse("reports:pdf-start"), {"quarter": quarter.start})
    assert response.status_code == 403


def test_the_report_takes_a_fixed_number_of_queries(
    programme_manager_client, reported, quarter, django_assert_max_num_queries
):
    # Session, user, the header's organisation and saving the session (6); reach 2, returns 2, snapshots 1, two
    # coverage analyses (the quarter's first and last days) of 7 each, reviews 1, youth voice 1, posts 2.
    with django_assert_max_num_queries(6 + 2 + 2 + 1 + 14 + 1 + 1 + 2):
        programme_manager_client.get(reverse("reports:quarterly"), {"quarter": quarter.start})
