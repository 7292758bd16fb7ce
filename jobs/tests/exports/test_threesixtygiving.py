"""360Giving exports: valid against the official schema, with the standard's identifiers and column titles."""

import io
import json
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from boroughs.models import Borough
from boroughs.tests.factories import PlaceFactory
from jobs import services
from jobs.exports import threesixtygiving
from jobs.models import ExportKind, ExportState
from partners.models import Organisation
from partners.tests.factories import OrganisationFactory
from programmes.models import FundingProgramme, Project, ProjectStatus
from programmes.partnership import VRU
from programmes.tests.factories import ConsortiumMemberFactory, InterventionTypeFactory, ProjectFactory

from ..schema import package_errors

pytestmark = pytest.mark.django_db


@pytest.fixture
def grants_data(partnership, brent):
    """Projects exercising every part of a grant, plus ones the export must leave out."""
    charity = OrganisationFactory(name="Young Brent Charity", charity_number="1122334", website="https://ybc.example")
    unregistered = OrganisationFactory(name="Canal Club")
    hackney = Borough.objects.get(name="Hackney")
    ward = PlaceFactory(name="Stonebridge ward", borough=brent, kind="ward", ward_gss_code="E05013520")
    full = ProjectFactory(
        title="Youth voice on the estates",
        description="",
        lead_organisation=charity,
        funding_programme=FundingProgramme.objects.get(name="MyEnds"),
        funding_amount=Decimal("25000.50"),
        boroughs=[brent, hackney],
        places=[ward],
        intervention_types=[InterventionTypeFactory(slug="youth-voice", name="Youth voice")],
    )
    ConsortiumMemberFactory(project=full, organisation=unregistered)
    plain = ProjectFactory(title="Boxing club", lead_organisation=unregistered, funding_amount=Decimal(8000))
    ProjectFactory(title="No money recorded", funding_amount=None)
    ProjectFactory(title="A draft", status=ProjectStatus.DRAFT, funding_amount=Decimal(1))
    ProjectFactory(title="Cancelled", status=ProjectStatus.CANCELLED, funding_amount=Decimal(1))
    return {"full": full, "plain": plain, "charity": charity, "unregistered": unregistered}


def export(run_on_commit, user, kind, params=None):
    job = run_on_commit(services.export_job_start, user=user, kind=kind, params=params or {})
    job.refresh_from_db()
    return job


def test_the_json_export_validates_against_the_official_360giving_schema(run_on_commit, programme_manager, grants_data):
    job = export(run_on_commit, programme_manager, ExportKind.THREESIXTYGIVING_JSON)
    assert job.state == ExportState.DONE, job.error
    package = json.loads(job.file.read())
    assert package_errors(package) == []
    assert {grant["title"] for grant in package["grants"]} == {"Youth voice on the estates", "Boxing club"}
    assert package["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert package["publisher"]["name"] == VRU


def test_the_schema_check_catches_a_broken_grant(run_on_commit, programme_manager, grants_data):
    """The validator is real: a grant without an amount or with a day-first date fails."""
    job = export(run_on_commit, programme_manager, ExportKind.THREESIXTYGIVING_JSON)
    package = json.loads(job.file.read())
    del package["grants"][0]["amountAwarded"]
    package["grants"][1]["awardDate"] = "01/04/2025"
    errors = package_errors(package)
    assert len(errors) == 2
    assert any("awardDate" in error for error in errors)


def test_projects_without_a_funding_amount_are_left_out_and_counted(run_on_commit, programme_manager, grants_data):
    job = export(run_on_commit, programme_manager, ExportKind.THREESIXTYGIVING_JSON)
    # Left out: "No money recorded" and One Flow – One Brent (the partnership's real project has no amount).
    assert (job.row_count, job.left_out_count) == (2, 2)


def test_identifiers_use_the_publisher_prefix_and_org_ids_where_a_number_is_known(
    settings, programme_manager, grants_data
):
    full, charity, unregistered = grants_data["full"], grants_data["charity"], grants_data["unregistered"]
    vru = Organisation.objects.get(name=VRU)
    grants = {g["title"]: g for g in threesixtygiving.grants(Project.objects.all(), default_funder=vru)}
    grant = grants["Youth voice on the estates"]
    assert grant["id"] == f"{settings.THREESIXTYGIVING_PREFIX}-project-{full.pk}"
    assert grant["recipientOrganization"] == [
        {"id": "GB-CHC-1122334", "name": charity.name, "charityNumber": "1122334", "url": "https://ybc.example"}
    ]
    assert grants["Boxing club"]["recipientOrganization"][0]["id"] == f"360G-HAYN-org-{unregistered.pk}"


def test_a_grant_keeps_its_identifier_when_the_project_changes(grants_data):
    full = grants_data["full"]
    before = threesixtygiving.grant_identifier(full.pk)
    full.title = "Renamed"
    full.save()
    vru = Organisation.objects.get(name=VRU)
    (grant,) = threesixtygiving.grants(Project.objects.filter(pk=full.pk), default_funder=vru)
    assert grant["id"] == before


def test_a_grant_has_a_description_funder_programme_locations_and_dates(grants_data):
    vru = Organisation.objects.get(name=VRU)
    grants = {g["title"]: g for g in threesixtygiving.grants(Project.objects.all(), default_funder=vru)}
    grant = grants["Youth voice on the estates"]
    assert grant["description"].startswith("Youth voice on the estates")  # No description: the title stands in.
    assert "Delivered with: Canal Club." in grant["description"]
    assert grant["amountAwarded"] == 25000.5
    assert grant["fundingOrganization"][0]["name"] == VRU  # MyEnds' funder.
    assert grant["grantProgramme"][0]["title"] == "MyEnds"
    assert grant["beneficiaryLocation"] == [
        {"name": "Brent", "geoCode": "E09000005", "geoCodeType": "LONB", "countryCode": "GB"},
        {"name": "Hackney", "geoCode": "E09000012", "geoCodeType": "LONB", "countryCode": "GB"},
        {"name": "Stonebridge ward", "geoCode": "E05013520", "geoCodeType": "WD", "countryCode": "GB"},
    ]
    assert grant["awardDate"] == grant["plannedDates"][0]["startDate"] == "2025-04-01"
    assert grant["classifications"][0]["code"] == "youth-voice"
    assert grants["Boxing club"]["fundingOrganization"][0]["name"] == VRU  # No funder or programme: the VRU.


def test_a_named_funder_comes_before_the_programme_funder(grants_data):
    funder = OrganisationFactory(name="A Trust")
    Project.objects.filter(pk=grants_data["full"].pk).update(funder=funder)
    vru = Organisation.objects.get(name=VRU)
    (grant,) = threesixtygiving.grants(Project.objects.filter(pk=grants_data["full"].pk), default_funder=vru)
    assert grant["fundingOrganization"] == [{"id": f"360G-HAYN-org-{funder.pk}", "name": "A Trust"}]


def test_a_consortium_s_grants_point_at_each_other(partnership):
    lead, partner = OrganisationFactory(), OrganisationFactory()
    first, second, other = (ProjectFactory(lead_organisation=lead, funding_amount=100) for _ in range(3))
    for project in (first, second):
        ConsortiumMemberFactory(project=project, organisation=partner)
    ConsortiumMemberFactory(project=other, organisation=OrganisationFactory())
    vru = Organisation.objects.get(name=VRU)
    related = {
        g["id"]: g.get("relatedActivity") for g in threesixtygiving.grants(Project.objects.all(), default_funder=vru)
    }
    ids = {p: threesixtygiving.grant_identifier(p.pk) for p in (first, second, other)}
    assert related[ids[first]] == [ids[second]]
    assert related[ids[second]] == [ids[first]]
    assert related[ids[other]] is None


def test_the_spreadsheet_form_uses_360giving_column_titles_with_a_row_per_location(
    run_on_commit, programme_manager, grants_data
):
    job = export(run_on_commit, programme_manager, ExportKind.THREESIXTYGIVING_XLSX)
    assert job.state == ExportState.DONE, job.error
    workbook = load_workbook(io.BytesIO(job.file.read()), read_only=True)
    grants = list(workbook["grants"].iter_rows(values_only=True))
    headings = grants[0]
    for title in (
        "Identifier",
        "Title",
        "Description",
        "Currency",
        "Amount Awarded",
        "Award Date",
        "Recipient Org:Identifier",
        "Recipient Org:Name",
        "Funding Org:Identifier",
        "Funding Org:Name",
        "Grant Programme:Title",
        "Planned Dates:Start Date",
        "Planned Dates:End Date",
    ):
        assert title in headings
    assert len(grants) == 3
    full_id = threesixtygiving.grant_identifier(grants_data["full"].pk)
    locations = list(workbook["beneficiaryLocation"].iter_rows(values_only=True))
    assert locations[0] == (
        "Identifier",
        "Beneficiary Location:Name",
        "Beneficiary Location:Country Code",
        "Beneficiary Location:Geographic Code",
        "Beneficiary Location:Geographic Code Type",
    )
    assert (full_id, "Hackney", "GB", "E09000012", "LONB") in locations
    assert sum(row[0] == full_id for row in locations) == 3


def test_an_export_with_no_grant_fails_with_a_reason(run_on_commit, programme_manager, partnership):
    job = export(run_on_commit, programme_manager, ExportKind.THREESIXTYGIVING_JSON)
    assert job.state == ExportState.FAILED
    assert "needs at least one grant" in job.error
    assert not job.file


@pytest.mark.parametrize("size", [2, 20])
def test_grants_take_a_fixed_number_of_queries(django_assert_max_num_queries, partnership, size):
    for _ in range(size):
        ConsortiumMemberFactory(project=ProjectFactory(funding_amount=10, boroughs=[Borough.objects.first()]))
    vru = Organisation.objects.get(name=VRU)
    with django_assert_max_num_queries(9):
        assert len(list(threesixtygiving.grants(Project.objects.all(), default_funder=vru))) == size
