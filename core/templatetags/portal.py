"""Template tags shared by every app's templates."""

from django import template

from core.navigation import navigation_for

register = template.Library()


@register.simple_tag(takes_context=True)
def service_navigation(context):
    """The navigation items for the signed-in user, marked current where they are."""
    request = context.get("request")
    return navigation_for(context.get("user"), getattr(request, "resolver_match", None))
