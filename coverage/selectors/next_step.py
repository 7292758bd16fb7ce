"""What a gap page reads: who delivers the kind of work nearby, housing associations with homes there, and the
projects that ended there recently (the pure parts in analysis/next_step.py)."""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Sum

from boroughs.london import neighbours_of
from boroughs.models import PlaceLandlord

from ..analysis.data import PLACE, BoroughInfo, ProjectInfo, Site, TypeInfo
from ..analysis.matrix import Analysis, Cell
from ..analysis.next_step import Provider, ended_recently, nearby_providers

# "Recently": projects that ended within two years before the period.
RECENT = timedelta(days=730)


@dataclass(frozen=True)
class GapNextStep:
    """A gap (or any cell) with who could fill it: providers nearby, landlords there, projects ended there."""

    site: Site
    where: str
    borough: BoroughInfo
    type: TypeInfo
    cell: Cell
    bordering: tuple[BoroughInfo, ...]
    providers: tuple[Provider, ...]
    landlords: list[dict]
    ended: tuple[ProjectInfo, ...]


def gap_next_step(analysis: Analysis, site: Site, type_id: int) -> GapNextStep:
    """Who could fill the gap at a site for a kind of work, under the analysis's filters: one query (landlords)."""
    borough = analysis.borough_of(site)
    by_code = {b.gss_code: b for b in analysis.boroughs.values()}
    bordering = tuple(sorted((by_code[c] for c in neighbours_of(borough.gss_code) if c in by_code), key=_name))
    return GapNextStep(
        site=site,
        where=analysis.site_name(site),
        borough=borough,
        type=analysis.type_of(type_id),
        cell=analysis.cell(site, type_id),
        bordering=bordering,
        providers=nearby_providers(analysis, site, type_id, [b.id for b in bordering]),
        landlords=_landlords(analysis, site),
        ended=ended_recently(analysis, site, type_id, since=analysis.criteria.start - RECENT),
    )


def _name(borough: BoroughInfo) -> str:
    return borough.name


def _landlords(analysis: Analysis, site: Site) -> list[dict]:
    """Housing associations with homes at the place, or in any place in the borough: most homes first."""
    inside = analysis.places_by_borough.get(site.id, ()) if site.kind != PLACE else ()
    place_ids = [site.id] if site.kind == PLACE else [place.id for place in inside]
    return list(
        PlaceLandlord.objects.filter(place_id__in=place_ids)
        .order_by()
        .values("organisation", "organisation__name")
        .annotate(places=Count("place"), homes=Sum("homes"))
        .order_by("-homes", "organisation__name", "organisation")
    )
