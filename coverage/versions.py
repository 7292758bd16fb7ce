"""The coverage version: a token in one database row that moves after every committed change the analysis reads.

Cached analyses are keyed by it. It lives in the database, not the cache, so a change made while the cache
is unreachable still moves it, and results cached before an outage are never read after it.
"""

import secrets

from django.db import connection, transaction

from .models import CoverageVersion

_ROW = 1


def _new_token() -> str:
    return secrets.token_hex(8)


def coverage_version() -> str:
    """The current version (one indexed read; the row is made on first use)."""
    token = CoverageVersion.objects.filter(pk=_ROW).values_list("token", flat=True).first()
    if token is None:
        token = CoverageVersion.objects.get_or_create(pk=_ROW, defaults={"token": _new_token()})[0].token
    return token


def coverage_version_move() -> None:
    """Give the version a new token now (called after commit, so readers of the new token see the change)."""
    if not CoverageVersion.objects.filter(pk=_ROW).update(token=_new_token()):
        CoverageVersion.objects.get_or_create(pk=_ROW, defaults={"token": _new_token()})


def coverage_changed() -> None:
    """Something the analysis reads changed in the current transaction: move the version when it commits
    (at once outside a transaction), then recompute the default views in the background."""
    from .tasks import coverage_recompute_task  # The task module imports the selectors, which import this one.

    if connection.in_atomic_block and _pending(connection):
        return
    transaction.on_commit(coverage_version_move)
    # Eagerly (no broker) the next reader works it out anyway: the writer's own request should not wait for it.
    if not coverage_recompute_task.app.conf.task_always_eager:
        transaction.on_commit(coverage_recompute_task.delay, robust=True)


def _pending(conn) -> bool:
    """Whether this transaction has already asked for the version to move when it commits."""
    return any(callback is coverage_version_move for _, callback, _ in conn.run_on_commit)


def uncommitted_coverage_change() -> bool:
    """Whether the current transaction holds a change the version does not show yet: its reads must not use
    (or fill) the cache, whose results are for committed data."""
    return connection.in_atomic_block and _pending(connection)
