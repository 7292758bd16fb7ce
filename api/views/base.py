"""What every API view shares: throttling by address before anything else, and writes that go through a service."""

from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils.html import format_html_join
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import GenericAPIView
from rest_framework.response import Response
from rest_framework.utils import formatting

from core.errors import PortalError

from ..audit import recorded_via_api
from ..concurrency import etag_of, still_at_version, version_matched
from ..errors import ApiError, error, portal_error
from ..throttling import AddressRateThrottle, TokenRateThrottle


class AddressThrottledMixin:
    """Counts every call against its address before authenticating, so guessed tokens and anonymous calls are
    limited too; calls with a token are then also counted against the token."""

    throttle_classes = [TokenRateThrottle]

    def initial(self, request, *args, **kwargs):
        address = AddressRateThrottle()
        if not address.allow_request(request, self):
            self.throttled(request, address.wait())
        super().initial(request, *args, **kwargs)


class PortalAPIView(AddressThrottledMixin, GenericAPIView):
    """A resource of the Partner API, read through the pages' selectors."""


def scoped(view, selector, model):
    """The selector's queryset for the caller; an empty one while drf-spectacular describes the view."""
    if getattr(view, "swagger_fake_view", False):
        return model.objects.none()
    return selector(view.request.user)


def body_of(request) -> dict:
    """The JSON object sent, or a 400 saying to send one."""
    if not isinstance(request.data, dict):
        raise error("Send a JSON object")
    return request.data


def allowed(predicate, user, obj=None) -> None:
    """The page's permission predicate, answering 403 as the page does when it refuses."""
    if not (predicate.test(user) if obj is None else predicate.test(user, obj)):
        raise PermissionDenied("You may not do this.")


def visible(queryset, pk):
    """The object as the pages' selector lets this user see it (404 otherwise)."""
    return get_object_or_404(queryset, pk=pk)


def with_etag(data, obj, *, status_code: int = status.HTTP_200_OK, location: str | None = None) -> Response:
    headers = {"ETag": etag_of(obj)}
    if location:
        headers["Location"] = location
    return Response(data, status=status_code, headers=headers)


def changed(request, obj, predicate, service, **arguments):
    """Change an existing record as its page would: 404 unseen (the caller's job), 403 refused, 428 without
    If-Match, 412 stale, then the service (whose refusal is a 400 at its field); history says "via API"."""
    allowed(predicate, request.user, obj)
    version = version_matched(request, obj)
    try:
        with transaction.atomic():
            result = service(version=version, **arguments)
            recorded_via_api(result)
    except PortalError as exc:
        if not still_at_version(obj, version):
            raise error(
                "Someone else changed this record while you were saving, so nothing was saved. Read it again.",
                field="If-Match",
                status_code=status.HTTP_412_PRECONDITION_FAILED,
            ) from exc
        raise portal_error(exc) from exc
    return result


def created(service, **arguments):
    """Create through a service in one transaction, its history saying "via API"; a refusal is a 400 at its field."""
    try:
        with transaction.atomic():
            result = service(**arguments)
            recorded_via_api(result)
    except PortalError as exc:
        raise portal_error(exc) from exc
    return result


def valid(*errors: list[dict]) -> None:
    """Refuse with every form error at once, field by field."""
    found = [item for group in errors for item in group]
    if found:
        raise ApiError(found)


def plain_description(view, html=False):
    """A view's docstring for the browsable API as plain paragraphs, never Markdown (whose code blocks DRF colours
    with inline styles where Pygments is installed, which the strict CSP refuses)."""
    description = formatting.dedent(view.__class__.__doc__ or "")
    if not html:
        return description
    paragraphs = [" ".join(part.split()) for part in description.split("\n\n") if part.strip()]
    return format_html_join("", "<p>{}</p>", ((paragraph,) for paragraph in paragraphs))
