"""The portal's roles, named once, and the one meaning of each: who is VRU staff, a youth lead, an administrator."""

import rules
from django.db import models


class Role(models.TextChoices):
    PROGRAMME_MANAGER = "programme_manager", "VRU programme manager"
    PROGRAMME_COORDINATOR = "programme_coordinator", "VRU programme coordinator"
    YOUTH_LEAD = "youth_lead", "Youth lead"
    ADMINISTRATOR = "administrator", "Administrator"


VRU_STAFF_ROLES = frozenset({Role.PROGRAMME_MANAGER, Role.PROGRAMME_COORDINATOR})


@rules.predicate
def is_vru_staff(user) -> bool:
    return getattr(user, "role", None) in VRU_STAFF_ROLES


@rules.predicate
def is_youth_lead(user) -> bool:
    """A youth lead of an organisation (the database refuses a youth lead without one)."""
    return getattr(user, "role", None) == Role.YOUTH_LEAD and getattr(user, "organisation_id", None) is not None


@rules.predicate
def is_administrator(user) -> bool:
    """The administrator role, however the account was made: invited, or Django's `createsuperuser`. This is the
    only test of "administrator" anywhere: Django's `is_staff` and `is_superuser` flags are not consulted apart."""
    return getattr(user, "role", None) == Role.ADMINISTRATOR or getattr(user, "is_superuser", False)


# Partnership-wide reading: every organisation's work, drafts aside. VRU staff work there; administrators read it.
sees_everything = is_vru_staff | is_administrator
