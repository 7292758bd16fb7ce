"""Settings for the test suite: fast password hashing, no lockout leaking between tests."""

from .base import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Unit tests run tasks in-process; tests marked `worker` run them on a real Celery worker instead.
CELERY_TASK_ALWAYS_EAGER = True
