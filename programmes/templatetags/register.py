"""Links into the project register, pre-filtered with its URL parameters (programmes/filters.py)."""

from django import template

from ..selectors.register import register_url as register_link

register = template.Library()


@register.simple_tag
def register_url(scope: dict | None = None, **filters) -> str:
    """The register's URL with a page's scope (such as {"borough": "E09000005"}) and more filters."""
    return register_link(**(scope or {}), **filters)
