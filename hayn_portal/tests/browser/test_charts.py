"""The charts and the quarterly report in a real browser: charts drawn with a size and styled by the stylesheet
under the strict CSP, their tables opened from the details element, the report printed without the page's
furniture and its PDF followed to the download, with no WCAG 2.2 A/AA violation on the way."""

import re
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


def test_the_quarterly_report_prints_without_the_pages_furniture_and_its_pdf_is_followed_to_the_download(page_as):
    today = timezone.localdate()
    coverage_snapshot_take(today=Quarter.containing(today).start - timedelta(days=1))
    page = page_as(Role.PROGRAMME_MANAGER)
    page.goto(reverse("reports:quarterly"))
    expect(page.locator("h1")).to_have_text(f"Quarterly report: {Quarter.containing(today).previous()}")
    for chart in ("report-reach", "report-returns", "report-trend"):
        expect(page.locator(f'svg[data-chart="{chart}"]')).to_be_visible()
    screenshot(page, "quarterly-report")
    axe_check(page)
    assert page.locator("h1").count() == 1

    page.emulate_media(media="print")
    expect(page.locator("header.govuk-header")).to_be_hidden()
    expect(page.get_by_role("button", name="Make a PDF of this report")).to_be_hidden()
    expect(page.locator('svg[data-chart="report-reach"]')).to_be_visible()
    page.emulate_media(media="screen")

    page.get_by_role("button", name="Make a PDF of this report").click()
    expect(page.get_by_role("link", name=re.compile(r"^Download hayn-quarterly-report-"))).to_be_visible(timeout=60_000)
    axe_check(page)
