"""The coverage bench: a fixed number of queries, a pure analysis, and sizes in ascending order."""

import pytest
from django.core.management import CommandError, call_command

from coverage.bench import bench_coverage
from partners.tests.factories import OrganisationFactory
from programmes.demo import demo_generate

pytestmark = pytest.mark.django_db


def test_the_bench_times_a_fixed_number_of_queries_and_a_pure_analysis(programme_manager):
    demo_generate(projects=40, seed=7)
    OrganisationFactory()
    result = bench_coverage(user=programme_manager, repeat=1)
    assert result.fetch.queries == 7
    assert result.analysis.queries == 0
    # User, header, four reference lists, projects, links, reviews (the session is read from the cache and no longer
    # saved each time); the matrix also reads the nightly snapshots for its trend, the gap list the kinds of work's
    # evidence.
    assert {name: timing.queries for name, timing in result.pages.items()} == {
        "coverage:matrix": 10,
        "coverage:gap-list": 10,
        "coverage:overlap-list": 9,
    }
    assert result.projects > 0


def test_the_bench_command_refuses_sizes_out_of_order():
    with pytest.raises(CommandError, match="ascending"):
        call_command("bench_coverage", sizes="5000,1000")
