"""Signals programmes sends for apps above it: bulk writes that Django's own model signals do not report."""

from django.dispatch import Signal

# Sent after projects (with their links) were written in bulk (bulk_create skips post_save and m2m_changed).
projects_bulk_written = Signal()
