"""Forms about people: the invitation."""

from django import forms

from core.roles import Role

from .models import Organisation
from .permissions import roles_invitable_by


class InvitationForm(forms.Form):
    """Who to invite, in which role and organisation."""

    email = forms.EmailField(
        label="Email address",
        error_messages={
            "required": "Enter their email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
        },
    )
    first_name = forms.CharField(
        max_length=150, label="First name", error_messages={"required": "Enter their first name"}
    )
    last_name = forms.CharField(max_length=150, label="Last name", error_messages={"required": "Enter their last name"})
    role = forms.ChoiceField(
        widget=forms.RadioSelect, label="Role", error_messages={"required": "Choose their role in the portal"}
    )
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.order_by("name"),
        required=False,
        label="Organisation",
        empty_label="Choose an organisation",
        help_text="Needed for a youth lead.",
    )
    job_title = forms.CharField(max_length=120, required=False, label="Job title (optional)")

    def __init__(self, *args, inviter, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.value, role.label) for role in roles_invitable_by(inviter)]
        self.fields["role"].initial = Role.YOUTH_LEAD
