"""The project form and its consortium rows: the shape of the answers here, the partnership's rules in rules.py."""

from django import forms
from django.core.validators import MinValueValidator

from boroughs.models import Borough, Place
from core.forms import DateField
from partners.models import Organisation

from .. import rules
from ..models import ConsortiumRole, InterventionType, Project
from .fields import VersionField, count_errors, number_input

# A project's own details, as its form edits them; the API reads and writes the same ones (api/serializers.py,
# api/forms_data.py), so the list has this one home.
PROJECT_DETAILS = (
    "title",
    "description",
    "lead_organisation",
    "boroughs",
    "places",
    "intervention_types",
    "age_min",
    "age_max",
    "start_date",
    "end_date",
    "funding_programme",
    "funder",
    "funding_amount",
    "target_reach",
    "target_reach_note",
    "youth_involvement",
    "youth_involvement_detail",
)


class BoroughChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, borough):
        return f"{borough.name} (partnership borough)" if borough.is_partnership_borough else borough.name


class ProjectForm(forms.ModelForm):
    """A project's details; the lead organisation is chosen only when the project is created."""

    RELATIONS = ("lead_organisation", "boroughs", "places", "intervention_types")

    lead_organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        label="Lead organisation",
        help_text="The organisation responsible for the project, which owes its monitoring returns: yours.",
        empty_label="Choose an organisation",
        error_messages={"required": "Choose the lead organisation"},
    )
    boroughs = BoroughChoiceField(
        queryset=Borough.objects.order_by("-is_partnership_borough", "name"),
        widget=forms.CheckboxSelectMultiple,
        label="Boroughs",
        error_messages={"required": "Choose at least one borough"},
        help_text="Every London borough the project works in. Partnership boroughs are listed first.",
    )
    places = forms.ModelMultipleChoiceField(
        queryset=Place.objects.select_related("borough").order_by("borough__name", "name"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label="Places",
        help_text="Estates, streets, roads or neighbourhoods the project focuses on, listed by borough. "
        + rules.PLACES_HINT,
    )
    intervention_types = forms.ModelMultipleChoiceField(
        queryset=InterventionType.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        label="Kinds of work",
        error_messages={"required": "Choose at least one kind of work"},
    )
    start_date = DateField(label="Start date")
    end_date = DateField(label="End date")
    version = VersionField()

    class Meta:
        model = Project
        fields = list(PROJECT_DETAILS)
        labels = {
            "title": "Project name",
            "age_min": "Youngest age served",
            "age_max": "Oldest age served",
            "funding_amount": "Funding amount, in pounds",
            "target_reach": "Target: young people to reach",
            "target_reach_note": "About the target (optional)",
            "youth_involvement": "How far do young people shape the project?",
            "youth_involvement_detail": "How young people shape it",
        }
        help_texts = {
            "description": "What the project does and for whom.",
            "funder": "Who pays for it, if not through a funding programme (optional).",
            "target_reach": "Over the project's whole life.",
        }
        widgets = {
            "youth_involvement": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 5}),
            "age_min": number_input(3),
            "age_max": number_input(3),
            "funding_amount": number_input(10, decimal=True),
            "target_reach": number_input(5),
        }
        error_messages = {
            "title": {"required": "Enter the project name"},
            "age_min": count_errors("age_min", "Enter the youngest age served"),
            "age_max": count_errors("age_max", "Enter the oldest age served"),
            "funding_amount": {
                "min_value": rules.negative_message("funding_amount"),
                "invalid": "Enter the funding amount as a number, like 25000 or 25000.50",
            },
            "target_reach": count_errors("target_reach"),
            "youth_involvement": {"required": "Choose how far young people shape the project"},
        }

    def __init__(self, *args, author=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author
        self.fields["funding_amount"].validators.append(MinValueValidator(0))
        self.fields["funding_programme"].empty_label = "None"
        self.fields["funder"].empty_label = "None"
        if self.instance.pk:
            del self.fields["lead_organisation"]
            self.fields["version"].initial = self.instance.version
        else:
            del self.fields["version"]

    def clean_lead_organisation(self):
        lead = self.cleaned_data["lead_organisation"]
        if self.author is not None:
            names_any_lead = self.author.is_vru_staff
            if message := rules.lead_of_another_organisation(
                lead, self.author.organisation, names_any_lead=names_any_lead
            ):
                raise forms.ValidationError(message)
        return lead

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and (message := rules.end_before_start(start, end)):
            self.add_error("end_date", message)
        age_min, age_max = cleaned.get("age_min"), cleaned.get("age_max")
        if age_min is not None and age_max is not None and (message := rules.ages_out_of_order(age_min, age_max)):
            self.add_error("age_max", message)
        return cleaned

    def places_by_borough(self) -> list[dict]:
        """The place checkboxes grouped under their boroughs, numbered as GOV.UK checkboxes are (id_places_1...)."""
        chosen = {str(value) for value in self["places"].value() or []}
        show_all = bool(self["places"].errors)
        groups = {}
        for number, place in enumerate(self.fields["places"].queryset, start=1):
            group = groups.setdefault(place.borough_id, {"borough": place.borough, "places": [], "open": show_all})
            checked = str(place.pk) in chosen
            group["places"].append(
                {"id": f"id_places_{number}", "value": place.pk, "label": place.name, "checked": checked}
            )
            group["open"] = group["open"] or checked
        return list(groups.values())

    def project_fields(self) -> dict:
        """The project's own fields, without the lead organisation and the many-to-many relations."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name not in self.RELATIONS}


class ConsortiumMemberForm(forms.Form):
    """One organisation in a project's consortium and its role."""

    organisation = forms.TypedChoiceField(coerce=int, required=False, label="Organisation", empty_value=None)
    role = forms.ChoiceField(choices=ConsortiumRole.choices, initial=ConsortiumRole.DELIVERY_PARTNER, label="Role")

    def __init__(self, *args, organisation_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [("", "Choose an organisation")] + organisation_choices


class BaseConsortiumFormSet(forms.BaseFormSet):
    """The consortium: each organisation once; rows left empty or marked for removal are ignored."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = "Remove from the consortium"

    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            organisation_id = form.cleaned_data.get("organisation")
            if organisation_id is None or self._should_delete_form(form):
                continue
            if organisation_id in seen:
                form.add_error("organisation", "This organisation is already in the consortium: choose it once")
            seen.add(organisation_id)

    def members(self) -> list[tuple[Organisation, str]]:
        """The consortium as (organisation, role) pairs, in the order entered."""
        rows = [
            (form.cleaned_data["organisation"], form.cleaned_data["role"])
            for form in self.forms
            if form.cleaned_data.get("organisation") is not None and not self._should_delete_form(form)
        ]
        organisations = Organisation.objects.in_bulk([organisation_id for organisation_id, _ in rows])
        return [(organisations[organisation_id], role) for organisation_id, role in rows]


ConsortiumFormSet = forms.formset_factory(
    ConsortiumMemberForm,
    formset=BaseConsortiumFormSet,
    extra=3,
    can_delete=True,
    max_num=40,
    validate_max=True,
)


def consortium_formset(data=None, *, project: Project | None = None) -> BaseConsortiumFormSet:
    """The consortium rows for a new project, or for an existing one with its members filled in.

    A posted formset is read without the members as initial values, so every row with an organisation
    counts as wanted, whatever the posted form counts say: only the rows posted make the consortium.
    """
    choices = list(Organisation.objects.order_by("name").values_list("pk", "name"))
    initial = (
        [{"organisation": member.organisation_id, "role": member.role} for member in project.consortium_members.all()]
        if project and data is None
        else []
    )
    return ConsortiumFormSet(data, initial=initial, prefix="consortium", form_kwargs={"organisation_choices": choices})
