"""JSON bodies read through the pages' own forms, so the API checks what the pages check and says it the same way.

A body becomes the form data the page would post (a date as its day, month and year boxes, the consortium as
formset rows); the form's errors come back field by field in the API's error shape.
"""

import re

from django.http import QueryDict

from programmes.forms.projects import PROJECT_DETAILS
from programmes.models import MonitoringReturn, Project

LIST_FIELDS = ("boroughs", "places", "intervention_types")
DATE_FIELDS = ("start_date", "end_date")
PROJECT_INPUTS = tuple(name for name in PROJECT_DETAILS if name not in LIST_FIELDS + DATE_FIELDS)
ISO_DATE = re.compile(r"(?P<year>\d{1,4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})")
RETURN_INPUTS = ("quarter", "young_people_reached", "sessions_delivered", "families_reached", "narrative")


def _text(value) -> str:
    return "" if value is None else str(value)


def _date_parts(data: QueryDict, name: str, value) -> None:
    """A date (`2026-03-27`) as the GOV.UK day, month and year boxes, so the form judges it as the page does:
    31 February is "must be a real date"; anything not shaped like a date fills every box and is refused too."""
    text = _text(value).strip()
    shaped = ISO_DATE.fullmatch(text)
    parts = (shaped["day"], shaped["month"], shaped["year"]) if shaped else (text, text, text)
    for index, part in enumerate(parts):
        data[f"{name}_{index}"] = part


def _as_list(value) -> list:
    return value if isinstance(value, list) else [] if value in (None, "") else [value]


def project_form_data(body: dict) -> QueryDict:
    """The project form and consortium formset's POST data for a JSON project."""
    data = QueryDict(mutable=True)
    for name in PROJECT_INPUTS:
        data[name] = _text(body.get(name))
    for name in LIST_FIELDS:
        data.setlist(name, [_text(item) for item in _as_list(body.get(name))])
    for name in DATE_FIELDS:
        _date_parts(data, name, body.get(name))
    members = [member for member in _as_list(body.get("consortium")) if isinstance(member, dict)]
    data.update({"consortium-TOTAL_FORMS": str(len(members)), "consortium-INITIAL_FORMS": "0"})
    for index, member in enumerate(members):
        data[f"consortium-{index}-organisation"] = _text(member.get("organisation"))
        data[f"consortium-{index}-role"] = _text(member.get("role"))
    return data


def project_as_input(project: Project) -> dict:
    """A project as a JSON body, so a PATCH changes only what it names."""
    body = {name: getattr(project, f"{name}_id", getattr(project, name, None)) for name in PROJECT_INPUTS}
    body.update(
        boroughs=[borough.pk for borough in project.boroughs.all()],
        places=[place.pk for place in project.places.all()],
        intervention_types=[kind.pk for kind in project.intervention_types.all()],
        start_date=project.start_date.isoformat(),
        end_date=project.end_date.isoformat(),
        consortium=[
            {"organisation": member.organisation_id, "role": member.role} for member in project.consortium_members.all()
        ],
    )
    return body


def return_form_data(body: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for name in RETURN_INPUTS:
        data[name] = _text(body.get(name))
    return data


def return_as_input(monitoring_return: MonitoringReturn) -> dict:
    return {name: getattr(monitoring_return, name) for name in RETURN_INPUTS if name != "quarter"}


def form_errors(form, *, prefix: str = "") -> list[dict]:
    """A form's errors, each at its field (a date's error at the date, not its boxes); form-wide ones at none."""
    return [
        {"field": None if name == "__all__" else f"{prefix}{name}", "message": item["message"]}
        for name, items in form.errors.get_json_data().items()
        for item in items
    ]


def formset_errors(formset, name: str) -> list[dict]:
    """A formset's errors: each row's at `name[index].field`, the formset's own at `name`."""
    errors = [
        error for index, form in enumerate(formset.forms) for error in form_errors(form, prefix=f"{name}[{index}].")
    ]
    return errors + [{"field": name, "message": message} for message in formset.non_form_errors()]
