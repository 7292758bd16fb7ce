"""What happened to a project or a return: who changed what, when, from what to what."""

from dataclasses import dataclass
from datetime import date, datetime

from django.utils import formats

from ..models import ConsortiumMember, MonitoringReturn, Project


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    """One change to a project or return: who, when, what, and the values before and after."""

    when: datetime
    who: str
    summary: str
    changes: tuple[FieldChange, ...] = ()


PROJECT_HISTORY_FIELDS = (
    "title",
    "description",
    "lead_organisation",
    "funding_programme",
    "funder",
    "funding_amount",
    "age_min",
    "age_max",
    "start_date",
    "end_date",
    "status",
    "target_reach",
    "target_reach_note",
    "youth_involvement",
    "youth_involvement_detail",
    "review_comment",
)


# (label, the historical record's accessor for its snapshot rows, the related object on each row)
PROJECT_HISTORY_M2M = (
    ("Boroughs", "historicalproject_boroughs_set", "borough"),
    ("Places", "historicalproject_places_set", "place"),
    ("Intervention types", "historicalproject_intervention_types_set", "interventiontype"),
)


RETURN_HISTORY_FIELDS = (
    "young_people_reached",
    "sessions_delivered",
    "families_reached",
    "narrative",
    "status",
    "review_comment",
)


def _person(user) -> str:
    if user is None:
        return "The system (an import or a data load)"
    name = user.get_full_name() or user.username
    return f"{name}, {user.organisation}" if user.organisation_id else name


def _shown(record, name: str) -> str:
    """A historical value as a person reads it."""
    field = record._meta.get_field(name)
    value = getattr(record, name) if field.is_relation else getattr(record, field.attname)
    if field.choices:
        value = dict(field.flatchoices).get(value, value)
    if value is None or value == "":
        return "(none)"
    return formats.localize(value) if isinstance(value, (date, int, float)) else str(value)


def _m2m_shown(record, accessor: str, related: str) -> str:
    names = sorted(str(getattr(row, related)) for row in getattr(record, accessor).all())
    return ", ".join(names) or "(none)"


def _record_entries(records, fields, m2m, noun: str) -> list[HistoryEntry]:
    """Entries for a run of historical records of one object, each compared with the one before."""
    entries, previous = [], None
    for record in records:
        who = _person(record.history_user)
        if previous is None or record.history_type == "+":
            summary, reason = f"Created the {noun}", record.history_change_reason
            entries.append(
                HistoryEntry(
                    record.history_date, who, f"{summary} ({reason})" if reason and reason != summary else summary
                )
            )
        else:
            changes = [
                FieldChange(record._meta.get_field(name).verbose_name.capitalize(), old, new)
                for name in fields
                if (old := _shown(previous, name)) != (new := _shown(record, name))
            ] + [
                FieldChange(label, old, new)
                for label, accessor, related in m2m
                if (old := _m2m_shown(previous, accessor, related)) != (new := _m2m_shown(record, accessor, related))
            ]
            if changes or record.history_change_reason:
                summary = record.history_change_reason or f"Changed the {noun}"
                entries.append(HistoryEntry(record.history_date, who, summary, tuple(changes)))
        previous = record
    return entries


def _consortium_entries(records) -> list[HistoryEntry]:
    entries, roles = [], {}
    for record in records:
        organisation, role = record.organisation, record.get_role_display()
        if record.history_type == "+":
            summary = f"Added {organisation} to the consortium as {role.lower()}"
        elif record.history_type == "-":
            summary = f"Removed {organisation} from the consortium"
        elif roles.get(record.id) != role:
            summary = f"Changed {organisation}'s role in the consortium to {role.lower()}"
        else:
            continue
        roles[record.id] = role
        entries.append(HistoryEntry(record.history_date, _person(record.history_user), summary))
    return entries


def project_history(project: Project) -> list[HistoryEntry]:
    """Everything that happened to a project and its consortium, newest first, in a fixed number of queries."""
    records = (
        project.history.select_related("history_user__organisation", "lead_organisation", "funding_programme", "funder")
        .prefetch_related(
            "historicalproject_boroughs_set__borough",
            "historicalproject_places_set__place__borough",
            "historicalproject_intervention_types_set__interventiontype",
        )
        .order_by("history_date", "history_id")
    )
    members = (
        ConsortiumMember.history.filter(project_id=project.pk)
        .select_related("history_user__organisation", "organisation")
        .order_by("history_date", "history_id")
    )
    entries = _record_entries(records, PROJECT_HISTORY_FIELDS, PROJECT_HISTORY_M2M, "project")
    entries += _consortium_entries(members)
    return sorted(entries, key=lambda entry: entry.when, reverse=True)


def return_history(monitoring_return: MonitoringReturn) -> list[HistoryEntry]:
    """Everything that happened to a monitoring return, newest first."""
    records = monitoring_return.history.select_related("history_user__organisation").order_by(
        "history_date", "history_id"
    )
    entries = _record_entries(records, RETURN_HISTORY_FIELDS, (), "return")
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
