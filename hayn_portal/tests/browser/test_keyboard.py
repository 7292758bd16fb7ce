"""Keyboard-only use: the skip link, forms filled and sent with keys alone, a visible focus on all that takes it."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from core.roles import Role
from programmes.models import Project

from .support import ANONYMOUS, DEMO_USERNAMES, FOCUSED, keyboard_fill

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The focus styles that make a focused element visible, read from the browser's computed style.
FOCUS_STYLE = """(el) => {
  const s = getComputedStyle(el);
  return {outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow,
          background: s.backgroundColor, decoration: s.textDecorationLine};
}"""


def test_the_skip_link_is_the_first_tab_stop_shows_itself_and_moves_focus_to_the_main_content(page_as):
    page = page_as(ANONYMOUS)
    page.goto("/accessibility/")

    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    box = skip_link.bounding_box()
    assert box["width"] > 100 and box["height"] > 20, "the skip link is visible when focused"

    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["label"] == "AbilityNet", (
        "the next tab stop is the first link inside the main content"
    )


def test_signing_in_works_with_the_keyboard_alone(page_as):
    page = page_as(ANONYMOUS)
    page.goto("/accounts/login/")
    expect(page.get_by_label("Username")).to_be_focused()

    stops = keyboard_fill(
        page, {"Username": DEMO_USERNAMES[Role.YOUTH_LEAD], "Password": settings.DEMO_PASSWORD}, submit="Sign in"
    )

    assert stops == ["Username", "Password", "Sign in"]
    expect(page.get_by_role("heading", level=1)).to_have_text("Hyde")  # their organisation's page


def test_a_form_error_is_announced_and_its_summary_link_leads_to_the_field_by_keyboard(page_as):
    page = page_as(Role.YOUTH_LEAD)
    page.goto("/accounts/password_change/")
    keyboard_fill(page, {"Old password": "not-my-password"}, submit="Save new password")

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_focused()  # GOV.UK Frontend moves focus to the summary so it is read out first
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_label("Old password")).to_be_focused()


GOVUK_FOCUS_COLOUR = "rgb(255, 221, 0)"  # $govuk-focus-colour, with black text or a black bar beside it
FOCUSABLE_ON_SIGN_IN = (
    "role=link[name='Skip to main content']",
    "role=link[name='HAYN Partnership Portal']",
    "role=link[name='feedback']",
    "role=textbox[name='Username']",
    "role=button[name='Sign in']",
    "role=link[name='I have forgotten my password']",
    "footer >> role=link[name='Accessibility statement']",
)


def test_focus_is_visible_on_links_fields_and_buttons(page_as):
    """Focusing each kind of element changes how it looks, with GOV.UK's yellow outline, shadow or background."""
    page = page_as(ANONYMOUS)
    page.goto("/accounts/login/")
    unfocused = {}
    page.evaluate("document.activeElement.blur()")
    for element in FOCUSABLE_ON_SIGN_IN:
        unfocused[element] = page.locator(element).evaluate(FOCUS_STYLE)

    for element in FOCUSABLE_ON_SIGN_IN:
        page.locator(element).focus()
        focused = page.locator(element).evaluate(FOCUS_STYLE)
        assert focused != unfocused[element], f"{element} looks the same focused and unfocused: {focused}"
        assert GOVUK_FOCUS_COLOUR in str(focused), f"{element} shows no yellow focus highlight: {focused}"


def test_a_youth_lead_logs_a_project_with_the_keyboard_alone_and_fixes_a_mistake_the_same_way(page_as):
    page = page_as(Role.YOUTH_LEAD)
    page.goto("/programmes/projects/new/")
    keyboard_fill(
        page,
        {
            "Project name": "Keyboard mentoring",
            "Description": "Mentoring on the Chalkhill estate.",
            "Lead organisation": "Hyde",
            "Kinds of work Mentoring": True,
            "Kinds of work Safe spaces": True,
            "Youngest age served": "14",
            "Oldest age served": "11",
            "Start date Day": "1",
            "Start date Month": "4",
            "Start date Year": "2026",
            "End date Day": "31",
            "End date Month": "3",
            "End date Year": "2027",
            "Boroughs Brent (partnership borough)": True,
            "Chalkhill, Brent": True,
            "Target: young people to reach": "120",
            "How far do young people shape the project?": "Young people co-design it",
            "Consortium member 1 Organisation": "Clarion Housing Group",
        },
        submit="Save as draft",
    )
    expect(page.locator(".govuk-error-summary")).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the summary's link moves focus to the field in error
    expect(page.get_by_label("Oldest age served")).to_be_focused()

    keyboard_fill(page, {"Oldest age served": "25"}, submit="Save as draft")

    expect(page.get_by_role("heading", level=1)).to_have_text("Keyboard mentoring")
    project = Project.objects.get(title="Keyboard mentoring")
    assert (project.age_min, project.age_max, project.target_reach) == (14, 25, 120)
    assert [place.name for place in project.places.all()] == ["Chalkhill"]
    assert sorted(kind.name for kind in project.intervention_types.all()) == ["Mentoring", "Safe spaces"]
    assert [member.organisation.name for member in project.consortium_members.all()] == ["Clarion Housing Group"]
    assert project.youth_involvement == "co_designed"
