"""Every page about the partnership's work: who may open it, and a query count that does not grow."""

import pytest
from django.urls import reverse

from boroughs.models import Place
from programmes.models import FundedPost, FundingProgramme, YouthVoiceSession
from programmes.tests.factories import BRENT, ProjectFactory

pytestmark = pytest.mark.django_db


def _myends():
    return [FundingProgramme.objects.get(name="MyEnds").pk]


def _first(model):
    return lambda: [model.objects.order_by("pk").first().pk]


# Each page, how to find its arguments, and the most queries it may take whatever the number of rows.
# base.html costs one query (user.organisation); the session and the user cost two more. On PostgreSQL the
# borough, place and programme pages' figures take one more, the planner settings (work.py, _index_lookups).
PAGES = {
    "programmes:project-list": (lambda: [], 20),
    # 22, two each for the reach trajectory and the returns by quarter, and the coverage overview's 8 (no
    # snapshot of last quarter).
    "programmes:dashboard": (lambda: [], 34),
    "programmes:overdue-returns": (lambda: [], 8),
    "programmes:programme-list": (lambda: [], 7),
    # The figures in one query over the programme's projects, two for the reach trajectory.
    "programmes:programme-detail": (_myends, 13),
    "programmes:post-list": (lambda: [], 10),
    "programmes:post-detail": (_first(FundedPost), 7),
    "programmes:youth-voice-list": (lambda: [], 15),
    "programmes:youth-voice-detail": (_first(YouthVoiceSession), 10),
    "programmes:youth-voice-create": (lambda: [], 12),
    "programmes:youth-voice-update": (_first(YouthVoiceSession), 16),
    "programmes:borough-list": (lambda: [], 10),
    # 20 once its coverage is kept (the version); the first reader works every borough's out (reference, fetch).
    "programmes:borough-detail": (lambda: [BRENT], 24),
    "programmes:place-detail": (_first(Place), 11),
    "coverage:map": (lambda: [], 11),
}


VRU_ONLY = {"programmes:dashboard", "programmes:overdue-returns"}


def _url(name):
    arguments, _ = PAGES[name]
    return reverse(name, args=arguments())


@pytest.mark.parametrize("size", [3, 30])
def test_each_page_takes_a_fixed_number_of_queries(programme_manager_client, django_assert_max_num_queries, size):
    ProjectFactory.create_batch(size, on_the_ground=True)
    for name, (arguments, most) in PAGES.items():
        url = reverse(name, args=arguments())
        with django_assert_max_num_queries(most, info=name):
            response = programme_manager_client.get(url)
        assert response.status_code == 200, name


def test_anonymous_visitors_are_sent_to_log_in(client, partnership):
    ProjectFactory(on_the_ground=True)
    for name in PAGES:
        response = client.get(_url(name))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("login")), name


def test_youth_leads_open_every_page_but_the_dashboard(youth_lead_client):
    ProjectFactory(on_the_ground=True)
    for name in sorted(set(PAGES) - VRU_ONLY - {"programmes:youth-voice-update"}):
        assert youth_lead_client.get(_url(name)).status_code == 200, name
    for name in VRU_ONLY:
        assert youth_lead_client.get(_url(name)).status_code == 403, name


def test_the_programme_coordinator_opens_the_dashboard(programme_coordinator_client):
    ProjectFactory(on_the_ground=True)
    for name in VRU_ONLY:
        assert programme_coordinator_client.get(_url(name)).status_code == 200, name


def test_the_navigation_offers_vru_staff_the_dashboard_and_marks_the_current_page(programme_manager_client):
    page = programme_manager_client.get(reverse("programmes:project-list")).content.decode()
    assert f'href="{reverse("programmes:dashboard")}"' in page
    assert 'aria-current="page"><strong class="govuk-service-navigation__active-fallback">Register' in page


def test_the_navigation_offers_youth_leads_the_register_map_and_youth_voice_not_the_dashboard(youth_lead_client):
    page = youth_lead_client.get(reverse("programmes:borough-list")).content.decode()
    assert f'href="{reverse("programmes:dashboard")}"' not in page
    for name in ("programmes:project-list", "coverage:map", "programmes:youth-voice-list"):
        assert f'href="{reverse(name)}"' in page, name
