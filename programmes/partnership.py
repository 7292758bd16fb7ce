"""The partnership's real facts (from shared/DOMAIN.md and the Mayor's release of 31 August 2021), loaded idempotently.

Rows are created when missing and left alone when present, so running the loader again changes
nothing and never overwrites a correction an administrator made. Where the source is silent
(dates, ages, a lead organisation) the value chosen here is said in a comment and in the row's
description, so nobody mistakes it for a stated fact.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from boroughs.london import LONDON_AREAS
from boroughs.models import Borough, Place, PlaceKind
from partners.models import Organisation, OrganisationKind, SuccessionKind

from .evidence import evidence_fields
from .models import (
    ConsortiumMember,
    ConsortiumRole,
    FundedPost,
    FundingProgramme,
    InterventionType,
    Project,
    ProjectStatus,
    YouthInvolvement,
)

VRU = "London's Violence Reduction Unit"
HAYN = "Housing Association Youth Network (HAYN)"
YOUNG_BRENT_FOUNDATION = "Young Brent Foundation"
BRENT_COUNCIL = "Brent Council"
ONE_FLOW_YOUNG_PEOPLE = "Young people of Chalkhill, Church End and Stonebridge"
MYENDS = "MyEnds"
ONE_FLOW = "One Flow – One Brent"

HOUSING_ASSOCIATIONS = (
    "Catalyst",
    "Clarion Housing Group",
    "Hyde",
    "MTVH",
    "One Housing",
    "Optivo",
    "Peabody",
    "Poplar HARCA",
    "Southern Housing Group",
)

# Successions DOMAIN.md states, without dates: the dates are left for an administrator to add.
SUCCESSIONS = (
    ("Optivo", "Southern Housing", SuccessionKind.MERGED),
    ("Southern Housing Group", "Southern Housing", SuccessionKind.MERGED),
    ("Catalyst", "Peabody", SuccessionKind.MERGED),
    ("One Housing", "Riverside", SuccessionKind.MERGED),
)

INTERVENTION_TYPES = (
    ("mentoring", "Mentoring", "Mentoring support for young people."),
    ("conflict-skills", "Conflict skills", "Skills to help young people manage conflict."),
    ("counselling", "Counselling to prevent reoffending", "Counselling to prevent reoffending."),
    (
        "risk-awareness-training",
        "Training parents and communities",
        "Training for parents and the wider community to identify risk factors.",
    ),
    ("safe-spaces", "Safe spaces", "Safe spaces for young people."),
    (
        "youth-voice",
        "Youth voice",
        "Young people influencing neighbourhood planning, service design and delivery.",
    ),
    ("employment-training", "Employment and training", "Routes into employment and training."),
)

ONE_FLOW_ESTATES = ("Chalkhill", "Church End", "Stonebridge")

# The release announces a three-year partnership on 31 August 2021 but gives no dates or ages.
PARTNERSHIP_START = date(2021, 9, 1)
PARTNERSHIP_END = date(2024, 8, 31)
ASSUMED_NOTE = "Dates and age range are assumed (the source gives none); correct them in the admin."


@dataclass
class LoadReport:
    """How many rows of each kind the load created (zero everywhere on a second run)."""

    created: dict[str, int] = field(default_factory=dict)

    def count(self, kind: str, was_created: bool) -> None:
        self.created[kind] = self.created.get(kind, 0) + int(was_created)

    @property
    def total(self) -> int:
        return sum(self.created.values())


@transaction.atomic
def partnership_load() -> LoadReport:
    """Load the real facts of the partnership; a second run creates nothing and changes nothing."""
    report = LoadReport()

    def get_or_create(model, kind: str, defaults=None, **lookup):
        obj, created = model.objects.get_or_create(defaults=defaults or {}, **lookup)
        report.count(kind, created)
        return obj

    boroughs = {
        area.name: get_or_create(
            Borough,
            "boroughs",
            gss_code=area.gss_code,
            defaults={
                "name": area.name,
                "grid_column": area.grid_column,
                "grid_row": area.grid_row,
                "is_partnership_borough": area.is_partnership_borough,
            },
        )
        for area in LONDON_AREAS
    }

    def organisation(name, kind, **defaults):
        return get_or_create(Organisation, "organisations", name=name, defaults={"kind": kind, **defaults})

    vru = organisation(
        VRU,
        OrganisationKind.VIOLENCE_REDUCTION_UNIT,
        website="https://www.london.gov.uk/programmes-strategies/communities-and-social-justice/londons-violence-reduction-unit-vru",
    )
    hayn = organisation(HAYN, OrganisationKind.NETWORK)
    housing = {
        name: organisation(name, OrganisationKind.HOUSING_ASSOCIATION, is_hayn_member=True)
        for name in HOUSING_ASSOCIATIONS
    }
    for name in {successor for _, successor, _ in SUCCESSIONS}:
        housing[name] = organisation(name, OrganisationKind.HOUSING_ASSOCIATION)
    for predecessor, successor, kind in SUCCESSIONS:
        org = housing[predecessor]
        if org.successor_id is None:
            org.successor, org.succession_kind = housing[successor], kind
            org.save(update_fields=["successor", "succession_kind"])
            report.count("successions", True)
    young_brent = organisation(YOUNG_BRENT_FOUNDATION, OrganisationKind.VOLUNTARY_SECTOR)
    brent_council = organisation(BRENT_COUNCIL, OrganisationKind.LOCAL_AUTHORITY)
    young_people = organisation(ONE_FLOW_YOUNG_PEOPLE, OrganisationKind.COMMUNITY_GROUP)

    types = {
        slug: get_or_create(
            InterventionType,
            "intervention types",
            slug=slug,
            defaults={"name": name, "description": text, "display_order": order, **evidence_fields(slug)},
        )
        for order, (slug, name, text) in enumerate(INTERVENTION_TYPES)
    }

    myends = get_or_create(
        FundingProgramme,
        "funding programmes",
        name=MYENDS,
        defaults={"funder": vru, "description": "The VRU's place-based, community-led funding programme."},
    )

    estates = [
        get_or_create(Place, "places", borough=boroughs["Brent"], name=name, defaults={"kind": PlaceKind.ESTATE})
        for name in ONE_FLOW_ESTATES
    ]

    one_flow, created = Project.objects.get_or_create(
        title=ONE_FLOW,
        lead_organisation=young_brent,  # Named first among the deliverers; the release names no lead.
        defaults={
            "description": (
                "Young residents of the Chalkhill, Church End and Stonebridge estates influence "
                "neighbourhood planning, service delivery and the youth and community offer for Brent. " + ASSUMED_NOTE
            ),
            "funding_programme": myends,
            "funder": vru,
            "age_min": 10,
            "age_max": 25,
            "start_date": PARTNERSHIP_START,
            "end_date": PARTNERSHIP_END,
            "dates_assumed": True,
            "ages_assumed": True,
            "status": ProjectStatus.VERIFIED,
            "target_reach": 3000,
            "target_reach_note": "Young people, their families and the community, over three years.",
            "youth_involvement": YouthInvolvement.CO_DESIGNED,
            "youth_involvement_detail": "Local young people are part of the delivery consortium.",
        },
    )
    report.count("projects", created)
    if created:
        one_flow.boroughs.set([boroughs["Brent"]])
        one_flow.places.set(estates)
        one_flow.intervention_types.set([types["youth-voice"]])
    for org, role in (
        (young_people, ConsortiumRole.YOUTH_PARTNER),
        (housing["Catalyst"], ConsortiumRole.HOUSING_PARTNER),
        (housing["Hyde"], ConsortiumRole.HOUSING_PARTNER),
        (housing["MTVH"], ConsortiumRole.HOUSING_PARTNER),
        (brent_council, ConsortiumRole.SUPPORTER),
        (vru, ConsortiumRole.SUPPORTER),
    ):
        get_or_create(
            ConsortiumMember, "consortium members", project=one_flow, organisation=org, defaults={"role": role}
        )

    for title in ("Programme Manager", "Programme Coordinator"):
        get_or_create(
            FundedPost,
            "funded posts",
            title=title,
            host_organisation=vru,
            defaults={
                "funder": hayn,
                "description": (
                    "Funded by the partnership to work with communities and young people to shape future "
                    "projects. FTE, cost and whether the post is filled are not stated in the source."
                ),
                "start_date": PARTNERSHIP_START,
                "end_date": PARTNERSHIP_END,
                "fte": None,  # not known: the source gives neither
                "is_filled": None,
            },
        )
    return report
