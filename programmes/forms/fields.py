"""Field pieces the project and return forms share: number inputs, counts' messages, the version posted back."""

from django import forms

from .. import rules


def number_input(width: int = 4, *, decimal: bool = False) -> forms.TextInput:
    """A GOV.UK number field: a text input with a numeric keyboard, as the Design System advises."""
    return forms.TextInput(
        attrs={
            "inputmode": "decimal" if decimal else "numeric",
            "class": f"govuk-input--width-{width}",
            "spellcheck": "false",
        }
    )


def count_errors(name: str, required: str = "") -> dict:
    """Error messages for a count (by field name): not negative, a whole number, and (if given) what to enter
    when it is missing."""
    messages = {
        "min_value": rules.negative_message(name),
        "invalid": f"{rules.NOT_NEGATIVE[name]} must be a whole number",
    }
    return {**messages, "required": required} if required else messages


class VersionField(forms.IntegerField):
    """The version of the object the page was made from, posted back to catch concurrent changes."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)
