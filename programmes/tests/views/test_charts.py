"""The pictures on the dashboard, a programme's page and a project's page: each chart's figures are its table's."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core.tests.chart_figures import chart_figures, table_figures
from programmes.models import FundingProgramme, Project
from programmes.partnership import MYENDS, ONE_FLOW
from programmes.periods import Quarter
from programmes.selectors.reach import reach_trajectory
from programmes.tests.factories import MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(partnership):
    """One Flow, its dates confirmed, with two verified returns and one submitted; two running projects."""
    one_flow = Project.objects.get(title=ONE_FLOW)
    # As if the VRU had confirmed the dates the loader assumes: a project whose dates are assumed owes no returns.
    one_flow.dates_assumed = False
    one_flow.save()
    for start, reached, status in (("2021-10-01", 120, "verified"), ("2022-04-01", 200, "verified")):
        MonitoringReturnFactory(
            project=one_flow, quarter=Quarter.containing(_day(start)), young_people_reached=reached, status=status
        )
    MonitoringReturnFactory(project=one_flow, quarter=Quarter.containing(_day("2022-07-01")), status="submitted")
    ProjectFactory.create_batch(2, on_the_ground=True)
    return one_flow


def _day(text):
    return date.fromisoformat(text)


def _same_figures(page: str, chart_id: str) -> dict:
    drawn, tabled = chart_figures(page, chart_id), table_figures(page, chart_id)
    assert drawn == tabled
    assert drawn
    return drawn


def test_the_dashboards_reach_chart_draws_its_tables_figures_and_ends_at_the_partnerships_target(
    programme_manager_client, reported
):
    page = programme_manager_client.get(reverse("programmes:dashboard")).content.decode()
    figures = _same_figures(page, "partnership-reach")
    trajectory = reach_trajectory(Project.objects.all(), today=timezone.localdate())
    last = str(trajectory.quarters[-1].quarter)
    assert figures[("Target so far", last)] == trajectory.target == 3000 + 2 * 100
    # One Flow's verified 120 then 200 (the submitted return not counted), then the other projects' verified 25s.
    assert figures[("Reached so far (verified)", "2021–22 Q3")] == 120
    assert figures[("Reached so far (verified)", "2022–23 Q2")] == 320
    current = str(Quarter.containing(timezone.localdate()))
    assert figures[("Reached so far (verified)", current)] == 320 + 2 * 25


def test_the_dashboards_returns_chart_draws_its_tables_figures_and_its_overdue_returns_are_the_dashboards(
    programme_manager_client, reported
):
    page = programme_manager_client.get(reverse("programmes:dashboard")).content.decode()
    figures = _same_figures(page, "partnership-returns")
    # One Flow ran through 12 quarters, all ended: two returns were verified and one submitted.
    assert figures[("Expected", "2021–22 Q3")] == 1
    assert figures[("Received", "2021–22 Q3")] == 1
    assert figures[("Received", "2021–22 Q4")] == 0
    assert figures[("Received", "2022–23 Q2")] == 1  # submitted counts as received
    assert page.count('role="img"') == 2


def test_every_return_expected_of_a_project_without_any_is_missing(programme_manager_client, partnership):
    today = timezone.localdate()
    Project.objects.update(status="cancelled")  # One Flow aside
    ProjectFactory(start_date=today - timedelta(days=400), end_date=today)
    page = programme_manager_client.get(reverse("programmes:dashboard")).content.decode()
    figures = _same_figures(page, "partnership-returns")
    ended = [key for key in figures if key[0] == "Expected"]
    assert len(ended) in (4, 5)  # 400 days back: four or five quarters have ended, by where today falls
    assert {figures[key] for key in ended} == {1}
    assert {value for (series, _), value in figures.items() if series == "Received"} == {0}


def test_a_programmes_page_draws_its_reach_over_time(programme_manager_client, reported):
    myends = FundingProgramme.objects.get(name=MYENDS)
    page = programme_manager_client.get(myends.get_absolute_url()).content.decode()
    figures = _same_figures(page, "programme-reach")
    assert figures[("Target so far", "2024–25 Q2")] >= 3000  # One Flow's whole target by the end of August 2024
    assert figures[("Reached so far (verified)", "2022–23 Q1")] == 320


def test_one_flows_page_draws_3000_over_three_years(youth_lead_client, reported):
    page = youth_lead_client.get(reported.get_absolute_url()).content.decode()
    figures = _same_figures(page, "project-reach")
    target = {category: value for (series, category), value in figures.items() if series == "Target so far"}
    assert list(target.values()) == sorted(target.values())
    assert (target["2021–22 Q2"], target["2021–22 Q3"], target["2024–25 Q2"]) == (82, 334, 3000)
    assert len(target) == 13
    assert figures[("Reached so far (verified)", "2024–25 Q2")] == 320


def test_a_draft_project_has_no_trajectory(youth_lead_client, youth_lead):
    draft = ProjectFactory(status="draft", lead_organisation=youth_lead.organisation)
    page = youth_lead_client.get(draft.get_absolute_url()).content.decode()
    assert 'data-chart="project-reach"' not in page
