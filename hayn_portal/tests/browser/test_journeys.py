"""Whole journeys through the portal in a real browser, each main page saved as a screenshot."""

import re

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from hayn_portal.roles import Role

from .support import ANONYMOUS, DEMO_USERNAMES, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YOUTH_LEAD = DEMO_USERNAMES[Role.YOUTH_LEAD]
NEW_PASSWORD = "a-long-new-password-for-2026"


def sign_in(page: Page, username: str, password: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def test_a_youth_lead_changes_their_password_after_a_mistake_and_signs_in_with_the_new_one(page_as):
    page = page_as(ANONYMOUS)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    sign_in(page, YOUTH_LEAD, settings.DEMO_PASSWORD)
    expect(heading(page)).to_have_text("Welcome, Youth lead, Hyde")
    screenshot(page, "journey-password-change-1-home")

    page.goto("/accounts/password_change/")
    page.get_by_label("Old password").fill(settings.DEMO_PASSWORD)
    page.get_by_label("New password", exact=True).fill("hyde2026")
    page.get_by_label("New password confirmation").fill("hyde2026")
    page.get_by_role("button", name="Save new password").click()
    expect(page).to_have_title(re.compile(r"^Error: Change your password"))
    expect(page.locator(".govuk-error-summary")).to_contain_text("This password is too short.")
    expect(page.locator(".govuk-form-group--error .govuk-error-message")).to_contain_text("This password is too short.")
    screenshot(page, "journey-password-change-2-errors")

    page.get_by_label("Old password").fill(settings.DEMO_PASSWORD)
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save new password").click()
    expect(heading(page)).to_have_text("Your password has been changed")
    screenshot(page, "journey-password-change-3-done")

    page.get_by_role("button", name="Sign out").click()
    expect(heading(page)).to_have_text("Sign in")
    sign_in(page, YOUTH_LEAD, settings.DEMO_PASSWORD)
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    sign_in(page, YOUTH_LEAD, NEW_PASSWORD)
    expect(heading(page)).to_have_text("Welcome, Youth lead, Hyde")


def test_a_forgotten_password_is_replaced_through_the_link_in_the_email(page_as, mailoutbox):
    page = page_as(ANONYMOUS)
    page.goto("/accounts/login/")
    page.get_by_role("link", name="I have forgotten my password").click()
    page.get_by_label("Email").fill(f"{YOUTH_LEAD}@example.org")
    page.get_by_role("button", name="Send reset link").click()
    expect(heading(page)).to_have_text("Check your email")
    screenshot(page, "journey-password-reset-1-sent")

    assert len(mailoutbox) == 1
    link = re.search(r"https?://\S+/accounts/reset/\S+/", mailoutbox[0].body).group(0)
    page.goto(link)
    expect(heading(page)).to_have_text("Create a new password")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD + "x")
    page.get_by_role("button", name="Save new password").click()
    expect(page.locator(".govuk-error-summary")).to_contain_text("The two password fields didn’t match.")
    screenshot(page, "journey-password-reset-2-errors")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password confirmation").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save new password").click()
    expect(heading(page)).to_have_text("Your password has been changed")

    page.get_by_role("link", name="Sign in").click()
    sign_in(page, YOUTH_LEAD, NEW_PASSWORD)
    expect(heading(page)).to_have_text("Welcome, Youth lead, Hyde")
    page.goto(link)
    expect(heading(page)).to_have_text("This link has expired or is not valid")
