"""Register exports: exactly the register's columns, for the filtered projects the requester may see, CSV or Excel."""

import csv
import io
from datetime import date

import pytest
from django.http import QueryDict
from django.urls import reverse
from openpyxl import load_workbook

from jobs import services
from jobs.models import ExportKind, ExportState
from jobs.selectors import export_params
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


def test_a_background_export_keeps_the_pages_order_and_its_date_filters(
    run_on_commit, programme_manager, programme_manager_client, partnership
):
    """Ties in the sort are broken by id, as on the page; dates typed in the page's day, month and year are kept."""
    for number in range(30):
        ProjectFactory(title=f"Tied {number % 2}", target_reach=100, start_date=date(2025, 1, 1))
    ProjectFactory(title="Tied early", start_date=date(2020, 1, 1), end_date=date(2020, 12, 31))
    query = QueryDict(mutable=True)
    query.update({"q": "Tied", "ordering": "-target"})
    query.update({"active_from_day": "1", "active_from_month": "1", "active_from_year": "2024"})
    page_order = []
    for number in (1, 2):
        response = programme_manager_client.get(reverse("programmes:project-list"), {**query.dict(), "page": number})
        page_order += [record.title for record, _ in response.context["rows"]]
    assert len(page_order) == 30
    job = run_on_commit(
        services.export_job_start,
        user=programme_manager,
        kind=ExportKind.REGISTER_CSV,
        params=export_params(query),
    )
    job.refresh_from_db()
    rows = list(csv.reader(io.StringIO(job.file.read().decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == page_order
