"""The VRU's decision on submitted work: verify it, or return it with a comment."""

from django import forms

from .. import rules
from .fields import VersionField


class ReviewForm(forms.Form):
    """The VRU's decision on submitted work: verify it, or return it with a comment."""

    VERIFY, SEND_BACK = "verify", "send_back"

    decision = forms.ChoiceField(
        choices=[(VERIFY, "Verify it"), (SEND_BACK, "Return it for changes")],
        widget=forms.RadioSelect,
        label="Your decision",
        error_messages={"required": "Choose whether to verify it or return it for changes"},
    )
    comment = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        label="Comment",
        help_text="The organisation sees this. Needed when you return it: say what needs to change.",
    )
    version = VersionField()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == self.SEND_BACK and (
            message := rules.send_back_without_comment(cleaned.get("comment", ""))
        ):
            self.add_error("comment", message)
        return cleaned
