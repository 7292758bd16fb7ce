"""Bad input to every form, as each role that can send it: never a 500, never a saved row that breaks a
rule, never a change to another organisation's data.

Each entry of FORMS is one form as one role; adding a form is one entry. Hypothesis sends each a
bounded number of generated submissions (any text, NUL and control characters, huge and negative
numbers, malformed dates, markup, formulas, very long strings, repeated values, missing fields),
mixed with the form's good values so that the checks behind the first field are reached too.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from partners.models import Organisation, User
from programmes.demo import demo_generate
from programmes.models import ConsortiumMember, FundedPost, MonitoringReturn, Project

from .helpers import password_reset_args

pytestmark = pytest.mark.django_db

PORTAL_APPS = ("partners", "boroughs", "programmes")
# Whose data a row is: the organisation reached by this path from the row. Rows of models not named
# here are the partnership's shared reference data (boroughs, places, programmes, intervention types),
# and a person's own account row is theirs.
OWNER_PATHS = {
    Organisation: "pk",
    Project: "lead_organisation",
    ConsortiumMember: "project__lead_organisation",
    MonitoringReturn: "project__lead_organisation",
    FundedPost: "host_organisation",
    Project.boroughs.through: "project__lead_organisation",
    Project.places.through: "project__lead_organisation",
    Project.intervention_types.through: "project__lead_organisation",
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
    st.integers(min_value=5_000, max_value=100_000).map(lambda length: "x" * length),
)


@dataclass(frozen=True)
class FormCase:
    """One form sent by one role: its URL, the fields to fill, and good values to mix in."""

    name: str
    url: str
    role: str  # "anonymous", or a user fixture of conftest.py (a key of CLIENTS)
    fields: tuple[str, ...]
    good: dict[str, str] = field(default_factory=dict)
    args: Callable[[], tuple] = tuple
    method: str = "post"
    # Whose data this form may change as this role: owners (see `owner_key`) beyond the user's own.
    also_may_change: Callable[[], set] = set
    examples: int = 30

    def path(self) -> str:
        return reverse(self.url, args=self.args())


def lead_hyde_account() -> set:
    return {("user", User.objects.get(username="lead.hyde").pk)}


PASSWORD = "a-test-password-1"  # conftest.py's users' password
NEW_PASSWORD = "a-long-new-password-for-2026"
# Each role's user fixture and signed-in client fixture in conftest.py.
CLIENTS = {
    "youth_lead": "youth_lead_client",
    "programme_manager": "programme_manager_client",
    "administrator": "admin_client",
}

FORMS = (
    FormCase("sign-in", "login", "anonymous", ("username", "password"), good={"username": "lead.hyde"}),
    FormCase("admin-sign-in", "admin:login", "anonymous", ("username", "password"), good={"username": "admin"}),
    FormCase("password-reset", "password_reset", "anonymous", ("email",), good={"email": "lead.hyde@example.org"}),
    FormCase(
        "password-reset-new",
        "password_reset_confirm",
        "anonymous",
        ("new_password1", "new_password2"),
        good={"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        args=lambda: password_reset_args("lead.hyde"),
        also_may_change=lead_hyde_account,
    ),
    *(
        FormCase(
            f"password-change-{role}",
            "password_change",
            role,
            ("old_password", "new_password1", "new_password2"),
            good={"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        )
        for role in CLIENTS
    ),
)


def submissions(case: FormCase):
    """Form data with each field missing, bad, repeated, or (where the case has one) good."""
    values = {}
    for name in case.fields:
        choice = BAD_VALUE | st.lists(BAD_VALUE, min_size=2, max_size=3)
        if name in case.good:
            choice = st.just(case.good[name]) | choice
        values[name] = choice
    return st.fixed_dictionaries({}, optional=values)


def owner_key(model, pk, owner_id) -> tuple:
    if model is User:
        return ("user", pk)
    if model in OWNER_PATHS:
        return ("organisation", owner_id)
    return ("partnership", None)


def portal_rows() -> dict[tuple, tuple]:
    """Every row of the portal's own tables (history aside): (model, pk) -> (owner, field values)."""
    rows = {}
    for app in PORTAL_APPS:
        for model in apps.get_app_config(app).get_models(include_auto_created=True):
            if model.__name__.startswith("Historical"):
                continue
            columns = [f.attname for f in model._meta.concrete_fields]
            path = OWNER_PATHS.get(model, "pk")
            for pk, owner_id, *values in model.objects.values_list("pk", path, *columns):
                rows[model, pk] = (owner_key(model, pk, owner_id), tuple(values))
    return rows


def check_changes(before: dict, after: dict, may_change: set) -> None:
    """Every added, changed or deleted row is the actor's to change, and every row now saved passes its rules."""
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    for model, pk in changed:
        owner = (after.get((model, pk)) or before[model, pk])[0]
        assert owner in may_change, f"{model.__name__} {pk} of {owner} changed, but only {may_change} may"
        if (model, pk) in after:
            model.objects.get(pk=pk).full_clean()


@pytest.fixture
def people(partnership, youth_lead, other_youth_lead, programme_manager, administrator):
    """The partnership's facts, a little demo data, and a user of each role (plus a second organisation's lead)."""
    demo_generate(projects=8, seed=5)
    return {user.username: user for user in (youth_lead, other_youth_lead, programme_manager, administrator)}


@pytest.mark.parametrize("case", FORMS, ids=lambda case: case.name)
def test_bad_input_never_errors_breaks_a_rule_or_changes_another_organisations_data(request, people, case):
    if case.role == "anonymous":
        client, may_change = request.getfixturevalue("client"), set()
    else:
        client, user = request.getfixturevalue(CLIENTS[case.role]), request.getfixturevalue(case.role)
        may_change = {("user", user.pk), ("organisation", user.organisation_id)}
    may_change |= case.also_may_change()
    path = case.path()
    send = getattr(client, case.method)

    @settings(
        max_examples=case.examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=submissions(case))
    def send_bad_input(data):
        before = portal_rows()
        response = send(path, data)
        assert response.status_code < 500, data
        check_changes(before, portal_rows(), may_change)

    send_bad_input()


def test_the_checks_catch_a_change_to_another_organisations_data_and_a_saved_row_that_breaks_a_rule(people):
    hyde = people["lead.hyde"]
    may_change = {("user", hyde.pk), ("organisation", hyde.organisation_id)}
    before = portal_rows()
    others = Project.objects.exclude(lead_organisation=hyde.organisation).first()
    Project.objects.filter(pk=others.pk).update(title="Changed by Hyde")
    with pytest.raises(
        AssertionError, match=f"Project {others.pk} of \\('organisation', {others.lead_organisation_id}\\)"
    ):
        check_changes(before, portal_rows(), may_change)

    before = portal_rows()
    Organisation.objects.filter(pk=hyde.organisation_id).update(name="")
    with pytest.raises(ValidationError, match="name"):
        check_changes(before, portal_rows(), may_change)
