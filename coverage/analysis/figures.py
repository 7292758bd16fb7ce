"""The coverage figures, each defined once: the gaps, thin provision and overlaps in the chosen boroughs.

Every page that shows one of these counts (the matrix's headline and its cells' "priority places with a gap",
the gap, thin and overlap lists and their downloads, the map shaded by gaps, the home page, the dashboard and
the nightly snapshot) reads it from here, so the same filters give the same figures everywhere.

- Gaps and thin provision are those of partnership boroughs and priority places (matrix.py); overlaps are
  those of any site.
- One is **in a borough** when its site is that borough or a place recorded in it. A place crossing into
  other boroughs is still counted once, under its own borough, so counts by borough add up to the total.
  (Coverage itself follows the crossing rule: a crossing place's provision covers each borough it lies in.)
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from .data import Site
from .matrix import Analysis, Gap
from .overlaps import Overlap


@dataclass(frozen=True)
class Shortfalls:
    """The gaps, thin provision and overlaps in some boroughs, each in the analysis's ranked order."""

    gaps: tuple[Gap, ...]
    thin: tuple[Gap, ...]
    overlaps: tuple[Overlap, ...]

    @property
    def overlaps_not_reviewed(self) -> tuple[Overlap, ...]:
        """The overlaps VRU staff have not yet judged (for exactly their current projects)."""
        return tuple(overlap for overlap in self.overlaps if overlap.review is None)


def borough_counted_in(analysis: Analysis, site: Site) -> int:
    """The one borough a site's gaps and overlaps count in: the borough itself, or a place's own borough."""
    return analysis.borough_of(site).id


def shortfalls_in(analysis: Analysis, borough_ids: Iterable[int]) -> Shortfalls:
    """The gaps, thin provision and overlaps counted in these boroughs."""
    chosen = frozenset(borough_ids)

    def inside(items):
        return tuple(item for item in items if borough_counted_in(analysis, item.site) in chosen)

    return Shortfalls(gaps=inside(analysis.gaps), thin=inside(analysis.thin), overlaps=inside(analysis.overlaps))


def partnership_borough_ids(analysis: Analysis) -> list[int]:
    """The seven partnership boroughs (those the analysis knows), by name."""
    return [b.id for b in sorted(analysis.boroughs.values(), key=lambda b: b.name) if b.is_partnership]


def gap_counts_by_borough(analysis: Analysis) -> dict[int, int]:
    """How many gaps count in each borough (its own and its priority places'), for shading a map: the same
    count as the gap list's with that one borough chosen."""
    return dict(Counter(borough_counted_in(analysis, gap.site) for gap in analysis.gaps))
