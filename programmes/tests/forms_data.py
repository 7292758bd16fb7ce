"""What the project and return forms post, built from readable values, for tests that drive the real pages."""

from datetime import date

from programmes.models import ConsortiumRole, YouthInvolvement


def date_parts(name: str, value: date | None) -> dict:
    if value is None:
        return {f"{name}_0": "", f"{name}_1": "", f"{name}_2": ""}
    return {f"{name}_0": str(value.day), f"{name}_1": str(value.month), f"{name}_2": str(value.year)}


def project_form_data(
    *,
    title="Estate mentoring",
    lead_organisation=None,
    boroughs=(),
    places=(),
    intervention_types=(),
    start_date=date(2025, 4, 1),
    end_date=date(2027, 3, 31),
    age_min=11,
    age_max=18,
    funding_amount="25000",
    target_reach="120",
    consortium=(),
    version=None,
    **extra,
) -> dict:
    """The POST body of the project form; `consortium` is (organisation, role) pairs."""
    data = {
        "title": title,
        "description": "Mentoring on the estate.",
        "boroughs": [str(borough.pk) for borough in boroughs],
        "places": [str(place.pk) for place in places],
        "intervention_types": [str(kind.pk) for kind in intervention_types],
        "age_min": str(age_min),
        "age_max": str(age_max),
        **date_parts("start_date", start_date),
        **date_parts("end_date", end_date),
        "funding_programme": "",
        "funder": "",
        "funding_amount": funding_amount,
        "target_reach": target_reach,
        "target_reach_note": "",
        "youth_involvement": YouthInvolvement.CO_DESIGNED,
        "youth_involvement_detail": "Young residents sit on the steering group.",
        "consortium-TOTAL_FORMS": str(len(consortium)),
        "consortium-INITIAL_FORMS": "0",
        "consortium-MIN_NUM_FORMS": "0",
        "consortium-MAX_NUM_FORMS": "1000",
    }
    if lead_organisation is not None:
        data["lead_organisation"] = str(lead_organisation.pk)
    if version is not None:
        data["version"] = str(version)
    for index, (organisation, role) in enumerate(consortium):
        data[f"consortium-{index}-organisation"] = str(organisation.pk)
        data[f"consortium-{index}-role"] = role or ConsortiumRole.DELIVERY_PARTNER
    data.update(extra)
    return data


def return_form_data(*, quarter_start: date | None = None, reached="40", sessions="12", families="5", version=None):
    """The POST body of the return form (the quarter only when starting a return)."""
    data = {
        "young_people_reached": reached,
        "sessions_delivered": sessions,
        "families_reached": families,
        "narrative": "Weekly sessions ran all quarter.",
    }
    if quarter_start is not None:
        data["quarter"] = quarter_start.isoformat()
    if version is not None:
        data["version"] = str(version)
    return data
