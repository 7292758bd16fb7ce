"""Forms for starting an export and uploading a file to import."""

from django import forms
from django.core.validators import FileExtensionValidator

from .models import ExportKind, ImportKind

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class ExportStartForm(forms.Form):
    """Which file to make; the register's filters travel in the URL, not in the form."""

    kind = forms.ChoiceField(
        label="What do you want to export?",
        choices=ExportKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what to export."},
    )


class ImportUploadForm(forms.Form):
    """A CSV or Excel file of projects or monitoring returns, laid out as the template."""

    kind = forms.ChoiceField(
        label="What does the file hold?",
        choices=ImportKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the file holds."},
    )
    file = forms.FileField(
        label="Upload a file",
        help_text="A CSV or Excel (.xlsx) file with the template's headings, up to 10 MB.",
        validators=[FileExtensionValidator(["csv", "xlsx"], message="The file must be a CSV or an Excel .xlsx file.")],
        error_messages={"required": "Choose a file to upload.", "empty": "The file is empty."},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 10 MB.")
        return upload
