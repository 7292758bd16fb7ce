"""Reads for the coverage analysis: a few flat queries turned into the plain data the pure analysis takes.

The reference lists (boroughs, places, intervention types, organisations) take four small queries;
the projects take two whatever their number: their own columns, then every link to places,
boroughs and intervention types in one UNION ALL. Project lists are scoped to the user, so a youth
lead who includes drafts sees only their own organisation's.
"""

import dataclasses
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q, QuerySet, Value

from boroughs.models import Borough, Place, PlaceLandlord
from partners.models import Organisation
from partners.succession import organisations_rolling_up_to
from programmes.models import InterventionType, Project, ProjectStatus
from programmes.selectors import project_counts_by_borough, projects_visible_to

from .analysis.collector import gc_paused
from .analysis.data import BOROUGH, PLACE, BoroughInfo, Criteria, Partnership, PlaceInfo, ProjectInfo, Site, TypeInfo
from .analysis.matrix import Analysis, analyse, gap_counts_by_borough
from .analysis.reviews import ReviewInfo, overlap_key
from .analysis.timeline import ProvisionHistory, place_timeline
from .models import OverlapReview

# Which link a UNION ALL row is: text, as Django runs a converter on every integer it reads back.
_PLACES, _BOROUGHS, _TYPES = "p", "b", "t"
# The statuses that count towards coverage, as Project.objects.counted(): not drafts, not cancelled.
COUNTED_STATUSES = frozenset(ProjectStatus.values) - {ProjectStatus.DRAFT, ProjectStatus.CANCELLED}
_PROJECT_COLUMNS = ("id", "title", "lead_organisation_id", "status", "start_date", "end_date", "age_min", "age_max")


def coverage_reference() -> Partnership:
    """Boroughs, places (with the boroughs they cross into), intervention types and organisations; no projects."""
    places, crossings = {}, defaultdict(set)
    # One row per place and borough it crosses into (a place crossing none comes once, with None).
    for pk, name, borough_id, priority, crossing in Place.objects.order_by().values_list(
        "id", "name", "borough_id", "priority", "also_in_boroughs"
    ):
        places[pk] = (name, borough_id, priority)
        if crossing is not None:
            crossings[pk].add(crossing)
    organisations = {
        pk: (name, successor) for pk, name, successor in Organisation.objects.values_list("id", "name", "successor_id")
    }
    return Partnership(
        boroughs=tuple(
            BoroughInfo(*row)
            for row in Borough.objects.order_by("name").values_list("id", "name", "gss_code", "is_partnership_borough")
        ),
        places=tuple(
            PlaceInfo(pk, name, borough_id, priority, frozenset(crossings[pk]))
            for pk, (name, borough_id, priority) in places.items()
        ),
        types=tuple(TypeInfo(*row) for row in InterventionType.objects.values_list("id", "name", "slug")),
        projects=(),
        organisations={pk: name for pk, (name, _) in organisations.items()},
        successors={pk: successor for pk, (_, successor) in organisations.items()},
    )


def _project_infos(projects: QuerySet[Project]) -> tuple[ProjectInfo, ...]:
    """These projects as plain data, in two queries: their columns, then all their links in one UNION ALL."""
    ids = projects.order_by().values("pk")
    links = (
        Project.places.through.objects.filter(project_id__in=ids)
        .annotate(kind=Value(_PLACES))
        .values_list("kind", "project_id", "place_id")
        .union(
            Project.boroughs.through.objects.filter(project_id__in=ids)
            .annotate(kind=Value(_BOROUGHS))
            .values_list("kind", "project_id", "borough_id"),
            Project.intervention_types.through.objects.filter(project_id__in=ids)
            .annotate(kind=Value(_TYPES))
            .values_list("kind", "project_id", "interventiontype_id"),
            all=True,
        )
    )
    with gc_paused():
        rows = list(projects.order_by().values_list(*_PROJECT_COLUMNS))
        linked = {_PLACES: defaultdict(list), _BOROUGHS: defaultdict(list), _TYPES: defaultdict(list)}
        for kind, project_id, other_id in links:
            linked[kind][project_id].append(other_id)
        places, boroughs, types = linked[_PLACES], linked[_BOROUGHS], linked[_TYPES]
        return tuple(
            ProjectInfo(
                *row,
                frozenset(boroughs.get(row[0], ())),
                frozenset(places.get(row[0], ())),
                frozenset(types.get(row[0], ())),
            )
            for row in rows
        )


def _counted(projects: QuerySet[Project], criteria: Criteria) -> QuerySet[Project]:
    """The projects whose status and ages count for the criteria."""
    return projects.filter(status__in=criteria.statuses, age_min__lte=criteria.age_max, age_max__gte=criteria.age_min)


def coverage_partnership(*, user, criteria: Criteria, reference: Partnership) -> Partnership:
    """The reference data with the projects this user may see that can bear on the period: those that count
    and start by its end (earlier ones tell how long a gap has lasted)."""
    projects = _counted(projects_visible_to(user), criteria).filter(start_date__lte=criteria.end)
    return dataclasses.replace(reference, projects=_project_infos(projects))


def overlap_partnership(*, user, project_ids) -> Partnership:
    """The reference data with just these projects (whatever their status) that this user may see."""
    projects = projects_visible_to(user).filter(pk__in=project_ids)
    return dataclasses.replace(coverage_reference(), projects=_project_infos(projects))


def overlap_review_current(*, site: Site, type_id: int, project_ids) -> OverlapReview | None:
    """The review that holds for exactly this overlap, if VRU staff have made one."""
    key = overlap_key(site, type_id, project_ids)
    return OverlapReview.objects.select_related("reviewed_by").filter(key=key).first()


def overlap_reviews() -> tuple[ReviewInfo, ...]:
    """Every overlap review, as plain data, in one query."""
    labels = dict(OverlapReview._meta.get_field("status").choices)
    return tuple(
        ReviewInfo(
            site=Site(PLACE, place_id) if place_id else Site(BOROUGH, borough_id),
            type_id=type_id,
            project_ids=frozenset(project_ids),
            status=status,
            status_label=labels[status],
            note=note,
            reviewed_by=(f"{first} {last}".strip() or username) if username else "",
            reviewed_at=reviewed_at,
        )
        for place_id, borough_id, type_id, project_ids, status, note, first, last, username, reviewed_at in (
            OverlapReview.objects.values_list(
                "place_id",
                "borough_id",
                "intervention_type_id",
                "project_ids",
                "status",
                "note",
                "reviewed_by__first_name",
                "reviewed_by__last_name",
                "reviewed_by__username",
                "reviewed_at",
            )
        )
    )


def coverage_analysis(*, user, criteria: Criteria, reference: Partnership) -> Analysis:
    """The coverage analysis for this user and these criteria, with VRU staff's overlap reviews applied."""
    with gc_paused():  # One collector pass after the fetch and the analysis, not one after each.
        data = coverage_partnership(user=user, criteria=criteria, reference=reference)
        return analyse(data, criteria, overlap_reviews())


def partnership_coverage_analysis(*, criteria: Criteria) -> Analysis:
    """The analysis over every project, for reports on the whole partnership made by no one in particular
    (the nightly snapshot); with the counted statuses it is exactly what VRU staff see."""
    projects = _counted(Project.objects.all(), criteria).filter(start_date__lte=criteria.end)
    with gc_paused():
        data = dataclasses.replace(coverage_reference(), projects=_project_infos(projects))
        return analyse(data, criteria, overlap_reviews())


def place_history(*, user, place: Place, criteria: Criteria, reference: Partnership, today: date):
    """When each kind of provision at a place started and ended, from the projects naming it or its boroughs."""
    borough_ids = {info.borough_ids for info in reference.places if info.id == place.pk}.pop()
    near = Q(pk__in=Project.places.through.objects.filter(place_id=place.pk).values("project_id")) | Q(
        pk__in=Project.boroughs.through.objects.filter(borough_id__in=borough_ids).values("project_id")
    )
    projects = _counted(projects_visible_to(user), criteria).filter(near)
    data = dataclasses.replace(reference, projects=_project_infos(projects))
    histories: tuple[ProvisionHistory, ...] = place_timeline(data, place.pk, criteria, today)
    return data, histories


def housing_associations_with_homes() -> QuerySet[Organisation]:
    """Every housing association with what it became and how many places hold its homes and its predecessors'."""
    return (
        Organisation.objects.housing_associations()
        .select_related("successor")
        .annotate(
            places=Count("landlordships", distinct=True),
            predecessors_places=Count("predecessors__landlordships", distinct=True),
        )
        .order_by("name")
    )


def landlord_homes(*, organisation: Organisation, successors, as_now: bool) -> tuple[set[int], dict[int, int | None]]:
    """The organisations whose homes count as this landlord's (with its predecessors when `as_now`), and the
    places where they own or manage homes with how many (None if any count is unknown)."""
    landlords = organisations_rolling_up_to(organisation.pk, successors) if as_now else {organisation.pk}
    homes: dict[int, int | None] = {}
    for place_id, count in PlaceLandlord.objects.filter(organisation_id__in=landlords).values_list("place_id", "homes"):
        known = homes.get(place_id, 0)
        homes[place_id] = None if count is None or known is None else known + count
    return landlords, homes


# The coverage map of London.


@dataclass(frozen=True)
class Band:
    """One shade of the coverage map: the counts it covers and how it is labelled in the legend."""

    index: int
    low: int
    high: int

    @property
    def label(self) -> str:
        if self.high == 0:
            return "None"
        return str(self.low) if self.low == self.high else f"{self.low:,} to {self.high:,}"


@dataclass(frozen=True)
class Square:
    borough: Borough
    count: int
    band: Band


@dataclass(frozen=True)
class CoverageMap:
    squares: list[Square]
    bands: list[Band]
    start: date
    end: date
    intervention_type: InterventionType | None
    gaps: bool = False  # Shaded by gaps in provision rather than by projects running.

    @property
    def total(self) -> int:
        return sum(square.count for square in self.squares)

    @property
    def legend(self) -> list[tuple[Band, int]]:
        """Each band with how many boroughs fall in it."""
        return [(band, sum(1 for square in self.squares if square.band == band)) for band in self.bands]


BAND_COUNT = 4


def bands_for(highest: int) -> list[Band]:
    """ "None", then up to four equal ranges from 1 to the highest count."""
    bands = [Band(0, 0, 0)]
    if highest:
        width = math.ceil(highest / min(BAND_COUNT, highest))
        bands += [
            Band(index, (index - 1) * width + 1, min(index * width, highest))
            for index in range(1, math.ceil(highest / width) + 1)
        ]
    return bands


def coverage_map(
    user, *, start: date, end: date, intervention_type: InterventionType | None = None, gaps: bool = False
) -> CoverageMap:
    """Every London borough with how many projects that count run there in the period (of one kind of work,
    if chosen), shaded in bands, in the London Squared layout: four queries. With `gaps`, the count is
    instead the coverage analysis's gaps there (the borough's own and its priority places')."""
    if gaps:
        criteria = Criteria(
            start=start,
            end=end,
            statuses=COUNTED_STATUSES,
            type_ids=None if intervention_type is None else frozenset({intervention_type.pk}),
        )
        analysis = coverage_analysis(user=user, criteria=criteria, reference=coverage_reference())
        counts = Counter(gap_counts_by_borough(analysis))
    else:
        projects = projects_visible_to(user).counted().active_between(start, end)
        if intervention_type is not None:
            projects = projects.filter(intervention_types=intervention_type)
        counts = project_counts_by_borough(projects)
    boroughs = list(Borough.objects.order_by("grid_row", "grid_column"))
    bands = bands_for(max((counts[borough.pk] for borough in boroughs), default=0))

    def band_of(count: int) -> Band:
        return next(band for band in bands if band.low <= count <= band.high)

    squares = [Square(borough, counts[borough.pk], band_of(counts[borough.pk])) for borough in boroughs]
    return CoverageMap(squares, bands, start, end, intervention_type, gaps)
