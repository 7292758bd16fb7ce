"""The schedule of expected monitoring returns: one row per project and quarter it runs through, with whether the
project owes it and whether it has arrived."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from ..models import ExpectedReturn, MonitoringReturn, Project
from ..periods import quarters_between
from ..selectors.returns import RECEIVED_RETURN_STATUSES


@transaction.atomic
def expected_returns_schedule(*, project_ids: Iterable[int] | None = None) -> None:
    """Bring the expected returns of these projects (every project when None) in step with their dates, status
    and returns.

    Rows for quarters a project no longer runs through are deleted and missing ones added; rows that
    still fit are kept, so running it twice changes nothing. Then every row's owed and received flags are
    set again from the project and its returns.
    """
    projects = Project.objects.order_by()
    existing = ExpectedReturn.objects.order_by()
    if project_ids is not None:
        project_ids = list(project_ids)
        projects = projects.filter(pk__in=project_ids)
        existing = existing.filter(project__in=project_ids)
    wanted = {
        (pk, quarter.start): quarter
        for pk, start, end in projects.values_list("pk", "start_date", "end_date").iterator(chunk_size=5000)
        for quarter in quarters_between(start, end)
    }
    stale = []
    for pk, project_id, period_start in existing.values_list("pk", "project_id", "period_start").iterator(
        chunk_size=5000
    ):
        if wanted.pop((project_id, period_start), None) is None:
            stale.append(pk)
    for start in range(0, len(stale), 5000):
        ExpectedReturn.objects.filter(pk__in=stale[start : start + 5000]).delete()
    ExpectedReturn.objects.bulk_create(
        [
            ExpectedReturn(project_id=pk, period_start=quarter.start, period_end=quarter.end, due_date=quarter.due_date)
            for (pk, _), quarter in wanted.items()
        ],
        batch_size=5000,
    )
    _flags_in_step(existing)


def _flags_in_step(rows: QuerySet[ExpectedReturn]) -> None:
    """Set whether each row's project owes it (counts, dates known) and whether a return for it was received."""
    owing = Project.objects.counted().filter(pk=OuterRef("project"), dates_assumed=False)
    rows.update(owed=Exists(owing), received=Exists(_received()))


def _received():
    return MonitoringReturn.objects.filter(
        project=OuterRef("project"), period_start=OuterRef("period_start"), status__in=RECEIVED_RETURN_STATUSES
    )


def expected_returns_received(*, project_id: int) -> None:
    """Set again which of the project's expected returns have a submitted or verified return: after any return of
    it is saved or deleted, whoever wrote it (a service, the API, the admin)."""
    ExpectedReturn.objects.filter(project=project_id).update(received=Exists(_received()))
