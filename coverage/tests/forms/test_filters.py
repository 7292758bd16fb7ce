"""The coverage filters: periods, age bands, defaults, and the question they put to the analysis."""

from datetime import date

import pytest
from django.http import QueryDict

from coverage.analysis.data import ALL_AGES
from coverage.forms.filters import CoverageFilterForm, period_choices, period_dates
from coverage.tests.plain_partnerships import BRENT, MENTORING, NEWHAM, SAFE_SPACES, partnership

TODAY = date(2025, 11, 24)


def form(query: str = "") -> CoverageFilterForm:
    return CoverageFilterForm(QueryDict(query), reference=partnership(), today=TODAY)


@pytest.mark.parametrize(
    ("value", "dates"),
    [
        ("fy2025", (date(2025, 4, 1), date(2026, 3, 31))),
        ("fy2025-q1", (date(2025, 4, 1), date(2025, 6, 30))),
        ("fy2025-q4", (date(2026, 1, 1), date(2026, 3, 31))),
    ],
)
def test_a_period_is_a_financial_year_or_one_of_its_quarters(value, dates):
    assert period_dates(value) == dates


def test_periods_run_from_the_partnerships_first_year_to_two_years_ahead():
    groups = period_choices(TODAY)
    assert [label for label, _ in groups][0] == "2021–22"
    assert [label for label, _ in groups][-1] == "2027–28"
    assert ("fy2025-q3", "2025–26 Q3 (October to December 2025)") in groups[4][1]


def test_with_no_filters_the_question_is_this_quarter_all_ages_every_type_counted_statuses_as_now():
    filters = form()
    assert filters.is_valid(), filters.errors
    criteria = filters.criteria()
    assert (criteria.start, criteria.end) == (date(2025, 10, 1), date(2025, 12, 31))
    assert (criteria.age_min, criteria.age_max) == ALL_AGES
    assert criteria.type_ids is None
    assert criteria.statuses == {"submitted", "returned", "verified"}
    assert criteria.organisations_now is True
    assert filters.borough_ids() == [BRENT.id, 2]  # the partnership boroughs


def test_filters_become_the_criteria_asked_for():
    filters = form("period=fy2024&ages=14-17&type=safe-spaces&borough=E09000025&organisations=recorded&include=draft")
    assert filters.is_valid(), filters.errors
    criteria = filters.criteria()
    assert (criteria.start, criteria.age_min, criteria.age_max) == (date(2024, 4, 1), 14, 17)
    assert criteria.type_ids == {SAFE_SPACES.id} and MENTORING.id not in criteria.type_ids
    assert "draft" in criteria.statuses and "cancelled" not in criteria.statuses
    assert criteria.organisations_now is False
    assert filters.borough_ids() == [NEWHAM.id]
    assert filters.register_params() == {
        "active_from": "2024-04-01",
        "active_to": "2025-03-31",
        "age_min": 14,
        "age_max": 17,
    }


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("ages=custom&age_max=12", "age_min", "Enter the youngest age of the range."),
        ("ages=custom&age_min=12", "age_max", "Enter the oldest age of the range."),
        ("ages=custom&age_min=15&age_max=12", "age_max", "The oldest age must be the same as or above"),
        ("ages=custom&age_min=ten&age_max=12", "age_min", "Enter the youngest age as a whole number"),
        ("period=fy1990", "period", "Select a valid choice"),
    ],
)
def test_bad_filters_are_explained_at_their_field(query, field, message):
    filters = form(query)
    assert not filters.is_valid()
    assert message in " ".join(filters.errors[field])


def test_a_custom_age_range_is_used_only_when_chosen():
    custom, band = form("ages=custom&age_min=9&age_max=12"), form("ages=10-13&age_min=1&age_max=2")
    assert custom.is_valid() and band.is_valid()
    assert (custom.criteria().age_min, custom.criteria().age_max) == (9, 12)
    assert (band.criteria().age_min, band.criteria().age_max) == (10, 13)
