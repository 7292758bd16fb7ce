"""The portal's roles, named once."""

from django.db import models


class Role(models.TextChoices):
    PROGRAMME_MANAGER = "programme_manager", "VRU programme manager"
    PROGRAMME_COORDINATOR = "programme_coordinator", "VRU programme coordinator"
    YOUTH_LEAD = "youth_lead", "Youth lead"
    ADMINISTRATOR = "administrator", "Administrator"


VRU_STAFF_ROLES = frozenset({Role.PROGRAMME_MANAGER, Role.PROGRAMME_COORDINATOR})
