"""The coverage pages' filters: period, ages, intervention types, boroughs, organisations and statuses."""

import re
from datetime import date

from django import forms
from django.http import QueryDict

from programmes.models import ProjectStatus
from programmes.periods import Quarter

from ..analysis.data import ALL_AGES, Ages, Criteria, Dates, Partnership
from ..selectors.partnership import COUNTED_STATUSES

# The partnership began in the 2021–22 financial year.
FIRST_FINANCIAL_YEAR = 2021
AGE_BANDS = {"0-9": Ages(0, 9), "10-13": Ages(10, 13), "14-17": Ages(14, 17), "18-25": Ages(18, 25)}
CUSTOM_AGES = "custom"
NOW, RECORDED = "now", "recorded"
# GOV.UK asks for numbers in a text input with a numeric keyboard, not type="number".
AGE_INPUT = forms.TextInput(attrs={"class": "govuk-input govuk-input--width-3", "inputmode": "numeric"})
_PERIOD = re.compile(r"^fy(?P<year>\d{4})(?:-q(?P<quarter>[1-4]))?$")


def financial_year_label(year: int) -> str:
    """A financial year as people write it: 2025–26."""
    return f"{year}–{str(year + 1)[-2:]}"


def period_choices(today: date) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each financial year from the partnership's first to two years ahead, whole or by quarter."""
    last = Quarter.containing(today).financial_year + 2
    groups = []
    for year in range(FIRST_FINANCIAL_YEAR, last + 1):
        first = Quarter(date(year, 4, 1))
        quarters = [first, first.next(), first.next().next(), first.next().next().next()]
        label = financial_year_label(year)
        options = [(f"fy{year}", f"{label}, the whole year (April {year} to March {year + 1})")]
        options += [(f"fy{year}-q{q.number}", f"{label} Q{q.number} ({q.start:%B} to {q.end:%B %Y})") for q in quarters]
        groups.append((label, options))
    return groups


def period_value(quarter: Quarter) -> str:
    """The filter's value for a quarter: fy2025-q3."""
    return f"fy{quarter.financial_year}-q{quarter.number}"


def period_dates(value: str) -> Dates:
    """The first and last day of a period chosen as `fy2025` (a financial year) or `fy2025-q3` (a quarter)."""
    match = _PERIOD.match(value)
    year, number = int(match["year"]), match["quarter"]
    if number is None:
        return Dates(date(year, 4, 1), date(year + 1, 3, 31))
    quarter = Quarter(date(year, 4, 1))
    for _ in range(int(number) - 1):
        quarter = quarter.next()
    return Dates(quarter.start, quarter.end)


class CoverageFilterForm(forms.Form):
    """What the coverage pages show: read from the query string, with the defaults filled in where it is silent."""

    period = forms.ChoiceField(label="Period", help_text="Financial years run from April to March.")
    ages = forms.ChoiceField(
        label="Age band",
        required=False,
        widget=forms.RadioSelect,
        choices=[("", "All ages")]
        + [(key, f"{low} to {high}") for key, (low, high) in AGE_BANDS.items()]
        + [(CUSTOM_AGES, "Another range")],
        help_text="A project serves a band when its ages and the band's have any age in common.",
    )
    age_min = forms.IntegerField(
        label="Youngest age",
        required=False,
        min_value=0,
        max_value=120,
        help_text="For another range only.",
        widget=AGE_INPUT,
        error_messages={"invalid": "Enter the youngest age as a whole number, like 12."},
    )
    age_max = forms.IntegerField(
        label="Oldest age",
        required=False,
        min_value=0,
        max_value=120,
        help_text="For another range only.",
        widget=AGE_INPUT,
        error_messages={"invalid": "Enter the oldest age as a whole number, like 17."},
    )
    type = forms.MultipleChoiceField(
        label="Intervention types",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked for every type.",
    )
    borough = forms.MultipleChoiceField(
        label="Boroughs",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked for the seven partnership boroughs.",
    )
    organisations = forms.ChoiceField(
        label="Organisations",
        widget=forms.RadioSelect,
        choices=[(NOW, "As they are now, after mergers"), (RECORDED, "As recorded on each project")],
        help_text="As they are now, projects by organisations that have since merged count as one organisation's.",
    )
    include = forms.MultipleChoiceField(
        label="Also count",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(ProjectStatus.DRAFT, "Draft projects"), (ProjectStatus.CANCELLED, "Cancelled projects")],
        help_text="Drafts and cancelled projects are left out unless you tick them.",
    )

    def __init__(self, data: QueryDict, *, reference: Partnership, today: date | None = None):
        today = today or date.today()
        data = data.copy()
        for name, value in {"period": period_value(Quarter.containing(today)), "organisations": NOW}.items():
            if name in self.base_fields:
                data.setdefault(name, value)
        super().__init__(data)
        self.reference = reference
        self.fields["type"].choices = [(t.slug, t.name) for t in reference.types]
        if "period" in self.fields:
            self.fields["period"].choices = period_choices(today)
        if "borough" in self.fields:
            ordered = sorted(reference.boroughs, key=lambda b: (not b.is_partnership, b.name))
            self.fields["borough"].choices = [
                (b.gss_code, f"{b.name} (partnership borough)" if b.is_partnership else b.name) for b in ordered
            ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("ages") == CUSTOM_AGES:
            young, old = cleaned.get("age_min"), cleaned.get("age_max")
            if young is None and "age_min" not in self.errors:
                self.add_error("age_min", "Enter the youngest age of the range.")
            if old is None and "age_max" not in self.errors:
                self.add_error("age_max", "Enter the oldest age of the range.")
            if young is not None and old is not None and young > old:
                self.add_error("age_max", "The oldest age must be the same as or above the youngest age.")
        return cleaned

    @property
    def age_band(self) -> Ages:
        """The ages chosen: a band, another range, or all ages."""
        ages = self.cleaned_data["ages"]
        if ages == CUSTOM_AGES:
            return Ages(self.cleaned_data["age_min"], self.cleaned_data["age_max"])
        return AGE_BANDS.get(ages, ALL_AGES)

    def dates(self) -> Dates:
        """The first and last day of the period chosen."""
        return period_dates(self.cleaned_data["period"])

    def criteria(self) -> Criteria:
        """The question the user asked, as the analysis takes it."""
        start, end = self.dates()
        ages = self.age_band
        chosen = set(self.cleaned_data["type"])
        return Criteria(
            start=start,
            end=end,
            statuses=COUNTED_STATUSES | set(self.cleaned_data["include"]),
            age_min=ages.youngest,
            age_max=ages.oldest,
            type_ids=frozenset(t.id for t in self.reference.types if t.slug in chosen) if chosen else None,
            organisations_now=self.cleaned_data["organisations"] == NOW,
        )

    def borough_ids(self) -> list[int]:
        """The boroughs chosen, or the partnership boroughs when none are."""
        chosen = set(self.cleaned_data["borough"])
        return [b.id for b in self.reference.boroughs if (b.gss_code in chosen if chosen else b.is_partnership)]

    def summary(self) -> str:
        """The filters in words, for the page's opening paragraph and the CSV's readers."""
        labels = dict(option for _, group in self.fields["period"].choices for option in group)
        band = self.age_band
        ages = "all ages" if band == ALL_AGES else f"ages {band.youngest} to {band.oldest}"
        organisations = "as they are now" if self.cleaned_data["organisations"] == NOW else "as recorded"
        included = [
            label.lower() for value, label in self.fields["include"].choices if value in self.cleaned_data["include"]
        ]
        also = f", including {' and '.join(included)}" if included else ""
        return f"{labels[self.cleaned_data['period']]}, {ages}, organisations {organisations}{also}"

    def register_params(self) -> dict[str, str | int]:
        """The register's query parameters for this period, age band and statuses."""
        start, end = self.dates()
        params: dict[str, str | int] = {"active_from": start.isoformat(), "active_to": end.isoformat()}
        if not self.cleaned_data["include"]:
            params["counted"] = "on"  # The register's "not drafts, not cancelled"; with either included, all.
        if (band := self.age_band) != ALL_AGES:
            params["age_min"], params["age_max"] = band.youngest, band.oldest
        return params


class TimelineFilterForm(CoverageFilterForm):
    """The timeline covers all time and every borough, so it takes no period or borough."""

    period = None
    borough = None

    def dates(self) -> Dates:
        """All time."""
        return Dates(date.min, date.max)


class OverlapFilterForm(CoverageFilterForm):
    """The overlap list's filters, plus whether VRU staff have reviewed each overlap."""

    review = forms.ChoiceField(
        label="Review",
        required=False,
        widget=forms.RadioSelect,
        choices=[("", "All overlaps"), ("unreviewed", "Not reviewed yet"), ("reviewed", "Reviewed")],
    )
