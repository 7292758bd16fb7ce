"""The register in a real browser at 1,280 pixels with demo-sized data: no sideways scroll, MOJ filter, date inputs."""

import re

import pytest
from playwright.sync_api import Page, expect

from core.roles import Role
from programmes.demo import demo_generate

from .support import axe_check, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# What the table and the page are wider than the window by (0 when nothing scrolls sideways).
OVERFLOW = """() => {
  const page = document.documentElement;
  const region = document.querySelector('.app-table-scroll');
  return {page: page.scrollWidth - page.clientWidth, table: region.scrollWidth - region.clientWidth};
}"""
SORTS = ("title", "lead", "start", "end", "status", "target")


@pytest.fixture
def register(page_as) -> Page:
    """The programme manager on the register, with `make run`'s 60 demo projects beside the test data."""
    demo_generate(projects=60, seed=1)
    page = page_as(Role.PROGRAMME_MANAGER)
    assert page.viewport_size == {"width": 1280, "height": 900}
    page.goto("/programmes/projects/")
    return page


def test_no_page_of_the_register_scrolls_sideways_at_1280_pixels_in_any_order(register):
    pages = int(re.search(r"page 1 of (\d+)", register.locator("caption").inner_text()).group(1))
    assert pages >= 3
    for ordering in (*SORTS, *(f"-{key}" for key in SORTS)):
        for number in range(1, pages + 1):
            register.goto(f"/programmes/projects/?ordering={ordering}&page={number}")
            assert register.evaluate(OVERFLOW) == {"page": 0, "table": 0}, (ordering, number)
    screenshot(register, "register-1280")


def test_more_columns_scroll_inside_the_tables_own_region_never_the_page(register):
    register.get_by_label("Consortium", exact=True).check()
    register.get_by_label("Places", exact=True).check()
    register.get_by_label("Funding (£)", exact=True).check()
    register.get_by_role("button", name="Show these columns").click()
    expect(register.locator("thead th")).to_have_count(12)
    assert "columns=consortium" in register.url
    register.locator("thead").get_by_role("link", name="Lead organisation").click()
    expect(register.locator("thead th")).to_have_count(12)  # a sort link keeps the columns chosen
    assert register.evaluate(OVERFLOW)["page"] == 0
    axe_check(register)


def test_the_filter_hides_and_shows_and_a_date_filter_is_three_gov_uk_inputs(register):
    hide = register.get_by_role("button", name="Hide filter")
    hide.click()
    expect(register.locator(".moj-filter")).to_be_hidden()
    register.get_by_role("button", name="Show filter").click()
    expect(register.locator(".moj-filter")).to_be_visible()

    after = register.get_by_role("group", name="Active on or after")
    for label, value in (("Day", "1"), ("Month", "4"), ("Year", "2026")):
        after.get_by_label(label).fill(value)
    register.get_by_role("button", name="Apply filters").click()
    assert "active_from_day=1&active_from_month=4&active_from_year=2026" in register.url
    tag = register.locator(".moj-filter__tag")
    expect(tag).to_contain_text("1 April 2026")
    axe_check(register)
    tag.click()
    assert "active_from" not in register.url
    expect(register.locator(".moj-filter__tag")).to_have_count(0)
