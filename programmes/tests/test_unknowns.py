"""What the source does not say is shown as not known or assumed, never as a fact, on pages and after migrating."""

from datetime import date
from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from programmes.models import FundedPost, Project
from programmes.partnership import ONE_FLOW
from programmes.tests.factories import FundedPostFactory

pytestmark = pytest.mark.django_db

posts_migration = import_module("programmes.migrations.0006_funded_post_fte_and_filled_may_be_unknown")
one_flow_migration = import_module("programmes.migrations.0007_project_dates_and_ages_assumed")


def test_the_vru_posts_say_not_known_for_fte_and_filled_on_the_list_and_their_page(youth_lead_client, partnership):
    page = youth_lead_client.get(reverse("programmes:post-list")).content.decode()
    assert page.count("Not known") >= 4  # each post's FTE and state
    assert "Vacant</strong>" not in page
    post = FundedPost.objects.get(title="Programme Manager")
    detail = youth_lead_client.get(post.get_absolute_url()).content.decode()
    assert "Vacant" not in detail and detail.count("Not known") >= 2
    not_known = youth_lead_client.get(reverse("programmes:post-list"), {"state": "not_known"})
    assert {p.title for p in not_known.context["object_list"]} == {"Programme Manager", "Programme Coordinator"}


def test_one_flows_dates_and_ages_are_marked_assumed_on_its_page_and_in_the_register(youth_lead_client, partnership):
    one_flow = Project.objects.get(title=ONE_FLOW)
    page = youth_lead_client.get(one_flow.get_absolute_url()).content.decode()
    assert "Assumed: the source gives no dates" in page
    assert "Assumed: the source gives no ages" in page
    register = youth_lead_client.get(
        reverse("programmes:project-list"), {"q": "One Flow", "columns": ["start", "ages"]}
    )
    (record, cells), *_ = register.context["rows"]
    assert [cell["assumed"] for cell in cells] == [False, True, True]  # title, ages, start
    assert register.content.decode().count("(assumed)") == 2


def test_migrating_makes_the_loaded_posts_not_known_but_keeps_an_administrators_values(partnership):
    as_loaded = FundedPost.objects.get(title="Programme Manager")
    corrected = FundedPost.objects.get(title="Programme Coordinator")
    FundedPost.objects.filter(pk__in=[as_loaded.pk, corrected.pk]).update(fte=1, is_filled=False)
    corrected.refresh_from_db()
    corrected.save()  # an administrator confirms the old values: a second history record
    synthetic = FundedPostFactory(fte=1, is_filled=False)
    posts_migration.posts_as_loaded_become_not_known(apps, None)
    as_loaded.refresh_from_db(), corrected.refresh_from_db(), synthetic.refresh_from_db()
    assert (as_loaded.fte, as_loaded.is_filled) == (None, None)
    assert (corrected.fte, corrected.is_filled) == (1, False)
    assert (synthetic.fte, synthetic.is_filled) == (1, False)


def test_migrating_marks_one_flows_loaded_dates_and_ages_assumed_but_not_corrected_ones(partnership):
    Project.objects.filter(title=ONE_FLOW).update(dates_assumed=False, ages_assumed=False, age_min=11)
    one_flow_migration.one_flow_dates_and_ages_are_assumed(apps, None)
    one_flow = Project.objects.get(title=ONE_FLOW)
    assert (one_flow.start_date, one_flow.dates_assumed, one_flow.ages_assumed) == (date(2021, 9, 1), True, False)
