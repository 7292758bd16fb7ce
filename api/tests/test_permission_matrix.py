"""The permission matrix through the API, as `programmes/tests/test_permission_matrix.py` runs it through the pages.

Every role × action × whose object (own: the youth lead's organisation leads it; member: it is in the consortium;
other: neither), each call with a personal token and the current ETag, asserting the exact status. A refusal
must leave every project, relation, consortium member, return and history record exactly as it was; a success
must change something. The matrix fails if a cell is missing.
"""

from itertools import product

import pytest
from django.urls import reverse

from boroughs.models import Borough
from core.roles import Role
from partners.models import Organisation
from partners.tests.factories import UserFactory
from programmes.models import ConsortiumRole, InterventionType, ProjectStatus, ReviewStatus
from programmes.partnership import VRU as VRU_NAME
from programmes.tests.factories import ConsortiumMemberFactory, MonitoringReturnFactory, ProjectFactory

from .conftest import client_with_token, database_state, project_body

pytestmark = pytest.mark.django_db

ROLES = ("programme_manager", "programme_coordinator", "youth_lead", "administrator")
WHOSE = ("own", "member", "other")
OK, CREATED, BAD, FORBIDDEN, MISSING = 200, 201, 400, 403, 404
VRU, LEAD, ADMIN = ("programme_manager", "programme_coordinator"), "youth_lead", "administrator"


def cells(vru, lead, admin):
    return {**dict.fromkeys(VRU, vru), LEAD: lead, ADMIN: admin}


NOPE = (FORBIDDEN, FORBIDDEN, FORBIDDEN)
SEEN = (OK, OK, OK)
# action: {role: (own, member, other)}
MATRIX = {
    "view draft project": cells(SEEN, (OK, OK, MISSING), SEEN),
    "view submitted project": cells(SEEN, SEEN, SEEN),
    "create project": cells(NOPE, (CREATED, BAD, BAD), NOPE),  # a member may not name the lead
    "edit draft project": cells(NOPE, (OK, OK, MISSING), NOPE),
    "edit verified project": cells(NOPE, (OK, OK, FORBIDDEN), NOPE),
    "edit submitted project": cells(NOPE, NOPE, NOPE),
    "submit draft project": cells(NOPE, (OK, OK, MISSING), NOPE),
    "verify submitted project": cells(SEEN, NOPE, NOPE),
    "send back submitted project": cells(SEEN, NOPE, NOPE),
    "view draft return": cells(SEEN, (OK, MISSING, MISSING), SEEN),
    "create return": cells(NOPE, (CREATED, FORBIDDEN, FORBIDDEN), NOPE),
    "edit draft return": cells(NOPE, (OK, MISSING, MISSING), NOPE),
    "submit draft return": cells(NOPE, (OK, MISSING, MISSING), NOPE),
    "verify submitted return": cells(SEEN, NOPE, NOPE),
    "send back submitted return": cells(SEEN, NOPE, NOPE),
}

ORGANISATIONS = {"own": ("Hyde", "Clarion Housing Group"), "member": ("Clarion Housing Group", "Hyde")}
ORGANISATIONS["other"] = ("Peabody", "Clarion Housing Group")


def project_of(whose: str, status: str):
    """A project led by (own) Hyde, (member) Clarion with Hyde in its consortium, or (other) Peabody without Hyde."""
    lead, member = (Organisation.objects.get(name=name) for name in ORGANISATIONS[whose])
    project = ProjectFactory(
        lead_organisation=lead,
        status=status,
        boroughs=[Borough.objects.get(name="Brent")],
        intervention_types=InterventionType.objects.order_by("pk")[:1],
    )
    ConsortiumMemberFactory(project=project, organisation=member, role=ConsortiumRole.DELIVERY_PARTNER)
    return project


def return_of(whose: str, status: str):
    return MonitoringReturnFactory(project=project_of(whose, ProjectStatus.VERIFIED), status=status)


def etag(client, url) -> str:
    """The ETag a caller allowed to read would send; a made-up one where the caller may not read it."""
    response = client.get(url)
    return response["ETag"] if response.status_code == 200 else '"unseen"'


def _create_project(whose: str):
    lead, member = (Organisation.objects.get(name=name) for name in ORGANISATIONS[whose])
    rows = [{"organisation": member.pk, "role": "funder"}] if whose == "member" else []
    body = project_body(lead_organisation=lead.pk, consortium=rows)
    return lambda client: client.post(reverse("api:project-list"), body, format="json")


def _create_return(whose: str):
    project = project_of(whose, ProjectStatus.VERIFIED)
    body = {"quarter": "2025-07-01", "young_people_reached": 12, "sessions_delivered": 4, "families_reached": 2}
    return lambda client: client.post(reverse("api:project-returns", args=[project.pk]), body, format="json")


# action: (verb, noun, the status of the object acted on)
ACTIONS = {
    "view draft project": ("view", "project", ReviewStatus.DRAFT),
    "view submitted project": ("view", "project", ReviewStatus.SUBMITTED),
    "edit draft project": ("edit", "project", ReviewStatus.DRAFT),
    "edit verified project": ("edit", "project", ReviewStatus.VERIFIED),
    "edit submitted project": ("edit", "project", ReviewStatus.SUBMITTED),
    "submit draft project": ("submit", "project", ReviewStatus.DRAFT),
    "verify submitted project": ("verify", "project", ReviewStatus.SUBMITTED),
    "send back submitted project": ("send-back", "project", ReviewStatus.SUBMITTED),
    "view draft return": ("view", "return", ReviewStatus.DRAFT),
    "edit draft return": ("edit", "return", ReviewStatus.DRAFT),
    "submit draft return": ("submit", "return", ReviewStatus.DRAFT),
    "verify submitted return": ("verify", "return", ReviewStatus.SUBMITTED),
    "send back submitted return": ("send-back", "return", ReviewStatus.SUBMITTED),
}
EDITS = {"project": {"title": "Changed"}, "return": {"young_people_reached": 99}}


def prepare(action: str, whose: str):
    """Build the cell's objects; returns the call to make with the role's client."""
    if action == "create project":
        return _create_project(whose)
    if action == "create return":
        return _create_return(whose)
    verb, noun, status = ACTIONS[action]
    obj = project_of(whose, status) if noun == "project" else return_of(whose, status)
    detail = reverse(f"api:{noun}-detail", args=[obj.pk])
    if verb == "view":
        return lambda client: client.get(detail)
    if verb == "edit":
        return lambda client: client.patch(detail, EDITS[noun], format="json", HTTP_IF_MATCH=etag(client, detail))
    url = reverse(f"api:{noun}-{verb}", args=[obj.pk])
    body = {"comment": "Please add the places."}
    return lambda client: client.post(url, body, format="json", HTTP_IF_MATCH=etag(client, detail))


def person(role: str):
    organisation = Organisation.objects.get(name="Hyde" if role == LEAD else VRU_NAME)
    return UserFactory(role=Role(role), organisation=None if role == ADMIN else organisation)


CASES = [(action, role, position, WHOSE[position]) for action, role, position in product(MATRIX, ROLES, range(3))]


@pytest.mark.parametrize(("action", "role", "position", "whose"), CASES)
def test_cell(partnership, action, role, position, whose):
    """One cell: the exact status; a refusal changes nothing, a success changes something."""
    client = client_with_token(person(role))
    expected = MATRIX[action][role][position]
    send = prepare(action, whose)
    before = database_state()
    response = send(client)
    assert response.status_code == expected, (action, role, whose, response.content)
    if expected >= 400 or action.startswith("view"):
        assert database_state() == before
    else:
        assert database_state() != before
    if expected >= 400:
        assert list(response.json()) == ["errors"]


def test_the_matrix_has_every_cell():
    assert len(CASES) == len(MATRIX) * len(ROLES) * len(WHOSE)
    assert set(MATRIX) == set(ACTIONS) | {"create project", "create return"}
    assert all(len(row) == 3 for action in MATRIX.values() for row in action.values())
