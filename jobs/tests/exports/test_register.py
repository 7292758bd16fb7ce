"""Register exports: exactly the register's columns, for the filtered projects the requester may see, CSV or Excel."""

import csv
import io

import pytest
from openpyxl import load_workbook

from jobs import services
from jobs.models import ExportKind, ExportState
from programmes.filters import ProjectFilter
from programmes.models import Project, ProjectStatus
from programmes.selectors.register import register_rows
from programmes.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_a_register_export_holds_exactly_the_register_s_columns_for_the_filtered_projects(
    run_on_commit, programme_manager, brent
):
    in_brent = [ProjectFactory(title=f"Brent {n}", boroughs=[brent]) for n in range(3)]
    ProjectFactory(title="Elsewhere")
    params = {"borough": [brent.gss_code], "ordering": ["-title"]}
    job = run_on_commit(services.export_job_start, user=programme_manager, kind=ExportKind.REGISTER_CSV, params=params)
    job.refresh_from_db()
    content = job.file.read()
    assert content.startswith("\ufeff".encode())  # So Excel reads it as UTF-8.
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    filterset = ProjectFilter(data={"borough": brent.gss_code, "ordering": "-title"}, queryset=Project.objects.all())
    expected = [["" if value is None else str(value) for value in row] for row in register_rows(filterset.qs)]
    assert rows == expected
    assert [p.title for p in reversed(in_brent)] == [row[0] for row in rows[1:] if row[0].startswith("Brent")]
    assert "Elsewhere" not in {row[0] for row in rows}
    assert (job.state, job.row_count, job.total_rows, job.progress) == (
        ExportState.DONE,
        len(rows) - 1,
        len(rows) - 1,
        100,
    )


def test_a_register_excel_export_has_the_same_rows(run_on_commit, programme_manager, brent):
    ProjectFactory(title="Brent", boroughs=[brent])
    job = run_on_commit(services.export_job_start, user=programme_manager, kind=ExportKind.REGISTER_XLSX, params={})
    job.refresh_from_db()
    sheet = load_workbook(io.BytesIO(job.file.read()), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Title"
    assert len(rows) == Project.objects.count() + 1


def test_an_export_holds_only_what_its_requester_may_see(run_on_commit, youth_lead, partnership):
    ProjectFactory(title="Someone else's draft", status=ProjectStatus.DRAFT)
    ProjectFactory(title="Hyde's draft", status=ProjectStatus.DRAFT, lead_organisation=youth_lead.organisation)
    job = run_on_commit(services.export_job_start, user=youth_lead, kind=ExportKind.REGISTER_CSV, params={})
    job.refresh_from_db()
    titles = [row[0] for row in csv.reader(io.StringIO(job.file.read().decode("utf-8-sig")))]
    assert "Hyde's draft" in titles
    assert "Someone else's draft" not in titles
