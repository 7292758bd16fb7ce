"""Form fields every app shares: the GOV.UK date input (day, month, year) whose errors say what to do."""

from datetime import date

from crispy_forms_gds.fields import DateInputField
from django.core.exceptions import ValidationError

# Dates before this are typing slips (a two-digit year, a missing digit), not the partnership's dates.
EARLIEST_YEAR = 1990
DATE_HINT = "For example, 27 3 2026"


class DateField(DateInputField):
    """A GOV.UK date input; every error names the field and says what to enter.

    A part left empty, or a date that does not exist (31 February, a part too large for a machine
    integer, a year before 1990), is refused with one message at the field. An optional date left
    wholly empty is None; one filled in only partly is refused, never dropped.
    """

    def __init__(self, *, label: str, required: bool = True, help_text: str = DATE_HINT, **kwargs):
        super().__init__(label=label, required=required, help_text=help_text, **kwargs)
        self.error_messages["required"] = self.error_messages["incomplete"] = f"Enter the {label.lower()}"

    def compress(self, data_list):
        day, month, year = data_list
        if not (day or month or year):
            return None
        if not (day and month and year):
            raise ValidationError(self.error_messages["incomplete"], code="incomplete")
        try:
            value = date(day=int(day), month=int(month), year=int(year))
        except (ValueError, OverflowError) as error:  # OverflowError: a part too large for a C integer
            raise ValidationError(f"{self.label} must be a real date", code="invalid") from error
        if value.year < EARLIEST_YEAR:
            raise ValidationError(f"{self.label} must be a real date, with a four-digit year", code="invalid")
        return value
