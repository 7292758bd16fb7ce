"""The overlap list, its CSV and the overlap review as shown: projects side by side with what they share."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from django.http import QueryDict
from django.urls import reverse

from core.formatting import date_range
from partners.succession import organisations_now
from programmes.models import ProjectStatus

from ..analysis.data import PLACE, PlaceInfo, ProjectInfo
from ..analysis.matrix import Analysis
from ..analysis.overlaps import CommonGround, Overlap, common_ground
from ..analysis.reviews import ReviewInfo
from ..selectors.compare import ProjectDetails

STATUS_LABELS = dict(ProjectStatus.choices)
# Projects named in a row of the overlap list before "and N more".
PROJECTS_IN_ROW = 4
NONE_SHARED = "None shared by all"
OVERLAP_CSV_HEADER = [
    "where",
    "kind",
    "borough",
    "intervention type",
    "projects",
    "project ids",
    "project titles",
    "lead organisations",
    "ages shared by all",
    "dates shared by all",
    "review",
    "review note",
    "reviewed by",
    "reviewed on",
]


@dataclass
class ProjectCell:
    """A project as compared with others: its lead, ages, dates, status and places."""

    id: int
    title: str
    url: str | None
    lead: str
    ages: str
    dates: str
    status: str
    places: str  # The places it names, or that it covers whole boroughs.


@dataclass
class OverlapRow:
    """An overlap as a row of the list, with its first few projects and the link comparing them all."""

    overlap: Overlap
    where: str
    where_url: str | None
    kind: str
    borough: str
    type_name: str
    organisations: list[str]
    projects: list[ProjectCell]  # The first few, to name in the list.
    more: int  # How many more it has.
    shared_ages: str
    shared_dates: str
    compare: str


def overlap_sort_keys(analysis: Analysis) -> dict:
    """Sort keys on the overlaps themselves, ascending, so a long list is sorted before any row is built."""
    names = {o: analysis.site_name(o.site) for o in analysis.overlaps}
    return {
        "where": lambda o: names[o].lower(),
        "borough": lambda o: (analysis.borough_of(o.site).name, names[o].lower()),
        "type": lambda o: analysis.type_of(o.type_id).name,
        "projects": lambda o: o.size,
        "organisations": lambda o: len(analysis.organisation_ids(o.project_ids)),
        "review": lambda o: (o.review is not None, o.review.status if o.review else ""),
    }


def project_cells(
    projects: Iterable[ProjectInfo], *, organisations: Mapping[int, str], places: Mapping[int, PlaceInfo]
) -> list[ProjectCell]:
    """Projects side by side: who leads each, for which ages, when, where, and how far through review."""
    return [
        ProjectCell(
            id=project.id,
            title=project.title,
            url=reverse("programmes:project-detail", args=[project.id]),
            lead=organisations.get(project.lead_id, ""),
            ages=f"{project.age_min} to {project.age_max}",
            dates=date_range(project.start, project.end),
            status=STATUS_LABELS.get(project.status, project.status),
            places=", ".join(sorted(places[pk].name for pk in project.place_ids if pk in places))
            or "The whole of each borough it names",
        )
        for project in projects
    ]


NOT_KNOWN = "Not known"


@dataclass
class ComparisonRow:
    """One fact about every project compared: its label and each project's value, in the projects' order."""

    label: str
    values: list[str]


def comparison_rows(
    cells: list[ProjectCell],
    projects: list[ProjectInfo],
    details: Mapping[int, ProjectDetails],
    *,
    organisations: Mapping[int, str],
    successors: Mapping[int, int | None],
) -> list[ComparisonRow]:
    """The projects side by side, a fact a row: what each does, for whom, when, where, its target, reach so far,
    funding, and its lead as recorded and as it is now (after mergers and renames)."""
    now = organisations_now(successors)
    facts = [details.get(project.id) for project in projects]

    def row(label: str, value) -> ComparisonRow:
        return ComparisonRow(
            label, [value(cell, project, fact) for cell, project, fact in zip(cells, projects, facts, strict=True)]
        )

    return [
        row("Description", lambda c, p, f: (f.description if f else "") or "None given"),
        row("Kinds of work", lambda c, p, f: ", ".join(f.kinds_of_work) if f else ""),
        row("Ages", lambda c, p, f: c.ages),
        row("Dates", lambda c, p, f: c.dates),
        row("Places", lambda c, p, f: c.places),
        row("Status", lambda c, p, f: c.status),
        row("Target (young people)", lambda c, p, f: _target(f)),
        row("Reached so far (verified returns)", lambda c, p, f: f"{f.reached:,}" if f else NOT_KNOWN),
        row("Funding", lambda c, p, f: _funding(f)),
        row("Lead as recorded", lambda c, p, f: c.lead),
        row("Lead as it is now", lambda c, p, f: organisations.get(now.get(p.lead_id, p.lead_id), "")),
    ]


def _target(facts: ProjectDetails | None) -> str:
    if facts is None or facts.target is None:
        return NOT_KNOWN
    return f"{facts.target:,}" + (f" ({facts.target_note})" if facts.target_note else "")


def _funding(facts: ProjectDetails | None) -> str:
    if facts is None:
        return NOT_KNOWN
    amount = f"£{facts.funding_amount:,.0f}" if facts.funding_amount is not None else "amount not known"
    return f"{facts.funding_programme}, {amount}" if facts.funding_programme else f"No funding programme, {amount}"


def shared_ages(shared: CommonGround) -> str | None:
    """The ages every project serves, in words, or None."""
    return f"{shared.ages.youngest} to {shared.ages.oldest}" if shared.ages else None


def shared_dates(shared: CommonGround) -> str | None:
    """The dates every project runs, in words, or None."""
    return date_range(shared.dates.start, shared.dates.end) if shared.dates else None


def overlap_row(analysis: Analysis, overlap: Overlap, *, query: str) -> OverlapRow:
    """An overlap as a row of the list, linking to the page comparing its projects under the same filters."""
    is_place = overlap.site.kind == PLACE
    shared = common_ground(analysis.projects[pk] for pk in overlap.project_ids)
    return OverlapRow(
        overlap=overlap,
        where=analysis.site_name(overlap.site),
        where_url=reverse("programmes:place-detail", args=[overlap.site.id]) if is_place else None,
        kind="Place" if is_place else "Whole borough",
        borough=analysis.borough_of(overlap.site).name,
        type_name=analysis.type_of(overlap.type_id).name,
        organisations=_lead_names(analysis, overlap),
        projects=project_cells(
            [analysis.projects[pk] for pk in overlap.project_ids[:PROJECTS_IN_ROW]],
            organisations=analysis.data.organisations,
            places=analysis.places,
        ),
        more=max(overlap.size - PROJECTS_IN_ROW, 0),
        shared_ages=shared_ages(shared) or NONE_SHARED,
        shared_dates=shared_dates(shared) or NONE_SHARED,
        compare=_compare_url(analysis, overlap, query),
    )


def _lead_names(analysis: Analysis, overlap: Overlap) -> list[str]:
    return [analysis.data.organisations.get(pk, "") for pk in analysis.organisation_ids(overlap.project_ids)]


def _compare_url(analysis: Analysis, overlap: Overlap, query: str) -> str:
    """The overlap review page for this overlap, keeping the list's filters."""
    compare = QueryDict(query, mutable=True)
    compare.update(
        {
            "site": f"{overlap.site.kind}-{overlap.site.id}",
            "overlap_type": analysis.type_of(overlap.type_id).slug,
            "projects": ",".join(map(str, overlap.project_ids)),
        }
    )
    return f"{reverse('coverage:overlap-review')}?{compare.urlencode()}"


def overlap_csv_rows(analysis: Analysis, overlaps: Iterable[Overlap]) -> Iterator[list]:
    """The overlaps as CSV rows, in the order shown."""
    for overlap in overlaps:
        projects = [analysis.projects[pk] for pk in overlap.project_ids]
        shared = common_ground(projects)
        yield [
            analysis.site_name(overlap.site),
            "place" if overlap.site.kind == PLACE else "whole borough",
            analysis.borough_of(overlap.site).name,
            analysis.type_of(overlap.type_id).name,
            overlap.size,
            " ".join(str(p.id) for p in projects),
            "; ".join(p.title for p in projects),
            "; ".join(_lead_names(analysis, overlap)),
            f"{shared.ages.youngest}-{shared.ages.oldest}" if shared.ages else "",
            f"{shared.dates.start.isoformat()} to {shared.dates.end.isoformat()}" if shared.dates else "",
            *_review_columns(overlap.review),
        ]


def _review_columns(review: ReviewInfo | None) -> list[str]:
    """The review, its note, who made it and when; or "not reviewed"."""
    if review is None:
        return ["not reviewed", "", "", ""]
    return [review.status_label, review.note, review.reviewed_by, review.reviewed_at.date().isoformat()]
