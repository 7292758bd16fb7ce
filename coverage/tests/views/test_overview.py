"""Home and dashboard lead with coverage: this quarter's figures equal the lists they link to, and the gaps
closed and opened since the last snapshot of the previous quarter are worked out by hand."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from boroughs.models import Borough
from coverage.forms.filters import period_value
from coverage.models import CoverageSnapshot
from coverage.selectors import changes as changes_selector
from coverage.selectors import overview as overview_selector
from coverage.selectors.changes import previous_quarter
from coverage.snapshots import coverage_snapshot_take
from coverage.tests.factories import generated_partnership
from partners.tests.factories import OrganisationFactory
from programmes.models import InterventionType
from programmes.periods import Quarter
from programmes.tests.factories import ProjectFactory, projects_running_in_three_boroughs

from .helpers import text

pytestmark = pytest.mark.django_db

PAGES = ["home", "programmes:dashboard"]


def _plain(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", text(response)))


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("seed", [4, 6])
def test_the_figures_equal_the_gap_and_overlap_lists_for_this_quarter(
    programme_manager_client, partnership, name, seed
):
    generated_partnership(seed, projects=60)
    client = programme_manager_client
    response = client.get(reverse(name))
    overview = response.context["coverage"]
    query = {"period": period_value(Quarter.containing(timezone.localdate()))}
    gaps = client.get(reverse("coverage:gap-list"), query).context["page"].paginator.object_list
    assert overview.borough_gaps == sum(g.site.kind == "borough" for g in gaps)
    assert overview.place_gaps == sum(g.site.kind == "place" for g in gaps)
    unreviewed = client.get(reverse("coverage:overlap-list"), {**query, "review": "unreviewed"})
    assert overview.overlaps_not_reviewed == unreviewed.context["page"].paginator.count
    page = _plain(response)
    assert f"{overview.borough_gaps} gap" in page and f"{overview.overlaps_not_reviewed} overlap" in page
    assert f'href="{reverse("coverage:gap-list")}?period={query["period"]}"' in text(response)


@pytest.mark.django_db(transaction=True)
def test_the_figures_are_kept_per_version_and_a_change_shows_on_the_next_page(programme_manager_client, monkeypatch):
    today = projects_running_in_three_boroughs()
    worked_out = []
    original = overview_selector._this_quarter
    monkeypatch.setattr(overview_selector, "_this_quarter", lambda *args: worked_out.append(1) or original(*args))
    first = [programme_manager_client.get(reverse(name)).context["coverage"] for name in PAGES]
    assert len(worked_out) == 1 and first[0] == first[1]  # worked out once, then read by both pages
    ProjectFactory(
        boroughs=[Borough.objects.get(name="Brent")],
        intervention_types=[InterventionType.objects.get(slug="safe-spaces")],
        start_date=today - timedelta(days=30),
        end_date=today + timedelta(days=30),
    )
    after = programme_manager_client.get(reverse("programmes:dashboard")).context["coverage"]
    assert len(worked_out) == 2
    assert after.borough_gaps == first[0].borough_gaps - 1  # safe spaces are no longer missing in Brent
    query = {"period": period_value(Quarter.containing(today))}
    gaps = programme_manager_client.get(reverse("coverage:gap-list"), query).context["page"].paginator.object_list
    assert after.borough_gaps == sum(g.site.kind == "borough" for g in gaps)


@pytest.fixture
def one_closed_one_opened(partnership):
    """Brent's mentoring starts this quarter (a gap closed); Hackney's safe spaces ended last quarter (a gap
    opened); the snapshot is taken on the last day of last quarter."""
    today = timezone.localdate()
    last = previous_quarter(today)
    mentoring, safe = (InterventionType.objects.get(slug=slug) for slug in ("mentoring", "safe-spaces"))
    brent, hackney = (Borough.objects.get(name=name) for name in ("Brent", "Hackney"))
    this_quarter = Quarter.containing(today)
    ProjectFactory(
        lead_organisation=OrganisationFactory(),
        boroughs=[brent],
        intervention_types=[mentoring],
        start_date=this_quarter.start,
        end_date=today + timedelta(days=365),
    )
    ProjectFactory(
        lead_organisation=OrganisationFactory(),
        boroughs=[hackney],
        intervention_types=[safe],
        start_date=last.start - timedelta(days=300),
        end_date=last.end,
    )
    coverage_snapshot_take(today=last.end)
    return last


@pytest.mark.parametrize("name", PAGES)
def test_gaps_closed_and_opened_since_the_last_snapshot_of_last_quarter(
    programme_manager_client, one_closed_one_opened, name
):
    response = programme_manager_client.get(reverse(name))
    changes = response.context["coverage"].changes
    assert changes.compared_with == one_closed_one_opened.end
    assert [(c.where, c.type_name) for c in changes.closed] == [("Brent", "Mentoring")]
    assert [(c.where, c.type_name) for c in changes.opened] == [("Hackney", "Safe spaces")]
    assert "1 gap closed and 1 opened" in _plain(response)


@pytest.mark.django_db(transaction=True)
def test_the_changes_are_kept_per_version_and_a_snapshot_taken_again_shows_on_the_next_page(
    programme_manager_client, one_closed_one_opened, monkeypatch
):
    worked_out = []
    original = changes_selector.partnership_shortfalls_on
    monkeypatch.setattr(
        changes_selector, "partnership_shortfalls_on", lambda day: worked_out.append(1) or original(day)
    )
    for name in PAGES:
        changes = programme_manager_client.get(reverse(name)).context["coverage"].changes
        assert [c.where for c in changes.closed] == ["Brent"] and [c.where for c in changes.opened] == ["Hackney"]
    assert len(worked_out) == 1  # worked out once, then read by both pages
    brent, mentoring = Borough.objects.get(name="Brent"), InterventionType.objects.get(slug="mentoring")
    snapshot = CoverageSnapshot.objects.get()
    snapshot.gaps = [gap for gap in snapshot.gaps if gap != ["borough", brent.pk, mentoring.pk]]
    snapshot.save()  # as if taken again that day, before Brent's mentoring was missing
    changes = programme_manager_client.get(reverse("home")).context["coverage"].changes
    assert len(worked_out) == 2
    assert changes.closed == () and [c.where for c in changes.opened] == ["Hackney"]


@pytest.mark.parametrize("name", PAGES)
def test_without_a_snapshot_of_last_quarter_the_change_is_not_known(programme_manager_client, partnership, name):
    coverage_snapshot_take(today=timezone.localdate())  # this quarter's, not last
    page = _plain(programme_manager_client.get(reverse(name)))
    assert "Not known yet: no snapshot from last quarter holds its gaps." in page


def test_a_youth_lead_still_lands_on_their_organisations_page(youth_lead_client, youth_lead):
    assert youth_lead_client.get(reverse("home"))["Location"] == youth_lead.organisation.get_absolute_url()
