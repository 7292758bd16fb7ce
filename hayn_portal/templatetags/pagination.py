"""The GOV.UK pagination component's page numbers: the first, the last, and those around the current one."""

from django import template

register = template.Library()


@register.simple_tag
def page_numbers(page_obj) -> list[int | str]:
    """Page numbers to link to, with the paginator's ellipsis where pages are left out."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1))
