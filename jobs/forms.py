"""Forms for starting an export and uploading a file to import."""

from django import forms
from django.conf import settings
from django.core.validators import FileExtensionValidator

from .imports.files import SNIFF_BYTES, ImportFileError, check_file_kind
from .models import ExportKind, ImportKind


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
        help_text="A CSV or Excel (.xlsx) file with the template's headings, up to 10 MB and 20,000 rows.",
        validators=[FileExtensionValidator(["csv", "xlsx"], message="The file must be a CSV or an Excel .xlsx file.")],
        error_messages={"required": "Choose a file to upload.", "empty": "The file is empty."},
    )

    def clean_file(self):
        """Refuse a file over the limit (core.uploads kept one byte past it) or not of the kind its name says."""
        upload = self.cleaned_data["file"]
        if upload.size > settings.FILE_UPLOAD_MAX_BYTES:
            raise forms.ValidationError(f"The file must be smaller than {settings.FILE_UPLOAD_MAX_BYTES / 2**20:g} MB.")
        upload.seek(0)
        try:
            check_file_kind(upload.read(SNIFF_BYTES), upload.name)
        except ImportFileError as error:
            raise forms.ValidationError(str(error)) from error
        upload.seek(0)
        return upload
