"""Factories for background jobs."""

import factory
from django.core.files.base import ContentFile

from jobs.models import ExportJob, ExportKind, ExportState, ImportJob, ImportKind, ImportState
from partners.tests.factories import UserFactory


class ExportJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExportJob

    kind = ExportKind.REGISTER_CSV
    requested_by = factory.SubFactory(UserFactory)
    organisation = factory.SelfAttribute("requested_by.organisation")
    state = ExportState.QUEUED


class DoneExportJobFactory(ExportJobFactory):
    state = ExportState.DONE
    progress = 100
    file = factory.LazyFunction(lambda: ContentFile(b"Title\r\nA project\r\n", name="register.csv"))


class ImportJobFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportJob

    kind = ImportKind.PROJECTS
    requested_by = factory.SubFactory(UserFactory)
    organisation = factory.SelfAttribute("requested_by.organisation")
    file = factory.LazyFunction(lambda: ContentFile(b"Reference\r\n", name="projects.csv"))
    original_name = "projects.csv"
    state = ImportState.UPLOADED
