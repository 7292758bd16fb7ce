"""Return reminders move here from jobs: the model joins programmes' state, its table stays jobs_returnreminder.

The content type moves too, so permissions and admin history on reminders follow the model.
"""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


def move_content_type(apps, schema_editor, *, source, target):
    ContentType = apps.get_model('contenttypes', 'ContentType')
    if not ContentType.objects.filter(app_label=target, model='returnreminder').exists():
        ContentType.objects.filter(app_label=source, model='returnreminder').update(app_label=target)


def forwards(apps, schema_editor):
    move_content_type(apps, schema_editor, source='jobs', target='programmes')


def backwards(apps, schema_editor):
    move_content_type(apps, schema_editor, source='programmes', target='jobs')


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('jobs', '0002_reminders_and_snapshots_moved_out'),
        ('programmes', '0004_review_queue_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ReturnReminder',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('period_start', models.DateField(help_text='The first day of the quarter the return covers.')),
                        ('stage', models.CharField(choices=[('due_soon', 'Due within 14 days'), ('overdue', 'Overdue')], max_length=16)),
                        ('sent_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('recipients', models.TextField(help_text='The addresses it went to, one a line.')),
                        ('project', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='programmes.project')),
                    ],
                    options={
                        'db_table': 'jobs_returnreminder',
                        'ordering': ['-sent_at'],
                        'constraints': [models.UniqueConstraint(fields=('project', 'period_start', 'stage'), name='reminder_once_per_return_per_stage')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
