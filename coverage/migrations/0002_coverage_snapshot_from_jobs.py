"""Coverage snapshots move here from jobs: the model joins coverage's state, its table stays jobs_coveragesnapshot.

The content type moves too, so permissions and admin history on snapshots follow the model.
"""

from django.db import migrations, models


def move_content_type(apps, schema_editor, *, source, target):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    if not ContentType.objects.filter(app_label=target, model='coveragesnapshot').exists():
        ContentType.objects.filter(app_label=source, model='coveragesnapshot').update(app_label=target)


def forwards(apps, schema_editor):
    move_content_type(apps, schema_editor, source='jobs', target='coverage')


def backwards(apps, schema_editor):
    move_content_type(apps, schema_editor, source='coverage', target='jobs')


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('coverage', '0001_overlap_review'),
        ('jobs', '0002_reminders_and_snapshots_moved_out'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CoverageSnapshot',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('taken_on', models.DateField(unique=True)),
                        ('source', models.CharField(choices=[('register', 'Project register counts (no coverage analysis yet)'), ('coverage', 'Coverage analysis')], max_length=16)),
                        ('gap_count', models.PositiveIntegerField(blank=True, null=True)),
                        ('overlap_count', models.PositiveIntegerField(blank=True, null=True)),
                        ('counted_projects', models.PositiveIntegerField(help_text='Projects neither draft nor cancelled.')),
                        ('active_projects', models.PositiveIntegerField(help_text='Counted projects running on the day.')),
                        ('boroughs_with_active_projects', models.PositiveIntegerField()),
                        ('created_at', models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        'db_table': 'jobs_coveragesnapshot',
                        'ordering': ['-taken_on'],
                        'get_latest_by': 'taken_on',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
