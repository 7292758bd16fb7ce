"""Time the heaviest pages beside a trivial signed-in page, in one run, on the configured database."""

from django.core.management.base import BaseCommand, CommandError

from partners.models import User
from programmes.models import Project

from ...page_bench import TRIVIAL, bench_pages


class Command(BaseCommand):
    help = (
        "Time the coverage pages (warm and cold), the dashboard, area, organisation and register pages and a "
        "trivial signed-in page in one run: median ms, multiple of the trivial page, queries per request."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=7, help="Requests per page; the median is reported.")

    def handle(self, *args, repeat: int, **options):
        try:
            manager, lead = User.objects.get(username="programme.manager"), User.objects.get(username="lead.hyde")
        except User.DoesNotExist as missing:
            raise CommandError("Run load_partnership, generate_demo and create_demo_users first.") from missing
        timings = bench_pages(manager=manager, lead=lead, repeat=repeat)
        trivial = next(t for t in timings if t.name == TRIVIAL).median_ms
        self.stdout.write(f"{Project.objects.count():,} projects; median of {repeat} requests through the test client.")
        self.stdout.write("| page | median | × trivial | queries |\n| --- | ---: | ---: | ---: |")
        for timing in timings:
            self.stdout.write(
                f"| {timing.name} | {timing.median_ms:,.0f} ms | {timing.median_ms / trivial:,.1f} | {timing.queries} |"
            )
