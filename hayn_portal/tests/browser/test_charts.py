"""The charts in a real browser: drawn with a size, styled by the stylesheet under the strict CSP, their tables
opened from the details element, and no WCAG 2.2 A/AA violation with the charts and tables showing."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from core.roles import Role
from coverage.snapshots import coverage_snapshot_take
from programmes.models import FundingProgramme, Project
from programmes.partnership import MYENDS, ONE_FLOW
from programmes.periods import Quarter

from .support import SCREENSHOTS, axe_check, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_each_chart_is_drawn_styled_and_its_table_opens_with_no_wcag_violations(page_as):
    today = timezone.localdate()
    coverage_snapshot_take(today=Quarter.containing(today).start - timedelta(days=1))
    coverage_snapshot_take(today=today)
    pages = {
        "dashboard": (reverse("programmes:dashboard"), ["partnership-reach", "partnership-returns"]),
        "programme": (FundingProgramme.objects.get(name=MYENDS).get_absolute_url(), ["programme-reach"]),
        "project": (Project.objects.get(title=ONE_FLOW).get_absolute_url(), ["project-reach"]),
        "matrix": (reverse("coverage:matrix"), ["coverage-trend"]),
    }
    page = page_as(Role.PROGRAMME_MANAGER)
    for name, (path, charts) in pages.items():
        page.goto(path)
        for chart in charts:
            svg = page.locator(f'svg[data-chart="{chart}"]')
            expect(svg).to_be_visible()
            assert svg.bounding_box()["height"] > 100, f"{name}: {chart} has no height"
            svg.screenshot(path=SCREENSHOTS / f"chart-{chart}.png")
            # The stylesheet, not an inline style, draws the lines without a fill: the CSP would block the latter.
            lines = svg.locator("polyline")
            if lines.count():
                assert lines.first.evaluate("line => getComputedStyle(line).fill") == "none"
            figure = page.locator(f'[data-chart-figure="{chart}"]')
            figure.locator("summary").click()
            expect(figure.locator("table")).to_be_visible()
        screenshot(page, f"charts-{name}")
        axe_check(page)
