"""The coverage matrix as the page shows it: boroughs (expanding to places) by types, each cell in words, linked."""

from collections import Counter
from dataclasses import dataclass, field

from django.http import QueryDict

from core.formatting import long_date

from ..analysis.data import BOROUGH, PLACE, PlaceInfo, Site
from ..analysis.figures import borough_counted_in
from ..analysis.matrix import Analysis, Cell, CellState
from .links import gap_url, register_url, timeline_url
from .wording import PRIORITY_LABELS, SHORT_STATE, listed, plural


@dataclass
class CellView:
    """One cell as shown: its state, its lines of text, its link, and where and what it is for screen readers."""

    state: CellState
    lines: list[str]
    link: str | None
    context: str  # Where and what, for screen readers: "mentoring in Brent".


@dataclass
class MatrixRow:
    """A borough (with how many places it holds and the link expanding it) or one of its places."""

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
        self.overlaps_in_borough = Counter((borough_counted_in(analysis, o.site), o.type_id) for o in analysis.overlaps)
        self.place_gaps = Counter(
            (borough_counted_in(analysis, g.site), g.type_id) for g in analysis.gaps if g.site.kind == PLACE
        )
        self.rows: list[MatrixRow] = []
        for borough_id in borough_ids:
            self.rows.append(self._borough_row(borough_id, expanded))
            if self.rows[-1].is_expanded:
                self.rows += [self._place_row(place, borough_id) for place in self._places_in(borough_id)]

    def _places_in(self, borough_id: int) -> tuple[PlaceInfo, ...]:
        return self.analysis.places_by_borough.get(borough_id, ())

    def _borough_row(self, borough_id: int, expanded: set[str]) -> MatrixRow:
        borough, site = self.analysis.boroughs[borough_id], Site(BOROUGH, borough_id)
        places = self._places_in(borough_id)
        return MatrixRow(
            site=site,
            name=borough.name,
            is_place=False,
            anchor=f"borough-{borough.gss_code}",
            places=len(places),
            is_expanded=borough.gss_code in expanded,
            toggle=self._toggle(borough.gss_code, expanded) if places else None,
            cells=[self._cell(site, t.id) for t in self.analysis.types],
        )

    def _toggle(self, gss_code: str, expanded: set[str]) -> str:
        query = self.query.copy()
        query.setlist("expand", sorted(expanded ^ {gss_code}))
        return f"?{query.urlencode()}#borough-{gss_code}"

    def _place_row(self, place: PlaceInfo, borough_id: int) -> MatrixRow:
        site = Site(PLACE, place.id)
        return MatrixRow(
            site=site,
            name=place.name,
            is_place=True,
            priority=PRIORITY_LABELS[place.priority] if place.priority else "",
            crosses_from="" if place.borough_id == borough_id else self.analysis.boroughs[place.borough_id].name,
            timeline=timeline_url(place.id, self.query.urlencode()),
            cells=[self._cell(site, t.id) for t in self.analysis.types],
        )

    def _cell(self, site: Site, type_id: int) -> CellView:
        cell: Cell = self.analysis.cell(site, type_id)
        if cell.state == CellState.GAP:  # A gap's next step: who could fill it.
            link = gap_url(site, self.analysis.type_of(type_id).slug, self.query.urlencode())
        else:
            link = register_url(self.analysis, site, type_id, self.register_params)
        return CellView(
            state=cell.state,
            lines=[SHORT_STATE[cell.state], *self._provision(cell), *self._counts(site, type_id)],
            link=link,
            context=f"{self.analysis.type_of(type_id).name.lower()} in {self.analysis.site_name(site)}",
        )

    def _provision(self, cell: Cell) -> list[str]:
        """Since when a gap has lasted, or how many projects and lead organisations cover the cell (and whose)."""
        if cell.state == CellState.GAP:
            return [f"No provision since {long_date(cell.since)}" if cell.since else "Never covered"]
        project_ids = cell.project_ids
        organisations = self.analysis.organisation_ids(project_ids)
        names = [self.analysis.data.organisations.get(pk, "") for pk in organisations]
        return [f"{plural(len(project_ids), 'project')}, {plural(len(organisations), 'organisation')}", listed(names)]

    def _counts(self, site: Site, type_id: int) -> list[str]:
        """How many overlaps the cell holds and, for a borough, how many of its priority places have a gap."""
        if site.kind != BOROUGH:
            overlaps = self.overlaps[site, type_id]
            return [plural(overlaps, "overlap")] if overlaps else []
        lines = []
        if overlaps := self.overlaps_in_borough[site.id, type_id]:
            lines.append(plural(overlaps, "overlap"))
        if gaps := self.place_gaps[site.id, type_id]:
            lines.append(f"{plural(gaps, 'priority place')} with a gap")
        return lines
