"""Links into the project register, pre-filtered with its URL parameters (programmes/filters.py)."""

from datetime import date
from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag
def register_url(scope: dict | None = None, **filters) -> str:
    """The register's URL with a page's scope (such as {"borough": "E09000005"}) and more filters;
    dates in ISO form, empty values left out."""
    params = {
        name: value.isoformat() if isinstance(value, date) else value
        for name, value in {**(scope or {}), **filters}.items()
        if value not in (None, "")
    }
    url = reverse("programmes:project-list")
    return f"{url}?{urlencode(params)}" if params else url
