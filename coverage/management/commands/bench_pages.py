"""Time the heaviest pages beside a trivial signed-in page, in one run, on the configured database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partners.models import User
from programmes.models import Project

from ...page_bench import TRIVIAL, PageTiming, bench_pages, timings_read, timings_save


def _column(timing: PageTiming | None, trivial: float) -> str:
    if timing is None:
        return "| | |"
    return f"{timing.median_ms:,.0f} ms | {timing.median_ms / trivial:,.1f} | {timing.queries}"


class Command(BaseCommand):
    help = (
        "Time the coverage pages (warm and cold), the dashboard, area, organisation and register pages and a "
        "trivial signed-in page in one run: median ms, multiple of the trivial page, queries per request; with "
        "--growth-from, beside a saved run on a smaller database and the growth from it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=7, help="Requests per page; the median is reported.")
        parser.add_argument("--save", type=Path, help="Also keep this run's timings in this JSON file.")
        parser.add_argument(
            "--growth-from", type=Path, help="A file --save wrote on a smaller database: print it beside this run."
        )

    def handle(self, *args, repeat: int, save: Path | None, growth_from: Path | None, **options):
        try:
            manager, lead = User.objects.get(username="programme.manager"), User.objects.get(username="lead.hyde")
        except User.DoesNotExist as missing:
            raise CommandError("Run load_partnership, generate_demo and create_demo_users first.") from missing
        smaller_projects, smaller = timings_read(growth_from) if growth_from else (None, {})
        timings = bench_pages(manager=manager, lead=lead, repeat=repeat)
        projects = Project.objects.count()
        if save:
            timings_save(save, projects=projects, timings=timings)
        self.stdout.write(f"Median of {repeat} requests through the test client.")
        if growth_from:
            self._growth_table(timings, projects, smaller, smaller_projects)
        else:
            self._table(timings, projects)

    def _table(self, timings: list[PageTiming], projects: int) -> None:
        trivial = next(t for t in timings if t.name == TRIVIAL).median_ms
        self.stdout.write(
            f"| page ({projects:,} projects) | median | × trivial | queries |\n| --- | ---: | ---: | ---: |"
        )
        for timing in timings:
            self.stdout.write(f"| {timing.name} | {_column(timing, trivial)} |")

    def _growth_table(
        self, timings: list[PageTiming], projects: int, smaller: dict[str, PageTiming], smaller_projects: int
    ) -> None:
        """Each page at both sizes (each beside its own run's trivial page) and how much slower the larger is."""
        trivial = next(t for t in timings if t.name == TRIVIAL).median_ms
        smaller_trivial = smaller[TRIVIAL].median_ms
        self.stdout.write(
            f"| page | {smaller_projects:,} projects | × trivial | queries | {projects:,} projects | × trivial | "
            "queries | growth |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
        )
        for timing in timings:
            before = smaller.get(timing.name)
            growth = f"{timing.median_ms / before.median_ms:,.1f}×" if before else ""
            self.stdout.write(
                f"| {timing.name} | {_column(before, smaller_trivial)} | {_column(timing, trivial)} | {growth} |"
            )
