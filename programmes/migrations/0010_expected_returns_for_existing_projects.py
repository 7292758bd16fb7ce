"""Fill the expected-returns schedule for the projects that exist already."""

from django.db import migrations

from programmes.periods import quarters_between


def schedule_existing_projects(apps, schema_editor):
    project_model = apps.get_model("programmes", "Project")
    expected_return = apps.get_model("programmes", "ExpectedReturn")
    expected_return.objects.bulk_create(
        (
            expected_return(project_id=pk, period_start=quarter.start, period_end=quarter.end, due_date=quarter.due_date)
            for pk, start, end in project_model.objects.order_by().values_list("pk", "start_date", "end_date").iterator()
            for quarter in quarters_between(start, end)
        ),
        batch_size=5000,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0009_expected_returns")]

    operations = [migrations.RunPython(schedule_existing_projects, migrations.RunPython.noop)]
