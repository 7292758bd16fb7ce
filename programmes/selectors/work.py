"""What work runs in a borough, place or funding programme: reach, running projects, kinds of work, who does it."""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db import connections, transaction
from django.db.models import QuerySet

from boroughs.models import Borough, Place
from partners.models import Organisation

from ..models import ConsortiumMember, InterventionType, MonitoringReturn, Project, ProjectStatus, ReviewStatus
from .projects import projects_active_on
from .reach import Reach

# How many running projects and youth voice sessions a borough, place or programme page lists.
SHOWN = 10


@dataclass(frozen=True)
class WorkSummary:
    """What a borough, place or funding programme holds: reach, running projects, kinds of work, who does it."""

    reach: Reach
    active: int
    intervention_types: list[tuple[InterventionType, int]]
    organisations: list[tuple[Organisation, int]]
    # A borough's running projects naming each of its places, and those naming it but none of its places.
    places_named: dict[int, int] = field(default_factory=dict)
    borough_wide: int = 0

    def covering(self, place: Place) -> int:
        """Running projects covering one of the borough's places, by the register's rule: naming the place, or
        naming the borough without naming any place in it."""
        return self.places_named.get(place.pk, 0) + self.borough_wide


# Every figure in one statement: the area's projects are worked out once (a materialised CTE) and each figure
# aggregates over them, as rows of (figure, key, n). A project's organisations are its lead and its
# consortium members other than the lead, so each organisation counts a project once.
_FIGURES = """
WITH area (id, status, start_date, end_date, target_reach, lead) AS MATERIALIZED ({area}),
counted AS MATERIALIZED (SELECT * FROM area WHERE status NOT IN (%s, %s)),
active AS MATERIALIZED (SELECT * FROM counted WHERE start_date <= %s AND end_date >= %s)
SELECT 'counted', CAST(NULL AS BIGINT), COUNT(*) FROM counted
UNION ALL
SELECT 'target', NULL, COALESCE(SUM(target_reach), 0) FROM counted
UNION ALL
SELECT 'reached', NULL, COALESCE(SUM(r.young_people_reached), 0)
FROM {returns} r JOIN counted ON counted.id = r.project_id WHERE r.status = %s
UNION ALL
SELECT 'active', NULL, COUNT(*) FROM active
UNION ALL
SELECT 'kind', k.interventiontype_id, COUNT(*)
FROM {kinds} k JOIN active ON active.id = k.project_id GROUP BY k.interventiontype_id
UNION ALL
SELECT 'organisation', organisation, COUNT(DISTINCT project) FROM (
    SELECT id AS project, lead AS organisation FROM active
    UNION ALL
    SELECT m.project_id, m.organisation_id FROM {members} m
    JOIN active ON active.id = m.project_id AND m.organisation_id <> active.lead
) AS work GROUP BY organisation
"""

_BOROUGH_FIGURES = """
UNION ALL
SELECT 'place', n.place_id, COUNT(*) FROM {named_places} n JOIN active ON active.id = n.project_id
JOIN {places} p ON p.id = n.place_id WHERE p.borough_id = %s GROUP BY n.place_id
UNION ALL
SELECT 'borough-wide', NULL, COUNT(*) FROM active
WHERE EXISTS (SELECT 1 FROM {named_boroughs} b WHERE b.project_id = active.id AND b.borough_id = %s)
AND NOT EXISTS (
    SELECT 1 FROM {named_places} n JOIN {places} p ON p.id = n.place_id
    WHERE n.project_id = active.id AND p.borough_id = %s
)
"""

# PostgreSQL takes an area for about six times the projects it holds (an OR of two IN subqueries) and so hashes
# the whole kinds-of-work, consortium, place and return tables to match a borough's couple of thousand running
# projects; for this one statement (the settings end with its transaction) it looks each project's links up in
# their (project, ...) indexes instead, about half the time on the 50,000-project bench.
_INDEX_LOOKUPS = "SELECT set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true)"

# The columns of the area CTE, in its order.
_AREA_COLUMNS = ("pk", "status", "start_date", "end_date", "target_reach", "lead_organisation")

_TABLES = {
    "returns": MonitoringReturn._meta.db_table,
    "kinds": Project.intervention_types.through._meta.db_table,
    "members": ConsortiumMember._meta.db_table,
    "named_places": Project.places.through._meta.db_table,
    "named_boroughs": Project.boroughs.through._meta.db_table,
    "places": Place._meta.db_table,
}


@contextmanager
def _index_lookups(connection) -> Iterator:
    """A cursor whose next statement joins by index lookups, not hash or merge joins, on PostgreSQL (in a
    transaction of its own, or the caller's: BEGIN, the settings and COMMIT); a plain cursor elsewhere."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            yield cursor
        return
    with transaction.atomic(using=connection.alias, savepoint=False), connection.cursor() as cursor:
        cursor.execute(_INDEX_LOOKUPS)
        yield cursor


def _figures(projects: QuerySet[Project], *, on: date, borough: Borough | None) -> list[tuple]:
    """The (figure, key, n) rows of the given projects' figures, in one query."""
    try:
        area_sql, area_params = projects.order_by().values_list(*_AREA_COLUMNS).query.sql_with_params()
    except EmptyResultSet:  # a queryset that can hold nothing (none(), an empty id list) compiles to no SQL
        return []
    sql = (_FIGURES + (_BOROUGH_FIGURES if borough else "")).format(area=area_sql, **_TABLES)
    params = [*area_params, ProjectStatus.DRAFT, ProjectStatus.CANCELLED, on, on, ReviewStatus.VERIFIED]
    if borough:
        params += [borough.pk] * 3
    with _index_lookups(connections[projects.db]) as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def work_summary(projects: QuerySet[Project], *, on: date, borough: Borough | None = None) -> WorkSummary:
    """Reach over the projects that count, what is running on a day, and for a borough the running projects
    covering each of its places: three queries (the figures, the kinds of work, the organisations named)."""
    figures: dict[str, dict] = {}
    for figure, key, n in _figures(projects, on=on, borough=borough):
        figures.setdefault(figure, {})[key] = n
    counted, target, reached, active, borough_wide = (
        figures.get(name, {}).get(None, 0) for name in ("counted", "target", "reached", "active", "borough-wide")
    )
    kinds, working = figures.get("kind", {}), figures.get("organisation", {})
    organisations = Organisation.objects.filter(pk__in=list(working))
    return WorkSummary(
        reach=Reach(projects=counted, target=target, reached=reached),
        active=active,
        intervention_types=[(kind, kinds.get(kind.pk, 0)) for kind in InterventionType.objects.all()],
        organisations=sorted(((org, working[org.pk]) for org in organisations), key=lambda p: (-p[1], p[0].name)),
        places_named=figures.get("place", {}),
        borough_wide=borough_wide,
    )


def projects_running_on(projects: QuerySet[Project], *, on: date, limit: int) -> list[Project]:
    """A first page of the projects running on a day, with their lead and kinds of work."""
    return list(
        projects_active_on(projects, on)
        .select_related("lead_organisation")
        .prefetch_related("intervention_types")
        .order_by("title", "pk")[:limit]
    )
