"""The overlap review page's forms: which overlap it is about, and VRU staff's judgement of it."""

from django import forms

from ..analysis.data import BOROUGH, PLACE, Site
from ..models import OverlapReviewStatus


class OverlapIdentityForm(forms.Form):
    """Which overlap a review page is about, from its query string: site, intervention type and projects."""

    site = forms.RegexField(regex=rf"^({PLACE}|{BOROUGH})-\d+$")
    type = forms.SlugField()
    projects = forms.RegexField(regex=r"^\d+(,\d+)+$")

    def site_value(self) -> Site:
        kind, pk = self.cleaned_data["site"].split("-")
        return Site(kind, int(pk))

    def project_ids(self) -> list[int]:
        return sorted({int(pk) for pk in self.cleaned_data["projects"].split(",")})


class OverlapReviewForm(forms.Form):
    """VRU staff's judgement of an overlap: complementary or duplication to be resolved, and why."""

    status = forms.ChoiceField(
        label="Your judgement",
        widget=forms.RadioSelect,
        choices=OverlapReviewStatus.choices,
        error_messages={"required": "Choose whether the projects are complementary or duplication to resolve."},
    )
    note = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text="Say why, so colleagues and the organisations understand the judgement.",
        error_messages={"required": "Enter a note saying why."},
    )
