"""The service navigation: one list of items, each shown to those its role predicate admits."""

from dataclasses import dataclass

import rules
from django.urls import reverse

from core.roles import is_administrator, is_vru_staff, is_youth_lead, sees_everything


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    # The URL namespace (app) the item stands for; None means the single page only.
    section: str | None = None
    # Who sees the item: the same role predicates the pages' permissions are built from.
    shown_to: rules.Predicate = rules.is_authenticated
    # Other pages (URL names) that count as this item's.
    also: tuple[str, ...] = ()


# In the order they appear, on one row at a 1,280-pixel window for every role: coverage (and its map) near the
# front, as the partnership's first question is where work is missing or doubled.
NAV_ITEMS = (
    NavItem("Home", "home"),
    NavItem("Dashboard", "programmes:dashboard", shown_to=sees_everything),
    NavItem("Coverage", "coverage:matrix", section="coverage", shown_to=sees_everything | is_youth_lead),
    NavItem(
        "Map",
        "coverage:map",
        also=("programmes:borough-list", "programmes:borough-detail", "programmes:place-detail"),
    ),
    NavItem("Register", "programmes:project-list"),
    NavItem("Log a project", "programmes:project-create", shown_to=is_youth_lead),
    NavItem("Review queue", "programmes:review-queue", shown_to=is_vru_staff),
    NavItem("Youth voice", "programmes:youth-voice-list"),
    NavItem("Import, export", "jobs:job-list", section="jobs", shown_to=is_vru_staff | is_youth_lead),
    NavItem("Invite", "partners:invitation-create", shown_to=is_vru_staff | is_administrator),
)

NAMED_PAGES = frozenset(name for item in NAV_ITEMS for name in (item.url_name, *item.also))


def navigation_for(user, resolver_match) -> list[dict]:
    """The items this user may see, each with its URL and whether it is the current page or section."""
    if not getattr(user, "is_authenticated", False):
        return []
    namespace = getattr(resolver_match, "namespace", "")
    view_name = getattr(resolver_match, "view_name", "")
    # A page an item names itself is that item's, even inside another item's section (the map in coverage's).
    named = view_name in NAMED_PAGES
    items = []
    for item in NAV_ITEMS:
        if not item.shown_to.test(user):
            continue
        current = (view_name == item.url_name or view_name in item.also) or (
            not named and item.section is not None and namespace == item.section
        )
        items.append({"label": item.label, "url": reverse(item.url_name), "current": current})
    return items
