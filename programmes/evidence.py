"""What the Youth Endowment Fund (YEF) Toolkit says about each kind of work: its nearest strand and impact band.

Facts as ../shared/DOMAIN.md records them (the Toolkit's pages are undated; read them again before relying on
them). A kind of work with no strand is "not rated", never "no effect". Numeric evidence-quality and cost
scores were not captured, so none are kept. Administrators correct these in the admin (history kept);
`load_partnership` and the migration that added them only fill kinds of work that have none.
"""

from typing import NamedTuple

from django.db import models

CITATION = "Source: Youth Endowment Fund Toolkit"
TOOLKIT = "https://youthendowmentfund.org.uk"


class ImpactBand(models.TextChoices):
    """The Toolkit's impact on violence, and "not rated" for an approach it has no strand for."""

    HIGH = "high", "High impact (30% or more less violence)"
    MODERATE = "moderate", "Moderate impact (10–30% less violence)"
    LOW = "low", "Low impact (2–9% less violence)"
    NOT_RATED = "not_rated", "Not rated: the Toolkit has no strand for this"
    NO_EFFECT = "no_effect", "No effect"
    HARMFUL = "harmful", "Harmful"


# Ranking gaps by evidence, strongest first: "not rated" (unknown) sits above the bands that say the approach
# does not work, never with them.
IMPACT_RANK = {
    ImpactBand.HIGH: 5,
    ImpactBand.MODERATE: 4,
    ImpactBand.LOW: 3,
    ImpactBand.NOT_RATED: 2,
    ImpactBand.NO_EFFECT: 1,
    ImpactBand.HARMFUL: 0,
}


class Evidence(NamedTuple):
    strand: str
    impact: str
    headline: str
    address: str


# By intervention type slug (programmes/partnership.py). Safe spaces sits between two strands that disagree;
# its band is the lower one, the headline says both.
YEF_EVIDENCE = {
    "mentoring": Evidence("Mentoring", ImpactBand.MODERATE, "Moderate: about 21% less violence", "/toolkit/mentoring/"),
    "conflict-skills": Evidence(
        "Social skills training",
        ImpactBand.HIGH,
        "High: 32% fewer children involved in crime (confidence high, then downgraded for variation)",
        "/toolkit/social-skills-training",
    ),
    "counselling": Evidence(
        "Cognitive behavioural therapy", ImpactBand.HIGH, "High", "/toolkit/cognitive-behavioural-therapy/"
    ),
    "risk-awareness-training": Evidence(
        "Parenting programmes",
        ImpactBand.LOW,
        "Low: a small reduction (confidence low)",
        "/toolkit/parenting-programmes",
    ),
    "safe-spaces": Evidence(
        "Sports programmes; After-school programmes",
        ImpactBand.LOW,
        "Sports programmes high (low confidence); after-school programmes low, 8% less crime",
        "/toolkit/sports-programmes",
    ),
    "youth-voice": Evidence("", ImpactBand.NOT_RATED, "", ""),
    "employment-training": Evidence(
        "",
        ImpactBand.NOT_RATED,
        "Not rated (the nearest, interventions to prevent school exclusion, is low)",
        "",
    ),
}


def evidence_fields(slug: str) -> dict:
    """The evidence fields of a kind of work, from the facts above (not rated when it has none)."""
    facts = YEF_EVIDENCE.get(slug, Evidence("", ImpactBand.NOT_RATED, "", ""))
    return {
        "yef_strand": facts.strand,
        "yef_impact": facts.impact,
        "yef_headline": facts.headline,
        "yef_address": f"{TOOLKIT}{facts.address}" if facts.address else "",
    }
