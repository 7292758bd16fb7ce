"""Reading an analysis in the tests: a cell's state, Brent's mentoring cell, the overlaps as sets."""

from coverage.analysis.data import BOROUGH, PLACE, Site
from coverage.tests.plain_partnerships import BRENT, MENTORING


def state(analysis, site_or_place, kind=MENTORING):
    site = site_or_place if isinstance(site_or_place, Site) else Site(PLACE, site_or_place.id)
    return analysis.cell(site, kind.id).state


def brent(kind=MENTORING):
    return Site(BOROUGH, BRENT.id), kind.id


def overlap_sets(analysis):
    return {(o.site, o.type_id, frozenset(o.project_ids)) for o in analysis.overlaps}
