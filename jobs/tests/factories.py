"""Factories for import and export: jobs in each state (as traits), and rows and files to import."""

import csv
import io

import factory
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from jobs.imports.columns import PROJECT_COLUMNS, RETURN_COLUMNS
from jobs.models import ExportJob, ExportKind, ExportState, ImportJob, ImportKind, ImportState
from partners.tests.factories import UserFactory


class ExportJobFactory(factory.django.DjangoModelFactory):
    """A queued register export; `running`, `done` (with its file) and `failed` give the other states."""

    class Meta:
        model = ExportJob

    kind = ExportKind.REGISTER_CSV
    requested_by = factory.SubFactory(UserFactory)
    organisation = factory.SelfAttribute("requested_by.organisation")
    state = ExportState.QUEUED

    class Params:
        running = factory.Trait(state=ExportState.RUNNING)
        done = factory.Trait(
            state=ExportState.DONE,
            progress=100,
            file=factory.LazyFunction(lambda: ContentFile(b"Title\r\nA project\r\n", name="register.csv")),
        )
        failed = factory.Trait(state=ExportState.FAILED)


class ImportJobFactory(factory.django.DjangoModelFactory):
    """An uploaded file of projects; `valid` and `invalid` give a checked one."""

    class Meta:
        model = ImportJob

    kind = ImportKind.PROJECTS
    requested_by = factory.SubFactory(UserFactory)
    organisation = factory.SelfAttribute("requested_by.organisation")
    file = factory.LazyFunction(lambda: ContentFile(b"Reference\r\n", name="projects.csv"))
    original_name = "projects.csv"
    state = ImportState.UPLOADED

    class Params:
        valid = factory.Trait(state=ImportState.VALID)
        invalid = factory.Trait(state=ImportState.INVALID)


def project_row(**values) -> list:
    """A valid project row for Hyde in Brent, with `values` (by column key) replaced."""
    row = {
        "reference": "HY-1",
        "title": "Mentoring in Stonebridge",
        "lead_organisation": "Hyde",
        "boroughs": "Brent",
        "intervention_types": "Mentoring",
        "age_min": "11",
        "age_max": "18",
        "start_date": "2025-04-01",
        "end_date": "2026-03-31",
    } | values
    return [row.get(column.key, "") for column in PROJECT_COLUMNS]


def rows_for_hyde(count, **values) -> list[list]:
    """`count` valid project rows for Hyde, references HY-0001 upwards, with `values` replaced in each."""
    return [project_row(reference=f"HY-{n:04d}", title=f"Project {n}", **values) for n in range(1, count + 1)]


def return_row(**values) -> list:
    """A valid return row for Hyde's project HY-1, for 2025–26 Q1, with `values` (by column key) replaced."""
    row = {
        "reference": "R-1",
        "project_reference": "HY-1",
        "lead_organisation": "Hyde",
        "period_start": "2025-04-01",
        "period_end": "2025-06-30",
        "young_people_reached": "25",
    } | values
    return [row.get(column.key, "") for column in RETURN_COLUMNS]


def project_file(rows, name="projects.csv") -> SimpleUploadedFile:
    """An uploaded CSV file of projects: the template's headings, then `rows`."""
    text = io.StringIO()
    csv.writer(text).writerows([[c.heading for c in PROJECT_COLUMNS], *rows])
    return SimpleUploadedFile(name, text.getvalue().encode("utf-8"), content_type="text/csv")
