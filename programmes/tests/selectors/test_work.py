"""What a borough, place or programme page summarises: who does the work, which kinds of work run, reach, and the
running projects covering each place of a borough; in one query over the area's projects, agreeing with the
register's filters."""

from datetime import date

import pytest
from django.db import connection
from django.db.models import Q

from boroughs.models import Borough
from boroughs.tests.factories import PlaceFactory
from partners.tests.factories import OrganisationFactory
from programmes.filters import projects_covering_place, projects_in_borough
from programmes.models import Project, ProjectStatus, ReviewStatus
from programmes.periods import Quarter
from programmes.selectors.projects import projects_active_on, projects_visible_to
from programmes.selectors.reach import reach_of
from programmes.selectors.work import work_summary
from programmes.tests.factories import (
    ConsortiumMemberFactory,
    InterventionTypeFactory,
    MonitoringReturnFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


DAY = date(2026, 1, 15)


def test_an_organisation_counts_each_project_once_whether_lead_or_partner():
    led = ProjectFactory()
    lead = led.lead_organisation
    ConsortiumMemberFactory(project=led, organisation=lead)  # listed in its own consortium as well
    ConsortiumMemberFactory(organisation=lead)
    partner = ConsortiumMemberFactory(project=led).organisation
    counts = dict(work_summary(Project.objects.all(), on=DAY).organisations)
    assert counts[lead] == 2
    assert counts[partner] == 1


def test_the_summary_counts_running_work_by_kind_and_reach_over_projects_that_count():
    mentoring = InterventionTypeFactory(slug="mentoring")
    ProjectFactory(intervention_types=[mentoring], start_date=DAY, end_date=DAY, target_reach=40)
    ProjectFactory(intervention_types=[mentoring], start_date=date(2020, 1, 1), end_date=date(2020, 2, 1))
    ProjectFactory(intervention_types=[mentoring], status=ProjectStatus.DRAFT, start_date=DAY, end_date=DAY)
    summary = work_summary(Project.objects.all(), on=DAY)
    assert summary.active == 1
    assert dict(summary.intervention_types)[mentoring] == 1
    assert (summary.reach.projects, summary.reach.target) == (2, 140)
    assert sum(count for _, count in summary.organisations) == 1


@pytest.mark.django_db(transaction=True)
def test_the_figures_planner_settings_end_with_their_own_statement():
    """On PostgreSQL the figures join by index lookups; the connection's next query plans as before."""
    if connection.vendor != "postgresql":
        pytest.skip("The planner settings are PostgreSQL's.")
    ProjectFactory(start_date=DAY, end_date=DAY, target_reach=40)
    assert work_summary(Project.objects.all(), on=DAY).active == 1
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_hashjoin'), current_setting('enable_mergejoin')")
        assert cursor.fetchone() == ("on", "on")


def test_an_area_with_no_projects_has_empty_figures(partnership):
    summary = work_summary(Project.objects.none(), on=DAY)
    assert (summary.active, summary.reach.projects, summary.reach.target, summary.reach.reached) == (0, 0, 0, 0)
    assert summary.organisations == []
    assert all(count == 0 for _, count in summary.intervention_types)


@pytest.fixture
def brent_at_work(partnership):
    """Projects in and around Brent of every kind the figures tell apart: statuses, dates, returns, consortia."""
    brent, southwark = Borough.objects.get(gss_code="E09000005"), Borough.objects.get(gss_code="E09000028")
    estate, neighbour = PlaceFactory(borough=brent), PlaceFactory(borough=brent)
    mentoring, sport = InterventionTypeFactory(slug="mentoring"), InterventionTypeFactory(slug="sport")
    shared = OrganisationFactory()
    projects = [
        ProjectFactory(places=[estate], intervention_types=[mentoring]),
        ProjectFactory(boroughs=[brent], intervention_types=[mentoring, sport], lead_organisation=shared),
        ProjectFactory(boroughs=[brent], places=[neighbour, estate], target_reach=70),
        ProjectFactory(boroughs=[brent, southwark], status=ProjectStatus.CANCELLED),
        ProjectFactory(boroughs=[brent], status=ProjectStatus.DRAFT, intervention_types=[sport]),
        ProjectFactory(places=[neighbour], start_date=date(2020, 1, 1), end_date=date(2020, 12, 31)),
        ProjectFactory(boroughs=[southwark], intervention_types=[sport]),
    ]
    for project in projects[:4]:
        ConsortiumMemberFactory(project=project, organisation=shared)
    for status, project in zip(ReviewStatus, projects, strict=False):
        MonitoringReturnFactory(project=project, status=status, quarter=Quarter.containing(DAY))
    for project in projects[3], projects[5]:  # verified: counted for the ended project, not the cancelled one
        MonitoringReturnFactory(project=project, status=ReviewStatus.VERIFIED, quarter=Quarter.containing(DAY).next())
    return brent, shared


def test_the_borough_figures_agree_with_the_registers_filters(brent_at_work):
    brent, shared = brent_at_work
    projects = Project.objects.filter(projects_in_borough(brent))
    running = projects_active_on(projects, DAY)
    summary = work_summary(projects, on=DAY, borough=brent)
    assert summary.reach == reach_of(projects)
    assert summary.reach.reached > 0
    assert summary.active == running.count()
    for kind, count in summary.intervention_types:
        assert count == running.filter(intervention_types=kind).count(), kind
    organisations = dict(summary.organisations)
    assert {organisation.pk for organisation in organisations} == {
        *running.values_list("lead_organisation", flat=True),
        shared.pk,
    }
    for organisation, count in organisations.items():
        working = Q(lead_organisation=organisation) | Q(consortium_members__organisation=organisation)
        assert count == running.filter(working).distinct().count(), organisation
    assert organisations[shared] == 3  # leads one running project, partner in it and two more; not the cancelled
    for place in brent.places.all():
        covering = projects_active_on(Project.objects.filter(projects_covering_place(place)), DAY)
        assert summary.covering(place) == covering.count(), place


def test_a_youth_lead_sees_figures_only_over_the_projects_they_may_see(brent_at_work, youth_lead):
    brent, _ = brent_at_work
    ProjectFactory(boroughs=[brent], status=ProjectStatus.DRAFT, lead_organisation=youth_lead.organisation)
    visible = projects_visible_to(youth_lead).filter(projects_in_borough(brent))
    everything = work_summary(Project.objects.filter(projects_in_borough(brent)), on=DAY)
    summary = work_summary(visible, on=DAY)
    assert summary.reach == reach_of(visible)
    assert summary.reach.projects == everything.reach.projects
    assert summary.active == projects_active_on(visible, DAY).count()
