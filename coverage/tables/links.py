"""Links from the coverage tables: the project register filtered to a cell, and a place's timeline."""

from django.urls import reverse

from programmes.selectors.register import register_url as register_link

from ..analysis.data import BOROUGH, Site
from ..analysis.matrix import Analysis


def register_url(analysis: Analysis, site: Site | None, type_id: int | None, register_params: dict) -> str:
    """The project register filtered to a borough or place, an intervention type, the period and the ages."""
    params = dict(register_params)
    if site is not None:
        if site.kind == BOROUGH:
            params["borough"] = analysis.boroughs[site.id].gss_code
        else:
            params["place"] = site.id
    if type_id is not None:
        params["intervention_type"] = analysis.type_of(type_id).slug
    return register_link(**params)


def timeline_url(place_id: int, query: str) -> str:
    """A place's timeline, keeping the filters in this query string."""
    return f"{reverse('coverage:place-timeline', args=[place_id])}?{query}"


def gap_url(site: Site, type_slug: str, query: str) -> str:
    """A gap's next-step page (who could fill it), keeping the coverage filters in this query string."""
    return f"{reverse('coverage:gap-next-step', args=[site.kind, site.id, type_slug])}?{query}"
