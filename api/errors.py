"""Every API error in one shape, `{"errors": [{"field": ..., "message": ...}]}`, whatever refused the call.

`field` names the input at fault (`end_date`, `consortium[1].organisation`, a header such as `If-Match`), or is
null when the refusal is about the call as a whole (not signed in, not allowed, not found, too many calls).
"""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from rest_framework import exceptions, serializers, status
from rest_framework.views import exception_handler

from core.errors import PortalError


class ApiError(exceptions.APIException):
    """A refusal with its errors already in the one shape, at the status given."""

    def __init__(self, errors: list[dict], *, status_code: int = status.HTTP_400_BAD_REQUEST):
        super().__init__(detail=errors[0]["message"] if errors else "")
        self.errors, self.status_code = errors, status_code


def error(message: str, *, field: str | None = None, status_code: int = status.HTTP_400_BAD_REQUEST) -> ApiError:
    """One error at one field (or none)."""
    return ApiError([{"field": field, "message": message}], status_code=status_code)


def portal_error(exc: PortalError) -> ApiError:
    """A rule of the partnership that a service refused, at the field the service named."""
    return error(exc.message, field=exc.field)


def _flattened(detail, field: str | None = None):
    """DRF's nested error details as flat (field, message) rows; `non_field_errors` and `detail` name no field."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            name = None if key in ("non_field_errors", "detail", "__all__") else key
            yield from _flattened(value, name if field is None else f"{field}.{name}" if name else field)
    elif isinstance(detail, list):
        for item in detail:
            yield from _flattened(item, field)
    else:
        yield {"field": field, "message": str(detail)}


def error_response(exc, context):
    """DRF's exception handler, answering in the one shape (a 500 stays Django's own)."""
    if isinstance(exc, PortalError):
        exc = portal_error(exc)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("Not found: there is nothing here, or nothing you may see.")
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied("You may not do this.")
    response = exception_handler(exc, context)
    if response is None:
        return None
    errors = exc.errors if isinstance(exc, ApiError) else list(_flattened(exc.detail))
    response.data = {"errors": errors}
    return response


class ErrorSerializer(serializers.Serializer):
    field = serializers.CharField(allow_null=True, help_text="The input at fault, or null for the call as a whole.")
    message = serializers.CharField(help_text="What went wrong, in the words the portal's pages use.")


class ErrorsSerializer(serializers.Serializer):
    """The one shape of every error response."""

    errors = ErrorSerializer(many=True)


# The error responses the schema documents on every operation, and those of writes to existing records.
READ_ERRORS = dict.fromkeys((400, 401, 403, 404, 429), ErrorsSerializer)
WRITE_ERRORS = {**READ_ERRORS, **dict.fromkeys((409, 412, 422, 428), ErrorsSerializer)}
