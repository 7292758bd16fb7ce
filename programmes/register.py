"""The project register's rows: one queryset plan and one set of columns for the page and every export."""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import IntegerField, OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from .models import ConsortiumMember, MonitoringReturn, Project, ReviewStatus


def register_queryset(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Everything a register row shows, in a fixed number of queries whatever the number of rows."""
    verified_reach = (
        MonitoringReturn.objects.filter(project=OuterRef("pk"), status=ReviewStatus.VERIFIED)
        .values("project")
        .annotate(total=Sum("young_people_reached"))
        .values("total")
    )
    return (
        projects.select_related("lead_organisation", "funding_programme")
        .prefetch_related(
            "boroughs",
            "places",
            "intervention_types",
            Prefetch("consortium_members", queryset=ConsortiumMember.objects.select_related("organisation")),
        )
        .annotate(reached=Coalesce(Subquery(verified_reach, output_field=IntegerField()), 0))
    )


def _names(items: Iterable) -> str:
    return "; ".join(str(item) for item in items)


@dataclass(frozen=True)
class Column:
    heading: str
    value: Callable[[Project], Any]


REGISTER_COLUMNS = (
    Column("Title", lambda p: p.title),
    Column("Lead organisation", lambda p: p.lead_organisation.name),
    Column("Consortium", lambda p: _names(member.organisation for member in p.consortium_members.all())),
    Column("Boroughs", lambda p: _names(p.boroughs.all())),
    Column("Places", lambda p: _names(place.name for place in p.places.all())),
    Column("Intervention types", lambda p: _names(p.intervention_types.all())),
    Column("Ages", lambda p: f"{p.age_min}–{p.age_max}"),
    Column("Start", lambda p: p.start_date),
    Column("End", lambda p: p.end_date),
    Column("Status", lambda p: p.get_status_display()),
    Column("Funding programme", lambda p: p.funding_programme.name if p.funding_programme else ""),
    Column("Funding (£)", lambda p: p.funding_amount),
    Column("Target reach", lambda p: p.target_reach),
    Column("Reached (verified returns)", lambda p: p.reached),
)


def register_rows(projects: QuerySet[Project], *, chunk_size: int = 2000) -> Iterator[list]:
    """The heading row, then one row per project, streamed in chunks so 50,000 rows fit in little memory."""
    yield [column.heading for column in REGISTER_COLUMNS]
    for project in register_queryset(projects).iterator(chunk_size=chunk_size):
        yield [column.value(project) for column in REGISTER_COLUMNS]
