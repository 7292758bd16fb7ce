"""`in` on integer columns that drops values the column cannot hold, so a crafted id is "not a choice", never a 500."""

from django.db.models import IntegerField
from django.db.models.lookups import In


@IntegerField.register_lookup
class InColumnRange(In):
    """A value outside the column's range matches no row on any backend, and SQLite refuses even to bind it
    (OverflowError). Django already answers "no match" for such a value with `exact` and the comparisons; this
    does the same for `in`, which every multiple-choice field uses, so the form reports the choice as invalid."""

    lookup_name = "in"

    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value():
            low, high = connection.ops.integer_field_range(self.lhs.output_field.get_internal_type())
            self.rhs = [value for value in self.rhs if not isinstance(value, int) or _within(value, low, high)]
        return super().process_rhs(compiler, connection)


def _within(value: int, low: int | None, high: int | None) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)
