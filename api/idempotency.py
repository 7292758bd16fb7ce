"""Creates with an Idempotency-Key: the first response is kept, and a retry gets it back without a second record."""

import hashlib
import json

from django.db import IntegrityError, transaction
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from .errors import error
from .models import IdempotentRequest

KEPT_HEADERS = ("Location", "ETag")


def _fingerprint(request) -> str:
    body = json.dumps(request.data, sort_keys=True, default=str)
    return hashlib.sha256(f"{request.method} {request.path}\n{body}".encode()).hexdigest()


def _replay(stored: IdempotentRequest, fingerprint: str) -> Response:
    if stored.fingerprint != fingerprint:
        raise error(
            "This Idempotency-Key was used for a different request: use a new key for a new record",
            field="Idempotency-Key",
            status_code=status.HTTP_422_UNPROCESSABLE_ENTITY,
        )
    response = Response(stored.body, status=stored.status_code, headers=stored.headers)
    response["Idempotent-Replayed"] = "true"
    return response


def idempotent(request, create) -> Response:
    """Run `create()` (which returns the 201 response) at most once per user and Idempotency-Key.

    The record and the kept response are written in one transaction; a concurrent retry that loses the race
    to the unique key rolls back its own record and answers with the winner's response.
    """
    key = request.headers.get("Idempotency-Key")
    if key is None:
        return create()
    if not 1 <= len(key) <= 255:
        raise error("An Idempotency-Key has 1 to 255 characters", field="Idempotency-Key")
    fingerprint = _fingerprint(request)
    if stored := IdempotentRequest.objects.filter(user=request.user, key=key).first():
        return _replay(stored, fingerprint)
    try:
        with transaction.atomic():
            response = create()
            IdempotentRequest.objects.create(
                user=request.user,
                key=key,
                fingerprint=fingerprint,
                status_code=response.status_code,
                body=json.loads(JSONRenderer().render(response.data)),
                headers={name: response[name] for name in KEPT_HEADERS if response.has_header(name)},
            )
    except IntegrityError:
        stored = IdempotentRequest.objects.filter(user=request.user, key=key).first()
        if stored is None:
            raise
        return _replay(stored, fingerprint)
    return response
