"""The partnership as the pure analysis reads it, in a few flat queries, and the analysis run over it.

The reference lists (boroughs, places, intervention types, organisations) take four small queries;
the projects take two whatever their number: their own columns, then every link to places,
boroughs and intervention types in one UNION ALL. Project lists are scoped to the user, so a youth
lead who includes drafts sees only their own organisation's.
"""

import dataclasses
from collections import defaultdict
from datetime import date

from django.db.models import Q, QuerySet, Value

from boroughs.models import Borough, Place
from core.roles import sees_everything
from partners.models import Organisation
from programmes.models import InterventionType, Project, ProjectStatus
from programmes.selectors.projects import projects_visible_to

from ..analysis.collector import gc_paused
from ..analysis.data import BoroughInfo, Criteria, Partnership, PlaceInfo, ProjectInfo, TypeInfo
from ..analysis.matrix import Analysis, analyse
from ..analysis.timeline import ProvisionHistory, place_timeline
from ..cache import EVERYONE, analysis_cached
from .reviews import overlap_reviews

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


def _project_infos(projects: QuerySet[Project], *, most: bool = False) -> tuple[ProjectInfo, ...]:
    """These projects as plain data, in two queries: their columns, then their links in one UNION ALL.

    When they are most of the partnership's (`most`), every link is read and those of other projects dropped
    here: PostgreSQL reads the three link tables whole in a tenth of the time it takes to match them against
    the projects (one hash join each)."""
    ids = None if most else projects.order_by().values("pk")

    def links(through, column: str, kind: str):
        rows = through.objects.all() if ids is None else through.objects.filter(project_id__in=ids)
        return rows.annotate(kind=Value(kind)).values_list("kind", "project_id", column)

    with gc_paused():
        rows = list(projects.order_by().values_list(*_PROJECT_COLUMNS))
        linked = {_PLACES: defaultdict(list), _BOROUGHS: defaultdict(list), _TYPES: defaultdict(list)}
        for kind, project_id, other_id in links(Project.places.through, "place_id", _PLACES).union(
            links(Project.boroughs.through, "borough_id", _BOROUGHS),
            links(Project.intervention_types.through, "interventiontype_id", _TYPES),
            all=True,
        ):
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
    return dataclasses.replace(reference, projects=_project_infos(projects, most=True))


def overlap_partnership(*, user, project_ids) -> Partnership:
    """The reference data with just these projects (whatever their status) that this user may see."""
    projects = projects_visible_to(user).filter(pk__in=project_ids)
    return dataclasses.replace(coverage_reference(), projects=_project_infos(projects))


def coverage_analysis(*, user, criteria: Criteria, reference: Partnership) -> Analysis:
    """The coverage analysis for this user and these criteria, with VRU staff's overlap reviews applied,
    worked out once per change (coverage/cache.py)."""

    def compute() -> Analysis:
        with gc_paused():  # One collector pass after the fetch and the analysis, not one after each.
            data = coverage_partnership(user=user, criteria=criteria, reference=reference)
            return analyse(data, criteria, overlap_reviews())

    return analysis_cached(criteria=criteria, audience=_audience(user, criteria), compute=compute)


def _audience(user, criteria: Criteria) -> str:
    """Whose projects the analysis reads: everyone's that count, or also a youth lead's own organisation's drafts."""
    if ProjectStatus.DRAFT not in criteria.statuses or sees_everything.test(user):
        return EVERYONE
    return f"organisation-{user.organisation_id}"


def partnership_coverage_analysis(*, criteria: Criteria) -> Analysis:
    """The analysis over every project, for reports on the whole partnership made by no one in particular
    (the nightly snapshot); with the counted statuses it is exactly what VRU staff see."""
    return analysis_cached(criteria=criteria, audience=EVERYONE, compute=lambda: partnership_coverage_compute(criteria))


def partnership_coverage_compute(criteria: Criteria) -> Analysis:
    """The analysis over every project that can bear on the criteria, worked out now (not read from the cache)."""
    projects = _counted(Project.objects.all(), criteria).filter(start_date__lte=criteria.end)
    with gc_paused():
        data = dataclasses.replace(coverage_reference(), projects=_project_infos(projects, most=True))
        return analyse(data, criteria, overlap_reviews())


def place_history(
    *, user, place: Place, criteria: Criteria, reference: Partnership, today: date
) -> tuple[Partnership, tuple[ProvisionHistory, ...]]:
    """When each kind of provision at a place started and ended, from the projects naming it or its boroughs."""
    borough_ids = {info.borough_ids for info in reference.places if info.id == place.pk}.pop()
    near = Q(pk__in=Project.places.through.objects.filter(place_id=place.pk).values("project_id")) | Q(
        pk__in=Project.boroughs.through.objects.filter(borough_id__in=borough_ids).values("project_id")
    )
    projects = _counted(projects_visible_to(user), criteria).filter(near)
    data = dataclasses.replace(reference, projects=_project_infos(projects))
    return data, place_timeline(data, place.pk, criteria, today)
