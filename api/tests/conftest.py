"""Fixtures of the Partner API tests: a token per role, an API client that sends it, and the database's state."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from api.tokens import token_create
from boroughs.models import Borough
from partners.models import Organisation
from programmes.models import (
    ConsortiumMember,
    ConsortiumRole,
    InterventionType,
    MonitoringReturn,
    Project,
    ProjectStatus,
)
from programmes.tests.factories import ConsortiumMemberFactory, ProjectFactory


def forget_throttle_counts() -> None:
    """Drop the calls counted against tokens and addresses (only those keys: Redis may hold Celery's too)."""
    redis = getattr(getattr(cache, "_cache", None), "get_client", None)
    if redis is None:
        cache.clear()
        return
    client = redis(write=True)
    for key in client.scan_iter(match="*throttle_*"):
        client.delete(key)


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Each test starts with no calls counted against any token or address."""
    forget_throttle_counts()
    yield
    forget_throttle_counts()


def client_with_token(user) -> APIClient:
    """An API client that calls as `user` with a personal token, as a partner's system would."""
    _, secret = token_create(user=user, name="Test system")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    client.secret = secret
    return client


@pytest.fixture
def outsider(partnership):
    """A youth lead of Peabody, which is in none of Hyde's projects."""
    from partners.models import Organisation, User

    return User.objects.create_user(
        username="lead.peabody",
        password="a-test-password-1",
        role="youth_lead",
        organisation=Organisation.objects.get(name="Peabody"),
    )


def token_client(user_fixture: str):
    """A fixture: an API client calling with a personal token of the user the fixture `user_fixture` gives."""

    @pytest.fixture
    def api_client(request):
        return client_with_token(request.getfixturevalue(user_fixture))

    return api_client


lead_api = token_client("youth_lead")
other_lead_api = token_client("other_youth_lead")
outsider_api = token_client("outsider")
manager_api = token_client("programme_manager")
admin_api = token_client("administrator")


def database_state() -> tuple:
    """Every project, consortium member and return with every column, to compare before and after a refusal."""
    return (
        list(Project.objects.order_by("pk").values()),
        list(Project.boroughs.through.objects.order_by("pk").values()),
        list(Project.places.through.objects.order_by("pk").values()),
        list(Project.intervention_types.through.objects.order_by("pk").values()),
        list(ConsortiumMember.objects.order_by("pk").values()),
        list(MonitoringReturn.objects.order_by("pk").values()),
        Project.history.count(),
        MonitoringReturn.history.count(),
    )


def hyde_project(status: str = ProjectStatus.DRAFT, **extra) -> Project:
    """A project Hyde leads, in Brent with two kinds of work, with Clarion Housing Group in its consortium."""
    hyde, clarion = (Organisation.objects.get(name=name) for name in ("Hyde", "Clarion Housing Group"))
    project = ProjectFactory(
        title=f"Hyde {status} project",
        lead_organisation=hyde,
        status=status,
        boroughs=[Borough.objects.get(name="Brent")],
        intervention_types=InterventionType.objects.order_by("pk")[:2],
        **extra,
    )
    ConsortiumMemberFactory(project=project, organisation=clarion, role=ConsortiumRole.DELIVERY_PARTNER)
    return project


def project_body(**overrides) -> dict:
    """A whole project as the API takes it, in Brent with two kinds of work, led by Hyde unless told otherwise."""
    body = {
        "title": "Estate mentoring",
        "description": "Mentoring on the estate.",
        "lead_organisation": Organisation.objects.get(name="Hyde").pk,
        "boroughs": [Borough.objects.get(name="Brent").pk],
        "places": [],
        "intervention_types": list(InterventionType.objects.order_by("pk").values_list("pk", flat=True)[:2]),
        "age_min": 11,
        "age_max": 18,
        "start_date": "2025-04-01",
        "end_date": "2027-03-31",
        "funding_amount": "25000",
        "target_reach": 120,
        "youth_involvement": "co_designed",
        "youth_involvement_detail": "Young residents sit on the steering group.",
        "consortium": [],
    }
    return {**body, **overrides}
