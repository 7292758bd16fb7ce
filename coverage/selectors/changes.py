"""What changed since last quarter: the gaps closed and opened between the last snapshot of the previous quarter
and today, both counted as the nightly snapshot counts them (the partnership boroughs, all ages, every kind of
work, counted statuses, organisations as they are now)."""

from dataclasses import dataclass
from datetime import date, timedelta

from programmes.periods import Quarter

from ..analysis.data import Criteria, Site
from ..analysis.figures import Shortfalls, partnership_borough_ids, shortfalls_in
from ..analysis.matrix import Analysis
from ..models import CoverageSnapshot, SnapshotSource
from .partnership import COUNTED_STATUSES, partnership_coverage_analysis

GapKey = tuple[str, int, int]  # site kind, site id, intervention type id


def partnership_shortfalls_on(day: date) -> tuple[Analysis, Shortfalls]:
    """The analysis of one day over every counted project, and its gaps and overlaps in the partnership
    boroughs: what the nightly snapshot keeps and what today is compared with."""
    analysis = partnership_coverage_analysis(criteria=Criteria(start=day, end=day, statuses=COUNTED_STATUSES))
    return analysis, shortfalls_in(analysis, partnership_borough_ids(analysis))


@dataclass(frozen=True)
class ChangedGap:
    """A gap closed or opened: where, which kind of work, and the page to look at it on."""

    where: str
    type_name: str
    site: Site


@dataclass(frozen=True)
class GapChanges:
    """The gaps closed and opened since the snapshot compared with (None: no snapshot of last quarter holds
    its gaps, so nothing can be compared)."""

    today: date
    compared_with: date | None
    closed: tuple[ChangedGap, ...] = ()
    opened: tuple[ChangedGap, ...] = ()


def previous_quarter(today: date) -> Quarter:
    """The financial quarter before the one holding today."""
    return Quarter.containing(Quarter.containing(today).start - timedelta(days=1))


def snapshot_compared_with(today: date) -> CoverageSnapshot | None:
    """The latest snapshot taken in the previous quarter that holds its gaps (None: there is none)."""
    quarter = previous_quarter(today)
    return (
        CoverageSnapshot.objects.filter(source=SnapshotSource.COVERAGE, taken_on__range=(quarter.start, quarter.end))
        .exclude(gaps=[])
        .order_by("-taken_on")
        .first()
    )


def gap_changes(*, today: date, snapshot: CoverageSnapshot | None) -> GapChanges:
    """The gaps closed and opened between the snapshot compared with (`snapshot_compared_with`) and today."""
    if snapshot is None:
        return GapChanges(today=today, compared_with=None)
    analysis, now = partnership_shortfalls_on(today)
    before = {(kind, site_id, type_id) for kind, site_id, type_id in snapshot.gaps}
    after = {(gap.site.kind, gap.site.id, gap.type_id) for gap in now.gaps}
    return GapChanges(
        today=today,
        compared_with=snapshot.taken_on,
        closed=_described(analysis, before - after),
        opened=_described(analysis, after - before),
    )


def _described(analysis: Analysis, keys: set[GapKey]) -> tuple[ChangedGap, ...]:
    """The gaps by name, whole boroughs first; a site or kind of work no longer recorded is left out."""
    types = {t.id: t.name for t in analysis.types}
    known = [
        (Site(kind, site_id), type_id)
        for kind, site_id, type_id in keys
        if type_id in types and site_id in (analysis.boroughs if kind == "borough" else analysis.places)
    ]
    changed = [ChangedGap(analysis.site_name(site), types[type_id], site) for site, type_id in known]
    return tuple(sorted(changed, key=lambda c: (c.site.kind != "borough", c.where, c.type_name, c.site)))
