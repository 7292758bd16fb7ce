"""Synthetic demo data at any scale, every row labelled is_synthetic and reproducible from a seed.

The same seed always yields the same rows, and rows that already exist (matched on their demo
reference or name) are not made again, so running the generator twice adds nothing.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from boroughs.models import Borough, Place, PlaceKind, PlaceLandlord, Priority
from partners.models import Organisation, OrganisationKind

from .models import (
    ConsortiumMember,
    ConsortiumRole,
    FollowUpStatus,
    FundedPost,
    FundingProgramme,
    InterventionType,
    MonitoringReturn,
    Project,
    ProjectStatus,
    ReviewStatus,
    YouthInvolvement,
    YouthVoiceSession,
)
from .partnership import VRU, partnership_load
from .periods import quarters_between
from .services.expected_returns import expected_returns_schedule
from .signals import projects_bulk_written

SYNTHETIC_ORGANISATIONS = (
    ("Northside Youth Trust", OrganisationKind.VOLUNTARY_SECTOR),
    ("Riverbank Boxing Club", OrganisationKind.COMMUNITY_GROUP),
    ("Eastway Mentoring Collective", OrganisationKind.VOLUNTARY_SECTOR),
    ("Southgate Families Project", OrganisationKind.VOLUNTARY_SECTOR),
    ("Canalside Arts for Young People", OrganisationKind.COMMUNITY_GROUP),
    ("Westfields College", OrganisationKind.EDUCATION),
)
PLACE_WORDS = (
    "Alder",
    "Beacon",
    "Cedar",
    "Dovecote",
    "Elm",
    "Foxglove",
    "Granary",
    "Hawthorn",
    "Ivy",
    "Juniper",
    "Kestrel",
    "Linden",
    "Maple",
    "Nightingale",
    "Orchard",
    "Poplar",
    "Quarry",
    "Rowan",
    "Sycamore",
    "Tannery",
)
PLACE_SUFFIXES = {
    PlaceKind.ESTATE: "Estate",
    PlaceKind.STREET_CLUSTER: "Streets",
    PlaceKind.MAIN_ROAD: "Road",
    PlaceKind.NEIGHBOURHOOD: "Neighbourhood",
}
STATUS_WEIGHTS = {
    ProjectStatus.VERIFIED: 70,
    ProjectStatus.SUBMITTED: 10,
    ProjectStatus.RETURNED: 4,
    ProjectStatus.DRAFT: 10,
    ProjectStatus.CANCELLED: 6,
}
# Youth voice sessions: what young people were asked about, what they said and what changed.
YOUTH_VOICE_TOPICS = (
    ("Safer routes home from school", "Better lighting on the way to the bus stop.", "Lighting repaired on two paths."),
    ("What the youth club should offer", "Opening on Friday evenings and in the holidays.", "Friday sessions added."),
    ("Designing the new play space", "Somewhere to sit and talk, not only equipment.", "Seating added to the plans."),
    ("Jobs and training fair", "Meeting employers who hire locally.", "Two local employers now run taster days."),
    ("Feeling safe on the estate", "Fewer dark corners by the garages.", ""),
)
SYNTHETIC_REASON = "Synthetic demo data"
BATCH = 5000


@dataclass
class DemoReport:
    """How many synthetic rows the run created."""

    projects: int = 0
    places: int = 0
    returns: int = 0
    posts: int = 0
    youth_voice_sessions: int = 0


def _demo_places(rng: random.Random, seed: int, count: int, housing: list[Organisation]) -> tuple[list[Place], int]:
    """Synthetic places spread over the partnership boroughs (and Newham), each with a priority and, where
    people live (all but main roads), one or two housing associations as landlords.

    Returns every place of this seed and how many were new.
    """
    boroughs = list(Borough.objects.partnership()) + list(Borough.objects.filter(gss_code="E09000025"))
    kinds = list(PLACE_SUFFIXES)
    wanted = []
    for i in range(count):
        kind = kinds[i % len(kinds)]
        name = f"{PLACE_WORDS[i % len(PLACE_WORDS)]} {PLACE_SUFFIXES[kind]} (demo {seed}-{i})"
        # Every demo place has a priority (the real estates keep "Not set": the source gives none).
        priority = rng.choices([Priority.LOW, Priority.MEDIUM, Priority.HIGH], weights=[3, 2, 1])[0]
        wanted.append(
            Place(name=name, kind=kind, borough=boroughs[i % len(boroughs)], priority=priority, is_synthetic=True)
        )
    existing = set(Place.objects.filter(is_synthetic=True).values_list("borough_id", "name"))
    new = [place for place in wanted if (place.borough_id, place.name) not in existing]
    bulk_create_with_history(new, Place, batch_size=BATCH, default_change_reason=SYNTHETIC_REASON)
    places = list(Place.objects.filter(is_synthetic=True, name__contains=f"(demo {seed}-"))
    new_ids = {(place.borough_id, place.name) for place in new}
    landlords = [
        PlaceLandlord(place=place, organisation=organisation, homes=rng.randint(40, 1500))
        for place in places
        if place.kind != PlaceKind.MAIN_ROAD and (place.borough_id, place.name) in new_ids
        for organisation in rng.sample(housing, k=rng.randint(1, 2))
    ]
    PlaceLandlord.objects.bulk_create(landlords, batch_size=BATCH, ignore_conflicts=True)
    return places, len(new)


def _demo_organisations() -> tuple[Organisation, list[Organisation], list[Organisation]]:
    """The VRU, the HAYN housing associations, and every organisation that may lead a synthetic project."""
    vru = Organisation.objects.get(name=VRU)
    housing = list(Organisation.objects.housing_associations().filter(is_hayn_member=True))
    for name, kind in SYNTHETIC_ORGANISATIONS:
        Organisation.objects.get_or_create(name=f"{name} (synthetic)", defaults={"kind": kind, "is_synthetic": True})
    leads = housing + list(Organisation.objects.filter(is_synthetic=True))
    return vru, housing, leads


def _place_name(place: Place) -> str:
    """A demo place's name without its "(demo seed-n)" label."""
    return place.name.split(" (")[0]


def _kinds_of_work(types: list[InterventionType]) -> str:
    """The kinds of work a project does, as its title names them: "Mentoring, conflict skills and safe spaces"."""
    names = [kind.name for kind in sorted(types, key=lambda kind: (kind.display_order, kind.name))]
    names[1:] = [name[0].lower() + name[1:] for name in names[1:]]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


@dataclass(frozen=True)
class _Choices:
    """What synthetic projects are drawn from."""

    places_by_borough: dict[int, list[Place]]
    borough_names: dict[int, str]
    types: list[InterventionType]
    leads: list[Organisation]
    programme: FundingProgramme
    vru: Organisation


def _plan_project(rng: random.Random, number: int, reference: str, choices: _Choices) -> tuple:
    """One synthetic project (unsaved) and its borough, places, kinds of work and consortium partners.

    Every value is drawn in a fixed order, so the sequence (and so each row) depends only on the seed.
    """
    borough_ids = sorted(choices.places_by_borough)
    borough_id = rng.choice(borough_ids)
    in_borough = choices.places_by_borough[borough_id]
    chosen_places = rng.sample(in_borough, k=min(len(in_borough), rng.randint(1, 3)))
    borough_wide = rng.random() < 0.15
    start = date(2023, 1, 1) + timedelta(days=rng.randint(0, 5 * 365))
    end = start + timedelta(days=rng.randint(180, 3 * 365))
    age_min = rng.randint(8, 18)
    chosen_types = rng.sample(choices.types, k=rng.randint(1, 3))
    partners = rng.sample(choices.leads, k=rng.randint(0, 3))
    statuses, weights = list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values())
    where = f"across {choices.borough_names[borough_id]}" if borough_wide else f"in {_place_name(chosen_places[0])}"
    project = Project(
        title=f"{_kinds_of_work(chosen_types)} {where} #{number}",
        description="Synthetic project made by generate_demo.",
        lead_organisation=rng.choice(choices.leads),
        funding_programme=choices.programme if rng.random() < 0.3 else None,
        funder=choices.vru if rng.random() < 0.5 else None,
        funding_amount=rng.randrange(5_000, 250_000, 500),
        age_min=age_min,
        age_max=age_min + rng.randint(2, 10),
        start_date=start,
        end_date=end,
        status=rng.choices(statuses, weights=weights)[0],
        target_reach=rng.randrange(20, 1500, 10),
        youth_involvement=rng.choice(list(YouthInvolvement)),
        external_reference=reference,
        is_synthetic=True,
    )
    return project, borough_id, [] if borough_wide else chosen_places, chosen_types, partners


def _plan_projects(rng: random.Random, *, seed: int, count: int, choices: _Choices) -> list[tuple]:
    """The synthetic projects of this seed that do not exist yet, each with its relations."""
    prefix = f"DEMO-{seed}-"
    existing = set(
        Project.objects.filter(external_reference__startswith=prefix).values_list("external_reference", flat=True)
    )
    plans = []
    for number in range(count):
        # Draw every value even for an existing row, so the sequence (and so each row) depends only on the seed.
        plan = _plan_project(rng, number, f"{prefix}{number:06d}", choices)
        if plan[0].external_reference not in existing:
            plans.append(plan)
    return plans


def _demo_returns(rng: random.Random, project: Project, project_id: int, *, today: date, per_project: int):
    """The last `per_project` ended quarters' returns of a verified or submitted project."""
    if project.status not in (ProjectStatus.VERIFIED, ProjectStatus.SUBMITTED) or not per_project:
        return []
    ended = [q for q in quarters_between(project.start_date, project.end_date) if q.end < today]
    return [
        MonitoringReturn(
            project_id=project_id,
            period_start=quarter.start,
            period_end=quarter.end,
            young_people_reached=rng.randint(0, 120),
            sessions_delivered=rng.randint(0, 40),
            families_reached=rng.randint(0, 30),
            narrative="Synthetic return made by generate_demo.",
            status=rng.choice([ReviewStatus.VERIFIED, ReviewStatus.VERIFIED, ReviewStatus.SUBMITTED]),
            is_synthetic=True,
        )
        for quarter in ended[-per_project:]
    ]


def _save_projects(rng: random.Random, plans: list[tuple], *, today: date, returns_per_project: int) -> tuple[int, int]:
    """Create the planned projects with their boroughs, places, kinds of work, consortia and returns, in bulk;
    returns how many projects and returns were made."""
    created = bulk_create_with_history(
        [plan[0] for plan in plans], Project, batch_size=BATCH, default_change_reason=SYNTHETIC_REASON
    )
    by_reference = dict(
        Project.objects.filter(external_reference__in=[plan[0].external_reference for plan in plans]).values_list(
            "external_reference", "id"
        )
    )
    borough_rows, place_rows, type_rows, members, returns = [], [], [], [], []
    for project, borough_id, chosen_places, chosen_types, partners in plans:
        pk = by_reference[project.external_reference]
        borough_rows.append(Project.boroughs.through(project_id=pk, borough_id=borough_id))
        place_rows += [Project.places.through(project_id=pk, place_id=place.pk) for place in chosen_places]
        type_rows += [Project.intervention_types.through(project_id=pk, interventiontype_id=t.pk) for t in chosen_types]
        members += [
            ConsortiumMember(project_id=pk, organisation=org, role=rng.choice(list(ConsortiumRole)))
            for org in partners
            if org.pk != project.lead_organisation_id
        ]
        returns += _demo_returns(rng, project, pk, today=today, per_project=returns_per_project)
    Project.boroughs.through.objects.bulk_create(borough_rows, batch_size=BATCH)
    Project.places.through.objects.bulk_create(place_rows, batch_size=BATCH)
    Project.intervention_types.through.objects.bulk_create(type_rows, batch_size=BATCH)
    bulk_create_with_history(members, ConsortiumMember, batch_size=BATCH, default_change_reason=SYNTHETIC_REASON)
    bulk_create_with_history(returns, MonitoringReturn, batch_size=BATCH, default_change_reason=SYNTHETIC_REASON)
    expected_returns_schedule(project_ids=[project.pk for project in created])
    return len(created), len(returns)


def _demo_posts(rng: random.Random, *, seed: int, projects: int, housing: list[Organisation], vru) -> int:
    """Synthetic youth worker posts hosted by the housing associations (one per 1,000 projects, at least
    three), those of this seed that do not exist yet; returns how many were made."""
    existing_posts = FundedPost.objects.filter(
        is_synthetic=True, title__startswith=f"Youth worker (demo {seed}-"
    ).count()
    posts = [
        FundedPost(
            title=f"Youth worker (demo {seed}-{i})",
            host_organisation=housing[i % len(housing)],
            funder=vru,
            fte=rng.choice(["0.5", "0.8", "1.0"]),
            annual_cost=rng.randrange(28_000, 45_000, 500),
            start_date=date(2024, 4, 1),
            end_date=date(2027, 3, 31),
            is_filled=rng.random() < 0.7,
            is_synthetic=True,
        )
        for i in range(existing_posts, max(3, projects // 1000))
    ]
    bulk_create_with_history(posts, FundedPost, default_change_reason=SYNTHETIC_REASON)
    return len(posts)


def _demo_youth_voice_sessions(rng: random.Random, *, seed: int, places: list[Place], leads, today: date) -> int:
    """Youth voice sessions at demo places (one per 15 places, at least four), with the projects there and
    the organisations that ran them, at every stage of "you said, we did"; those of this seed not made yet."""
    existing = set(YouthVoiceSession.objects.filter(title__contains=f"(demo {seed}-").values_list("title", flat=True))
    made = 0
    for i in range(max(4, len(places) // 15)):
        place = places[i % len(places)]
        topic, you_said, we_did = YOUTH_VOICE_TOPICS[i % len(YOUTH_VOICE_TOPICS)]
        held = today - timedelta(days=rng.randint(30, 700))
        status = FollowUpStatus.NOT_STARTED if not we_did else rng.choice(list(FollowUpStatus))
        organisations = rng.sample(leads, k=rng.randint(1, 2))
        title = f"{topic}, {_place_name(place)} (demo {seed}-{i})"
        if title in existing:
            continue
        session = YouthVoiceSession.objects.create(
            title=title,
            date=held,
            borough_id=place.borough_id,
            young_people=rng.randint(6, 40),
            you_said=you_said,
            we_did=we_did if status != FollowUpStatus.NOT_STARTED else "",
            follow_up_status=status,
            follow_up_date=None if status == FollowUpStatus.NOT_STARTED else held + timedelta(days=rng.randint(14, 90)),
            recorded_by_organisation=organisations[0],
        )
        session.places.set([place])
        session.organisations.set(organisations)
        session.projects.set(Project.objects.filter(is_synthetic=True, places=place)[:2])
        made += 1
    return made


@transaction.atomic
def demo_generate(*, projects: int, seed: int, returns_per_project: int = 2, today: date | None = None) -> DemoReport:
    """Add `projects` synthetic projects (with places, consortia, posts and returns) for seed `seed`."""
    today = today or date.today()
    rng = random.Random(seed)
    report = DemoReport()
    partnership_load()

    vru, housing, leads = _demo_organisations()
    types = list(InterventionType.objects.all())
    programme = FundingProgramme.objects.get(name="MyEnds")

    places, report.places = _demo_places(rng, seed, min(max(21, projects // 20), 5000), housing)
    places_by_borough: dict[int, list[Place]] = {}
    for place in places:
        places_by_borough.setdefault(place.borough_id, []).append(place)
    borough_names = dict(Borough.objects.filter(pk__in=places_by_borough).values_list("pk", "name"))
    choices = _Choices(places_by_borough, borough_names, types, leads, programme, vru)

    plans = _plan_projects(rng, seed=seed, count=projects, choices=choices)
    report.projects, report.returns = _save_projects(rng, plans, today=today, returns_per_project=returns_per_project)
    report.posts = _demo_posts(rng, seed=seed, projects=projects, housing=housing, vru=vru)
    projects_bulk_written.send(sender=Project)
    report.youth_voice_sessions = _demo_youth_voice_sessions(rng, seed=seed, places=places, leads=leads, today=today)
    return report
