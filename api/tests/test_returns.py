"""Monitoring returns and the VRU's review through the API: the return form's rules and messages, the journey
draft → submitted → returned → verified, and the review form's message when a comment is missing."""

import pytest
from django.urls import reverse

from programmes.models import MonitoringReturn, ProjectStatus, ReviewStatus
from programmes.tests.factories import MonitoringReturnFactory

from .conftest import database_state, hyde_project

pytestmark = pytest.mark.django_db

FIGURES = {"young_people_reached": 30, "sessions_delivered": 6, "families_reached": 4, "narrative": "A good start."}


def test_a_return_goes_from_draft_to_verified_through_the_api(lead_api, manager_api, youth_lead):
    project = hyde_project(ProjectStatus.VERIFIED)
    made = lead_api.post(
        reverse("api:project-returns", args=[project.pk]), {"quarter": "2025-04-01", **FIGURES}, format="json"
    )
    assert made.status_code == 201, made.json()
    assert made.json()["period_start"] == "2025-04-01" and made.json()["status"] == "draft"
    url = made["Location"]
    pk = made.json()["id"]
    submitted = lead_api.post(reverse("api:return-submit", args=[pk]), HTTP_IF_MATCH=made["ETag"])
    assert submitted.status_code == 200 and submitted.json()["status"] == "submitted"
    refused = manager_api.post(
        reverse("api:return-send-back", args=[pk]), {}, format="json", HTTP_IF_MATCH=submitted["ETag"]
    )
    assert refused.status_code == 400
    assert refused.json()["errors"] == [
        {"field": "comment", "message": "Say what needs to change before you return it"}
    ]
    returned = manager_api.post(
        reverse("api:return-send-back", args=[pk]),
        {"comment": "Add the families."},
        format="json",
        HTTP_IF_MATCH=submitted["ETag"],
    )
    assert returned.status_code == 200 and returned.json()["status"] == "returned"
    changed = lead_api.patch(url, {"families_reached": 9}, format="json", HTTP_IF_MATCH=returned["ETag"])
    assert changed.status_code == 200 and changed.json()["families_reached"] == 9
    again = lead_api.post(reverse("api:return-submit", args=[pk]), HTTP_IF_MATCH=changed["ETag"])
    verified = manager_api.post(reverse("api:return-verify", args=[pk]), {}, format="json", HTTP_IF_MATCH=again["ETag"])
    assert verified.status_code == 200 and verified.json()["status"] == "verified"
    reasons = list(MonitoringReturn.objects.get(pk=pk).history.values_list("history_change_reason", flat=True))
    assert reasons[0] == "Verified by the VRU (via API)"
    assert all(reason.endswith("(via API)") for reason in reasons)


def test_the_return_forms_rules_and_messages_apply(lead_api, youth_lead):
    project = hyde_project(ProjectStatus.VERIFIED)
    MonitoringReturnFactory(project=project, quarter=None)  # 2025-26 Q1 is taken
    url = reverse("api:project-returns", args=[project.pk])
    before = database_state()
    taken = lead_api.post(url, {"quarter": "2025-04-01", **FIGURES}, format="json")
    assert taken.status_code == 400 and taken.json()["errors"][0]["field"] == "quarter"
    negative = lead_api.post(url, {**FIGURES, "quarter": "2025-07-01", "sessions_delivered": -1}, format="json")
    assert negative.json()["errors"] == [
        {"field": "sessions_delivered", "message": "Sessions delivered cannot be negative"}
    ]
    odd = lead_api.post(url, {**FIGURES, "quarter": "2025-07-02"}, format="json")
    assert odd.json()["errors"] == [{"field": "quarter", "message": "Choose a quarter from the list"}]
    missing = lead_api.post(url, {"quarter": "2025-07-01"}, format="json")
    assert {"field": "young_people_reached", "message": "Enter how many young people you reached"} in missing.json()[
        "errors"
    ]
    assert database_state() == before


def test_a_project_sent_back_needs_a_comment_and_a_verified_one_is_verified(manager_api, programme_manager):
    project = hyde_project(ProjectStatus.SUBMITTED)
    detail = reverse("api:project-detail", args=[project.pk])
    etag = manager_api.get(detail)["ETag"]
    before = database_state()
    assert (
        manager_api.post(
            reverse("api:project-send-back", args=[project.pk]), {"comment": " "}, format="json", HTTP_IF_MATCH=etag
        ).status_code
        == 400
    )
    assert database_state() == before
    verified = manager_api.post(reverse("api:project-verify", args=[project.pk]), HTTP_IF_MATCH=etag)
    assert verified.status_code == 200 and verified.json()["status"] == "verified"
    record = project.history.first()
    assert record.history_user == programme_manager and record.history_change_reason == "Verified by the VRU (via API)"


def test_the_returns_list_hides_other_organisations_drafts(outsider_api, lead_api, youth_lead):
    project = hyde_project(ProjectStatus.VERIFIED)
    draft = MonitoringReturnFactory(project=project, status=ReviewStatus.DRAFT)
    assert [row["id"] for row in lead_api.get(reverse("api:return-list")).json()["results"]] == [draft.pk]
    assert outsider_api.get(reverse("api:return-list")).json()["results"] == []
    assert outsider_api.get(reverse("api:return-detail", args=[draft.pk])).status_code == 404
