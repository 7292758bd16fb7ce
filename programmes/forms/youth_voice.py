"""The youth voice session form, one for recording a session and for updating it; the service checks the rules."""

from django import forms

from boroughs.models import Borough, Place
from core.forms import DateField
from partners.models import Organisation

from .. import rules
from ..models import FollowUpStatus, YouthVoiceSession
from ..services.youth_voice import YouthVoiceSessionDetails
from .fields import number_input

MULTIPLE_HINT = "Hold Ctrl (or Cmd on a Mac) to choose more than one."
CUT_HINTS = {
    "places": "There are too many places to list them all: choose the borough, save, then add places.",
    "projects": "There are too many projects to list them all: record the session from the project's page "
    "to link it, or ask VRU staff to link it.",
}


class YouthVoiceSessionForm(forms.Form):
    """One form for recording a session and for updating it; the service checks the rules across fields."""

    title = forms.CharField(
        label="What was the session about?",
        max_length=200,
        error_messages={"required": "Enter what the session was about"},
    )
    date = DateField(label="Date of the session")
    borough = forms.ModelChoiceField(
        queryset=Borough.objects.all(),
        empty_label="Choose a borough",
        error_messages={"required": "Choose the borough the session was in"},
    )
    places = forms.ModelMultipleChoiceField(
        queryset=Place.objects.all(),
        required=False,
        label="Places (optional)",
        help_text=f"Estates, streets or neighbourhoods in that borough. {MULTIPLE_HINT}",
        widget=forms.SelectMultiple(attrs={"size": 8, "class": "govuk-select app-select-multiple"}),
    )
    organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        label="Organisations involved (optional)",
        widget=forms.CheckboxSelectMultiple,
    )
    projects = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        label="Projects the session was about (optional)",
        widget=forms.SelectMultiple(attrs={"size": 8, "class": "govuk-select app-select-multiple"}),
    )
    young_people = forms.IntegerField(
        label="How many young people took part?",
        min_value=0,
        error_messages={
            "required": "Enter how many young people took part",
            "invalid": "Enter how many young people took part as a whole number, like 12",
            "min_value": rules.negative_message("young_people"),
        },
        widget=number_input(5),
    )
    you_said = forms.CharField(
        label="You said: what did young people ask for?",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter what young people asked for"},
    )
    we_did = forms.CharField(
        label="We did: what changed as a result? (optional until you report back)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    follow_up_status = forms.ChoiceField(
        label="Follow-up", choices=FollowUpStatus.choices, initial=FollowUpStatus.NOT_STARTED, widget=forms.RadioSelect
    )
    follow_up_date = DateField(
        label="Follow-up date",
        required=False,
        help_text="When young people were, or will be, told what changed. For example, 30 4 2026",
    )

    def __init__(self, *args, projects, project_offer, place_offer, session: YouthVoiceSession | None = None, **kwargs):
        """`projects` are those the user may link; the offers are (choices to list, whether the list is cut)."""
        super().__init__(*args, **kwargs)
        self.fields["projects"].queryset = projects
        # The lists shown can be shorter than what validates, so thousands of options are never rendered.
        for name, (offered, cut) in {"projects": project_offer, "places": place_offer}.items():
            self.fields[name].widget.choices = [(choice.pk, str(choice)) for choice in offered]
            if cut:
                self.fields[name].help_text = CUT_HINTS[name]
        linked = [organisation.pk for organisation in session.organisations.all()] if session else []
        self.fields["organisations"].queryset = (
            Organisation.objects.current() | Organisation.objects.filter(pk__in=linked)
        ).order_by("name")

    def details(self) -> YouthVoiceSessionDetails:
        """The cleaned answers, as the services take them."""
        data = dict(self.cleaned_data)
        for name in ("places", "organisations", "projects"):
            data[name] = tuple(data[name])
        return YouthVoiceSessionDetails(**data)

    @classmethod
    def initial_for(cls, session: YouthVoiceSession) -> dict:
        """A session's current answers, to fill the form for an update."""
        return {
            "title": session.title,
            "date": session.date,
            "borough": session.borough_id,
            "places": [place.pk for place in session.places.all()],
            "organisations": [organisation.pk for organisation in session.organisations.all()],
            "projects": [project.pk for project in session.projects.all()],
            "young_people": session.young_people,
            "you_said": session.you_said,
            "we_did": session.we_did,
            "follow_up_status": session.follow_up_status,
            "follow_up_date": session.follow_up_date,
        }
