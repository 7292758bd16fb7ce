"""The report's one choice: which quarter, from the partnership's first to the current one."""

from datetime import date

from django import forms

from programmes.partnership import PARTNERSHIP_START
from programmes.periods import Quarter, quarters_between


def report_quarters(today: date) -> list[Quarter]:
    """Every quarter a report can cover, the latest first: from the partnership's start to today's quarter."""
    return list(reversed(quarters_between(PARTNERSHIP_START, today)))


def latest_ended_quarter(today: date) -> Quarter:
    """The quarter a report is usually wanted for: the last one that has ended."""
    return Quarter.containing(today).previous()


class QuarterForm(forms.Form):
    """Choose the quarter; an unknown or malformed value is refused at the field."""

    quarter = forms.TypedChoiceField(
        label="Quarter",
        coerce=date.fromisoformat,
        error_messages={"invalid_choice": "Choose a quarter from the list.", "required": "Choose a quarter."},
    )

    def __init__(self, data=None, *, today: date):
        quarters = report_quarters(today)
        super().__init__(data or {"quarter": latest_ended_quarter(today).start.isoformat()})
        self.fields["quarter"].choices = [(quarter.start.isoformat(), str(quarter)) for quarter in quarters]

    def chosen(self) -> Quarter:
        return Quarter.containing(self.cleaned_data["quarter"])
