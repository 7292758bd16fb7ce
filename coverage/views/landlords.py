"""The landlord pages: the housing associations, and one association's places lacking provision."""

from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from partners.models import Organisation

from ..analysis.matrix import place_provision
from ..forms.filters import NOW
from ..selectors.landlords import housing_associations_with_homes, landlord_homes
from ..tables.landlords import landlord_rows
from .mixins import CoverageAccessMixin, CoverageFiltersMixin


class LandlordListView(CoverageAccessMixin, TemplateView):
    """The housing associations with homes in recorded places, each linking to where its homes lack provision."""

    template_name = "coverage/landlord_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(landlords=housing_associations_with_homes(), **kwargs)


class LandlordCoverageView(CoverageFiltersMixin, TemplateView):
    """One housing association's estates and places, and the chosen kinds of provision each lacks."""

    template_name = "coverage/landlord.html"

    def get_context_data(self, **kwargs):
        self.organisation = get_object_or_404(
            Organisation.objects.housing_associations().select_related("successor"), pk=self.kwargs["pk"]
        )
        return super().get_context_data(organisation=self.organisation, **kwargs)

    def analysed(self, analysis) -> dict:
        landlords, homes = landlord_homes(
            organisation=self.organisation,
            successors=self.reference.successors,
            as_now=self.form.cleaned_data["organisations"] == NOW,
        )
        provision = place_provision(analysis, homes)
        show_all = self.request.GET.get("show") == "all"
        query = self.query("show")
        return {
            "rows": landlord_rows(
                analysis, provision, homes, register_params=self.form.register_params(), show_all=show_all
            ),
            "place_count": len(provision),
            "lacking_count": sum(bool(row.missing) for row in provision),
            "show_all": show_all,
            "predecessors": sorted(self.reference.organisations[pk] for pk in landlords - {self.organisation.pk}),
            "query_without_show": query,
        }
