"""Finding what an import file names: organisations, boroughs, places, kinds of work and programmes, by name or code."""

from boroughs.models import Borough, Place
from partners.models import Organisation
from programmes.models import FundingProgramme, InterventionType, YouthInvolvement


class Directory:
    """Organisations, boroughs, places, intervention types and programmes by name or code, loaded once per file."""

    def __init__(self):
        organisations = list(Organisation.objects.all())
        self.organisations = {o.name.casefold(): o for o in organisations}
        self.organisations |= {o.org_id.casefold(): o for o in organisations if o.org_id}
        boroughs = list(Borough.objects.all())
        self.boroughs = {b.name.casefold(): b for b in boroughs} | {b.gss_code.casefold(): b for b in boroughs}
        self.places: dict[str, list[Place]] = {}
        touching: dict[int, set[int]] = {}
        for place_id, borough_id in Place.also_in_boroughs.through.objects.values_list("place_id", "borough_id"):
            touching.setdefault(place_id, set()).add(borough_id)
        for place in Place.objects.select_related("borough"):
            place.touches = touching.get(place.pk, set())
            self.places.setdefault(place.name.casefold(), []).append(place)
            self.places.setdefault(str(place).casefold(), []).append(place)
        types = list(InterventionType.objects.all())
        self.types = {t.name.casefold(): t for t in types} | {t.slug.casefold(): t for t in types}
        self.programmes = {p.name.casefold(): p for p in FundingProgramme.objects.all()}
        self.involvement = {
            name: choice.value
            for choice in YouthInvolvement
            for name in (choice.label.casefold(), choice.value, choice.value.replace("_", "-"))
        }

    @staticmethod
    def _find(table: dict, text: str, what: str):
        try:
            return table[text.casefold()]
        except KeyError:
            raise ValueError(f"No {what} called “{text}” is in the portal.") from None

    def organisation(self, text: str) -> Organisation:
        return self._find(self.organisations, text, "organisation")

    def borough(self, text: str) -> Borough:
        return self._find(self.boroughs, text, "London borough")

    def intervention_type(self, text: str) -> InterventionType:
        return self._find(self.types, text, "intervention type")

    def programme(self, text: str) -> FundingProgramme:
        return self._find(self.programmes, text, "funding programme")

    def youth_involvement(self, text: str) -> str:
        return self._find(self.involvement, text, "kind of involvement")

    def place(self, text: str, *, borough_ids: set[int]) -> Place:
        """A place by name, preferring one in the chosen boroughs; "Name (Borough)" settles a shared name."""
        candidates = self.places.get(text.casefold(), [])
        inside = {p.pk: p for p in candidates if ({p.borough_id} | p.touches) & borough_ids}
        if len(inside) > 1:
            raise ValueError(f"More than one place is called “{text}”: write it as “Name (Borough)”.")
        if inside:
            return next(iter(inside.values()))
        if candidates:
            return candidates[0]  # Found, but outside the chosen boroughs: the places rule names it.
        raise ValueError(f"No place called “{text}” is in the portal.")
