"""Template filters for the account pages."""

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def duration_in_words(value: timedelta) -> str:
    """A lockout's length as people say it: "30 minutes", "1 hour", "1 hour 30 minutes"."""
    minutes = max(1, round(value.total_seconds() / 60))
    hours, minutes = divmod(minutes, 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    return " ".join(parts)
