"""The register's column chooser: which columns its table shows, remembered in the URL (`columns`)."""

from django import forms

from ..selectors.register import REGISTER_COLUMNS

# Always shown: each row's link to its project.
FIXED_COLUMN = "title"
# A short set that fits a 1,280-pixel window beside the filters; the others are a tick away.
DEFAULT_COLUMNS = ("lead", "boroughs", "intervention_types", "start", "end", "status", "target", "reached")


class RegisterColumnsForm(forms.Form):
    """The columns to show besides the title; none ticked (or a bad name) shows the short default set."""

    columns = forms.MultipleChoiceField(
        label="Columns to show",
        choices=[(column.key, column.heading) for column in REGISTER_COLUMNS if column.key != FIXED_COLUMN],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose columns from the list"},
    )

    def __init__(self, query):
        super().__init__(query if "columns" in query else None, initial={"columns": DEFAULT_COLUMNS})

    def chosen(self) -> set[str]:
        """The keys of the columns to show, the title among them."""
        ticked = self.cleaned_data["columns"] if self.is_bound and self.is_valid() else ()
        return {FIXED_COLUMN, *(ticked or DEFAULT_COLUMNS)}
