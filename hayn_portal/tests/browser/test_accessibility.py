"""Every reachable page, as each role that reaches it, passes axe-core's WCAG 2.2 A/AA rules and the page basics."""

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, expect

from .pages import PAGES, PortalPage
from .support import ANONYMOUS, axe_check, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The text of the first element in the page that the Tab key can reach.
FIRST_FOCUSABLE = """
  [...document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")]
    .find((el) => el.tabIndex >= 0 && !el.disabled && el.type !== "hidden")?.textContent.trim()
"""


def check_page(page: Page, portal_page: PortalPage, role: str) -> None:
    """Reach the page (and its state), save a screenshot, then run axe and the page basics."""
    response = page.goto(portal_page.path())
    assert response.status == portal_page.status
    # Reached directly: a signed-in page that sent us to sign in would otherwise pass unseen.
    assert (response.request.redirected_from is not None) == portal_page.redirects, page.url
    if portal_page.then:
        portal_page.then(page)
    if portal_page.shows:
        expect(page.get_by_text(portal_page.shows, exact=True).first).to_be_visible()
    screenshot(page, f"{portal_page.name}-{role}")

    axe_check(page, known=portal_page.known_violations)
    assert page.locator("h1").count() == 1, "one h1 per page"
    assert page.evaluate(FIRST_FOCUSABLE) == "Skip to main content"
    expect(page.locator("footer").get_by_role("link", name="Accessibility statement")).to_have_count(1)


ROLES = sorted({role for portal_page in PAGES for role in portal_page.roles})


@pytest.mark.parametrize("role", ROLES)
def test_every_page_a_role_reaches_has_no_wcag_violations_one_h1_a_skip_link_and_the_statement(page_as, role):
    """One sign-in per role; each page opens fresh; every page's failures are reported together."""
    failures = {}
    reached = [portal_page for portal_page in PAGES if role in portal_page.roles]
    for portal_page in reached:
        page = page_as(role, tolerated=portal_page.tolerated_console)
        try:
            check_page(page, portal_page, role)
        except (AssertionError, PlaywrightError) as error:
            failures[portal_page.name] = error
        finally:
            page.close()
    assert reached
    assert not failures, "\n\n".join(f"{name} as {role}: {error}" for name, error in failures.items())


# A phone held upright (WCAG's 320-pixel reflow width) and a tablet: where small targets crowd together.
NARROW_WIDTHS = (320, 768)


@pytest.mark.parametrize("width", NARROW_WIDTHS)
def test_every_signed_out_page_passes_axe_on_a_narrow_screen_too(page_as, width):
    """Sign-in, password reset, the statement and the rest reached signed out: axe's WCAG 2.2 rules (target-size
    among them) at phone and tablet widths, as well as the 1,280 pixels of the test above."""
    failures = {}
    for portal_page in [portal_page for portal_page in PAGES if ANONYMOUS in portal_page.roles]:
        page = page_as(ANONYMOUS, tolerated=portal_page.tolerated_console)
        page.set_viewport_size({"width": width, "height": 800})
        try:
            check_page(page, portal_page, f"{ANONYMOUS}-{width}")
        except (AssertionError, PlaywrightError) as error:
            failures[portal_page.name] = error
        finally:
            page.close()
    assert not failures, "\n\n".join(f"{name} at {width} px: {error}" for name, error in failures.items())
