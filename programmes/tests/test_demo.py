"""Synthetic demo data is labelled, reproducible, and never added twice."""

import pytest
from django.core.management import call_command

from boroughs.models import Place
from programmes.demo import demo_generate
from programmes.models import MonitoringReturn, Project

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
