"""Add labelled synthetic projects, places, posts and returns for demos and benchmarks."""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from programmes.demo import demo_generate


class Command(BaseCommand):
    help = "Add synthetic (is_synthetic) demo data; the same seed never adds the same rows twice."

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=60)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--returns-per-project", type=int, default=2)

    def handle(self, *args, projects, seed, returns_per_project, **options):
        started = time.perf_counter()
        report = demo_generate(projects=projects, seed=seed, returns_per_project=returns_per_project)
        if connection.vendor == "postgresql":
            # Tens of thousands of rows at once: the planner's statistics are brought up to date now, not whenever
            # autovacuum next looks (until then it guesses a few hundred rows and chooses index lookups over joins).
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        self.stdout.write(
            f"Synthetic data (seed {seed}): {report.projects} projects, {report.places} places, "
            f"{report.returns} returns, {report.posts} posts, {report.youth_voice_sessions} youth voice sessions "
            f"added in {time.perf_counter() - started:.1f} s."
        )
