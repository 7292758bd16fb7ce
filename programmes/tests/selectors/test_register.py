"""Register rows: the same columns in every download, formulas neutralised, reach from verified returns only."""

import csv
import io
from datetime import date

import pytest
from openpyxl import load_workbook

from core.exports import write_csv, write_xlsx
from programmes.filters import ProjectFilter
from programmes.models import Project, ReviewStatus
from programmes.selectors.register import REGISTER_COLUMNS, filters_chosen, register_rows, register_url
from programmes.tests.factories import ConsortiumMemberFactory, MonitoringReturnFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.django_db
def test_csv_and_xlsx_hold_exactly_the_given_rows_with_neutralised_cells():
    ProjectFactory(title='=HYPERLINK("http://evil")')
    ProjectFactory(title="Safe spaces in Stonebridge")
    csv_stream = io.StringIO()
    assert write_csv(register_rows(Project.objects.order_by("title")), csv_stream) == 2
    rows = list(csv.reader(io.StringIO(csv_stream.getvalue())))
    assert rows[0] == [column.heading for column in REGISTER_COLUMNS]
    assert [row[0] for row in rows[1:]] == ['\'=HYPERLINK("http://evil")', "Safe spaces in Stonebridge"]

    xlsx_stream = io.BytesIO()
    assert write_xlsx(register_rows(Project.objects.order_by("title")), xlsx_stream) == 2
    sheet = load_workbook(io.BytesIO(xlsx_stream.getvalue())).active
    assert [row[0] for row in sheet.iter_rows(values_only=True)][1:] == [
        '\'=HYPERLINK("http://evil")',
        "Safe spaces in Stonebridge",
    ]


@pytest.mark.django_db
def test_reached_counts_only_verified_returns_once_each():
    project = ProjectFactory()
    ConsortiumMemberFactory(project=project)
    ConsortiumMemberFactory(project=project)
    MonitoringReturnFactory(project=project, young_people_reached=30, status=ReviewStatus.VERIFIED)
    MonitoringReturnFactory(
        project=project,
        young_people_reached=99,
        status=ReviewStatus.SUBMITTED,
        period_start="2025-07-01",
        period_end="2025-09-30",
    )
    heading, row = list(register_rows(Project.objects.all()))
    assert row[heading.index("Reached (verified returns)")] == 30


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 30])
def test_register_rows_take_a_fixed_number_of_queries(django_assert_max_num_queries, size):
    for _ in range(size):
        ConsortiumMemberFactory()
    with django_assert_max_num_queries(6):
        assert len(list(register_rows(Project.objects.all()))) == size + 1


def test_a_register_link_carries_its_filters_with_dates_in_iso_form_and_no_empty_values():
    assert register_url() == "/programmes/projects/"
    url = register_url(borough="E09000005", active_from=date(2025, 4, 1), place=None, intervention_type="")
    assert url == "/programmes/projects/?borough=E09000005&active_from=2025-04-01"


@pytest.mark.django_db
def test_the_filters_chosen_name_each_by_its_label_and_status_by_its_words_leaving_out_the_order(partnership):
    filterset = ProjectFilter(
        {"status": "submitted", "age_min": "11", "ordering": "-title"}, queryset=Project.objects.all()
    )
    chosen = {name: (label, shown) for name, label, shown in filters_chosen(filterset)}
    assert set(chosen) == {"status", "age_min"}
    assert chosen["status"][1] == "Submitted"
    assert chosen["age_min"] == (str(filterset.form.fields["age_min"].label), 11)
    assert filters_chosen(ProjectFilter({"age_min": "x"}, queryset=Project.objects.all())) == []
