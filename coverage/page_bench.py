"""Timing the portal's heaviest pages beside a trivial signed-in page, in one run, on whatever data the database holds.

A benchmark, not a test: `make bench` prints median milliseconds, the multiple of the trivial page (the
accessibility statement) measured in the same run, and queries per request, so figures taken on a busy
machine still compare. Coverage pages are timed warm (their result kept) and cold (the version just moved).
A run's timings can be saved and read back, so a run on a 5,000-project database stands beside one at 50,000.
"""

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from boroughs.models import Borough, Place
from partners.models import Organisation, User

from .recompute import default_criteria
from .selectors.partnership import partnership_coverage_compute
from .versions import coverage_version_move

TRIVIAL = "trivial signed-in page (accessibility statement)"


@dataclass(frozen=True)
class PageTiming:
    name: str
    median_ms: float
    queries: int


def _timed(name: str, request: Callable[[], object], repeat: int, before: Callable[[], None] | None = None):
    """The median of `repeat` runs after one warm-up (templates compiled), and the queries of the last run."""
    times, queries = [], 0
    for run in range(repeat + 1):
        if before is not None:
            before()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = request()
            elapsed = time.perf_counter() - started
        status = getattr(response, "status_code", 200)
        assert status == 200, f"{name} answered {status}"
        if getattr(response, "streaming", False):
            b"".join(response.streaming_content)
        if run:
            times.append(elapsed)
        queries = len(captured.captured_queries)
    return PageTiming(name, statistics.median(times) * 1000, queries)


def _pages(manager: User, lead: User) -> list[tuple[str, Client, str]]:
    staff, youth = Client(), Client()
    staff.force_login(manager)
    youth.force_login(lead)
    brent = Borough.objects.get(name="Brent")
    chalkhill = Place.objects.filter(name__startswith="Chalkhill").order_by("pk").first()
    hyde = Organisation.objects.get(name="Hyde")
    return [
        (TRIVIAL, staff, reverse("accessibility")),
        ("dashboard", staff, reverse("programmes:dashboard")),
        ("Brent borough page", staff, reverse("programmes:borough-detail", args=[brent.gss_code])),
        ("Hyde's organisation page", staff, reverse("programmes:organisation-detail", args=[hyde.pk])),
        ("Chalkhill place page", staff, reverse("programmes:place-detail", args=[chalkhill.pk])),
        ("coverage map", staff, reverse("coverage:map")),
        ("register as a youth lead", youth, reverse("programmes:project-list")),
        ("register", staff, reverse("programmes:project-list")),
    ]


COVERAGE_PAGES = (
    ("coverage gaps", "coverage:gap-list"),
    ("coverage overlaps", "coverage:overlap-list"),
    ("coverage matrix", "coverage:matrix"),
)


def bench_pages(*, manager: User, lead: User, repeat: int = 7) -> list[PageTiming]:
    """Each page's median time and queries, the trivial page first; coverage pages warm, then cold."""
    timings = [_timed(name, lambda c=client, u=url: c.get(u), repeat) for name, client, url in _pages(manager, lead)]
    staff = Client()
    staff.force_login(manager)
    for name, url_name in COVERAGE_PAGES:
        url = reverse(url_name)
        timings.append(_timed(f"{name} (warm)", lambda u=url: staff.get(u), repeat))
        timings.append(_timed(f"{name} (cold)", lambda u=url: staff.get(u), max(1, repeat // 2), coverage_version_move))
    criteria = default_criteria()[0]
    timings.append(
        _timed("fetch and analyse (no page)", lambda: partnership_coverage_compute(criteria), max(1, repeat // 2))
    )
    return timings


def timings_save(path: Path, *, projects: int, timings: list[PageTiming]) -> None:
    """Keep a run's project count and timings, for a later run on a larger database to compare against."""
    path.write_text(json.dumps({"projects": projects, "timings": [asdict(timing) for timing in timings]}, indent=1))


def timings_read(path: Path) -> tuple[int, dict[str, PageTiming]]:
    """A saved run's project count and its timings by page name."""
    saved = json.loads(path.read_text())
    return saved["projects"], {timing["name"]: PageTiming(**timing) for timing in saved["timings"]}
