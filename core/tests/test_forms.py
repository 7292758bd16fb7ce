"""The GOV.UK date field: a real date or one clear message at the field, never a 500, never a date dropped."""

from datetime import date

import pytest
from django import forms

from core.forms import DateField


class DatesForm(forms.Form):
    start = DateField(label="Start date")
    follow_up = DateField(label="Follow-up date", required=False, help_text="When young people were told.")


def bound(**parts) -> DatesForm:
    data = {f"{name}_{index}": value for name, values in parts.items() for index, value in enumerate(values)}
    form = DatesForm(data)
    form.is_valid()
    return form


def test_a_real_date_is_read_and_an_optional_one_left_empty_is_none():
    form = bound(start=("27", "3", "2026"))
    assert form.is_valid()
    assert form.cleaned_data == {"start": date(2026, 3, 27), "follow_up": None}


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (("", "", ""), "Enter the start date"),
        (("27", "", "2026"), "Enter the start date"),
        (("31", "2", "2025"), "Start date must be a real date"),
        (("1", "2147483648", "2025"), "Start date must be a real date"),
        (("1", "6", "99999999999999999999"), "Start date must be a real date"),
        (("1", "6", "202"), "Start date must be a real date, with a four-digit year"),
        (("a", "6", "2025"), "Enter a valid date"),
    ],
    ids=["empty", "a part missing", "no such day", "month too big", "year too big", "three-digit year", "letters"],
)
def test_a_date_that_is_not_real_or_not_whole_is_refused_at_the_field(parts, message):
    assert bound(start=parts).errors["start"] == [message]


def test_an_optional_date_filled_in_only_partly_is_refused_not_dropped():
    form = bound(start=("27", "3", "2026"), follow_up=("30", "4", ""))
    assert form.errors["follow_up"] == ["Enter the follow-up date"]


def test_the_hint_says_how_to_write_a_date_unless_the_field_says_more():
    assert DatesForm().fields["start"].help_text == "For example, 27 3 2026"
    assert DatesForm().fields["follow_up"].help_text == "When young people were told."
