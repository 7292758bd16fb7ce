"""Every page a user can reach, with the roles that reach it: the accessibility test visits each one as each role.

Adding a page to the checks is one line in PAGES. A page that needs an object names a function that
finds one in the test data (`args`: helpers.hyde_projects_create makes Hyde's projects and returns in each
state the pages show); a page shown in a state, such as a form with its errors, names what to do first
(`then`) and words that prove the state was reached (`shows`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from playwright.sync_api import Page

from boroughs.models import Borough, Place
from core.roles import Role
from partners.models import Organisation
from programmes.models import FundedPost, FundingProgramme, Project, YouthVoiceSession

from ..helpers import HYDE, hyde_project, hyde_return, password_reset_args
from .support import ANONYMOUS, DEMO_USERNAMES

# The coordinator passes the same checks as the manager (both VRU staff); add it where a page differs.
SIGNED_IN = (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER, Role.ADMINISTRATOR)
EVERYONE = (ANONYMOUS, *SIGNED_IN)
VRU_AND_ADMIN = (Role.PROGRAMME_MANAGER, Role.PROGRAMME_COORDINATOR, Role.ADMINISTRATOR)
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
    query: str = ""  # may name {brent}, Brent's id
    status: int = 200
    redirects: bool = False
    # axe rules the page is known to break, and console messages it is known to cause: Django admin only.
    known_violations: frozenset[str] = frozenset()
    tolerated_console: str = ""

    def path(self) -> str:
        path = self.url if self.url.startswith("/") else reverse(self.url, args=self.args())
        return path + self.query.format(brent=Borough.objects.get(name="Brent").pk)


def submit(button: str, fields: dict[str, str | bool], times: int = 1) -> Callable[[Page], None]:
    """Fill the fields (by label; True ticks a box or chooses a radio) and press the button, as a person would."""

    def act(page: Page) -> None:
        for _ in range(times):
            for label, value in fields.items():
                field = page.get_by_label(label, exact=True)
                field.check() if value is True else field.fill(value)
            page.get_by_role("button", name=button, exact=True).click()
            page.wait_for_load_state()

    return act


def project(status: str) -> Callable[[], tuple]:
    return lambda: (hyde_project(status).pk,)


def monitoring_return(status: str) -> Callable[[], tuple]:
    return lambda: (hyde_return(status).pk,)


def organisation(name: str) -> Callable[[], tuple]:
    return lambda: (Organisation.objects.get(name=name).pk,)


def hyde_youth_forum() -> tuple[int]:
    """Hyde's own session, which its youth lead may change (the demo's sessions were run by others)."""
    return (YouthVoiceSession.objects.get(title=f"{HYDE} youth forum").pk,)


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
# Locks out an account no other page signs in with, whatever order the pages are visited in.
LOCKOUT = {"Username": "lead.peabody", "Password": "not-the-password"}
MISMATCHED_PASSWORDS = {"New password": "a-new-long-password-1", "New password confirmation": "something-else-entirely"}

PAGES = (
    PortalPage("sign-in", "login", (ANONYMOUS,)),
    PortalPage("sign-in-empty", "login", (ANONYMOUS,), then=submit("Sign in", {}), shows=ERRORS),
    PortalPage("sign-in-wrong-password", "login", (ANONYMOUS,), then=submit("Sign in", WRONG_PASSWORD), shows=ERRORS),
    PortalPage(
        "sign-in-locked-out",
        "login",
        (ANONYMOUS,),
        then=submit("Sign in", LOCKOUT, times=5),
        shows="Too many failed sign-in attempts",
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
    PortalPage("home", "home", VRU_AND_ADMIN),
    PortalPage("home-youth-lead", "home", (Role.YOUTH_LEAD,), redirects=True, shows=f"{HYDE}"),
    PortalPage("organisation-own", "programmes:organisation-detail", SIGNED_IN, args=organisation(HYDE)),
    PortalPage(
        "organisation-other", "programmes:organisation-detail", (Role.YOUTH_LEAD,), args=organisation("Peabody")
    ),
    PortalPage("project-create", "programmes:project-create", (Role.YOUTH_LEAD,)),
    PortalPage(
        "project-create-errors",
        "programmes:project-create",
        (Role.YOUTH_LEAD,),
        then=submit("Save as draft", {"Youngest age served": "19", "Oldest age served": "12"}),
        shows=ERRORS,
    ),
    PortalPage(
        "project", "programmes:project-detail", (*SIGNED_IN, Role.PROGRAMME_COORDINATOR), args=project("verified")
    ),
    PortalPage("project-draft", "programmes:project-detail", (Role.YOUTH_LEAD,), args=project("draft")),
    PortalPage("project-edit", "programmes:project-edit", (Role.YOUTH_LEAD,), args=project("draft")),
    PortalPage(
        "project-edit-errors",
        "programmes:project-edit",
        (Role.YOUTH_LEAD,),
        args=project("draft"),
        then=submit("Save changes", {"Project name": "", "Target: young people to reach": "-5"}),
        shows=ERRORS,
    ),
    PortalPage("project-submit", "programmes:project-submit", (Role.YOUTH_LEAD,), args=project("draft")),
    PortalPage("project-delete", "programmes:project-delete", (Role.YOUTH_LEAD,), args=project("draft")),
    PortalPage("project-review", "programmes:project-review", (Role.PROGRAMME_MANAGER,), args=project("submitted")),
    PortalPage(
        "project-review-errors",
        "programmes:project-review",
        (Role.PROGRAMME_MANAGER,),
        args=project("submitted"),
        then=submit("Send your decision", {"Return it for changes": True}),
        shows=ERRORS,
    ),
    PortalPage("return-create", "programmes:return-create", (Role.YOUTH_LEAD,), args=project("verified")),
    PortalPage(
        "return-create-errors",
        "programmes:return-create",
        (Role.YOUTH_LEAD,),
        args=project("verified"),
        then=submit("Save as draft", {"Young people reached this quarter": "-1", "Sessions delivered": "many"}),
        shows=ERRORS,
    ),
    PortalPage(
        "return",
        "programmes:return-detail",
        (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER),
        args=monitoring_return("submitted"),
    ),
    PortalPage("return-edit", "programmes:return-edit", (Role.YOUTH_LEAD,), args=monitoring_return("draft")),
    PortalPage("return-submit", "programmes:return-submit", (Role.YOUTH_LEAD,), args=monitoring_return("draft")),
    PortalPage("return-delete", "programmes:return-delete", (Role.YOUTH_LEAD,), args=monitoring_return("draft")),
    PortalPage(
        "return-review", "programmes:return-review", (Role.PROGRAMME_MANAGER,), args=monitoring_return("submitted")
    ),
    PortalPage("review-queue", "programmes:review-queue", (Role.PROGRAMME_MANAGER, Role.PROGRAMME_COORDINATOR)),
    PortalPage("invitation", "partners:invitation-create", (Role.PROGRAMME_MANAGER, Role.ADMINISTRATOR)),
    PortalPage(
        "invitation-errors",
        "partners:invitation-create",
        (Role.PROGRAMME_MANAGER,),
        then=submit("Send the invitation", {"Email address": "not an address"}),
        shows=ERRORS,
    ),
    PortalPage("invitation-accept", "partners:invitation-accept", (ANONYMOUS,), args=reset_link_args, redirects=True),
    PortalPage(
        "invitation-accept-errors",
        "partners:invitation-accept",
        (ANONYMOUS,),
        args=reset_link_args,
        redirects=True,
        then=submit("Set password", MISMATCHED_PASSWORDS),
        shows=ERRORS,
    ),
    PortalPage("password-change", "password_change", SIGNED_IN),
    PortalPage(
        "password-change-errors",
        "password_change",
        (Role.YOUTH_LEAD,),
        then=submit("Save new password", {"Old password": "wrong", **MISMATCHED_PASSWORDS}),
        shows=ERRORS,
    ),
    PortalPage("password-change-done", "password_change_done", SIGNED_IN),
    PortalPage("register", "programmes:project-list", SIGNED_IN),
    PortalPage(
        "register-filtered",
        "programmes:project-list",
        (Role.PROGRAMME_MANAGER,),
        query="?status=verified&age_min=14&borough={brent}&ordering=-start_date",
    ),
    PortalPage("register-nothing-found", "programmes:project-list", (Role.YOUTH_LEAD,), query="?q=no+such+project"),
    PortalPage("dashboard", "programmes:dashboard", VRU_AND_ADMIN),
    PortalPage("overdue-returns", "programmes:overdue-returns", (Role.PROGRAMME_MANAGER,)),
    PortalPage("funding-programmes", "programmes:programme-list", (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER)),
    PortalPage(
        "funding-programme", "programmes:programme-detail", (Role.PROGRAMME_MANAGER,), args=first(FundingProgramme)
    ),
    PortalPage("posts", "programmes:post-list", (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER)),
    PortalPage("post", "programmes:post-detail", (Role.PROGRAMME_MANAGER,), args=first(FundedPost)),
    PortalPage("boroughs", "programmes:borough-list", (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER)),
    PortalPage(
        "borough", "programmes:borough-detail", (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER), args=lambda: ("E09000005",)
    ),
    PortalPage("place", "programmes:place-detail", (Role.PROGRAMME_MANAGER,), args=first(Place)),
    PortalPage("coverage-map", "coverage:map", SIGNED_IN),
    PortalPage("youth-voice", "programmes:youth-voice-list", (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER)),
    PortalPage(
        "youth-voice-session", "programmes:youth-voice-detail", (Role.YOUTH_LEAD,), args=first(YouthVoiceSession)
    ),
    PortalPage("youth-voice-record", "programmes:youth-voice-create", (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER)),
    PortalPage(
        "youth-voice-record-errors",
        "programmes:youth-voice-create",
        (Role.YOUTH_LEAD,),
        then=submit("Record session", {}),
        shows=ERRORS,
    ),
    PortalPage("youth-voice-update", "programmes:youth-voice-update", (Role.YOUTH_LEAD,), args=hyde_youth_forum),
    PortalPage("coverage-matrix", "coverage:matrix", (*SIGNED_IN, Role.PROGRAMME_COORDINATOR)),
    PortalPage(
        "coverage-matrix-errors",
        "coverage:matrix",
        (Role.PROGRAMME_MANAGER,),
        query="?ages=custom&age_min=19&age_max=-4",  # a GET form: its errors show from the address alone
        shows=ERRORS,
    ),
    PortalPage("coverage-gaps", "coverage:gap-list", (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER)),
    PortalPage("coverage-overlaps", "coverage:overlap-list", (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER)),
    PortalPage("coverage-landlords", "coverage:landlord-list", (Role.PROGRAMME_MANAGER,)),
    PortalPage("coverage-landlord", "coverage:landlord", (Role.PROGRAMME_MANAGER,), args=organisation(HYDE)),
    PortalPage("coverage-place-timeline", "coverage:place-timeline", (Role.YOUTH_LEAD,), args=first(Place)),
    PortalPage("jobs", "jobs:job-list", (Role.YOUTH_LEAD, Role.PROGRAMME_MANAGER)),
    PortalPage("export-start", "jobs:export-start", (Role.PROGRAMME_MANAGER,)),
    PortalPage("import-start", "jobs:import-start", (Role.YOUTH_LEAD,)),
    PortalPage(
        "import-start-errors",
        "jobs:import-start",
        (Role.YOUTH_LEAD,),
        then=submit("Upload and check", {}),
        shows=ERRORS,
    ),
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
