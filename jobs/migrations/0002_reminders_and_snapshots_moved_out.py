"""Return reminders moved to programmes and coverage snapshots to coverage: the models leave jobs' state only.

Their tables stay as they are (jobs_returnreminder, jobs_coveragesnapshot); programmes and coverage take the
models over in their own migrations, so no table is dropped, created or renamed.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('jobs', '0001_background_jobs'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='ReturnReminder'),
                migrations.DeleteModel(name='CoverageSnapshot'),
            ],
            database_operations=[],
        ),
    ]
