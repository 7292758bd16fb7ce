"""Factories for organisations and people."""

import factory

from core.roles import Role
from partners.models import Organisation, OrganisationKind, User


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Test Housing {n}")
    kind = OrganisationKind.HOUSING_ASSOCIATION
    is_hayn_member = True


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    role = Role.YOUTH_LEAD
    organisation = factory.SubFactory(OrganisationFactory)
    password = factory.django.Password("a-test-password-1")
