"""Fixtures shared by every app's tests: the partnership's real facts and a signed-in client per role."""

import uuid

import pytest

from core.roles import Role
from partners.models import Organisation, User
from programmes.partnership import VRU, partnership_load


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings):
    """Each test counts its rate limits afresh (core.limits), without clearing a cache others may share."""
    settings.RATELIMIT_CACHE_PREFIX = f"rl:{uuid.uuid4().hex}:"


@pytest.fixture
def partnership(db):
    """The real partnership facts, loaded as `make run` loads them."""
    partnership_load()


def _person(username: str, role: Role, organisation: Organisation | None, **extra) -> User:
    return User.objects.create_user(
        username=username, password="a-test-password-1", role=role, organisation=organisation, **extra
    )


@pytest.fixture
def programme_manager(partnership):
    return _person("pm", Role.PROGRAMME_MANAGER, Organisation.objects.get(name=VRU))


@pytest.fixture
def programme_coordinator(partnership):
    return _person("coordinator", Role.PROGRAMME_COORDINATOR, Organisation.objects.get(name=VRU))


@pytest.fixture
def youth_lead(partnership):
    """A youth lead of Hyde (a One Flow – One Brent consortium member)."""
    return _person("lead.hyde", Role.YOUTH_LEAD, Organisation.objects.get(name="Hyde"))


@pytest.fixture
def other_youth_lead(partnership):
    """A youth lead of Clarion Housing Group (no part of One Flow – One Brent)."""
    return _person("lead.clarion", Role.YOUTH_LEAD, Organisation.objects.get(name="Clarion Housing Group"))


@pytest.fixture
def administrator(partnership):
    """An administrator made as the invitation makes one: the role alone, no Django staff or superuser flag."""
    return _person("admin", Role.ADMINISTRATOR, None)


def _client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def programme_manager_client(client, programme_manager):
    return _client_for(client, programme_manager)


@pytest.fixture
def programme_coordinator_client(client, programme_coordinator):
    return _client_for(client, programme_coordinator)


@pytest.fixture
def youth_lead_client(client, youth_lead):
    return _client_for(client, youth_lead)


@pytest.fixture
def other_youth_lead_client(client, other_youth_lead):
    return _client_for(client, other_youth_lead)


@pytest.fixture
def admin_client(client, administrator):
    """Overrides pytest-django's admin_client: signed in as the administrator an invitation makes (no Django flags)."""
    return _client_for(client, administrator)
