"""The VRU's review pages: a comment is needed to return work, and the queue's queries do not grow."""

import pytest
from django.urls import reverse

from programmes.models import ProjectStatus
from programmes.tests.factories import MonitoringReturnFactory, ProjectFactory
from programmes.tests.views.refusals import assert_refused_at

pytestmark = pytest.mark.django_db


def test_returning_work_without_a_comment_is_refused_at_the_comment(programme_manager_client):
    project = ProjectFactory(status=ProjectStatus.SUBMITTED, version=1)
    response = programme_manager_client.post(
        reverse("programmes:project-review", args=[project.pk]), {"decision": "send_back", "comment": " ", "version": 1}
    )
    assert_refused_at(response, "id_comment", "Say what needs to change before you return it")
    project.refresh_from_db()
    assert project.status == ProjectStatus.SUBMITTED


SIZES = [2, 12]


def get(client, url, django_assert_max_num_queries, most):
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("size", SIZES)
def test_review_queue_and_review_form(programme_manager_client, django_assert_max_num_queries, size):
    for _ in range(size):
        project = ProjectFactory(status=ProjectStatus.SUBMITTED)
        MonitoringReturnFactory(project=project, status="submitted")
    page = get(programme_manager_client, reverse("programmes:review-queue"), django_assert_max_num_queries, 10)
    assert page.content.decode().count("Review<span") == 2 * size
    get(
        programme_manager_client,
        reverse("programmes:project-review", args=[project.pk]),
        django_assert_max_num_queries,
        11,
    )
    get(programme_manager_client, reverse("home"), django_assert_max_num_queries, 16)  # 8, and coverage's overview
