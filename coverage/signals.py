"""What moves the coverage version: a saved or deleted row, or a changed link, of anything the analysis reads.

Projects (status, dates, ages, lead, boroughs, places and kinds of work), places and the boroughs they cross
into, landlords, boroughs, kinds of work, organisations and their succession, and overlap reviews. Writers
that skip Django's signals (bulk loads) send `programmes.signals.projects_bulk_written` instead.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save

from boroughs.models import Borough, Place, PlaceLandlord
from partners.models import Organisation
from programmes.models import InterventionType, Project
from programmes.signals import projects_bulk_written

from .models import OverlapReview
from .versions import coverage_changed

READ_BY_THE_ANALYSIS = (Project, Place, PlaceLandlord, Borough, InterventionType, Organisation, OverlapReview)
LINKS_READ_BY_THE_ANALYSIS = (
    Project.places.through,
    Project.boroughs.through,
    Project.intervention_types.through,
    Place.also_in_boroughs.through,
)
_CHANGED_LINKS = {"post_add", "post_remove", "post_clear"}


def _row_changed(sender, **kwargs) -> None:
    coverage_changed()


def _links_changed(sender, action: str, **kwargs) -> None:
    if action in _CHANGED_LINKS:
        coverage_changed()


def connect() -> None:
    """Listen for every change the analysis would see (called once, from the app's ready())."""
    for model in READ_BY_THE_ANALYSIS:
        post_save.connect(_row_changed, sender=model, dispatch_uid=f"coverage-version-save-{model._meta.label}")
        post_delete.connect(_row_changed, sender=model, dispatch_uid=f"coverage-version-delete-{model._meta.label}")
    for through in LINKS_READ_BY_THE_ANALYSIS:
        m2m_changed.connect(_links_changed, sender=through, dispatch_uid=f"coverage-version-{through._meta.label}")
    projects_bulk_written.connect(_row_changed, dispatch_uid="coverage-version-bulk")
