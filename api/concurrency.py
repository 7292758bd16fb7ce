"""Optimistic locking over HTTP: each record's `version` is its ETag, and a write must send it back in If-Match."""

from rest_framework import status

from .errors import error


def etag_of(obj) -> str:
    """The record's entity tag: it changes whenever the record's version does."""
    return f'"{type(obj).__name__.lower()}-{obj.pk}-v{obj.version}"'


def version_matched(request, obj) -> int:
    """The version the caller last read, if it is still the record's: 428 without If-Match, 412 when stale."""
    header = request.headers.get("If-Match")
    if not header:
        raise error(
            "Send If-Match with the ETag you last read, so a change made since is not overwritten",
            field="If-Match",
            status_code=status.HTTP_428_PRECONDITION_REQUIRED,
        )
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    if etag_of(obj) not in tags:
        raise error(
            "Someone else changed this record after you read it, so nothing was saved. "
            "Read it again for the latest version and ETag, then make your change again.",
            field="If-Match",
            status_code=status.HTTP_412_PRECONDITION_FAILED,
        )
    return obj.version


def still_at_version(obj, version: int) -> bool:
    """Whether the record is still at the version read (False when a write raced in since the If-Match check)."""
    return type(obj).objects.filter(pk=obj.pk, version=version).exists()
