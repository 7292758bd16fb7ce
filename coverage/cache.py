"""Coverage analyses kept in the Django cache, keyed by the coverage version and the normalised question.

Every page, CSV, the map and the snapshots read their analysis through `analysis_cached`, so their numbers
agree by construction and two web processes sharing the cache (Redis at REDIS_URL) share each result. The
version moves after every committed change the analysis reads (coverage/signals.py), so a change shows on
the very next page load. A cache that fails costs time, never an answer: the analysis is then worked out.
"""

import hashlib
import logging
from collections.abc import Callable

from django.core.cache import cache
from django.db import connection

from .analysis.collector import gc_paused
from .analysis.data import Criteria
from .analysis.matrix import Analysis
from .packing import analysis_packed
from .versions import coverage_version, uncommitted_coverage_change

logger = logging.getLogger(__name__)

# Everyone who sees every project that counts sees the same analysis; a youth lead including drafts sees
# their own organisation's drafts too, so such results are kept per organisation.
EVERYONE = "everyone"
# A result unread for a day goes; a moved version makes old results unreachable well before that.
TIMEOUT = 24 * 60 * 60
# Changes when the kept form changes (coverage/packing.py), so a new release never reads an old one's results.
FORMAT = "p2"


def criteria_key(criteria: Criteria) -> str:
    """The question in one canonical form: the same question asked in any order gives the same key."""
    types = "all" if criteria.type_ids is None else ",".join(map(str, sorted(criteria.type_ids)))
    return "|".join(
        (
            criteria.start.isoformat(),
            criteria.end.isoformat(),
            ",".join(sorted(criteria.statuses)),
            f"{criteria.age_min}-{criteria.age_max}",
            types,
            "now" if criteria.organisations_now else "recorded",
        )
    )


def analysis_key(*, version: str, criteria: Criteria, audience: str) -> str:
    """The cache key of one analysis: database, version, who it is for and the question (hashed: keys stay short)."""
    question = hashlib.sha256(f"{audience}|{criteria_key(criteria)}".encode()).hexdigest()[:32]
    return f"coverage:{connection.settings_dict['NAME']}:{FORMAT}:{version}:{question}"


def analysis_cached(*, criteria: Criteria, audience: str, compute: Callable[[], Analysis]) -> Analysis:
    """The analysis for this question and audience from the cache, worked out and kept there if missing."""
    if uncommitted_coverage_change():
        return compute()  # This transaction's own changes are in no cached result.
    key = analysis_key(version=coverage_version(), criteria=criteria, audience=audience)
    with gc_paused():  # Loading builds many small objects with no cycles: collector passes would only cost time.
        analysis = _cache_call(cache.get, key)
    if analysis is None:
        analysis = compute()
        _keep(key, analysis)
    return analysis


def analysis_store(*, criteria: Criteria, audience: str, compute: Callable[[], Analysis]) -> bool:
    """Work out the analysis for the current version and keep it, unless it is kept already; True if worked out."""
    key = analysis_key(version=coverage_version(), criteria=criteria, audience=audience)
    if _cache_call(cache.has_key, key):
        return False
    with gc_paused():  # Let go of the analysis before the collector resumes: a pass over it alone costs 0.1 s.
        _keep(key, compute())
    return True


def figures_cached(name: str, compute: Callable[[], object]) -> object:
    """Small figures read from an analysis (`name` says which), kept beside it under the same version, so a page
    showing a few of them reads a few bytes rather than the whole analysis."""
    if uncommitted_coverage_change():
        return compute()
    key = f"coverage:{connection.settings_dict['NAME']}:{FORMAT}:{coverage_version()}:figures:{name}"
    figures = _cache_call(cache.get, key)
    if figures is None:
        figures = compute()
        _cache_call(cache.set, key, figures, TIMEOUT)
    return figures


def _keep(key: str, analysis: Analysis) -> None:
    with gc_paused():
        _cache_call(cache.set, key, analysis_packed(analysis), TIMEOUT)


def _cache_call(method, *args):
    """Call the cache, logging (not raising) if it cannot be reached: the caller then works the answer out."""
    try:
        return method(*args)
    except Exception:  # The Redis client raises its own errors; any of them means "no cache now".
        logger.warning("The coverage cache could not be reached; working the analysis out instead.", exc_info=True)
        return None
