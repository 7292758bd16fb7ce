"""The gap list as the page and its CSV show it: each gap (or thin provision) with its place, borough and links."""

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from django.urls import reverse

from core.formatting import long_date
from programmes.selectors.evidence import KindEvidence

from ..analysis.data import BOROUGH, PLACE
from ..analysis.matrix import Analysis, CellState, Gap
from .links import gap_url, register_url, timeline_url
from .wording import PRIORITY_LABELS, SHORT_STATE

GAP_CSV_HEADER = [
    "rank",
    "where",
    "kind",
    "borough",
    "priority",
    "intervention type",
    "state",
    "gap since",
    "evidence of impact (YEF Toolkit)",
]


@dataclass
class GapRow:
    """A gap or thin provision as a row of the list."""

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
    next_step: str | None  # For a gap: who could fill it.
    evidence: KindEvidence | None


def gap_sort_keys(analysis: Analysis, evidence: Mapping[int, KindEvidence]) -> dict:
    """Ways to sort the gap list besides its rank, each a key on the gaps themselves, ascending."""
    return {
        # Ascending: the strongest evidence of impact first; "not rated" after every rated band that works.
        "evidence": lambda g: -evidence[g.type_id].rank if g.type_id in evidence else 0,
        "where": lambda g: (analysis.site_name(g.site).lower(), g.site),
        "borough": lambda g: (analysis.borough_of(g.site).name, g.site.kind != BOROUGH, analysis.site_name(g.site)),
        # Ascending: low priority first, whole boroughs (which outrank every place) last.
        "priority": lambda g: 4 if g.priority is None else g.priority,
        "type": lambda g: analysis.type_of(g.type_id).name,
        "since": lambda g: (g.since is not None, g.since or date.min),
    }


def gap_rows(
    analysis: Analysis, gaps: Iterable[Gap], *, query: str, register_params: dict, evidence: Mapping[int, KindEvidence]
) -> list[GapRow]:
    """The gap list (or thin list) in rank order, each row with its place, borough, evidence and links."""
    return [_gap_row(analysis, gap, query=query, register_params=register_params, evidence=evidence) for gap in gaps]


def _gap_row(
    analysis: Analysis, gap: Gap, *, query: str, register_params: dict, evidence: Mapping[int, KindEvidence]
) -> GapRow:
    borough = analysis.borough_of(gap.site)
    is_place = gap.site.kind == PLACE
    return GapRow(
        gap=gap,
        where=analysis.site_name(gap.site),
        where_url=reverse("programmes:place-detail", args=[gap.site.id])
        if is_place
        else reverse("programmes:borough-detail", args=[borough.gss_code]),
        kind="Place" if is_place else "Whole borough",
        borough=borough.name,
        priority=PRIORITY_LABELS[gap.priority] if is_place else "Partnership borough",
        type_name=analysis.type_of(gap.type_id).name,
        state_label=SHORT_STATE[gap.state],
        since=_how_long(analysis, gap),
        register=register_url(analysis, gap.site, gap.type_id, register_params),
        timeline=timeline_url(gap.site.id, query) if is_place else None,
        next_step=gap_url(gap.site, analysis.type_of(gap.type_id).slug, query) if gap.state == CellState.GAP else None,
        evidence=evidence.get(gap.type_id),
    )


def _how_long(analysis: Analysis, gap: Gap) -> str:
    """Since when a gap has lasted, or for thin provision whose it is."""
    if gap.state == CellState.THIN:
        organisations = analysis.organisation_ids(analysis.cell(gap.site, gap.type_id).project_ids)
        return f"Only {analysis.data.organisations.get(organisations[0], '')}"
    return f"Since {long_date(gap.since)}" if gap.since else "Never covered"


def gap_csv_rows(analysis: Analysis, gaps: Iterable[Gap], evidence: Mapping[int, KindEvidence]) -> Iterator[list]:
    """The gaps as CSV rows, ranked as shown."""
    for rank, gap in enumerate(gaps, start=1):
        is_place = gap.site.kind == PLACE
        yield [
            rank,
            analysis.site_name(gap.site),
            "place" if is_place else "whole borough",
            analysis.borough_of(gap.site).name,
            PRIORITY_LABELS[gap.priority] if is_place else "",
            analysis.type_of(gap.type_id).name,
            gap.state.value,
            gap.since.isoformat() if gap.since else ("never covered" if gap.state == CellState.GAP else ""),
            evidence[gap.type_id].label if gap.type_id in evidence else "",
        ]
