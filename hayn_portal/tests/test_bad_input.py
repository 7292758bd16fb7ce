"""Bad input to every form, as each role that can send it: never a 500, never a saved row that breaks a
rule, never a change to another organisation's data.

Each entry of FORMS is one form as one role; adding a form is one entry. Hypothesis sends each a
bounded number of generated submissions (any text, NUL and control characters, huge and negative
numbers, malformed dates, markup, formulas, very long strings, repeated values, missing fields),
mixed with the form's good values so that the checks behind the first field are reached too.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from boroughs.models import Borough
from jobs.models import ExportJob, ImportJob
from partners.models import Organisation, User
from programmes.demo import demo_generate
from programmes.models import (
    ConsortiumMember,
    ConsortiumRole,
    ExpectedReturn,
    FollowUpStatus,
    FundedPost,
    InterventionType,
    MonitoringReturn,
    Project,
    YouthVoiceSession,
)
from programmes.tests.forms_data import project_form_data, return_form_data
from reports.forms import latest_ended_quarter
from reports.models import ReportJob

from .helpers import HYDE, hyde_project, hyde_projects_create, hyde_return, password_reset_args

pytestmark = [pytest.mark.django_db, pytest.mark.generated]

PORTAL_APPS = ("partners", "boroughs", "programmes", "jobs", "reports")
# Whose data a row is. An organisation's own row and the posts it hosts are its own; a project and all
# that hangs on it (consortium, boroughs, places, kinds of work) belong to every organisation working on
# it, lead and consortium; a monitoring return to its project's lead; a youth voice session to the
# organisation that recorded it; a project's expected returns to whoever may change the project or its returns;
# an account row and a person's background jobs to that person.
# Every other row is the partnership's shared reference data (boroughs, places, programmes, kinds).
WHOSE = {
    Organisation: ("organisation", "pk"),
    FundedPost: ("organisation", "host_organisation"),
    Project: ("project", "pk"),
    ConsortiumMember: ("project", "project"),
    Project.boroughs.through: ("project", "project"),
    Project.places.through: ("project", "project"),
    Project.intervention_types.through: ("project", "project"),
    MonitoringReturn: ("return", "project"),
    ExpectedReturn: ("schedule", "project"),  # kept in step with the project's dates and its returns
    YouthVoiceSession: ("organisation", "recorded_by_organisation"),
    YouthVoiceSession.places.through: ("organisation", "youthvoicesession__recorded_by_organisation"),
    YouthVoiceSession.organisations.through: ("organisation", "youthvoicesession__recorded_by_organisation"),
    YouthVoiceSession.projects.through: ("organisation", "youthvoicesession__recorded_by_organisation"),
    User: ("user", "pk"),
    ExportJob: ("user", "requested_by"),
    ImportJob: ("user", "requested_by"),
    ReportJob: ("user", "requested_by"),
}

MALFORMED = (
    "",
    " ",
    "\x00",
    "\t\r\n",
    "2024-02-30",
    "31/31/2024",
    "0000-00-00",
    "99999-01-01",
    "1e308",
    "NaN",
    "-Infinity",
    "-0",
    "0x1F",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    '=HYPERLINK("https://example.org")',
    "../../etc/passwd",
    "%00",
    "\u202eevil",
    "𝕳𝖆𝖞𝖓 🏠",
)
BAD_VALUE = st.one_of(
    st.sampled_from(MALFORMED),
    # Any text a browser can send (no lone surrogates: UTF-8 cannot carry them).
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300),
    st.integers().map(str),
    st.integers(min_value=2**63 - 10, max_value=10**30).map(str),
    st.integers(max_value=-1).map(str),
    st.floats().map(str),
    st.dates().map(lambda day: day.strftime("%d/%m/%Y")),
    st.integers(min_value=5_000, max_value=20_000).map(lambda length: "x" * length),
)


@dataclass(frozen=True)
class FormCase:
    """One form sent by one role: its URL, its fields with a good value each, and what else it may change."""

    name: str
    url: str
    role: str  # "anonymous", or a user fixture of conftest.py (a key of CLIENTS)
    good: Callable[[], dict]  # field name -> a good value (a list for a multiple choice)
    args: Callable[[], tuple] = tuple
    method: str = "post"
    # Rows beyond the actor's own organisation's and account's it may change: ("project", id), ("return",
    # project id) or ("user", id); and models it may add rows to for anyone (an invitation adds a person).
    also_may_change: Callable[[], set] = set
    may_add: tuple = ()
    examples: int = 30

    def path(self) -> str:
        return reverse(self.url, args=self.args())


PASSWORD = "a-test-password-1"  # conftest.py's users' password
NEW_PASSWORD = "a-long-new-password-for-2026"
# Each role's user fixture and signed-in client fixture in conftest.py.
CLIENTS = {
    "youth_lead": "youth_lead_client",
    "programme_manager": "programme_manager_client",
    "administrator": "admin_client",
}


def new_project() -> dict:
    brent = Borough.objects.get(name="Brent")
    return project_form_data(
        lead_organisation=Organisation.objects.get(name=HYDE),
        boroughs=[brent],
        places=[brent.places.order_by("pk").first()],
        intervention_types=InterventionType.objects.order_by("pk")[:1],
        consortium=[(Organisation.objects.get(name="Clarion Housing Group"), ConsortiumRole.DELIVERY_PARTNER)],
    )


def changed_project() -> dict:
    project = hyde_project("draft")
    data = new_project() | {"title": "Renamed", "version": str(project.version)}
    del data["lead_organisation"]
    return data


def version(get) -> Callable[[], dict]:
    return lambda: {"version": str(get().version)}


def pk_of(get) -> Callable[[], tuple]:
    return lambda: (get().pk,)


def review(get) -> Callable[[], dict]:
    return lambda: {"decision": "send_back", "comment": "Add the places you work in.", "version": str(get().version)}


def invitation() -> dict:
    return {
        "email": "new.person@example.org",
        "first_name": "New",
        "last_name": "Person",
        "role": "youth_lead",
        "organisation": str(Organisation.objects.get(name=HYDE).pk),
        "job_title": "Youth worker",
    }


def register_filters() -> dict:
    return {
        "q": "mentoring",
        "borough": str(Borough.objects.get(name="Brent").pk),
        "status": "verified",
        "counted": "on",
        "active_from": "2025-04-01",
        "age_min": "11",
        "age_max": "18",
        "ordering": "-start_date",
        "page": "2",
    }


def coverage_filters() -> dict:
    return {
        "period": "2025",
        "ages": "custom",
        "age_min": "11",
        "age_max": "18",
        "type": [str(InterventionType.objects.order_by("pk").first().pk)],
        "borough": [str(Borough.objects.get(name="Brent").pk)],
        "expand": str(Borough.objects.get(name="Brent").pk),
    }


def youth_voice_session() -> dict:
    brent = Borough.objects.get(name="Brent")
    return {
        "title": "Youth forum on the estate",
        "date_0": "1",
        "date_1": "6",
        "date_2": "2025",
        "borough": str(brent.pk),
        "places": [str(brent.places.order_by("pk").first().pk)],
        "organisations": [str(Organisation.objects.get(name=HYDE).pk)],
        "projects": [str(hyde_project("verified").pk)],
        "young_people": "12",
        "you_said": "Somewhere safe to meet after school.",
        "follow_up_status": FollowUpStatus.NOT_STARTED,
    }


def draft_project():
    return hyde_project("draft")


def submitted_project():
    return hyde_project("submitted")


def draft_return():
    return hyde_return("draft")


def submitted_return():
    return hyde_return("submitted")


def verified_project():
    return hyde_project("verified")


def report_quarter():
    return {"quarter": latest_ended_quarter(timezone.localdate()).start.isoformat()}


FORMS = (
    FormCase("sign-in", "login", "anonymous", lambda: {"username": "lead.hyde", "password": PASSWORD + "x"}),
    FormCase("admin-sign-in", "admin:login", "anonymous", lambda: {"username": "admin", "password": PASSWORD + "x"}),
    FormCase("password-reset", "password_reset", "anonymous", lambda: {"email": "lead.hyde@example.org"}),
    FormCase(
        "password-reset-new",
        "password_reset_confirm",
        "anonymous",
        lambda: {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        args=lambda: password_reset_args("lead.hyde"),
        also_may_change=lambda: {("user", User.objects.get(username="lead.hyde").pk)},
    ),
    *(
        FormCase(
            f"password-change-{role}",
            "password_change",
            role,
            lambda: {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        for role in CLIENTS
    ),
    FormCase("project-create", "programmes:project-create", "youth_lead", new_project),
    FormCase("project-edit", "programmes:project-edit", "youth_lead", changed_project, args=pk_of(draft_project)),
    FormCase(
        "project-submit",
        "programmes:project-submit",
        "youth_lead",
        version(draft_project),
        pk_of(draft_project),
        examples=10,
    ),
    FormCase(
        "project-delete",
        "programmes:project-delete",
        "youth_lead",
        version(draft_project),
        pk_of(draft_project),
        examples=10,
    ),
    FormCase(
        "project-review",
        "programmes:project-review",
        "programme_manager",
        review(submitted_project),
        args=pk_of(submitted_project),
        also_may_change=lambda: {("project", submitted_project().pk)},
    ),
    FormCase(
        "return-create",
        "programmes:return-create",
        "youth_lead",
        lambda: return_form_data(quarter_start=date(2025, 10, 1)),
        args=pk_of(verified_project),
    ),
    FormCase(
        "return-edit",
        "programmes:return-edit",
        "youth_lead",
        lambda: return_form_data(version=draft_return().version),
        args=pk_of(draft_return),
    ),
    FormCase(
        "return-submit",
        "programmes:return-submit",
        "youth_lead",
        version(draft_return),
        pk_of(draft_return),
        examples=10,
    ),
    FormCase(
        "return-delete",
        "programmes:return-delete",
        "youth_lead",
        version(draft_return),
        pk_of(draft_return),
        examples=10,
    ),
    FormCase(
        "return-review",
        "programmes:return-review",
        "programme_manager",
        review(submitted_return),
        args=pk_of(submitted_return),
        also_may_change=lambda: {("return", verified_project().pk)},
    ),
    *(
        FormCase(f"invitation-{role}", "partners:invitation-create", role, invitation, may_add=(User,))
        for role in ("programme_manager", "administrator")
    ),
    *(
        FormCase(f"register-filters-{role}", "programmes:project-list", role, register_filters, method="get")
        for role in ("youth_lead", "programme_manager")
    ),
    *(
        FormCase(f"youth-voice-record-{role}", "programmes:youth-voice-create", role, youth_voice_session)
        for role in ("youth_lead", "programme_manager")
    ),
    *(
        FormCase(f"coverage-filters-{role}", "coverage:matrix", role, coverage_filters, method="get")
        for role in ("youth_lead", "programme_manager")
    ),
    FormCase("export-start", "jobs:export-start", "youth_lead", lambda: {"kind": "register_csv"}, examples=10),
    FormCase("quarterly-report", "reports:quarterly", "programme_manager", report_quarter, method="get", examples=10),
    FormCase("report-pdf", "reports:pdf-start", "programme_manager", report_quarter, examples=10),
)


def submissions(good: dict):
    """Form data with each field missing, bad, repeated, or good."""
    values = {
        name: st.just(value) | BAD_VALUE | st.lists(BAD_VALUE, min_size=2, max_size=3) for name, value in good.items()
    }
    return st.fixed_dictionaries({}, optional=values)


@dataclass
class Rows:
    """Every row of the portal's own tables (history aside), and who works on each project."""

    values: dict[tuple, tuple] = field(default_factory=dict)  # (model, pk) -> (whose, field values)
    working_on: dict[int, set] = field(default_factory=dict)  # project id -> lead and consortium members
    lead: dict[int, int] = field(default_factory=dict)  # project id -> lead organisation id


def portal_rows() -> Rows:
    rows = Rows()
    for app in PORTAL_APPS:
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            if model.__name__.startswith("Historical"):
                continue
            kind, path = WHOSE.get(model, ("partnership", "pk"))
            columns = [f.attname for f in model._meta.concrete_fields]
            for pk, owner, *values in model.objects.values_list("pk", path, *columns):
                rows.values[model, pk] = ((kind, owner), tuple(values))
    for project, lead in Project.objects.values_list("pk", "lead_organisation"):
        rows.working_on[project], rows.lead[project] = {lead}, lead
    for project, organisation in ConsortiumMember.objects.values_list("project", "organisation"):
        rows.working_on[project].add(organisation)
    return rows


@dataclass(frozen=True)
class Actor:
    user: int | None
    organisation: int | None
    also: set
    may_add: tuple


def may_change(actor: Actor, whose: tuple, before: Rows, after: Rows) -> bool:
    """Whether the actor may change a row that is `whose`; a project's people are read from before the change."""
    kind, owner = whose
    if whose in actor.also:
        return True
    if kind == "user":
        return owner == actor.user
    if kind == "organisation":
        return owner == actor.organisation
    if kind == "project":
        return actor.organisation in before.working_on.get(owner, after.working_on.get(owner, set()))
    if kind == "return":
        return actor.organisation == before.lead.get(owner, after.lead.get(owner))
    if kind == "schedule":  # a project's expected returns follow its dates and its returns' reviews
        return any(may_change(actor, (of, owner), before, after) for of in ("project", "return"))
    return False


def check_changes(before: Rows, after: Rows, actor: Actor) -> None:
    """Every added, changed or deleted row is the actor's to change, and every row now saved passes its rules."""
    keys = before.values.keys() | after.values.keys()
    for model, pk in (key for key in keys if before.values.get(key) != after.values.get(key)):
        whose = (after.values.get((model, pk)) or before.values[model, pk])[0]
        added = (model, pk) not in before.values
        assert (added and model in actor.may_add) or may_change(actor, whose, before, after), (
            f"{model.__name__} {pk} of {whose} changed, but {actor} may not change it"
        )
        if (model, pk) in after.values:
            model.objects.get(pk=pk).full_clean()


@pytest.fixture
def people(partnership, youth_lead, other_youth_lead, programme_manager, administrator):
    """The partnership's facts, a little demo data, Hyde's projects in each state, a user of each role."""
    demo_generate(projects=8, seed=5)
    hyde_projects_create()
    return {user.username: user for user in (youth_lead, other_youth_lead, programme_manager, administrator)}


@pytest.mark.parametrize("case", FORMS, ids=lambda case: case.name)
def test_bad_input_never_errors_breaks_a_rule_or_changes_another_organisations_data(request, people, case):
    if case.role == "anonymous":
        client, user = request.getfixturevalue("client"), None
    else:
        client, user = request.getfixturevalue(CLIENTS[case.role]), request.getfixturevalue(case.role)
    actor = Actor(user and user.pk, user and user.organisation_id, case.also_may_change(), case.may_add)
    path, send = case.path(), getattr(client, case.method)
    # Only the requests change the database, so each example's "after" is the next one's "before".
    rows = [portal_rows()]

    @settings(
        max_examples=case.examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=submissions(case.good()))
    def send_bad_input(data):
        response = send(path, data)
        before, after = rows[-1], portal_rows()
        rows[-1] = after
        assert response.status_code < 500, data
        check_changes(before, after, actor)

    send_bad_input()


def test_the_checks_catch_a_change_to_another_organisations_data_and_a_saved_row_that_breaks_a_rule(people):
    hyde = people["lead.hyde"]
    actor = Actor(hyde.pk, hyde.organisation_id, set(), ())
    before = portal_rows()
    others = Project.objects.exclude(lead_organisation=hyde.organisation).exclude(consortium=hyde.organisation).first()
    Project.objects.filter(pk=others.pk).update(title="Changed by Hyde")
    with pytest.raises(AssertionError, match=f"Project {others.pk} of \\('project', {others.pk}\\) changed"):
        check_changes(before, portal_rows(), actor)

    before = portal_rows()
    ConsortiumMember.objects.create(project=others, organisation=hyde.organisation)
    with pytest.raises(AssertionError, match="ConsortiumMember"):
        check_changes(before, portal_rows(), actor)

    before = portal_rows()
    Organisation.objects.filter(pk=hyde.organisation_id).update(name="")
    with pytest.raises(ValidationError, match="name"):
        check_changes(before, portal_rows(), actor)
