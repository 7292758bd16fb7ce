"""Timing the coverage analysis on whatever data the database holds: the fetch, the pure analysis and the pages."""

import statistics
import time
from dataclasses import dataclass
from datetime import date

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from .analysis.data import Criteria
from .analysis.matrix import analyse
from .selectors.partnership import COUNTED_STATUSES, coverage_partnership, coverage_reference
from .selectors.reviews import overlap_reviews

# A fixed question, so runs on different days compare: the 2025–26 financial year, all ages.
BENCH_PERIOD = "fy2025"
BENCH_CRITERIA = Criteria(
    start=date(2025, 4, 1),
    end=date(2026, 3, 31),
    statuses=COUNTED_STATUSES,
)
BENCH_PAGES = ("coverage:matrix", "coverage:gap-list", "coverage:overlap-list")


@dataclass
class Timing:
    seconds: float  # wall clock, median
    cpu_seconds: float  # this process's processor time, median: steadier when the machine is busy
    queries: int


@dataclass
class BenchResult:
    projects: int
    places: int
    fetch: Timing
    analysis: Timing
    pages: dict[str, Timing]
    gaps: int
    thin: int
    overlaps: int


def _timed(action, repeat: int) -> tuple[Timing, object]:
    """The median times of `repeat` runs of action, the queries of one run, and its result."""
    times, cpu_times, result, queries = [], [], None, 0
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as captured:
            started, cpu_started = time.perf_counter(), time.process_time()
            result = action()
            times.append(time.perf_counter() - started)
            cpu_times.append(time.process_time() - cpu_started)
        queries = len(captured.captured_queries)
    return Timing(statistics.median(times), statistics.median(cpu_times), queries), result


def bench_coverage(*, user, repeat: int = 5) -> BenchResult:
    """Time the fetch (reference data, projects, reviews), the pure analysis, and each coverage page for this user."""

    def fetch():
        reference = coverage_reference()
        return coverage_partnership(user=user, criteria=BENCH_CRITERIA, reference=reference), overlap_reviews()

    fetch_timing, (data, reviews) = _timed(fetch, repeat)
    analysis_timing, analysis = _timed(lambda: analyse(data, BENCH_CRITERIA, reviews), repeat)
    client = Client()
    client.force_login(user)
    pages = {}
    for name in BENCH_PAGES:
        url = f"{reverse(name)}?period={BENCH_PERIOD}"
        client.get(url)  # Warm up: the first request compiles the templates.
        pages[name], response = _timed(lambda url=url: client.get(url), max(1, repeat // 2))
        assert response.status_code == 200, f"{url} answered {response.status_code}"
    return BenchResult(
        projects=len(data.projects),
        places=len(data.places),
        fetch=fetch_timing,
        analysis=analysis_timing,
        pages=pages,
        gaps=len(analysis.gaps),
        thin=len(analysis.thin),
        overlaps=len(analysis.overlaps),
    )
