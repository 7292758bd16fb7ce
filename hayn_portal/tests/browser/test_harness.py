"""The browser checks themselves can fail: the CSP watch sees refused inline code, axe names the broken rule."""

import pytest

from .support import ANONYMOUS, axe_check

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INLINE_CODE = '<script>document.title = "inline script ran"</script><p style="color: red">Inline style</p></main>'


def test_the_portals_policy_refuses_inline_script_and_style_and_the_watch_reports_both(page_as, browser_watch):
    page = page_as(ANONYMOUS)

    def add_inline_code(route):
        response = route.fetch()  # the portal's real response, with its real Content-Security-Policy header
        route.fulfill(response=response, body=response.text().replace("</main>", INLINE_CODE))

    page.route("**/accessibility/", add_inline_code)
    page.goto("/accessibility/")
    reported = list(browser_watch.problems)
    browser_watch.problems.clear()

    assert page.title() != "inline script ran"
    assert any("inline script" in problem and "script-src 'self'" in problem for problem in reported), reported
    assert any("inline style" in problem and "style-src 'self'" in problem for problem in reported), reported


def test_axe_check_names_the_rule_and_the_element_and_keeps_known_lists_honest(page_as):
    page = page_as(ANONYMOUS)
    page.goto("/accessibility/")
    axe_check(page)
    with pytest.raises(AssertionError, match="no longer breaks"):
        axe_check(page, known=frozenset({"label"}))

    page.locator("main").evaluate("main => main.insertAdjacentHTML('beforeend', '<input id=unlabelled>')")

    with pytest.raises(AssertionError) as failure:
        axe_check(page)
    assert "- label (critical): Form elements must have labels" in str(failure.value)
    assert "at #unlabelled" in str(failure.value)
    axe_check(page, known=frozenset({"label"}))
