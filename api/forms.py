"""The API tokens page's form: a name and an optional expiry date."""

from django import forms

from core.forms import DateField


class ApiTokenForm(forms.Form):
    name = forms.CharField(
        max_length=100,
        label="Token name",
        help_text="What it is for, such as the name of the system that will use it.",
        error_messages={
            "required": "Enter a name for the token",
            "max_length": "The name must be 100 characters or fewer",
        },
    )
    expires_on = DateField(
        label="Expiry date",
        required=False,
        help_text="Optional. The last day the token works. For example, 31 3 2027",
    )
