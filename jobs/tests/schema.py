"""The official 360Giving schema (the project's copy beside the exporter, never fetched) as a validator for tests.

The schema writes dates as `oneOf: [{format: date-time}, {pattern: YYYY-MM-DD}]`, which only works when
`format` is asserted, as 360Giving's own Data Quality Tool asserts it: otherwise a YYYY-MM-DD date
matches both branches and fails `oneOf`. So the validator checks `date-time` and `uri` formats, which
jsonschema leaves unchecked without optional packages.
"""

import json
import re
from datetime import datetime
from functools import cache
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from jobs.exports.threesixtygiving import SCHEMA_DIR

# The package schema refers to the grant schema of 1.4.2 by URL; the grant schema file is 1.4.3's.
GRANT_SCHEMA_URLS = (
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json",
    "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-schema.json",
)
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")

FORMATS = FormatChecker(Draft202012Validator.FORMAT_CHECKER.checkers)


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    if not isinstance(value, str):
        return True
    return bool(RFC3339.match(value)) and bool(datetime.fromisoformat(value.replace("Z", "+00:00")))


@FORMATS.checks("uri")
def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.path))


@cache
def package_validator() -> Draft202012Validator:
    """A validator of whole 360Giving packages that resolves the grant schema locally."""
    package = json.loads((SCHEMA_DIR / "360-giving-package-schema.json").read_text())
    # The files name their dialect with http://, which referencing does not recognise: say it is 2020-12.
    grant = DRAFT202012.create_resource(json.loads((SCHEMA_DIR / "360-giving-schema.json").read_text()))
    registry = Registry().with_resources((url, grant) for url in GRANT_SCHEMA_URLS)
    return Draft202012Validator(package, registry=registry, format_checker=FORMATS)


def package_errors(package: dict) -> list[str]:
    """Every way the package breaks the official schema, as readable lines (none when it validates)."""
    return [
        f"{'/'.join(str(p) for p in error.absolute_path) or '(package)'}: {error.message}"
        for error in package_validator().iter_errors(package)
    ]
