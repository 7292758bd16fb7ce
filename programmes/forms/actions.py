"""The form behind an action's button (submit, delete): only the version of the object the page was made from."""

from django import forms

from .fields import VersionField


class ConfirmForm(forms.Form):
    """A button's form: only the version of the object the page was made from."""

    version = VersionField()
