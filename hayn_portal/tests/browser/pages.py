"""Every page a user can reach, with the roles that reach it: the accessibility test visits each one as each role.

Adding a page to the checks is one line in PAGES. A page that needs an object names a function that
finds one in the test data (`args`); a page shown in a state, such as a form with its errors, names
what to do first (`then`) and words that prove the state was reached (`shows`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from playwright.sync_api import Page

from hayn_portal.roles import Role
from partners.models import Organisation
from programmes.models import Project

from ..helpers import password_reset_args
from .support import ANONYMOUS, DEMO_USERNAMES

# The coordinator passes the same checks as the manager (both VRU staff); add it where a page differs.
SIGNED_IN = (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER, Role.ADMINISTRATOR)
EVERYONE = (ANONYMOUS, *SIGNED_IN)
ERRORS = "There is a problem"  # the GOV.UK error summary's title


@dataclass(frozen=True)
class PortalPage:
    name: str
    # A URL name (reversed with `args`) or a literal path starting with "/".
    url: str
    roles: tuple[str, ...]
    args: Callable[[], tuple] = tuple
    then: Callable[[Page], None] | None = None
    shows: str = ""
    status: int = 200
    redirects: bool = False
    # axe rules the page is known to break, and console messages it is known to cause: Django admin only.
    known_violations: frozenset[str] = frozenset()
    tolerated_console: str = ""

    def path(self) -> str:
        return self.url if self.url.startswith("/") else reverse(self.url, args=self.args())


def submit(button: str, fields: dict[str, str], times: int = 1) -> Callable[[Page], None]:
    """Fill the fields (by label) and press the button, as a person would."""

    def act(page: Page) -> None:
        for _ in range(times):
            for label, value in fields.items():
                page.get_by_label(label, exact=True).fill(value)
            page.get_by_role("button", name=button, exact=True).click()
            page.wait_for_load_state()

    return act


def reset_link_args() -> tuple[str, str]:
    return password_reset_args(DEMO_USERNAMES[Role.YOUTH_LEAD])


def first(model) -> Callable[[], tuple]:
    """URL args for the model's first object in the test data."""
    return lambda: (model.objects.order_by("pk").first().pk,)


# Django's admin change forms (Django 5.2) break these WCAG rules in markup we do not own: select2
# autocomplete boxes (no accessible name, a <ul> of non-items), tabular inlines (cells labelled only by
# their column headings), split date/time inputs, and the filter-horizontal widget's help tooltip. Its
# scripts also set style attributes, which the strict CSP refuses (the admin still works). README:
# Accessibility says so; the accessibility statement lists it.
ADMIN_WIDGETS = frozenset({"aria-input-field-name", "label", "list", "select-name", "aria-prohibited-attr"})
ADMIN_INLINE_STYLES = (
    r"^Applying inline style violates the following Content Security Policy directive 'style-src 'self''"
)

WRONG_PASSWORD = {"Username": DEMO_USERNAMES[Role.YOUTH_LEAD], "Password": "not-the-password"}
MISMATCHED_PASSWORDS = {"New password": "a-new-long-password-1", "New password confirmation": "something-else-entirely"}

PAGES = (
    PortalPage("sign-in", "login", (ANONYMOUS,)),
    PortalPage("sign-in-empty", "login", (ANONYMOUS,), then=submit("Sign in", {}), shows=ERRORS),
    PortalPage("sign-in-wrong-password", "login", (ANONYMOUS,), then=submit("Sign in", WRONG_PASSWORD), shows=ERRORS),
    PortalPage(
        "sign-in-locked-out",
        "login",
        (ANONYMOUS,),
        then=submit("Sign in", WRONG_PASSWORD, times=5),
        shows="You cannot sign in for now",
    ),
    PortalPage("password-reset", "password_reset", (ANONYMOUS,)),
    PortalPage(
        "password-reset-errors",
        "password_reset",
        (ANONYMOUS,),
        then=submit("Send reset link", {"Email": "x@"}),
        shows=ERRORS,
    ),
    PortalPage("password-reset-sent", "password_reset_done", (ANONYMOUS,)),
    PortalPage("password-reset-new", "password_reset_confirm", (ANONYMOUS,), args=reset_link_args, redirects=True),
    PortalPage(
        "password-reset-new-errors",
        "password_reset_confirm",
        (ANONYMOUS,),
        args=reset_link_args,
        redirects=True,
        then=submit("Save new password", MISMATCHED_PASSWORDS),
        shows=ERRORS,
    ),
    PortalPage("password-reset-link-not-valid", "password_reset_confirm", (ANONYMOUS,), args=lambda: ("MQ", "0-0")),
    PortalPage("password-reset-complete", "password_reset_complete", (ANONYMOUS,)),
    PortalPage("accessibility-statement", "accessibility", EVERYONE),
    PortalPage("page-not-found", "/no-such-page/", SIGNED_IN, status=404),
    PortalPage("home", "home", SIGNED_IN),
    PortalPage("password-change", "password_change", SIGNED_IN),
    PortalPage(
        "password-change-errors",
        "password_change",
        (Role.YOUTH_LEAD,),
        then=submit("Save new password", {"Old password": "wrong", **MISMATCHED_PASSWORDS}),
        shows=ERRORS,
    ),
    PortalPage("password-change-done", "password_change_done", SIGNED_IN),
    PortalPage("admin-sign-in", "admin:login", (ANONYMOUS,)),
    PortalPage("admin-index", "admin:index", (Role.ADMINISTRATOR,)),
    PortalPage("admin-projects", "admin:programmes_project_changelist", (Role.ADMINISTRATOR,)),
    PortalPage(
        "admin-project",
        "admin:programmes_project_change",
        (Role.ADMINISTRATOR,),
        args=first(Project),
        known_violations=ADMIN_WIDGETS,
        tolerated_console=ADMIN_INLINE_STYLES,
    ),
    PortalPage(
        "admin-organisation-errors",
        "admin:partners_organisation_change",
        (Role.ADMINISTRATOR,),
        args=first(Organisation),
        then=submit("Save", {"Name:": ""}),
        shows="Please correct the error below.",
        known_violations=ADMIN_WIDGETS - {"list", "aria-prohibited-attr"},
        tolerated_console=ADMIN_INLINE_STYLES,
    ),
)
