"""From a gap to a next step, worked by hand: who delivers the kind of work nearby, and what ended there."""

from datetime import date

from coverage.analysis.data import BOROUGH, PLACE, Site
from coverage.analysis.matrix import CellState, analyse
from coverage.analysis.next_step import ended_recently, nearby_providers, nearby_sites
from coverage.tests.plain_partnerships import (
    BRENT,
    CHALKHILL,
    CHURCH_END,
    HACKNEY,
    HYDE,
    MENTORING,
    PEABODY,
    SAFE_SPACES,
    STONEBRIDGE,
    YOUNG_BRENT,
    criteria,
    partnership,
    project,
)

STONEBRIDGE_SITE = Site(PLACE, STONEBRIDGE.id)


def analysis():
    """Stonebridge has no mentoring; Hyde mentors at Chalkhill, Peabody across Hackney (taken here as bordering
    Brent); Young Brent's Stonebridge mentoring ended on 31 January 2025, an older one in 2023."""
    return analyse(
        partnership(
            project(1, lead=HYDE, boroughs=[BRENT], places=[CHALKHILL]),
            project(2, lead=PEABODY, boroughs=[HACKNEY]),
            project(3, lead=YOUNG_BRENT, places=[STONEBRIDGE], dates=(date(2024, 6, 1), date(2025, 1, 31))),
            project(4, lead=YOUNG_BRENT, places=[STONEBRIDGE], dates=(date(2022, 6, 1), date(2023, 1, 31))),
            project(5, lead=PEABODY, places=[STONEBRIDGE], types=[SAFE_SPACES]),
        ),
        criteria(),
    )


def test_the_sites_near_a_place_are_its_boroughs_places_its_borough_then_those_bordering():
    result = analysis()
    assert result.cell(STONEBRIDGE_SITE, MENTORING.id).state == CellState.GAP
    assert nearby_sites(result, STONEBRIDGE_SITE, [HACKNEY.id]) == (
        Site(PLACE, CHALKHILL.id),
        Site(PLACE, CHURCH_END.id),
        Site(BOROUGH, BRENT.id),
        Site(BOROUGH, HACKNEY.id),
    )
    assert nearby_sites(result, Site(BOROUGH, BRENT.id), [HACKNEY.id, BRENT.id]) == (Site(BOROUGH, HACKNEY.id),)


def test_providers_nearby_are_lead_organisations_of_active_projects_of_that_kind_most_sites_first():
    providers = nearby_providers(analysis(), STONEBRIDGE_SITE, MENTORING.id, [HACKNEY.id])
    assert [(p.name, p.sites, p.project_ids) for p in providers] == [
        ("Hyde", (Site(PLACE, CHALKHILL.id), Site(BOROUGH, BRENT.id)), (1,)),
        ("Peabody", (Site(BOROUGH, HACKNEY.id),), (2,)),
    ]


def test_projects_that_ended_there_since_a_day_latest_first_of_that_kind_only():
    result = analysis()
    assert [p.id for p in ended_recently(result, STONEBRIDGE_SITE, MENTORING.id, since=date(2024, 4, 1))] == [3]
    assert [p.id for p in ended_recently(result, STONEBRIDGE_SITE, MENTORING.id, since=date(2022, 4, 1))] == [3, 4]
    assert ended_recently(result, STONEBRIDGE_SITE, SAFE_SPACES.id, since=date(2022, 4, 1)) == ()
    brent = ended_recently(result, Site(BOROUGH, BRENT.id), MENTORING.id, since=date(2022, 4, 1))
    assert [p.id for p in brent] == [3, 4]  # a borough counts what ended at any place in it
