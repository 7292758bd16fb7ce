"""Demo accounts: one per role and housing association, never under production settings."""

import pytest
from django.core.management import CommandError, call_command

from core.roles import Role
from partners.models import User

pytestmark = pytest.mark.django_db


def test_demo_users_exist_once_per_role_and_housing_association(partnership):
    call_command("create_demo_users")
    call_command("create_demo_users")
    assert User.objects.filter(role=Role.YOUTH_LEAD).count() == 9
    assert User.objects.filter(role=Role.PROGRAMME_MANAGER).count() == 1
    assert User.objects.filter(role=Role.PROGRAMME_COORDINATOR).count() == 1
    administrator = User.objects.get(role=Role.ADMINISTRATOR)
    assert administrator.is_administrator
    assert not administrator.is_superuser, "made as an invitation makes one: the role alone"


def test_demo_users_are_refused_under_production_settings(partnership, settings):
    settings.DEMO_ACCOUNTS_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("create_demo_users")
    assert not User.objects.exists()
