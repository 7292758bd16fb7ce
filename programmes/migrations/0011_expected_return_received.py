"""Keep on each expected return whether its project owes it and whether it was received, filled for existing rows."""

from django.db import migrations, models
from django.db.models import Exists, OuterRef

# The statuses as they are now: drafts and cancelled projects owe nothing; submitted and verified returns arrived.
NOT_COUNTED = ("draft", "cancelled")
RECEIVED = ("submitted", "verified")


def flags_for_existing_rows(apps, schema_editor):
    project = apps.get_model("programmes", "Project")
    monitoring_return = apps.get_model("programmes", "MonitoringReturn")
    apps.get_model("programmes", "ExpectedReturn").objects.update(
        owed=Exists(
            project.objects.filter(pk=OuterRef("project"), dates_assumed=False).exclude(status__in=NOT_COUNTED)
        ),
        received=Exists(
            monitoring_return.objects.filter(
                project=OuterRef("project"), period_start=OuterRef("period_start"), status__in=RECEIVED
            )
        ),
    )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0010_expected_returns_for_existing_projects")]

    operations = [
        migrations.AddField(model_name="expectedreturn", name="owed", field=models.BooleanField(default=False)),
        migrations.AddField(model_name="expectedreturn", name="received", field=models.BooleanField(default=False)),
        migrations.RunPython(flags_for_existing_rows, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="expectedreturn",
            index=models.Index(
                condition=models.Q(("owed", True), ("received", False)),
                fields=["due_date", "project"],
                name="expected_return_open",
            ),
        ),
        migrations.AddIndex(
            model_name="expectedreturn",
            index=models.Index(
                condition=models.Q(("owed", True)), fields=["period_start", "received"], name="expected_return_owed"
            ),
        ),
    ]
