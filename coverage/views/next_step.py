"""A gap's next step: who could fill it (providers nearby, landlords there, projects ended there) and links to
record a youth voice session or log a project there."""

from urllib.parse import urlencode

from django.http import Http404
from django.urls import reverse
from django.views.generic import TemplateView

from core.formatting import date_range
from programmes import permissions as programme_permissions

from ..analysis.data import BOROUGH, PLACE, Site
from ..selectors.next_step import gap_next_step
from ..tables.links import register_url
from .mixins import CoverageFiltersMixin


class GapNextStepView(CoverageFiltersMixin, TemplateView):
    """One gap (a borough or place and a kind of work, under the coverage filters) and who could fill it."""

    template_name = "coverage/gap_next_step.html"

    def analysed(self, analysis) -> dict:
        kind, pk, slug = self.kwargs["kind"], self.kwargs["pk"], self.kwargs["type"]
        site = Site(kind, pk)
        kinds = next((t for t in analysis.types if t.slug == slug), None)
        sites = {PLACE: analysis.places, BOROUGH: analysis.boroughs}.get(kind, {})
        if kinds is None or pk not in sites:
            raise Http404("No such borough, place or kind of work under these filters.")
        step = gap_next_step(analysis, site, kinds.id)
        user = self.request.user
        where = {"place": pk} if kind == PLACE else {"borough": step.borough.gss_code}
        return {
            "step": step,
            "is_place": kind == PLACE,
            "providers": [{"provider": p, "where": [analysis.site_name(s) for s in p.sites]} for p in step.providers],
            "ended": [
                {
                    "project": p,
                    "url": reverse("programmes:project-detail", args=[p.id]),
                    "lead": analysis.data.organisations.get(p.lead_id, ""),
                    "dates": date_range(p.start, p.end),
                }
                for p in step.ended
            ],
            "register": register_url(analysis, site, kinds.id, self.form.register_params()),
            "record_youth_voice": f"{reverse('programmes:youth-voice-create')}?{urlencode(where)}"
            if programme_permissions.can_record_youth_voice_session.test(user)
            else None,
            "log_project": f"{reverse('programmes:project-create')}?{urlencode({**where, 'intervention_type': slug})}"
            if programme_permissions.can_create_project.test(user)
            else None,
        }
