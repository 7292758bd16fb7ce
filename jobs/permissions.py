"""Who may start, follow, download, confirm and restart background jobs (`rules` predicates, as in programmes)."""

import rules

from core.roles import is_vru_staff, is_youth_lead

from .models import ExportState, ImportState


@rules.predicate
def is_job_owner(user, job):
    return job.requested_by_id == user.pk


@rules.predicate
def has_file(user, export):
    return export.state == ExportState.DONE and bool(export.file)


@rules.predicate
def has_stopped(user, job):
    """Failed, or silent for so long that its worker has surely died."""
    return job.state in (ExportState.FAILED, ImportState.FAILED) or job.is_stalled


@rules.predicate
def is_checked(user, job):
    return job.state == ImportState.VALID


# Which organisation a row may name as lead is programmes.rules.lead_of_another_organisation, as on the form.
can_start_import = is_vru_staff | is_youth_lead
# A job is followed, and an export downloaded, by the person who started it and by VRU staff.
can_view_job = is_job_owner | is_vru_staff
can_download_export = can_view_job & has_file
# Only the person who started a job confirms or restarts it.
can_restart_job = is_job_owner & has_stopped
can_confirm_import = is_job_owner & is_checked
