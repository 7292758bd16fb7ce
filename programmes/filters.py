"""Filters of the register, funded posts and youth voice log; their GET parameters are a contract others link with."""

from datetime import date

import django_filters
from crispy_forms_gds.widgets import DateInputWidget
from django import forms
from django.db.models import Q
from django_filters.constants import EMPTY_VALUES

from boroughs.models import Borough, Place
from boroughs.selectors import borough_by_code, places_to_offer
from core.forms import DateField
from partners.models import Organisation
from partners.selectors import organisation_ids_rolling_up_to

from .models import (
    ConsortiumMember,
    FollowUpStatus,
    FundedPost,
    FundingProgramme,
    InterventionType,
    Project,
    ProjectStatus,
    YouthVoiceSession,
)


def _projects_involving(organisation_ids) -> Q:
    """Projects an organisation leads or is a consortium member of."""
    members = ConsortiumMember.objects.filter(organisation__in=organisation_ids).values("project_id")
    return Q(lead_organisation__in=organisation_ids) | Q(pk__in=members)


def projects_covering_place(place: Place) -> Q:
    """Projects that cover a place: they name it, or name its borough without naming any place there."""
    naming_a_place_in_borough = Project.places.through.objects.filter(place__borough=place.borough_id).values(
        "project_id"
    )
    names_place = Project.places.through.objects.filter(place=place.pk).values("project_id")
    names_borough = Project.boroughs.through.objects.filter(borough=place.borough_id).values("project_id")
    return Q(pk__in=names_place) | (Q(pk__in=names_borough) & ~Q(pk__in=naming_a_place_in_borough))


def projects_in_borough(borough: Borough) -> Q:
    """Projects that name a borough or a place in it."""
    names_borough = Project.boroughs.through.objects.filter(borough=borough.pk).values("project_id")
    names_place = Project.places.through.objects.filter(place__borough=borough.pk).values("project_id")
    return Q(pk__in=names_borough) | Q(pk__in=names_place)


# The largest value of a 64-bit id column, on every database the portal runs on.
MAX_ID = 2**63 - 1
MAX_ID_DIGITS = len(str(MAX_ID))


def id_from(value) -> int | None:
    """An id from a query parameter, or None when it is missing, not a number or past any id column's range."""
    if not value or not (value.isascii() and value.isdigit()) or len(value) > MAX_ID_DIGITS:
        return None
    return int(value) if int(value) <= MAX_ID else None


def offer_places_by_borough(filterset, query):
    """Narrow a filter's place list to the chosen borough when the whole list is too long to offer."""
    gss_code, place_id = query.get("borough"), id_from(query.get("place"))
    borough = borough_by_code(gss_code)
    field = filterset.form.fields["place"]
    field.queryset, waits_for_borough = places_to_offer(borough=borough, keep=[place_id] if place_id else [])
    if waits_for_borough:
        field.help_text = "Choose a borough and apply the filters to list its places."
    return filterset


class DateFilterWidget(DateInputWidget):
    """A GOV.UK date input (day, month, year) whose URL parameters are `<name>_day`, `_month` and `_year`.

    A link may still give the whole date as `<name>=YYYY-MM-DD` (the register's URL contract, which
    register_url and other pages use); it is read into the three parts. One that is not a date is kept
    as typed, so the field says what is wrong rather than dropping the filter.
    """

    PARTS = ("_day", "_month", "_year")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.widgets_names = list(self.PARTS)

    def value_from_datadict(self, data, files, name):
        whole = data.get(name)
        if not whole:
            return super().value_from_datadict(data, files, name)
        try:
            day = date.fromisoformat(whole)
        except ValueError:
            return [whole, "", ""]
        return [str(day.day), str(day.month), str(day.year)]

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


class DateFilter(django_filters.DateFilter):
    """A date filter shown as a GOV.UK date input; a date typed only in part is refused at the field."""

    field_class = DateField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", DateFilterWidget)
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)


def url_parameters(filterset_class) -> set[str]:
    """Every URL parameter a filter set reads: each filter's name, and the day, month and year of its dates."""
    names = set(filterset_class.base_filters)
    for name, declared in filterset_class.base_filters.items():
        if isinstance(declared, DateFilter):
            names.update(f"{name}{part}" for part in DateFilterWidget.PARTS)
    return names


class StableOrderingFilter(django_filters.OrderingFilter):
    """Sorts by the chosen column, then by id, so paging through the register shows each project once."""

    @property
    def field(self):
        field = super().field
        field.widget.attrs.setdefault("class", "govuk-select")  # a GOV.UK select, as crispy-forms-gds renders others
        return field

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.order_by(*(self.get_ordering_value(param) for param in value), "pk")


class TickToFilter(forms.CheckboxInput):
    """A checkbox that filters when ticked and, unticked, means "no filter" (None) rather than "false"."""

    def value_from_datadict(self, data, files, name):
        return True if super().value_from_datadict(data, files, name) else None


# Crispy-forms-gds styles the widgets it knows by their class; these it does not, so they say so themselves.
AGE_INPUT = forms.NumberInput(attrs={"class": "govuk-input govuk-input--width-3", "inputmode": "numeric"})


class ProjectFilter(django_filters.FilterSet):
    """Filters of the register; every parameter lives in the URL so a view can be bookmarked."""

    q = django_filters.CharFilter(label="Search", method="filter_text")
    borough = django_filters.ModelChoiceFilter(
        queryset=Borough.objects.all(), to_field_name="gss_code", method="filter_borough", label="Borough"
    )
    place = django_filters.ModelChoiceFilter(
        queryset=Place.objects.select_related("borough"), method="filter_place", label="Place"
    )
    intervention_type = django_filters.ModelChoiceFilter(
        queryset=InterventionType.objects.all(),
        to_field_name="slug",
        method="filter_intervention_type",
        label="Intervention type",
    )
    organisation = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), method="filter_organisation", label="Organisation (as recorded)"
    )
    organisation_now = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.current(),
        method="filter_organisation_now",
        label="Organisation as it is now (after mergers)",
    )
    programme = django_filters.ModelChoiceFilter(
        queryset=FundingProgramme.objects.all(), field_name="funding_programme", label="Funding programme"
    )
    status = django_filters.ChoiceFilter(choices=ProjectStatus.choices)
    counted = django_filters.BooleanFilter(
        method="filter_counted",
        widget=TickToFilter(attrs={"class": "govuk-checkboxes__input"}),
        label="Only projects that count towards reach and coverage (not drafts, not cancelled)",
    )
    active_from = DateFilter(field_name="end_date", lookup_expr="gte", label="Active on or after")
    active_to = DateFilter(field_name="start_date", lookup_expr="lte", label="Active on or before")
    age_min = django_filters.NumberFilter(
        field_name="age_max", lookup_expr="gte", label="Serving ages from", widget=AGE_INPUT
    )
    age_max = django_filters.NumberFilter(
        field_name="age_min", lookup_expr="lte", label="Serving ages to", widget=AGE_INPUT
    )
    ordering = StableOrderingFilter(
        fields=(
            ("title", "title"),
            ("lead_organisation__name", "lead"),
            ("start_date", "start"),
            ("end_date", "end"),
            ("target_reach", "target"),
            ("status", "status"),
        ),
        field_labels={"lead_organisation__name": "Lead organisation", "target_reach": "Target reach"},
        label="Sort by",
        empty_label=None,
    )

    class Meta:
        model = Project
        fields = []

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(description__icontains=value) | Q(lead_organisation__name__icontains=value)
        )

    def filter_counted(self, queryset, name, value):
        return queryset.counted()

    def filter_borough(self, queryset, name, borough):
        return queryset.filter(projects_in_borough(borough))

    def filter_place(self, queryset, name, place):
        return queryset.filter(projects_covering_place(place))

    def filter_intervention_type(self, queryset, name, intervention_type):
        typed = Project.intervention_types.through.objects.filter(interventiontype=intervention_type.pk)
        return queryset.filter(pk__in=typed.values("project_id"))

    def filter_organisation(self, queryset, name, organisation):
        return queryset.filter(_projects_involving([organisation.pk]))

    def filter_organisation_now(self, queryset, name, organisation):
        return queryset.filter(_projects_involving(organisation_ids_rolling_up_to(organisation)))


class FundedPostFilter(django_filters.FilterSet):
    """Filters of the funded posts list: filled or vacant, host, programme, running on a day."""

    state = django_filters.ChoiceFilter(
        choices=[("filled", "Filled"), ("vacant", "Vacant"), ("not_known", "Not known")],
        method="filter_state",
        label="Filled or vacant",
    )
    host = django_filters.ModelChoiceFilter(
        queryset=Organisation.objects.all(), field_name="host_organisation", label="Host organisation"
    )
    programme = django_filters.ModelChoiceFilter(
        queryset=FundingProgramme.objects.all(), field_name="funding_programme", label="Funding programme"
    )
    running_on = DateFilter(method="filter_running_on", label="Running on")

    class Meta:
        model = FundedPost
        fields = []

    def filter_state(self, queryset, name, value):
        if value == "not_known":
            return queryset.filter(is_filled__isnull=True)
        return queryset.filter(is_filled=value == "filled")

    def filter_running_on(self, queryset, name, day):
        return queryset.filter(start_date__lte=day, end_date__gte=day)


class YouthVoiceSessionFilter(django_filters.FilterSet):
    """Filters of the youth voice log."""

    borough = django_filters.ModelChoiceFilter(queryset=Borough.objects.all(), to_field_name="gss_code")
    place = django_filters.ModelChoiceFilter(queryset=Place.objects.select_related("borough"), field_name="places")
    organisation = django_filters.ModelChoiceFilter(queryset=Organisation.objects.all(), field_name="organisations")
    follow_up_status = django_filters.ChoiceFilter(choices=FollowUpStatus.choices, label="Follow-up")

    class Meta:
        model = YouthVoiceSession
        fields = []
