"""The coverage map's choices: the kind of work, the period and what the squares are shaded by."""

from django import forms

from programmes.models import InterventionType

PROJECTS, GAPS = "projects", "gaps"


class CoverageMapForm(forms.Form):
    """The map's kind of work, period (today when none is given) and shading."""

    intervention_type = forms.ModelChoiceField(
        queryset=InterventionType.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="All kinds of work",
        label="Kind of work",
    )
    active_from = forms.DateField(
        required=False,
        label="Running on or after",
        widget=forms.DateInput(attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}),
    )
    active_to = forms.DateField(
        required=False,
        label="Running on or before",
        widget=forms.DateInput(attrs={"type": "date", "class": "govuk-input govuk-input--width-10"}),
    )
    shade = forms.ChoiceField(
        required=False,
        initial=PROJECTS,
        label="Shade by",
        widget=forms.RadioSelect,
        choices=[(PROJECTS, "Projects running"), (GAPS, "Gaps in provision (coverage analysis)")],
    )

    def __init__(self, *args, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.today = today

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("active_from") or min(self.today, cleaned.get("active_to") or self.today)
        end = cleaned.get("active_to") or max(self.today, start)
        if end < start:
            self.add_error("active_to", "The end of the period must be on or after its start.")
        cleaned["active_from"], cleaned["active_to"] = start, end
        return cleaned
