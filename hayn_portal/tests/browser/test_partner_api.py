"""The Partner API's pages in a real browser: its documentation (Swagger UI from our own static files) renders
under the strict CSP with no violation, and the API tokens page makes, shows once and revokes a token, passing axe."""

import pytest
import requests
from playwright.sync_api import expect

from core.roles import Role

from .support import ANONYMOUS, axe_check, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_documentation_renders_under_the_strict_csp(page_as, portal):
    page = page_as(ANONYMOUS)
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    response = page.goto("/api/v1/docs/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    expect(page.get_by_text("/api/v1/projects/{id}/submit/").first).to_be_visible()
    page.get_by_text("/api/v1/boroughs/").first.click()
    expect(page.get_by_text("Try it out").first).to_be_visible()
    screenshot(page, "api-docs-anonymous")
    axe_check(page)
    assert violations == []  # and the page_as fixture fails on any console error or file that failed to load


def test_a_youth_lead_makes_a_token_sees_it_once_uses_it_and_revokes_it(page_as, portal):
    page = page_as(Role.YOUTH_LEAD)
    page.goto("/api/tokens/")
    axe_check(page)
    page.get_by_role("button", name="Make the token").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("Enter a name for the token")
    axe_check(page)
    page.get_by_label("Token name").fill("Hyde case system")
    page.get_by_role("button", name="Make the token").click()
    secret = page.get_by_label("Your new token").input_value()
    axe_check(page)
    screenshot(page, "api-token-made-youth_lead")
    api = f"{portal.url}/api/v1/projects/"
    assert requests.get(api, headers={"Authorization": f"Bearer {secret}"}, timeout=30).status_code == 200

    page.goto("/api/tokens/")
    assert secret not in page.content()
    page.get_by_role("link", name="Revoke Hyde case system").click()
    axe_check(page)
    page.get_by_role("button", name="Revoke the token").click()
    expect(page.locator(".govuk-notification-banner")).to_contain_text("is revoked")
    assert requests.get(api, headers={"Authorization": f"Bearer {secret}"}, timeout=30).status_code == 401


def test_the_browsable_api_works_for_a_signed_in_session_under_the_strict_csp(page_as, portal):
    page = page_as(Role.YOUTH_LEAD)
    for path in ("/api/v1/projects/?status=submitted", "/api/v1/organisations/", "/api/v1/coverage/gaps/"):
        response = page.goto(path)
        assert response.status == 200 and "text/html" in response.headers["content-type"]
        expect(page.get_by_label("response info").locator("pre")).to_contain_text('"count"')
    screenshot(page, "api-browsable-youth_lead")
