"""The permission matrix: every role × every action × own, consortium-member or other organisation's object.

Each cell is driven through the real URL with the real client, as a crafted request where the page would
not offer it, and asserts the exact status code. A refused cell must leave every project, consortium
member and return exactly as it was; an allowed cell must change something. The matrix fails if any
cell changes, and if a role, action or ownership is missing from it.
"""

from dataclasses import dataclass
from datetime import date
from itertools import product

import pytest
from django.urls import reverse

from boroughs.tests.factories import BoroughFactory, PlaceFactory
from core.roles import Role
from partners.tests.factories import OrganisationFactory, UserFactory
from programmes.models import ConsortiumMember, ConsortiumRole, MonitoringReturn, Project, ProjectStatus
from programmes.tests.factories import (
    ConsortiumMemberFactory,
    InterventionTypeFactory,
    MonitoringReturnFactory,
    ProjectFactory,
)
from programmes.tests.forms_data import project_form_data, return_form_data

pytestmark = pytest.mark.django_db

ROLES = ("programme_manager", "programme_coordinator", "youth_lead", "administrator")
# own: the youth lead's organisation leads it; member: it is in the consortium; other: neither.
WHOSE = ("own", "member", "other")

OK, FOUND, FORBIDDEN, MISSING, REFUSED_ON_FORM = 200, 302, 403, 404, "200 with an error, nothing saved"
VRU, LEAD = ("programme_manager", "programme_coordinator"), "youth_lead"

# action: {role: (own, member, other)}; roles not named get ALL_FORBIDDEN.
ALL_FORBIDDEN = (FORBIDDEN, FORBIDDEN, FORBIDDEN)
MATRIX = {
    "view submitted project": {
        **dict.fromkeys(VRU, (OK, OK, OK)),
        LEAD: (OK, OK, OK),
        "administrator": (OK, OK, OK),
    },
    "view draft project": {
        **dict.fromkeys(VRU, (OK, OK, OK)),
        LEAD: (OK, OK, MISSING),
        "administrator": (OK, OK, OK),
    },
    # Only your own organisation leads what you log (programmes.rules.lead_of_another_organisation).
    "create project": {LEAD: (FOUND, REFUSED_ON_FORM, REFUSED_ON_FORM)},
    "open edit form of verified project": {LEAD: (OK, OK, FORBIDDEN)},
    "edit verified project": {LEAD: (FOUND, FOUND, FORBIDDEN)},
    "add organisation to consortium of verified project": {LEAD: (FOUND, FOUND, FORBIDDEN)},
    "edit submitted project": {LEAD: ALL_FORBIDDEN},
    "submit draft project": {**dict.fromkeys(VRU, ALL_FORBIDDEN), LEAD: (FOUND, FOUND, MISSING)},
    "verify submitted project": {**dict.fromkeys(VRU, (FOUND, FOUND, FOUND))},
    "return submitted project": {**dict.fromkeys(VRU, (FOUND, FOUND, FOUND))},
    "delete draft project": {**dict.fromkeys(VRU, (FOUND, FOUND, FOUND)), LEAD: (FOUND, FORBIDDEN, MISSING)},
    "delete verified project": {},
    "view draft return": {
        **dict.fromkeys(VRU, (OK, OK, OK)),
        LEAD: (OK, MISSING, MISSING),
        "administrator": (OK, OK, OK),
    },
    "create return": {LEAD: (FOUND, FORBIDDEN, FORBIDDEN)},
    "edit verified return": {LEAD: (FOUND, FORBIDDEN, FORBIDDEN)},
    "edit submitted return": {},
    "submit draft return": {LEAD: (FOUND, MISSING, MISSING)},
    "verify submitted return": {**dict.fromkeys(VRU, (FOUND, FOUND, FOUND))},
    "return submitted return": {**dict.fromkeys(VRU, (FOUND, FOUND, FOUND))},
    "delete draft return": {**dict.fromkeys(VRU, (FOUND, FOUND, FOUND)), LEAD: (FOUND, MISSING, MISSING)},
}
CELLS = [
    (role, action, whose, MATRIX[action].get(role, ALL_FORBIDDEN)[WHOSE.index(whose)])
    for action, role, whose in product(MATRIX, ROLES, WHOSE)
]


@dataclass
class World:
    """The youth lead's organisation (Hyde), another (Clarion), a third (MTVH), and what forms need."""

    hyde: object
    clarion: object
    mtvh: object
    borough: object
    place: object
    kind: object

    def project(self, whose: str, status: str) -> Project:
        lead = self.hyde if whose == "own" else self.clarion
        project = ProjectFactory(lead_organisation=lead, status=status, version=1)
        if whose == "member":
            ConsortiumMemberFactory(project=project, organisation=self.hyde, role=ConsortiumRole.HOUSING_PARTNER)
        return project

    def monitoring_return(self, whose: str, status: str) -> MonitoringReturn:
        project = self.project(whose, ProjectStatus.VERIFIED)
        return MonitoringReturnFactory(project=project, status=status, version=1)

    def edit_data(self, project: Project, **changes) -> dict:
        members = [(member.organisation, member.role) for member in project.consortium_members.all()]
        return project_form_data(
            title=changes.get("title", project.title),
            boroughs=[self.borough],
            places=[self.place],
            intervention_types=[self.kind],
            consortium=members + changes.get("add", []),
            version=project.version,
        )


@pytest.fixture
def world():
    borough = BoroughFactory()
    return World(
        hyde=OrganisationFactory(name="Hyde"),
        clarion=OrganisationFactory(name="Clarion Housing Group"),
        mtvh=OrganisationFactory(name="MTVH"),
        borough=borough,
        place=PlaceFactory(borough=borough),
        kind=InterventionTypeFactory(),
    )


def person(role: str, world: World):
    organisations = {"youth_lead": world.hyde, "administrator": None}
    vru = OrganisationFactory(name="London's Violence Reduction Unit")
    return UserFactory(
        role=Role(role),
        organisation=organisations.get(role, vru),
        is_staff=role == "administrator",
        is_superuser=role == "administrator",
    )


def url(name, obj):
    return reverse(f"programmes:{name}", args=[obj.pk])


def prepare(action: str, whose: str, world: World):
    """Make the object the action needs, in the state it needs; return the request a person (or attacker) sends."""
    subject, _, state = action.rpartition(" ")  # e.g. "edit verified" and "project"
    verb, _, status = subject.partition(" ")
    if action == "create project":
        data = project_form_data(
            title="New work",
            lead_organisation=world.hyde if whose == "own" else world.clarion,
            boroughs=[world.borough],
            places=[world.place],
            intervention_types=[world.kind],
            consortium=[(world.hyde, ConsortiumRole.HOUSING_PARTNER)] if whose == "member" else [],
        )
        return lambda client: client.post(reverse("programmes:project-create"), data)
    if action == "create return":
        project = world.project(whose, ProjectStatus.VERIFIED)
        data = return_form_data(quarter_start=date(2025, 7, 1))
        return lambda client: client.post(url("return-create", project), data)
    if action == "open edit form of verified project":
        project = world.project(whose, ProjectStatus.VERIFIED)
        return lambda client: client.get(url("project-edit", project))
    if action == "add organisation to consortium of verified project":
        project = world.project(whose, ProjectStatus.VERIFIED)
        added = [(world.hyde if whose == "other" else world.mtvh, ConsortiumRole.DELIVERY_PARTNER)]
        data = world.edit_data(project, add=added)
        return lambda client: client.post(url("project-edit", project), data)

    obj = world.project(whose, status) if state == "project" else world.monitoring_return(whose, status)
    name = "project" if state == "project" else "return"
    review = {"decision": "verify" if verb == "verify" else "send_back", "comment": "Add the places.", "version": 1}
    edit = world.edit_data(obj, title="Renamed") if state == "project" else return_form_data(reached="99", version=1)
    requests = {
        "view": lambda client: client.get(url(f"{name}-detail", obj)),
        "edit": lambda client: client.post(url(f"{name}-edit", obj), edit),
        "submit": lambda client: client.post(url(f"{name}-submit", obj), {"version": 1}),
        "verify": lambda client: client.post(url(f"{name}-review", obj), review),
        "return": lambda client: client.post(url(f"{name}-review", obj), review),
        "delete": lambda client: client.post(url(f"{name}-delete", obj), {"version": 1}),
    }
    return requests[verb]


def snapshot():
    """Every project, consortium member and return as it stands, to prove a refusal changed nothing."""
    return (
        sorted(Project.objects.values_list("pk", "title", "status", "version", "review_comment")),
        sorted(ConsortiumMember.objects.values_list("project_id", "organisation_id", "role")),
        sorted(MonitoringReturn.objects.values_list("pk", "status", "version", "young_people_reached")),
    )


def test_the_matrix_names_every_role_action_and_ownership():
    assert {(role, action, whose) for role, action, whose, _ in CELLS} == set(product(ROLES, MATRIX, WHOSE))


@pytest.mark.parametrize(("role", "action", "whose", "expected"), CELLS, ids=[" / ".join(c[:3]) for c in CELLS])
def test_permission_matrix_cell(client, world, role, action, whose, expected):
    """One cell: the exact answer, and a change to the data only where the answer is a success."""
    client.force_login(person(role, world))
    request = prepare(action, whose, world)
    before = snapshot()
    response = request(client)
    after = snapshot()

    if expected == REFUSED_ON_FORM:
        assert response.status_code == 200
        assert "govuk-error-summary" in response.content.decode()
        assert after == before
    else:
        assert response.status_code == expected
        if expected == FOUND:
            assert after != before, "an allowed action changed nothing"
        else:
            assert after == before, "a refused or read-only request changed data"
