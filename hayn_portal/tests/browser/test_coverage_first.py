"""Coverage first, in a real browser: the navigation is one row at 1,280 pixels for every role, and the home
page and dashboard lead with coverage, pass axe, and their coverage links open the lists behind them."""

import re

import pytest
from playwright.sync_api import expect

from core.roles import Role
from programmes.tests.factories import projects_running_in_three_boroughs

from .support import DEMO_USERNAMES, axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Each navigation item's distance from the top of the page: one value when they sit on one row.
ITEM_TOPS = """
  [...document.querySelectorAll(".govuk-service-navigation__item")].map((item) => item.getBoundingClientRect().top)
"""
# Each item's text and width, and the list's width: said when the navigation wraps.
ITEM_WIDTHS = """
  [...document.querySelectorAll(".govuk-service-navigation__item")]
    .map((item) => [item.innerText, Math.round(item.getBoundingClientRect().width)])
    .concat([["list", document.querySelector(".govuk-service-navigation__list").getBoundingClientRect().width]])
"""


@pytest.mark.parametrize("role", sorted(DEMO_USERNAMES))
def test_the_navigation_is_one_row_with_coverage_near_the_front(page_as, role):
    page = page_as(role)
    page.goto("/accessibility/")
    tops = page.evaluate(ITEM_TOPS)
    assert tops, "signed in, so the navigation shows"
    widths = page.evaluate(ITEM_WIDTHS)
    assert len(set(tops)) == 1, f"{role}: the navigation wraps onto {len(set(tops))} rows {widths}"
    labels = page.locator(".govuk-service-navigation__item").all_inner_texts()
    assert "Coverage" in labels[:3]


@pytest.mark.parametrize("path", ["/", "/programmes/dashboard/"])
def test_home_and_dashboard_lead_with_coverage_and_link_to_the_lists(page_as, path):
    page = page_as(Role.PROGRAMME_MANAGER)
    page.goto(path)
    heading = page.locator("h2").first
    expect(heading).to_contain_text("Coverage this quarter")
    axe_check(page)
    link = page.get_by_role("link", name=re.compile(r"overlaps? not yet reviewed"))
    expect(link).to_be_visible()
    link.click()
    expect(page.locator("h1")).to_have_text("Overlaps")
    expect(page.get_by_label("Not reviewed yet")).to_be_checked()


@pytest.mark.parametrize("role", [Role.PROGRAMME_MANAGER, Role.YOUTH_LEAD])
def test_a_gap_opens_who_could_fill_it_and_the_page_passes_axe(page_as, role):
    page = page_as(role)
    page.goto("/coverage/gaps/")
    page.get_by_role("link", name=re.compile(r"^Who could fill it")).first.click()
    expect(page.locator("h1")).to_contain_text("who could fill the gap")
    axe_check(page)
    next_step = "Log a project" if role == Role.YOUTH_LEAD else "Record a youth voice session"
    expect(page.get_by_role("link", name=re.compile(next_step)).first).to_be_visible()


def test_the_overlap_comparison_sets_the_projects_side_by_side_and_passes_axe(page_as):
    projects_running_in_three_boroughs()  # eight mentoring projects across Brent: an overlap this quarter
    page = page_as(Role.PROGRAMME_MANAGER)
    page.goto("/coverage/overlaps/?borough=E09000005")
    page.get_by_role("link", name=re.compile(r"^Compare")).first.click()
    expect(page.get_by_role("rowheader", name="Lead as it is now")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Reached so far (verified returns)")).to_be_visible()
    axe_check(page)
