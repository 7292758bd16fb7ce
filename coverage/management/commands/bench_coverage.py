"""Benchmark the coverage analysis at 1,000, 10,000 and 50,000 synthetic projects in a throwaway database."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from core.roles import Role
from partners.models import Organisation, User
from programmes.demo import demo_generate
from programmes.models import Project
from programmes.partnership import VRU

from ...bench import BENCH_CRITERIA, bench_coverage


class Command(BaseCommand):
    help = (
        "Build synthetic partnerships of growing size in a database of their own (the configured database's "
        "name plus _bench, created and dropped here) and time the coverage analysis and pages at each size."
    )

    def add_arguments(self, parser):
        parser.add_argument("--sizes", default="1000,10000,50000", help="Project counts, ascending, comma-separated.")
        parser.add_argument("--repeat", type=int, default=5, help="Runs per timing; the median is reported.")
        parser.add_argument("--keep", action="store_true", help="Keep the bench database (and its data) for next time.")

    def handle(self, *args, sizes: str, repeat: int, keep: bool, **options):
        targets = [int(size) for size in sizes.split(",")]
        if targets != sorted(targets):
            raise CommandError("Give the sizes in ascending order: each adds to the one before.")
        if connection.vendor != "postgresql":
            self.stderr.write("Warning: the figures the README quotes are for PostgreSQL (set DATABASE_URL).")
        bench_name = f"{connection.settings_dict['NAME']}_bench"
        connection.settings_dict.setdefault("TEST", {})["NAME"] = bench_name
        original = connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=keep)
        try:
            self.stdout.write(f"Bench database: {connection.settings_dict['NAME']} ({connection.vendor})")
            self.stdout.write(
                f"Question: {BENCH_CRITERIA.start} to {BENCH_CRITERIA.end}, all ages, every intervention type, "
                f"organisations as they are now; median of {repeat} runs."
            )
            self.run_sizes(targets, repeat)
        finally:
            connection.creation.destroy_test_db(original, verbosity=0, keepdb=keep)

    def run_sizes(self, targets: list[int], repeat: int):
        self.stdout.write(
            "Times in ms, wall clock (this process's CPU in brackets); queries per run; pages through the test client."
        )
        self.stdout.write(
            f"{'projects':>9} {'fetched':>8} {'places':>7} | {'fetch':>11} {'queries':>7} | {'analysis':>11} "
            f"{'queries':>7} | {'gaps':>5} {'thin':>5} {'overlaps':>8} | {'matrix':>6} {'gaps':>6} {'overlaps':>8} "
            f"{'queries':>8}"
        )
        for seed, target in enumerate(targets, start=1):
            missing = target - Project.objects.filter(is_synthetic=True).count()
            if missing > 0:
                demo_generate(projects=missing, seed=seed)
                if connection.vendor == "postgresql":
                    # Fresh statistics after a bulk load, as autovacuum would gather on a live database.
                    with connection.cursor() as cursor:
                        cursor.execute("ANALYZE")
            user, _ = User.objects.get_or_create(
                username="bench.manager",
                defaults={"role": Role.PROGRAMME_MANAGER, "organisation": Organisation.objects.get(name=VRU)},
            )
            result = bench_coverage(user=user, repeat=repeat)
            fetch, analysis, pages = result.fetch, result.analysis, result.pages.values()
            self.stdout.write(
                f"{Project.objects.filter(is_synthetic=True).count():>9,} {result.projects:>8,} {result.places:>7,} | "
                f"{fetch.seconds * 1000:>5.0f} ({fetch.cpu_seconds * 1000:>3.0f}) {fetch.queries:>7} | "
                f"{analysis.seconds * 1000:>5.0f} ({analysis.cpu_seconds * 1000:>3.0f}) {analysis.queries:>7} | "
                f"{result.gaps:>5} {result.thin:>5} {result.overlaps:>8,} | "
                + " ".join(f"{page.seconds * 1000:>{width}.0f}" for page, width in zip(pages, (6, 6, 8), strict=True))
                + f" {'/'.join(str(page.queries) for page in pages):>8}"
            )
