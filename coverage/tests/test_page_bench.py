"""The page bench runs: it prints every page beside the trivial one, and beside a saved smaller run with the growth."""

import io

import pytest
from django.core.management import call_command

from coverage.page_bench import TRIVIAL
from programmes.demo import demo_generate

pytestmark = pytest.mark.django_db


def _rows(output: str) -> dict[str, list[str]]:
    lines = [line.strip("| ").split(" | ") for line in output.splitlines() if line.startswith("| ")]
    return {cells[0]: cells[1:] for cells in lines[2:]}


def _bench(**options) -> dict[str, list[str]]:
    out = io.StringIO()
    call_command("bench_pages", repeat=1, stdout=out, **options)
    return _rows(out.getvalue())


def test_the_page_bench_prints_each_page_at_both_sizes_with_its_queries_and_the_growth(partnership, tmp_path):
    call_command("create_demo_users", verbosity=0)
    demo_generate(projects=20, seed=7)
    saved = tmp_path / "smaller.json"
    smaller = _bench(save=saved)
    assert smaller[TRIVIAL][1] == "1.0"
    assert "coverage matrix (cold)" in smaller
    demo_generate(projects=60, seed=8)

    both = _bench(growth_from=saved)

    assert both.keys() == smaller.keys()
    for page, (before, multiple, queries, after, _, after_queries, growth) in both.items():
        assert [before, multiple, queries] == smaller[page], f"{page}: the saved run is printed as it was"
        assert after.endswith(" ms") and int(after_queries) > 0, page
        assert float(growth.removesuffix("×")) > 0, page
