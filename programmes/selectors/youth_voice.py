"""Youth voice sessions as a user sees them, and the projects a session may be linked to."""

from collections.abc import Iterable
from datetime import date, timedelta

from django.db.models import Prefetch, Q, QuerySet

from boroughs.models import Place
from boroughs.selectors import CHOICES_AT_ONCE
from core.roles import sees_everything

from ..models import ConsortiumMember, Project, ProjectStatus, YouthVoiceSession
from .projects import projects_visible_to


def youth_voice_sessions_visible_to(user) -> QuerySet[YouthVoiceSession]:
    """Youth voice sessions, each with its places, organisations and the linked projects this user may see."""
    return YouthVoiceSession.objects.select_related("borough", "recorded_by_organisation").prefetch_related(
        Prefetch("places", queryset=Place.objects.select_related("borough")),
        "organisations",
        Prefetch("projects", queryset=projects_visible_to(user).order_by("title")),
    )


def projects_to_offer(projects: QuerySet[Project], *, keep: Iterable[int]) -> tuple[list[Project], bool]:
    """The projects a form should list: all of them if there are few, else only those already chosen
    (`keep`). The flag says the list was cut short."""
    offered = list(projects[: CHOICES_AT_ONCE + 1])
    if len(offered) > CHOICES_AT_ONCE:
        return list(projects.filter(pk__in=list(keep))), True
    return offered, False


def projects_linkable_to_youth_voice(user, *, today: date, keep=()) -> QuerySet[Project]:
    """Projects a session may be linked to: a youth lead's own organisation's, or for VRU staff those that
    count and ran within the last year; plus any already linked (`keep`), so an edit never drops them."""
    if sees_everything.test(user):
        candidates = Q(pk__in=Project.objects.counted().filter(end_date__gte=today - timedelta(days=365)).values("pk"))
    else:
        own = ConsortiumMember.objects.filter(organisation=user.organisation_id).values("project_id")
        candidates = (Q(lead_organisation=user.organisation_id) | Q(pk__in=own)) & ~Q(status=ProjectStatus.CANCELLED)
    return projects_visible_to(user).filter(candidates | Q(pk__in=list(keep))).order_by("title", "pk")
