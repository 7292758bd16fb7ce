"""Small hand-built partnerships for the pure analysis's tests: plain boroughs, places, types, projects."""

from datetime import date

from coverage.analysis.data import (
    ALL_AGES,
    Ages,
    BoroughInfo,
    Criteria,
    Dates,
    Partnership,
    PlaceInfo,
    ProjectInfo,
    TypeInfo,
)

COUNTED = frozenset({"submitted", "returned", "verified"})
MENTORING = TypeInfo(1, "Mentoring", "mentoring")
SAFE_SPACES = TypeInfo(2, "Safe spaces", "safe-spaces")
BRENT = BoroughInfo(1, "Brent", "E09000005", is_partnership=True)
HACKNEY = BoroughInfo(2, "Hackney", "E09000012", is_partnership=True)
NEWHAM = BoroughInfo(3, "Newham", "E09000025")
CHALKHILL = PlaceInfo(11, "Chalkhill", BRENT.id, priority=3)
STONEBRIDGE = PlaceInfo(12, "Stonebridge", BRENT.id, priority=1)
CHURCH_END = PlaceInfo(13, "Church End", BRENT.id)
KINGSLAND_ROAD = PlaceInfo(21, "Kingsland Road", HACKNEY.id, priority=2, also_in=frozenset({NEWHAM.id}))
YEAR = Dates(date(2025, 4, 1), date(2026, 3, 31))
ORGANISATIONS = {1: "Hyde", 2: "Peabody", 3: "Catalyst", 4: "Young Brent Foundation"}
HYDE, PEABODY, CATALYST, YOUNG_BRENT = 1, 2, 3, 4
# Catalyst has joined Peabody.
SUCCESSORS = {HYDE: None, PEABODY: None, CATALYST: PEABODY, YOUNG_BRENT: None}


def project(
    pk: int,
    *,
    lead: int = HYDE,
    places=(),
    boroughs=(),
    types=(MENTORING,),
    ages=(10, 18),
    dates=YEAR,
    status: str = "verified",
) -> ProjectInfo:
    """A project as the analysis reads it: by default Hyde's verified mentoring for ages 10 to 18 all year."""
    dates, ages = Dates(*dates), Ages(*ages)
    return ProjectInfo(
        id=pk,
        title=f"Project {pk}",
        lead_id=lead,
        status=status,
        start=dates.start,
        end=dates.end,
        age_min=ages.youngest,
        age_max=ages.oldest,
        borough_ids=frozenset(b.id for b in boroughs),
        place_ids=frozenset(p.id for p in places),
        type_ids=frozenset(t.id for t in types),
    )


def partnership(*projects: ProjectInfo, places=(CHALKHILL, STONEBRIDGE, CHURCH_END, KINGSLAND_ROAD)) -> Partnership:
    """Brent, Hackney and Newham with these places, two kinds of work, four organisations, and these projects."""
    return Partnership(
        boroughs=(BRENT, HACKNEY, NEWHAM),
        places=tuple(places),
        types=(MENTORING, SAFE_SPACES),
        projects=tuple(projects),
        organisations=ORGANISATIONS,
        successors=SUCCESSORS,
    )


def criteria(*, period=YEAR, statuses=COUNTED, ages=ALL_AGES, types=None, now=True) -> Criteria:
    """The question: by default the 2025–26 year, all ages, counted statuses, every type, organisations as now."""
    period, ages = Dates(*period), Ages(*ages)
    return Criteria(
        start=period.start,
        end=period.end,
        statuses=frozenset(statuses),
        age_min=ages.youngest,
        age_max=ages.oldest,
        type_ids=None if types is None else frozenset(t.id for t in types),
        organisations_now=now,
    )
