"""Writing an import's checked rows: projects and returns as drafts, with their links and history, in bulk."""

from simple_history.utils import bulk_create_with_history

from programmes.forms.projects import PROJECT_DETAILS
from programmes.models import ConsortiumMember, ConsortiumRole, MonitoringReturn, Project, ProjectStatus, ReviewStatus
from programmes.services.expected_returns import expected_returns_schedule
from programmes.signals import projects_bulk_written

from ..models import ImportKind
from .rows import CheckedRow

# A project's details as its form has them, but its links (written after, with their history) and the notes an
# import file has no column for; plus the file's own reference.
IMPORTED_PROJECT_FIELDS = (
    "external_reference",
    *(
        name
        for name in PROJECT_DETAILS
        if name not in ("boroughs", "places", "intervention_types", "target_reach_note", "youth_involvement_detail")
    ),
)


def _link_m2m_with_history(projects: list[Project], targets_by_field: dict[str, list[list]]) -> None:
    """Add each project's boroughs, places and intervention types, and record them on its first history row."""
    # The projects are new, so each has exactly one history row.
    history_ids = dict(Project.history.filter(id__in=[p.pk for p in projects]).values_list("id", "history_id"))
    for name, targets in targets_by_field.items():
        field = Project._meta.get_field(name)
        column = f"{field.m2m_reverse_field_name()}_id"
        through, recorded = field.remote_field.through, getattr(Project.history.model, name).model
        created = through.objects.bulk_create(
            [
                through(project_id=project.pk, **{column: target.pk})
                for project, items in zip(projects, targets, strict=True)
                for target in items
            ],
            batch_size=2000,
        )
        recorded.objects.bulk_create(
            [
                recorded(
                    id=link.pk,
                    history_id=history_ids[link.project_id],
                    project_id=link.project_id,
                    **{column: getattr(link, column)},
                )
                for link in created
            ],
            batch_size=2000,
        )


def projects_write(rows: list[CheckedRow], *, user, reason: str) -> int:
    """Create the rows' projects as drafts (so they go through the VRU's review), with their links and history."""
    projects = [
        Project(status=ProjectStatus.DRAFT, **{f: row.values[f] for f in IMPORTED_PROJECT_FIELDS}) for row in rows
    ]
    projects = bulk_create_with_history(
        projects, Project, batch_size=2000, default_user=user, default_change_reason=reason
    )
    _link_m2m_with_history(
        projects, {name: [row.values[name] for row in rows] for name in ("boroughs", "places", "intervention_types")}
    )
    members = [
        ConsortiumMember(project=project, organisation=organisation, role=ConsortiumRole.DELIVERY_PARTNER)
        for project, row in zip(projects, rows, strict=True)
        for organisation in row.values["consortium"]
    ]
    bulk_create_with_history(
        members, ConsortiumMember, batch_size=2000, default_user=user, default_change_reason=reason
    )
    expected_returns_schedule(project_ids=[project.pk for project in projects])
    projects_bulk_written.send(sender=Project)
    return len(projects)


def returns_write(rows: list[CheckedRow], *, user, reason: str) -> int:
    """Create the rows' returns as drafts, with history."""
    returns = [MonitoringReturn(status=ReviewStatus.DRAFT, **row.values) for row in rows]
    bulk_create_with_history(
        returns, MonitoringReturn, batch_size=2000, default_user=user, default_change_reason=reason
    )
    return len(returns)


WRITERS = {ImportKind.PROJECTS: projects_write, ImportKind.RETURNS: returns_write}
