"""Path converters for the addresses of London areas: a borough's address holds its GSS code and nothing else."""

from .models import GSS_BOROUGH_PATTERN


class BoroughCodeConverter:
    """A London borough's GSS code (E09 and six digits); any other text in its place is no page (404)."""

    regex = GSS_BOROUGH_PATTERN.removeprefix("^").removesuffix("$")

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
