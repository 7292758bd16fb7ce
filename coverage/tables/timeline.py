"""A place's timeline as shown: each kind of work's spells and the projects behind them, and an SVG chart of them."""

from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from django.urls import reverse

from core.formatting import date_range

from ..analysis.data import Partnership
from ..analysis.timeline import ProvisionHistory


def timeline_sections(data: Partnership, histories: tuple[ProvisionHistory, ...], *, place_id: int) -> list[dict]:
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
    """A spell of provision drawn: where it starts, how wide it is, and what it says."""

    x: float
    width: float
    label: str


@dataclass
class ChartRow:
    """One kind of work's bars, at its height on the chart."""

    name: str
    y: int
    bars: list[Bar]


class YearMark(NamedTuple):
    """Where a calendar year begins on the chart."""

    x: float
    year: int


@dataclass
class Chart:
    """A timeline drawn in SVG user units (the width is 1000): bars of provision per type, years and today."""

    rows: list[ChartRow]
    years: list[YearMark]
    today_x: float
    height: int


CHART_WIDTH, CHART_ROW, CHART_TOP = 1000, 40, 24


@dataclass(frozen=True)
class _Axis:
    """Whole calendar years from the first of January of the first year to that after the last year."""

    first: date
    last: date

    def x(self, value: date) -> float:
        return round((value - self.first).days / (self.last - self.first).days * CHART_WIDTH, 2)

    def years(self) -> list[YearMark]:
        return [YearMark(self.x(date(year, 1, 1)), year) for year in range(self.first.year, self.last.year)]


def timeline_chart(histories: tuple[ProvisionHistory, ...], today: date) -> Chart | None:
    """Where each spell of provision falls on one axis: whole calendar years from the first start to the last end."""
    spells = [spell for history in histories for spell in history.spells if not spell.is_gap]
    if not spells:
        return None
    axis = _Axis(
        first=date(min(min(s.start for s in spells), today).year, 1, 1),
        last=date(max(max(s.end for s in spells), today).year + 1, 1, 1),
    )
    rows = [_chart_row(history, CHART_TOP + i * CHART_ROW, axis) for i, history in enumerate(histories)]
    return Chart(rows=rows, years=axis.years(), today_x=axis.x(today), height=CHART_TOP + len(rows) * CHART_ROW + 8)


def _chart_row(history: ProvisionHistory, y: int, axis: _Axis) -> ChartRow:
    """One kind of work's spells of provision as bars (at least one unit wide, so a single day shows)."""
    bars = [
        Bar(
            axis.x(s.start),
            max(axis.x(s.end) - axis.x(s.start), 1),
            f"{history.type.name}: {date_range(s.start, s.end)}",
        )
        for s in history.spells
        if not s.is_gap
    ]
    return ChartRow(name=history.type.name, y=y, bars=bars)
