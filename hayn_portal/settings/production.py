"""Production: base settings with every secret required and every security switch on."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env("DJANGO_SECRET_KEY")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")

if DEBUG:
    raise ImproperlyConfigured("Production settings refuse DJANGO_DEBUG=true.")
# Every switch set here, never worked out from base.py's defaults (which follow base's DEBUG, on by default):
# left unset, production is HTTPS only. A balancer that ends TLS says so in X-Forwarded-Proto (base.py).
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = max(SECURE_HSTS_SECONDS, 60 * 60 * 24 * 365)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

STORAGES = {
    **STORAGES,  # noqa: F405 (files: the local folder, or the S3-compatible bucket DJANGO_S3_BUCKET names)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
EMAIL_BACKEND = env("DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")

DEMO_ACCOUNTS_ALLOWED = False
