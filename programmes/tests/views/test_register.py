"""The register page and its exports: filters, sorting and paging, and downloads holding exactly the page's rows.

Each filter narrows the rows; a download holds exactly the rows the page matched, with the page's columns and
no runnable formulas."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from boroughs.models import Borough
from boroughs.tests.factories import PlaceFactory
from partners.models import Organisation
from programmes.models import FundingProgramme, ProjectStatus, ReviewStatus
from programmes.selectors.register import REGISTER_COLUMNS
from programmes.tests.factories import (
    ConsortiumMemberFactory,
    InterventionTypeFactory,
    MonitoringReturnFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


REGISTER = reverse("programmes:project-list")


EXPORT = reverse("programmes:project-export")


def titles(response) -> set[str]:
    assert response.status_code == 200
    return {project.title for project, _ in response.context["rows"]}


@pytest.fixture
def brent(partnership):
    return Borough.objects.get(gss_code="E09000005")


def test_borough_place_and_intervention_type_filters_narrow_the_page(programme_manager_client, brent):
    estate = PlaceFactory(borough=brent)
    mentoring = InterventionTypeFactory(slug="mentoring")
    ProjectFactory(title="Named borough", boroughs=[brent], intervention_types=[mentoring])
    ProjectFactory(title="Named estate", places=[estate])
    ProjectFactory(title="Elsewhere", boroughs=[Borough.objects.get(gss_code="E09000028")])
    assert titles(programme_manager_client.get(REGISTER, {"borough": "E09000005"})) == {
        "Named borough",
        "Named estate",
        "One Flow – One Brent",
    }
    # A project naming Brent but no place in it works borough-wide, so it covers the estate too.
    assert titles(programme_manager_client.get(REGISTER, {"place": estate.pk})) == {"Named estate", "Named borough"}
    assert titles(programme_manager_client.get(REGISTER, {"intervention_type": "mentoring"})) == {"Named borough"}


def test_organisation_filters_match_as_recorded_and_as_it_is_now(programme_manager_client, partnership):
    ProjectFactory(title="Led by Optivo", lead_organisation=Organisation.objects.get(name="Optivo"))
    ConsortiumMemberFactory(
        project=ProjectFactory(title="Joined by Southern Housing Group"),
        organisation=Organisation.objects.get(name="Southern Housing Group"),
    )
    southern = Organisation.objects.get(name="Southern Housing")
    optivo = Organisation.objects.get(name="Optivo")
    assert titles(programme_manager_client.get(REGISTER, {"organisation_now": southern.pk})) == {
        "Led by Optivo",
        "Joined by Southern Housing Group",
    }
    assert titles(programme_manager_client.get(REGISTER, {"organisation": optivo.pk})) == {"Led by Optivo"}


def test_programme_status_counted_period_age_and_text_filters(programme_manager_client, partnership):
    myends = FundingProgramme.objects.get(name="MyEnds")
    ProjectFactory(title="Boxing club", funding_programme=myends, age_min=11, age_max=15)
    ProjectFactory(title="Boxing draft", status=ProjectStatus.DRAFT, age_min=16, age_max=18)
    ProjectFactory(title="Cancelled boxing", status=ProjectStatus.CANCELLED)
    ProjectFactory(title="Old club", start_date=date(2020, 1, 1), end_date=date(2020, 12, 31))
    get = programme_manager_client.get
    assert titles(get(REGISTER, {"programme": myends.pk})) == {"Boxing club", "One Flow – One Brent"}
    assert titles(get(REGISTER, {"status": "draft"})) == {"Boxing draft"}
    assert titles(get(REGISTER, {"q": "boxing", "counted": "on"})) == {"Boxing club"}
    assert titles(get(REGISTER, {"active_from": "2020-06-01", "active_to": "2020-06-30"})) == {"Old club"}
    assert "Boxing draft" not in titles(get(REGISTER, {"age_min": "11", "age_max": "15"}))


def test_the_page_shows_the_export_columns_the_count_and_pages(programme_manager_client, partnership):
    for number in range(26):
        ProjectFactory(title=f"Project {number:02d}")
    first = programme_manager_client.get(REGISTER, {"q": "Project "})
    page = first.content.decode()
    # The short default set of columns, the title first; the rest are chosen with `columns`.
    assert [heading["text"] for heading in first.context["headings"]] == [
        "Title",
        "Lead organisation",
        "Boroughs",
        "Intervention types",
        "Start",
        "End",
        "Status",
        "Target reach",
        "Reached (verified returns)",
    ]
    assert "26 projects match" in page
    assert len(first.context["rows"]) == 25
    assert 'aria-sort="ascending"' in page
    assert 'href="?q=Project+&amp;page=2" rel="next"' in page  # the next page keeps the filters
    second = programme_manager_client.get(REGISTER, {"q": "Project ", "page": 2})
    assert titles(second) == {"Project 25"}


def test_the_columns_chosen_are_shown_in_the_registers_order_and_kept_by_sort_and_page_links(
    programme_manager_client, partnership
):
    for number in range(26):
        ProjectFactory(title=f"Project {number:02d}", funding_amount=1000)
    response = programme_manager_client.get(REGISTER, {"q": "Project ", "columns": ["funding", "consortium"]})
    assert [heading["text"] for heading in response.context["headings"]] == ["Title", "Consortium", "Funding (£)"]
    assert [len(cells) for _, cells in response.context["rows"]] == [3] * 25
    page = response.content.decode()
    assert 'href="?q=Project+&amp;columns=funding&amp;columns=consortium&amp;page=2" rel="next"' in page
    title = response.context["headings"][0]
    assert title["url"] == "?q=Project+&columns=funding&columns=consortium&ordering=-title"
    # Every column can be chosen; a name that is not a column is refused at the field, with the default set shown.
    everything = programme_manager_client.get(REGISTER, {"columns": [c.key for c in REGISTER_COLUMNS[1:]]})
    assert [heading["text"] for heading in everything.context["headings"]] == [c.heading for c in REGISTER_COLUMNS]
    bad = programme_manager_client.get(REGISTER, {"columns": "secret"})
    assert "Choose columns from the list" in bad.content.decode()
    assert len(bad.context["headings"]) == 9


def test_date_filters_are_gov_uk_date_inputs_and_still_read_a_whole_date_from_links(
    programme_manager_client, partnership
):
    ProjectFactory(title="Old club", start_date=date(2020, 1, 1), end_date=date(2020, 12, 31))
    ProjectFactory(title="New club", start_date=date(2025, 1, 1), end_date=date(2025, 12, 31))
    parts = {"active_to_day": "30", "active_to_month": "6", "active_to_year": "2020"}
    response = programme_manager_client.get(REGISTER, parts)
    assert titles(response) == {"Old club"}
    page = response.content.decode()
    assert 'name="active_to_day"' in page and 'name="active_to_year"' in page
    assert 'type="date"' not in page
    # The link that removes the filter drops all three parts.
    assert [selected["remove"] for selected in response.context["selected_filters"]] == ["?"]
    assert titles(programme_manager_client.get(REGISTER, {"active_to": "2020-06-30"})) == {"Old club"}
    half = programme_manager_client.get(REGISTER, {"active_to_day": "30", "active_to_year": "2020"})
    assert "Enter the active on or before" in half.content.decode()
    assert half.context["rows"] == []


def test_sorting_links_keep_the_filters_and_reverse_the_order(programme_manager_client, partnership):
    ProjectFactory(title="Alpha", start_date=date(2025, 1, 1))
    ProjectFactory(title="Beta", start_date=date(2024, 1, 1))
    response = programme_manager_client.get(REGISTER, {"q": "a", "ordering": "start"})
    start = next(heading for heading in response.context["headings"] if heading["text"] == "Start")
    assert start["sort"] == "ascending"
    assert start["url"] == "?q=a&ordering=-start"
    newest_first = programme_manager_client.get(REGISTER + start["url"])
    assert [project.title for project, _ in newest_first.context["rows"]][:2] == ["Alpha", "Beta"]


def test_a_bad_filter_value_is_shown_at_the_field_not_a_crash(programme_manager_client, partnership):
    response = programme_manager_client.get(REGISTER, {"borough": "E09999999", "age_min": "many"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "govuk-error-summary" in page
    assert "<title>Error:" in page
    assert response.context["rows"] == []


def test_a_youth_lead_never_sees_another_organisations_draft(youth_lead_client, other_youth_lead):
    ProjectFactory(title="Clarion draft", status=ProjectStatus.DRAFT, lead_organisation=other_youth_lead.organisation)
    assert "Clarion draft" not in titles(youth_lead_client.get(REGISTER, {"status": "draft"}))
    rows = _csv(youth_lead_client.get(EXPORT, {"format": "csv", "status": "draft"}))
    assert rows[1:] == []


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def test_downloads_hold_exactly_the_filtered_rows_with_formulas_neutralised(programme_manager_client, brent):
    project = ProjectFactory(title='=HYPERLINK("http://evil")', boroughs=[brent])
    MonitoringReturnFactory(project=project, young_people_reached=40, status=ReviewStatus.VERIFIED)
    ProjectFactory(title="Not in Brent")
    query = {"borough": "E09000005", "ordering": "-title"}
    page_titles = [p.title for p, _ in programme_manager_client.get(REGISTER, query).context["rows"]]

    csv_rows = _csv(programme_manager_client.get(EXPORT, {**query, "format": "csv"}))
    assert csv_rows[0] == [column.heading for column in REGISTER_COLUMNS]
    assert [row[0] for row in csv_rows[1:]] == ["One Flow – One Brent", '\'=HYPERLINK("http://evil")']
    assert page_titles == ["One Flow – One Brent", '=HYPERLINK("http://evil")']
    assert csv_rows[2][-1] == "40"

    response = programme_manager_client.get(EXPORT, {**query, "format": "xlsx"})
    assert response["Content-Disposition"].startswith('attachment; filename="hayn-projects-')
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    xlsx_rows = list(sheet.iter_rows(values_only=True))
    assert list(xlsx_rows[0]) == [column.heading for column in REGISTER_COLUMNS]
    assert [row[0] for row in xlsx_rows[1:]] == ["One Flow – One Brent", '\'=HYPERLINK("http://evil")']


def test_the_download_links_carry_the_pages_filters(programme_manager_client, partnership):
    page = programme_manager_client.get(REGISTER, {"borough": "E09000005", "page": "1"}).content.decode()
    assert f"{EXPORT}?format=csv&amp;borough=E09000005" in page
    assert f"{EXPORT}?format=xlsx&amp;borough=E09000005" in page
    assert f'{reverse("jobs:export-start")}?borough=E09000005"' in page


def test_an_unknown_download_format_goes_back_to_the_register_with_a_message(programme_manager_client, partnership):
    response = programme_manager_client.get(EXPORT, {"format": "pdf", "borough": "E09000005"}, follow=True)
    assert response.redirect_chain[-1][0] == f"{REGISTER}?borough=E09000005"
    assert "Choose to download the register as CSV or XLSX." in response.content.decode()


def test_the_filters_in_use_are_listed_each_with_a_link_that_removes_it(programme_manager_client, partnership):
    response = programme_manager_client.get(REGISTER, {"borough": "E09000005", "counted": "on", "page": "1"})
    borough, counted = response.context["selected_filters"]
    assert (str(borough["value"]), borough["remove"]) == ("Brent", "?counted=on")
    assert (counted["value"], counted["remove"]) == ("Yes", "?borough=E09000005")


SORT_KEYS = ("title", "lead", "start", "end", "status", "target")


@pytest.fixture
def tied_projects(partnership):
    """Sixty projects whose sort values repeat a great deal (three titles, leads, dates, statuses and targets,
    an unknown target among them), so only a tie-breaker keeps their order the same from one page to the next."""
    leads = [Organisation.objects.get(name=name) for name in ("Hyde", "Peabody", "MTVH")]
    statuses = [ProjectStatus.VERIFIED, ProjectStatus.SUBMITTED, ProjectStatus.DRAFT]
    projects = []
    for number in range(60):
        start = date(2025, 1 + number % 3, 1)
        projects.append(
            ProjectFactory(
                title=f"Tied {'ABC'[number % 3]}",
                lead_organisation=leads[number // 3 % 3],
                status=statuses[number // 9 % 3],
                target_reach=(None, 100, 200)[number // 2 % 3],
                start_date=start,
                end_date=start.replace(year=2026 + number // 5 % 3),
            )
        )
    return projects


@pytest.mark.parametrize("direction", ["", "-"])
def test_paging_through_every_sort_shows_each_project_exactly_once_and_downloads_keep_the_order(
    programme_manager_client, tied_projects, direction
):
    for key in SORT_KEYS:
        _pages_show_each_once_in_the_downloads_order(programme_manager_client, tied_projects, f"{direction}{key}")


def _pages_show_each_once_in_the_downloads_order(client, projects, ordering):
    query = {"q": "Tied", "ordering": ordering}
    seen, rows = [], []
    for number in (1, 2, 3):
        response = client.get(REGISTER, {**query, "page": number})
        records = [record for record, _ in response.context["rows"]]
        seen += [record.pk for record in records]
        rows += [[record.title, record.lead_organisation, record.start_date.isoformat()] for record in records]
    assert len(seen) == len(set(seen)) == 60, ordering
    assert set(seen) == {project.pk for project in projects}
    # The id breaks every tie, so the order is the same on any database and on every request.
    assert response.context["filter"].qs.query.order_by[-1] == "pk"
    exported = _csv(client.get(EXPORT, {**query, "format": "csv"}))
    heading = exported[0]
    columns = [heading.index(name) for name in ("Title", "Lead organisation", "Start")]
    assert [[row[column] for column in columns] for row in exported[1:]] == rows, ordering
