"""Synthetic demo data is labelled, reproducible, and never added twice."""

import pytest
from django.core.management import call_command

from boroughs.models import Place, PlaceKind, Priority
from programmes.demo import demo_generate
from programmes.models import FollowUpStatus, MonitoringReturn, Project, YouthVoiceSession
from programmes.partnership import ONE_FLOW_ESTATES

pytestmark = pytest.mark.django_db


def test_generating_twice_with_one_seed_adds_nothing_the_second_time():
    first = demo_generate(projects=40, seed=3)
    counts = (Project.objects.count(), Place.objects.count(), MonitoringReturn.objects.count())
    second = demo_generate(projects=40, seed=3)
    assert first.projects == 40 and second.projects == 0
    assert (Project.objects.count(), Place.objects.count(), MonitoringReturn.objects.count()) == counts


def test_every_generated_row_is_labelled_synthetic():
    call_command("generate_demo", projects=30, seed=4)
    assert Project.objects.filter(is_synthetic=False).count() == 1  # One Flow – One Brent, the real one
    assert not MonitoringReturn.objects.filter(is_synthetic=False).exists()
    assert Project.objects.filter(is_synthetic=True, external_reference__startswith="DEMO-4-").count() == 30
    assert Project.history.filter(history_change_reason="Synthetic demo data").count() == 30


def test_generated_projects_name_places_intervention_types_and_boroughs():
    demo_generate(projects=30, seed=5)
    synthetic = Project.objects.filter(is_synthetic=True)
    assert not synthetic.filter(intervention_types=None).exists()
    assert not synthetic.filter(boroughs=None).exists()


def test_a_demo_projects_title_names_its_kinds_of_work_and_where_it_works():
    demo_generate(projects=40, seed=6)
    for project in Project.objects.filter(is_synthetic=True).prefetch_related(
        "intervention_types", "places", "boroughs"
    ):
        kinds = [kind.name.lower() for kind in project.intervention_types.all()]
        title = project.title.lower()
        assert all(kind in title for kind in kinds), project.title
        where = [place.name.split(" (")[0] for place in project.places.all()] or [project.boroughs.get().name]
        assert any(name in project.title for name in where), project.title


def test_demo_places_have_priorities_and_landlords_and_the_real_estates_keep_not_set():
    demo_generate(projects=40, seed=7)
    demo_places = Place.objects.filter(is_synthetic=True)
    assert not demo_places.filter(priority=Priority.NONE).exists()
    assert not demo_places.exclude(kind=PlaceKind.MAIN_ROAD).filter(landlords=None).exists()
    real = Place.objects.filter(is_synthetic=False)
    assert set(real.values_list("name", "priority")) == {(name, Priority.NONE) for name in ONE_FLOW_ESTATES}
    assert not real.exclude(landlords=None).exists()


def test_the_demo_records_youth_voice_sessions_once_at_demo_places_with_their_projects():
    first = demo_generate(projects=40, seed=8)
    again = demo_generate(projects=40, seed=8)
    sessions = YouthVoiceSession.objects.all()
    assert first.youth_voice_sessions == sessions.count() >= 4 and again.youth_voice_sessions == 0
    assert all("(demo 8-" in session.title for session in sessions)
    assert not sessions.filter(places=None).exists() and not sessions.filter(organisations=None).exists()
    assert sessions.exclude(projects=None).exists()
    assert not sessions.filter(follow_up_status=FollowUpStatus.REPORTED_BACK, we_did="").exists()
