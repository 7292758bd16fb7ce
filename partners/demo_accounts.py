"""Demo accounts: one per VRU role, one youth lead per housing association, one administrator."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils.text import slugify

from core.roles import Role

from .models import Organisation, OrganisationKind, User


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    organisation: str
    created: bool


@transaction.atomic
def demo_users_create(*, password: str) -> list[DemoLogin]:
    """Create the demo accounts that are missing; existing accounts keep their passwords."""
    if not settings.DEMO_ACCOUNTS_ALLOWED:
        raise ImproperlyConfigured("Demo accounts are refused under these settings (production).")
    vru = Organisation.objects.get(kind=OrganisationKind.VIOLENCE_REDUCTION_UNIT)
    wanted = [
        ("programme.manager", Role.PROGRAMME_MANAGER, vru, "Programme", "Manager"),
        ("programme.coordinator", Role.PROGRAMME_COORDINATOR, vru, "Programme", "Coordinator"),
        ("admin", Role.ADMINISTRATOR, None, "Portal", "Administrator"),
    ] + [
        (f"lead.{slugify(org.name)}", Role.YOUTH_LEAD, org, "Youth lead,", org.name)
        for org in Organisation.objects.housing_associations().hayn_members()
    ]
    logins = []
    for username, role, organisation, first_name, last_name in wanted:
        user, created = User.objects.get_or_create(
            username=username,
            defaults={
                "role": role,
                "organisation": organisation,
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@example.org",
            },
        )
        if created:
            user.set_password(password)
            user.save(update_fields=["password"])
        logins.append(DemoLogin(username, user.get_role_display(), str(organisation or "–"), created))
    return logins
