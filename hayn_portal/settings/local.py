"""The embedded default: SQLite, eager Celery, console email (everything in base.py)."""

from .base import *  # noqa: F403
