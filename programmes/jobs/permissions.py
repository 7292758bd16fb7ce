"""Who may start, follow, download, confirm and restart background jobs."""

from partners.models import Organisation

from .models import ExportState, ImportState


def can_start_import(user) -> bool:
    """VRU staff import for anyone; a youth lead for their own organisation; nobody else imports."""
    return user.is_vru_staff or (user.is_youth_lead and user.organisation_id is not None)


def can_import_for(user, organisation: Organisation) -> bool:
    """VRU staff may import rows for any organisation; a youth lead only for their own."""
    if user.is_vru_staff:
        return True
    return user.is_youth_lead and organisation.pk == user.organisation_id


def can_view_job(user, job) -> bool:
    """A job is seen by the person who started it and by VRU staff."""
    return job.requested_by_id == user.pk or user.is_vru_staff


def can_download_export(user, export) -> bool:
    """A finished export is downloaded by the person who asked for it or by VRU staff."""
    return can_view_job(user, export) and export.state == ExportState.DONE and bool(export.file)


def can_restart_job(user, job) -> bool:
    """The person who started a job may start it again once it has failed or stalled."""
    return job.requested_by_id == user.pk and (job.state in (ExportState.FAILED, ImportState.FAILED) or job.is_stalled)


def can_confirm_import(user, job) -> bool:
    """Only the person who uploaded a file confirms its import, once every row has passed."""
    return job.requested_by_id == user.pk and job.state == ImportState.VALID
