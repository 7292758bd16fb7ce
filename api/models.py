"""Personal API tokens (only a hash of each secret is kept) and the responses kept for idempotent creates."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords


class ApiTokenQuerySet(models.QuerySet):
    def usable(self, *, now=None):
        """Tokens that authenticate: not revoked and not past their expiry date."""
        today = timezone.localdate(now or timezone.now())
        return self.filter(revoked_at__isnull=True).filter(
            models.Q(expires_on__isnull=True) | models.Q(expires_on__gte=today)
        )


class ApiToken(models.Model):
    """A person's named API token: the secret is shown once, only its SHA-256 hash and a visible prefix are kept."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(max_length=100, help_text="What the token is for, such as the system that uses it.")
    prefix = models.CharField(max_length=16, unique=True, help_text="The token's start, shown so you can tell it.")
    secret_hash = models.CharField(max_length=64, unique=True)
    expires_on = models.DateField(null=True, blank=True, help_text="The last day it works; none means no expiry.")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    history = HistoricalRecords(excluded_fields=["last_used_at"])
    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "API token"

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def state(self) -> str:
        """Active, expired or revoked, in words."""
        if self.revoked_at:
            return "Revoked"
        if self.expires_on and self.expires_on < timezone.localdate():
            return "Expired"
        return "Active"


class IdempotentRequest(models.Model):
    """A create made with an Idempotency-Key: a retry with the same key gets this response and makes nothing."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    fingerprint = models.CharField(max_length=64, help_text="SHA-256 of the method, path and body first sent.")
    status_code = models.PositiveSmallIntegerField()
    body = models.JSONField()
    headers = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_once_per_user")]

    def __str__(self):
        return self.key
