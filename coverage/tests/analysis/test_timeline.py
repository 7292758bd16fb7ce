"""A place over time: spells of provision, the gaps between them, and where today falls."""

from datetime import date

from coverage.analysis.timeline import place_timeline
from coverage.tests.plain_partnerships import (
    BRENT,
    CHALKHILL,
    STONEBRIDGE,
    criteria,
    partnership,
    project,
)


def test_the_timeline_shows_spells_of_provision_gaps_between_them_and_when_the_next_gap_opens():
    data = partnership(
        project(1, places=[CHALKHILL], dates=(date(2023, 1, 1), date(2023, 12, 31))),
        project(2, boroughs=[BRENT], dates=(date(2024, 1, 1), date(2024, 6, 30))),
        project(3, places=[CHALKHILL], dates=(date(2025, 1, 1), date(2025, 12, 31))),
        project(4, places=[STONEBRIDGE], dates=(date(2024, 7, 1), date(2024, 12, 31))),
    )
    [mentoring, safe_spaces] = place_timeline(data, CHALKHILL.id, criteria(), today=date(2025, 5, 1))
    assert [(s.start, s.end, s.project_ids) for s in mentoring.spells] == [
        (date(2023, 1, 1), date(2024, 6, 30), (1, 2)),
        (date(2024, 7, 1), date(2024, 12, 31), ()),
        (date(2025, 1, 1), date(2025, 12, 31), (3,)),
    ]
    assert mentoring.provided_until == date(2025, 12, 31)
    assert safe_spaces.projects == () and safe_spaces.provided_until is None


def test_the_timeline_says_since_when_a_place_has_had_no_provision_and_when_it_resumes():
    data = partnership(
        project(1, places=[CHALKHILL], dates=(date(2024, 1, 1), date(2024, 12, 31))),
        project(2, places=[CHALKHILL], dates=(date(2026, 1, 1), date(2026, 12, 31))),
    )
    [mentoring, _] = place_timeline(data, CHALKHILL.id, criteria(), today=date(2025, 5, 1))
    assert (mentoring.gap_since, mentoring.next_provision, mentoring.provided_until) == (
        date(2025, 1, 1),
        date(2026, 1, 1),
        None,
    )
