"""What the coverage pages show: an analysis turned into table rows with names, words for each state, and links."""

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from django.http import QueryDict
from django.urls import reverse
from django.utils.http import urlencode

from boroughs.models import Priority
from core.formatting import date_range, long_date

from .analysis.data import BOROUGH, PLACE, ProjectInfo, Site
from .analysis.matrix import Analysis, Cell, CellState, Gap
from .analysis.overlaps import Overlap, common_ground
from .analysis.timeline import ProvisionHistory

PRIORITY_LABELS = dict(Priority.choices)
SHORT_STATE = {CellState.GAP: "Gap", CellState.THIN: "Thin", CellState.COVERED: "Covered", CellState.OVERLAP: "Overlap"}
# Names shown in a cell before "and N more".
NAMES_IN_CELL = 2
# Projects named in a row of the overlap list before "and N more".
PROJECTS_IN_ROW = 4


def register_url(analysis: Analysis, site: Site | None, type_id: int | None, register_params: dict) -> str:
    """The project register filtered to a borough or place, an intervention type, the period and the ages."""
    params = dict(register_params)
    if site is not None:
        if site.kind == BOROUGH:
            params["borough"] = analysis.boroughs[site.id].gss_code
        else:
            params["place"] = site.id
    if type_id is not None:
        params["intervention_type"] = next(t.slug for t in analysis.types if t.id == type_id)
    return f"{reverse('programmes:project-list')}?{urlencode(params)}"


def listed(names: list[str], limit: int = NAMES_IN_CELL) -> str:
    """Names joined as in a sentence, the rest counted: "Hyde, Peabody and 3 more"."""
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" and {len(names) - limit} more"
    if len(names) > 1:
        return ", ".join(names[:-1]) + f" and {names[-1]}"
    return "".join(names)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


@dataclass
class CellView:
    state: CellState
    lines: list[str]
    link: str | None
    context: str  # Where and what, for screen readers: "mentoring in Brent".


@dataclass
class MatrixRow:
    site: Site
    name: str
    is_place: bool
    anchor: str = ""
    priority: str = ""
    crosses_from: str = ""
    places: int = 0
    toggle: str | None = None
    is_expanded: bool = False
    timeline: str | None = None
    cells: list[CellView] = field(default_factory=list)


class Matrix:
    """The coverage matrix: the chosen boroughs (each expandable into its places) against the chosen types."""

    def __init__(
        self, analysis: Analysis, *, borough_ids: list[int], expanded: set[str], query: QueryDict, register_params
    ):
        self.analysis = analysis
        self.query = query
        self.register_params = register_params
        self.overlaps = Counter((o.site, o.type_id) for o in analysis.overlaps)
        self.overlaps_in_borough = Counter((analysis.borough_of(o.site).id, o.type_id) for o in analysis.overlaps)
        self.place_gaps = Counter(
            (analysis.borough_of(g.site).id, g.type_id) for g in analysis.gaps if g.site.kind == PLACE
        )
        self.rows: list[MatrixRow] = []
        for borough_id in borough_ids:
            borough = analysis.boroughs[borough_id]
            places = analysis.places_by_borough.get(borough_id, ())
            is_expanded = borough.gss_code in expanded
            self.rows.append(
                MatrixRow(
                    site=Site(BOROUGH, borough_id),
                    name=borough.name,
                    is_place=False,
                    anchor=f"borough-{borough.gss_code}",
                    places=len(places),
                    is_expanded=is_expanded,
                    toggle=self._toggle(borough.gss_code, expanded) if places else None,
                    cells=[self._cell(Site(BOROUGH, borough_id), t.id) for t in analysis.types],
                )
            )
            if is_expanded:
                self.rows += [self._place_row(place, borough_id) for place in places]

    def _toggle(self, gss_code: str, expanded: set[str]) -> str:
        query = self.query.copy()
        query.setlist("expand", sorted(expanded ^ {gss_code}))
        return f"?{query.urlencode()}#borough-{gss_code}"

    def _place_row(self, place, borough_id: int) -> MatrixRow:
        site = Site(PLACE, place.id)
        return MatrixRow(
            site=site,
            name=place.name,
            is_place=True,
            priority=PRIORITY_LABELS[place.priority] if place.priority else "",
            crosses_from="" if place.borough_id == borough_id else self.analysis.boroughs[place.borough_id].name,
            timeline=f"{reverse('coverage:place-timeline', args=[place.id])}?{self.query.urlencode()}",
            cells=[self._cell(site, t.id) for t in self.analysis.types],
        )

    def _cell(self, site: Site, type_id: int) -> CellView:
        analysis = self.analysis
        cell: Cell = analysis.cell(site, type_id)
        type_name = next(t.name for t in analysis.types if t.id == type_id)
        lines = [SHORT_STATE[cell.state]]
        if cell.state == CellState.GAP:
            lines.append(f"No provision since {long_date(cell.since)}" if cell.since else "Never covered")
        else:
            project_ids = cell.project_ids
            organisations = analysis.organisation_ids(project_ids)
            names = [analysis.data.organisations.get(pk, "") for pk in organisations]
            lines.append(f"{plural(len(project_ids), 'project')}, {plural(len(organisations), 'organisation')}")
            lines.append(listed(names))
        overlaps = self.overlaps_in_borough if site.kind == BOROUGH else self.overlaps
        if count := overlaps[site.id, type_id] if site.kind == BOROUGH else overlaps[site, type_id]:
            lines.append(plural(count, "overlap"))
        if site.kind == BOROUGH and (gaps := self.place_gaps[site.id, type_id]):
            lines.append(f"{plural(gaps, 'priority place')} with a gap")
        return CellView(
            state=cell.state,
            lines=lines,
            link=register_url(analysis, site, type_id, self.register_params),
            context=f"{type_name.lower()} in {analysis.site_name(site)}",
        )


@dataclass
class GapRow:
    gap: Gap
    where: str
    where_url: str | None
    kind: str
    borough: str
    priority: str
    type_name: str
    state_label: str
    since: str
    register: str | None
    timeline: str | None


def gap_sort_keys(analysis: Analysis) -> dict:
    """Ways to sort the gap list besides its rank, each a key on the gaps themselves, ascending."""
    return {
        "where": lambda g: (analysis.site_name(g.site).lower(), g.site),
        "borough": lambda g: (analysis.borough_of(g.site).name, g.site.kind != BOROUGH, analysis.site_name(g.site)),
        # Ascending: low priority first, whole boroughs (which outrank every place) last.
        "priority": lambda g: 4 if g.priority is None else g.priority,
        "type": lambda g: next(t.name for t in analysis.types if t.id == g.type_id),
        "since": lambda g: (g.since is not None, g.since or date.min),
    }


def gap_rows(analysis: Analysis, gaps: Iterable[Gap], *, query: str, register_params: dict) -> list[GapRow]:
    """The gap list (or thin list) in rank order, each row with its place, borough and links."""
    rows = []
    for gap in gaps:
        borough = analysis.borough_of(gap.site)
        is_place = gap.site.kind == PLACE
        if gap.state == CellState.THIN:
            organisations = analysis.organisation_ids(analysis.cell(gap.site, gap.type_id).project_ids)
            since = f"Only {analysis.data.organisations.get(organisations[0], '')}"
        else:
            since = f"Since {long_date(gap.since)}" if gap.since else "Never covered"
        rows.append(
            GapRow(
                gap=gap,
                where=analysis.site_name(gap.site),
                where_url=reverse("programmes:place-detail", args=[gap.site.id])
                if is_place
                else reverse("programmes:borough-detail", args=[borough.gss_code]),
                kind="Place" if is_place else "Whole borough",
                borough=borough.name,
                priority=PRIORITY_LABELS[gap.priority] if is_place else "Partnership borough",
                type_name=next(t.name for t in analysis.types if t.id == gap.type_id),
                state_label=SHORT_STATE[gap.state],
                since=since,
                register=register_url(analysis, gap.site, gap.type_id, register_params),
                timeline=f"{reverse('coverage:place-timeline', args=[gap.site.id])}?{query}" if is_place else None,
            )
        )
    return rows


@dataclass
class ProjectCell:
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
        "type": lambda o: next(t.name for t in analysis.types if t.id == o.type_id),
        "projects": lambda o: o.size,
        "organisations": lambda o: len(analysis.organisation_ids(o.project_ids)),
        "review": lambda o: (o.review is not None, o.review.status if o.review else ""),
    }


def project_cells(projects: Iterable[ProjectInfo], *, organisations, places, statuses) -> list[ProjectCell]:
    """Projects side by side: who leads each, for which ages, when, where, and how far through review."""
    return [
        ProjectCell(
            id=project.id,
            title=project.title,
            url=reverse("programmes:project-detail", args=[project.id]),
            lead=organisations.get(project.lead_id, ""),
            ages=f"{project.age_min} to {project.age_max}",
            dates=date_range(project.start, project.end),
            status=statuses.get(project.status, project.status),
            places=", ".join(sorted(places[pk].name for pk in project.place_ids if pk in places))
            or "The whole of each borough it names",
        )
        for project in projects
    ]


def overlap_row(analysis: Analysis, overlap: Overlap, *, query: str, statuses: dict[str, str]) -> OverlapRow:
    is_place = overlap.site.kind == PLACE
    shared = common_ground(analysis.projects[pk] for pk in overlap.project_ids)
    compare = QueryDict(query, mutable=True)
    compare.update(
        {
            "site": f"{overlap.site.kind}-{overlap.site.id}",
            "overlap_type": next(t.slug for t in analysis.types if t.id == overlap.type_id),
            "projects": ",".join(map(str, overlap.project_ids)),
        }
    )
    return OverlapRow(
        overlap=overlap,
        where=analysis.site_name(overlap.site),
        where_url=reverse("programmes:place-detail", args=[overlap.site.id]) if is_place else None,
        kind="Place" if is_place else "Whole borough",
        borough=analysis.borough_of(overlap.site).name,
        type_name=next(t.name for t in analysis.types if t.id == overlap.type_id),
        organisations=[
            analysis.data.organisations.get(pk, "") for pk in analysis.organisation_ids(overlap.project_ids)
        ],
        projects=project_cells(
            [analysis.projects[pk] for pk in overlap.project_ids[:PROJECTS_IN_ROW]],
            organisations=analysis.data.organisations,
            places=analysis.places,
            statuses=statuses,
        ),
        more=max(overlap.size - PROJECTS_IN_ROW, 0),
        shared_ages=f"{shared.ages.youngest} to {shared.ages.oldest}" if shared.ages else "None shared by all",
        shared_dates=date_range(shared.dates.start, shared.dates.end) if shared.dates else "None shared by all",
        compare=f"{reverse('coverage:overlap-review')}?{compare.urlencode()}",
    )


def gap_csv_rows(analysis: Analysis, gaps: Iterable[Gap]) -> Iterator[list]:
    for rank, gap in enumerate(gaps, start=1):
        is_place = gap.site.kind == PLACE
        yield [
            rank,
            analysis.site_name(gap.site),
            "place" if is_place else "whole borough",
            analysis.borough_of(gap.site).name,
            PRIORITY_LABELS[gap.priority] if is_place else "",
            next(t.name for t in analysis.types if t.id == gap.type_id),
            gap.state.value,
            gap.since.isoformat() if gap.since else ("never covered" if gap.state == CellState.GAP else ""),
        ]


GAP_CSV_HEADER = ["rank", "where", "kind", "borough", "priority", "intervention type", "state", "gap since"]
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


def overlap_csv_rows(analysis: Analysis, overlaps: Iterable[Overlap]) -> Iterator[list]:
    for overlap in overlaps:
        projects = [analysis.projects[pk] for pk in overlap.project_ids]
        shared = common_ground(projects)
        review = overlap.review
        yield [
            analysis.site_name(overlap.site),
            "place" if overlap.site.kind == PLACE else "whole borough",
            analysis.borough_of(overlap.site).name,
            next(t.name for t in analysis.types if t.id == overlap.type_id),
            overlap.size,
            " ".join(str(p.id) for p in projects),
            "; ".join(p.title for p in projects),
            "; ".join(analysis.data.organisations.get(pk, "") for pk in analysis.organisation_ids(overlap.project_ids)),
            f"{shared.ages.youngest}-{shared.ages.oldest}" if shared.ages else "",
            f"{shared.dates.start.isoformat()} to {shared.dates.end.isoformat()}" if shared.dates else "",
            review.status_label if review else "not reviewed",
            review.note if review else "",
            review.reviewed_by if review else "",
            review.reviewed_at.date().isoformat() if review else "",
        ]


def landlord_rows(analysis: Analysis, provision, homes, *, register_params: dict, show_all: bool):
    """A landlord's places with their homes, borough, priority and links; only those lacking provision
    unless all are asked for."""
    return [
        {
            "provision": row,
            "homes": homes[row.place.id],
            "borough": analysis.boroughs[row.place.borough_id].name,
            "priority": PRIORITY_LABELS[row.place.priority],
            "place_url": reverse("programmes:place-detail", args=[row.place.id]),
            "register": register_url(analysis, Site(PLACE, row.place.id), None, register_params),
        }
        for row in provision
        if show_all or row.missing
    ]


def timeline_sections(data, histories: tuple[ProvisionHistory, ...], *, place_id: int) -> list[dict]:
    """Each kind of work at a place: its spells with the projects behind them, and its projects."""
    titles = {project.id: project.title for project in data.projects}
    return [
        {
            "history": history,
            "spells": [{"spell": s, "titles": [titles[pk] for pk in s.project_ids]} for s in history.spells],
            "projects": [
                {
                    "project": project,
                    "lead": data.organisations.get(project.lead_id, ""),
                    "url": reverse("programmes:project-detail", args=[project.id]),
                    "is_named": place_id in project.place_ids,
                }
                for project in history.projects
            ],
        }
        for history in histories
    ]


@dataclass
class Bar:
    x: float
    width: float
    label: str


@dataclass
class ChartRow:
    name: str
    y: int
    bars: list[Bar]


@dataclass
class Chart:
    """A timeline drawn in SVG user units (the width is 1000): bars of provision per type, years and today."""

    rows: list[ChartRow]
    years: list[tuple[float, int]]
    today_x: float
    height: int


CHART_WIDTH, CHART_ROW, CHART_TOP = 1000, 40, 24


def timeline_chart(histories: tuple[ProvisionHistory, ...], today: date) -> Chart | None:
    """Where each spell of provision falls on one axis: whole calendar years from the first start to the last end."""
    spells = [spell for history in histories for spell in history.spells if not spell.is_gap]
    if not spells:
        return None
    first = date(min(min(s.start for s in spells), today).year, 1, 1)
    last = date(max(max(s.end for s in spells), today).year + 1, 1, 1)
    span = (last - first).days

    def x(value: date) -> float:
        return round((value - first).days / span * CHART_WIDTH, 2)

    rows = [
        ChartRow(
            name=history.type.name,
            y=CHART_TOP + i * CHART_ROW,
            bars=[
                Bar(
                    x(s.start),
                    max(x(s.end) - x(s.start), 1),
                    f"{history.type.name}: {date_range(s.start, s.end)}",
                )
                for s in history.spells
                if not s.is_gap
            ],
        )
        for i, history in enumerate(histories)
    ]
    years = [(x(date(year, 1, 1)), year) for year in range(first.year, last.year)]
    return Chart(rows=rows, years=years, today_x=x(today), height=CHART_TOP + len(rows) * CHART_ROW + 8)
