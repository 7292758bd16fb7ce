"""Whole journeys through the portal in a real browser, each main page saved as a screenshot."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from core.roles import Role
from programmes.models import Project, ProjectStatus

from .support import ANONYMOUS, DEMO_USERNAMES, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

YOUTH_LEAD = DEMO_USERNAMES[Role.YOUTH_LEAD]
NEW_PASSWORD = "a-long-new-password-for-2026"
TITLE = "Chalkhill mentoring"
LEAD_LANDS_ON = "Hyde"  # the heading of their organisation's page, where a youth lead lands


def sign_in(page: Page, username: str, password: str) -> None:
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def heading(page: Page):
    return page.get_by_role("heading", level=1)


def fill_date(page: Page, legend: str, day: str, month: str, year: str) -> None:
    date = page.get_by_role("group", name=legend)
    for label, value in (("Day", day), ("Month", month), ("Year", year)):
        date.get_by_label(label).fill(value)


def test_a_youth_lead_changes_their_password_after_a_mistake_and_signs_in_with_the_new_one(page_as):
    page = page_as(ANONYMOUS)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    sign_in(page, YOUTH_LEAD, settings.DEMO_PASSWORD)
    expect(heading(page)).to_have_text(LEAD_LANDS_ON)
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
    expect(heading(page)).to_have_text(LEAD_LANDS_ON)


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
    expect(heading(page)).to_have_text(LEAD_LANDS_ON)
    page.goto(link)
    expect(heading(page)).to_have_text("This link has expired or is not valid")


def test_a_youth_lead_logs_a_project_fixes_a_mistake_and_submits_it_and_the_programme_manager_verifies_it(page_as):
    """Then the manager finds it in the register with a filter, downloads the filtered register, and opens the
    coverage matrix and the map."""
    lead = page_as(ANONYMOUS)
    lead.goto("/")
    sign_in(lead, YOUTH_LEAD, settings.DEMO_PASSWORD)
    expect(heading(lead)).to_have_text(LEAD_LANDS_ON)
    screenshot(lead, "journey-project-1-organisation")

    lead.get_by_role("navigation", name="Menu").get_by_role("link", name="Log a project").click()
    lead.get_by_label("Project name").fill(TITLE)
    lead.get_by_label("Description").fill("Weekly mentoring for young people on the Chalkhill estate.")
    lead.get_by_label("Lead organisation").select_option(label="Hyde")
    lead.get_by_label("Mentoring", exact=True).check()
    lead.get_by_label("Youngest age served").fill("11")
    lead.get_by_label("Oldest age served").fill("18")
    fill_date(lead, "Start date", "1", "4", "2026")
    fill_date(lead, "End date", "31", "3", "2026")  # the mistake: before the start
    lead.get_by_label("Brent (partnership borough)").check()
    lead.locator("summary", has_text="Brent (").click()  # open Brent's places
    lead.get_by_role("checkbox", name=re.compile(r"^Chalkhill\b")).check()
    lead.get_by_label("Target: young people to reach").fill("120")
    lead.get_by_label("Young people co-design it").check()
    lead.get_by_role("group", name="Consortium member 1").get_by_label("Organisation").select_option(
        label="Clarion Housing Group"
    )
    lead.get_by_role("button", name="Save as draft").click()

    expect(lead.locator(".govuk-error-summary")).to_contain_text("The end date must be the same as or after the start")
    screenshot(lead, "journey-project-2-errors")
    lead.locator(".govuk-error-summary").get_by_role("link").first.click()
    fill_date(lead, "End date", "31", "3", "2027")
    lead.get_by_role("button", name="Save as draft").click()
    expect(heading(lead)).to_have_text(TITLE)
    expect(lead.locator("main .govuk-tag").first).to_have_text("Draft")
    screenshot(lead, "journey-project-3-draft")

    lead.get_by_role("button", name="Submit for verification").click()
    expect(lead.get_by_role("alert")).to_contain_text(f"“{TITLE}” is submitted.")
    expect(lead.locator("main .govuk-tag").first).to_have_text("Submitted")

    manager = page_as(Role.PROGRAMME_MANAGER)
    manager.goto("/")
    manager.get_by_role("link", name=re.compile(r"projects? to review$")).click()
    expect(heading(manager)).to_have_text("Review queue")
    screenshot(manager, "journey-project-4-review-queue")
    manager.get_by_role("link", name=f"Review {TITLE}").click()
    manager.get_by_label("Verify it").check()
    screenshot(manager, "journey-project-5-review")
    manager.get_by_role("button", name="Send your decision").click()
    expect(manager.get_by_role("alert")).to_contain_text(f"“{TITLE}” is verified.")
    screenshot(manager, "journey-project-6-verified")

    menu = manager.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="Register").click()
    manager.get_by_label("Search").fill("Chalkhill")
    manager.get_by_role("button", name="Apply filters").click()
    expect(manager.get_by_role("link", name=TITLE)).to_be_visible()
    screenshot(manager, "journey-project-7-register-filtered")
    with manager.expect_download() as download:
        manager.get_by_role("link", name=re.compile(r"^Download CSV")).click()
    assert TITLE in Path(download.value.path()).read_text(encoding="utf-8-sig")

    menu.get_by_role("link", name="Coverage").click()
    expect(manager.locator("main table").first).to_be_visible()
    screenshot(manager, "journey-project-8-coverage-matrix")
    menu.get_by_role("link", name="Map").click()
    expect(heading(manager)).to_have_text("Coverage map")
    screenshot(manager, "journey-project-9-coverage-map")

    project = Project.objects.get(title=TITLE)
    assert project.status == ProjectStatus.VERIFIED
    assert project.reviewed_by.username == DEMO_USERNAMES[Role.PROGRAMME_MANAGER]
    assert [place.name for place in project.places.all()] == ["Chalkhill"]
    assert [member.organisation.name for member in project.consortium_members.all()] == ["Clarion Housing Group"]
