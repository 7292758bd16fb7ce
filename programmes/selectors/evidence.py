"""What the Youth Endowment Fund Toolkit says about each kind of work, as administrators last recorded it."""

from dataclasses import dataclass
from datetime import date

from ..evidence import CITATION, IMPACT_RANK, ImpactBand
from ..models import InterventionType

SHORT_IMPACT = {
    ImpactBand.HIGH: "High",
    ImpactBand.MODERATE: "Moderate",
    ImpactBand.LOW: "Low",
    ImpactBand.NOT_RATED: "Not rated",
    ImpactBand.NO_EFFECT: "No effect",
    ImpactBand.HARMFUL: "Harmful",
}


@dataclass(frozen=True)
class KindEvidence:
    """A kind of work's strand, impact band and headline, with how to cite them."""

    strand: str
    impact: str
    headline: str
    address: str
    checked_on: date | None

    @property
    def rank(self) -> int:
        """Higher for stronger evidence of impact; "not rated" above "no effect" and "harmful"."""
        return IMPACT_RANK[ImpactBand(self.impact)]

    @property
    def label(self) -> str:
        return SHORT_IMPACT[ImpactBand(self.impact)]

    @property
    def citation(self) -> str:
        """The Toolkit, the strand's address and when it was checked, as it must be quoted."""
        if not self.address:
            return ""
        checked = f"checked {self.checked_on:%-d %B %Y}" if self.checked_on else "date checked not recorded"
        return f"{CITATION}, {self.address}, {checked}"


def evidence_by_kind_of_work() -> dict[int, KindEvidence]:
    """Every kind of work's evidence, by id: one query."""
    return {
        pk: KindEvidence(strand, impact, headline, address, checked_on)
        for pk, strand, impact, headline, address, checked_on in InterventionType.objects.values_list(
            "pk", "yef_strand", "yef_impact", "yef_headline", "yef_address", "yef_checked_on"
        )
    }
