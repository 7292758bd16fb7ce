"""The HAYN Partnership Portal project package; loads Celery with Django."""

from .celery import app as celery_app

__all__ = ("celery_app",)
