"""The partnership's projects as 360Giving grants (the UK open grants data standard), as JSON and as a spreadsheet.

Decisions, where the portal holds nothing the standard asks for directly:
- One grant per counted project (not draft, not cancelled), to its lead organisation.
- Projects with no funding amount are left out (the standard requires `amountAwarded`; writing 0 would
  publish a grant of nothing); the export says how many were left out.
- `awardDate` is the project's start date: the portal records no award decision date, and the start date
  is stable, unlike the date of the VRU's last review.
- The funder is the project's named funder, else its funding programme's funder, else the VRU.
- Organisations with a charity, company or social housing regulator number get their org-id
  (GB-CHC-…, GB-COH-…, GB-SHPE-…); others get the publisher's prefix and the portal's id, as the
  standard's identifier guidance says to do for organisations without an external registration.
- `relatedActivity` links a consortium's grants: projects led and delivered by exactly the same
  organisations (lead plus consortium members) list each other.
"""

import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import IO

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from openpyxl import Workbook

from core.errors import PortalError
from core.exports import neutralise
from partners.models import Organisation, OrganisationKind
from programmes.models import ConsortiumMember, Project

from ..models import ExportJob, ExportKind
from .writing import Written, as_text, with_progress

LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
SCHEMA_VERSION = "1.4"
# The official schema the packages are checked against, copied into the project with its source and licence.
SCHEMA_DIR = Path(__file__).with_name("threesixtygiving_schema")
CURRENCY = "GBP"


def _prefix() -> str:
    return settings.THREESIXTYGIVING_PREFIX


def grant_identifier(project_id: int) -> str:
    """The grant's identifier: the publisher's prefix and the project's id, never reused or changed."""
    return f"{_prefix()}-project-{project_id}"


def organisation_identifier(organisation: Organisation) -> str:
    """The org-id where a registration number is known, else the publisher's prefix and the portal's id."""
    return organisation.org_id or f"{_prefix()}-org-{organisation.pk}"


def grant_projects(projects: QuerySet[Project]) -> QuerySet[Project]:
    """The counted projects among `projects`, with everything a grant needs, in a fixed number of queries."""
    return (
        projects.counted()
        .select_related("lead_organisation", "funder", "funding_programme__funder")
        .prefetch_related(
            "boroughs",
            "places",
            "intervention_types",
            Prefetch("consortium_members", queryset=ConsortiumMember.objects.select_related("organisation")),
        )
        .order_by("pk")
    )


def consortium_teams(projects: QuerySet[Project]) -> dict[int, tuple[int, ...]]:
    """For each project run by a consortium, the ids of all the projects run by exactly the same organisations.

    Projects in one team share one tuple, so memory grows with the number of projects, not of links.
    """
    teams: dict[int, set[int]] = defaultdict(set)
    members = ConsortiumMember.objects.filter(project__in=projects.values("pk"))
    for project_id, organisation_id in members.values_list("project_id", "organisation_id"):
        teams[project_id].add(organisation_id)
    for project_id, lead_id in projects.values_list("pk", "lead_organisation_id"):
        if project_id in teams:
            teams[project_id].add(lead_id)
    by_team: dict[frozenset[int], list[int]] = defaultdict(list)
    for project_id, team in teams.items():
        by_team[frozenset(team)].append(project_id)
    return {
        project_id: shared
        for group in by_team.values()
        if len(group) > 1
        for shared in [tuple(sorted(group))]
        for project_id in group
    }


def _amount(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _organisation(organisation: Organisation, *, detailed: bool = False) -> dict:
    block = {"id": organisation_identifier(organisation), "name": organisation.name}
    if detailed:
        if organisation.charity_number:
            block["charityNumber"] = organisation.charity_number
        if organisation.company_number:
            block["companyNumber"] = organisation.company_number
        if organisation.website:
            block["url"] = organisation.website
    return block


def _locations(project: Project) -> list[dict]:
    boroughs = [
        {"name": borough.name, "geoCode": borough.gss_code, "geoCodeType": "LONB", "countryCode": "GB"}
        for borough in project.boroughs.all()
    ]
    wards = [
        {"name": place.name, "geoCode": place.ward_gss_code, "geoCodeType": "WD", "countryCode": "GB"}
        for place in project.places.all()
        if place.ward_gss_code
    ]
    return sorted(boroughs, key=lambda b: b["name"]) + sorted(wards, key=lambda w: w["name"])


def grant(project: Project, *, default_funder: Organisation, related: list[str]) -> dict:
    """One project as a 360Giving grant."""
    members = [member.organisation.name for member in project.consortium_members.all()]
    description = project.description.strip() or project.title
    if members:
        description += f"\n\nDelivered with: {', '.join(sorted(members))}."
    programme = project.funding_programme
    funder = project.funder or (programme.funder if programme else None) or default_funder
    item = {
        "id": grant_identifier(project.pk),
        "title": project.title,
        "description": description,
        "currency": CURRENCY,
        "amountAwarded": _amount(project.funding_amount),
        "awardDate": project.start_date.isoformat(),
        "plannedDates": [{"startDate": project.start_date.isoformat(), "endDate": project.end_date.isoformat()}],
        "recipientOrganization": [_organisation(project.lead_organisation, detailed=True)],
        "fundingOrganization": [_organisation(funder)],
        "dateModified": project.updated_at.isoformat(),
    }
    if programme:
        item["grantProgramme"] = [{"code": f"{_prefix()}-programme-{programme.pk}", "title": programme.name}]
    if locations := _locations(project):
        item["beneficiaryLocation"] = locations
    if types := list(project.intervention_types.all()):
        item["classifications"] = [
            {"vocabulary": f"{_prefix()}-intervention-type", "code": t.slug, "title": t.name} for t in types
        ]
    if related:
        item["relatedActivity"] = related
    return item


def the_vru() -> Organisation:
    """The VRU: the publisher, and the funder of last resort."""
    vru = Organisation.objects.filter(kind=OrganisationKind.VIOLENCE_REDUCTION_UNIT).order_by("pk").first()
    if vru is None:
        raise PortalError("360Giving data needs the Violence Reduction Unit in the portal as publisher.")
    return vru


def package_metadata(*, publisher: Organisation, now: datetime) -> dict:
    """The package's description of itself: who publishes it, under which licence, when."""
    block = {"name": publisher.name, "identifier": organisation_identifier(publisher)}
    if publisher.website:
        block["website"] = publisher.website
    return {
        "version": SCHEMA_VERSION,
        "title": f"HAYN partnership grants, {now:%d %B %Y}",
        "description": "Projects of the VRU and Housing Association Youth Network partnership, as 360Giving data.",
        "identifier": f"{_prefix()}-{now:%Y%m%dT%H%M%S}",
        "issued": now.date().isoformat(),
        "modified": now.isoformat(),
        "publisher": block,
        "license": LICENSE_URL,
    }


def grants(projects: QuerySet[Project], *, default_funder: Organisation, chunk_size: int = 2000) -> Iterator[dict]:
    """Each counted project with a funding amount as a grant, streamed so 50,000 projects fit in little memory."""
    exported = projects.counted().filter(funding_amount__isnull=False)
    teams = consortium_teams(exported)
    for project in grant_projects(exported).iterator(chunk_size=chunk_size):
        related = [grant_identifier(other) for other in teams.get(project.pk, ()) if other != project.pk]
        yield grant(project, default_funder=default_funder, related=related)


def write_json(items: Iterable[dict], stream: IO[str], *, metadata: dict) -> int:
    """Write a 360Giving package, one grant at a time; returns how many grants it holds."""
    stream.write("{")
    for key, value in metadata.items():
        stream.write(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False)}, ")
    stream.write('"grants": [')
    count = 0
    for count, item in enumerate(items, start=1):
        stream.write(("," if count > 1 else "") + "\n" + json.dumps(item, ensure_ascii=False))
    stream.write("\n]}\n")
    return count


# The spreadsheet form: 360Giving's column titles. Beneficiary locations and classifications are one-to-many,
# so, as the standard's guidance says for more than three per grant, they go on their own sheets keyed by
# the grant's Identifier.
GRANT_COLUMNS = (
    ("Identifier", lambda g: g["id"]),
    ("Title", lambda g: g["title"]),
    ("Description", lambda g: g["description"]),
    ("Currency", lambda g: g["currency"]),
    ("Amount Awarded", lambda g: g["amountAwarded"]),
    ("Award Date", lambda g: g["awardDate"]),
    ("Planned Dates:Start Date", lambda g: g["plannedDates"][0]["startDate"]),
    ("Planned Dates:End Date", lambda g: g["plannedDates"][0]["endDate"]),
    ("Recipient Org:Identifier", lambda g: g["recipientOrganization"][0]["id"]),
    ("Recipient Org:Name", lambda g: g["recipientOrganization"][0]["name"]),
    ("Recipient Org:Charity Number", lambda g: g["recipientOrganization"][0].get("charityNumber", "")),
    ("Recipient Org:Company Number", lambda g: g["recipientOrganization"][0].get("companyNumber", "")),
    ("Recipient Org:Web Address", lambda g: g["recipientOrganization"][0].get("url", "")),
    ("Funding Org:Identifier", lambda g: g["fundingOrganization"][0]["id"]),
    ("Funding Org:Name", lambda g: g["fundingOrganization"][0]["name"]),
    ("Grant Programme:Code", lambda g: g.get("grantProgramme", [{}])[0].get("code", "")),
    ("Grant Programme:Title", lambda g: g.get("grantProgramme", [{}])[0].get("title", "")),
    ("Related Activity", lambda g: ";".join(g.get("relatedActivity", []))),
    ("Last Modified", lambda g: g["dateModified"]),
)
LOCATION_COLUMNS = (
    ("Identifier", None),
    ("Beneficiary Location:Name", "name"),
    ("Beneficiary Location:Country Code", "countryCode"),
    ("Beneficiary Location:Geographic Code", "geoCode"),
    ("Beneficiary Location:Geographic Code Type", "geoCodeType"),
)
CLASSIFICATION_COLUMNS = (
    ("Identifier", None),
    ("Classifications:Vocabulary", "vocabulary"),
    ("Classifications:Code", "code"),
    ("Classifications:Title", "title"),
)


def _child_rows(item: dict, key: str, columns) -> Iterator[list]:
    for child in item.get(key, []):
        yield [neutralise(item["id"] if field is None else child[field]) for _, field in columns]


def write_xlsx(items: Iterable[dict], stream: IO[bytes]) -> int:
    """Write grants in 360Giving's spreadsheet form (write-only, so memory stays flat); returns the grant count."""
    workbook = Workbook(write_only=True)
    grant_sheet = workbook.create_sheet("grants")
    location_sheet = workbook.create_sheet("beneficiaryLocation")
    classification_sheet = workbook.create_sheet("classifications")
    for sheet, columns in (
        (grant_sheet, GRANT_COLUMNS),
        (location_sheet, LOCATION_COLUMNS),
        (classification_sheet, CLASSIFICATION_COLUMNS),
    ):
        sheet.append([title for title, _ in columns])
    count = 0
    for count, item in enumerate(items, start=1):  # noqa: B007 (the count after the loop is the answer)
        grant_sheet.append([neutralise(value(item)) for _, value in GRANT_COLUMNS])
        for row in _child_rows(item, "beneficiaryLocation", LOCATION_COLUMNS):
            location_sheet.append(row)
        for row in _child_rows(item, "classifications", CLASSIFICATION_COLUMNS):
            classification_sheet.append(row)
    workbook.save(stream)
    return count


def threesixtygiving_write(job: ExportJob, projects: QuerySet[Project], stream: io.BufferedIOBase) -> Written:
    """Write the counted projects with a funding amount as a 360Giving package (JSON) or spreadsheet."""
    counted = projects.counted()
    total = counted.filter(funding_amount__isnull=False).count()
    left_out = counted.filter(funding_amount__isnull=True).count()
    if not total:
        raise PortalError("No project here has a funding amount, and 360Giving data needs at least one grant.")
    vru = the_vru()
    items = with_progress(grants(projects, default_funder=vru), job_id=job.pk, total=total)
    if job.kind == ExportKind.THREESIXTYGIVING_XLSX:
        return Written(write_xlsx(items, stream), total, left_out)
    metadata = package_metadata(publisher=vru, now=timezone.now())
    with as_text(stream, "utf-8") as text:
        return Written(write_json(items, text, metadata=metadata), total, left_out)
