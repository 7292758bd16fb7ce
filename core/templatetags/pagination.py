"""The GOV.UK pagination component: which page numbers to show, and links that keep the other parameters."""

from django import template

register = template.Library()


@register.simple_tag
def page_numbers(page_obj) -> list[int | str]:
    """Page numbers to link to: the first, the last and those around the current one, with ellipses between."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))


@register.simple_tag(takes_context=True)
def page_url(context, number, param: str = "page") -> str:
    """The current query string with one page parameter set, keeping filters and any other list's page."""
    query = context["request"].GET.copy()
    query[param] = number
    return f"?{query.urlencode()}"
