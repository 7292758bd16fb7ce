"""The monitoring return form: a quarter's figures, and the quarter itself when a return is started."""

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from ..models import MonitoringReturn
from ..periods import Quarter
from .fields import VersionField, count_errors, number_input


class QuarterField(forms.Field):
    """A financial quarter, chosen by its first day; any real quarter is accepted so the service can say why not."""

    widget = forms.Select
    default_error_messages = {
        "required": "Choose the quarter this return is for",
        "invalid": "Choose a quarter from the list",
    }

    def __init__(self, *, quarters: list[Quarter], **kwargs):
        super().__init__(**kwargs)
        self.widget.choices = [("", "Choose a quarter")] + [
            (quarter.start.isoformat(), f"{quarter} ({quarter.start:%B} to {quarter.end:%B %Y})")
            for quarter in quarters
        ]

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            quarter = Quarter.containing(date.fromisoformat(value))
        except (TypeError, ValueError) as error:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from error
        if quarter.start.isoformat() != value:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return quarter


class MonitoringReturnForm(forms.ModelForm):
    """A quarter's figures; the quarter is chosen only when the return is started."""

    version = VersionField()

    class Meta:
        model = MonitoringReturn
        fields = ["young_people_reached", "sessions_delivered", "families_reached", "narrative"]
        labels = {
            "young_people_reached": "Young people reached this quarter",
            "sessions_delivered": "Sessions delivered",
            "families_reached": "Families reached",
            "narrative": "What happened this quarter",
        }
        help_texts = {"narrative": "What went well, what did not, and anything the VRU should know."}
        widgets = {
            "young_people_reached": number_input(5),
            "sessions_delivered": number_input(5),
            "families_reached": number_input(5),
        }
        error_messages = {
            "young_people_reached": count_errors("young_people_reached", "Enter how many young people you reached"),
            "sessions_delivered": count_errors("sessions_delivered", "Enter how many sessions you delivered"),
            "families_reached": count_errors("families_reached", "Enter how many families you reached"),
        }

    def __init__(self, *args, quarters: list[Quarter] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]
            self.fields = {"quarter": QuarterField(quarters=quarters or [], label="Quarter"), **self.fields}

    def return_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}
