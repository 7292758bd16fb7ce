"""The Partner API over real HTTP (pytest-django's live server, `requests`): a partner's system logs a project and
a return with a token, submits them, the VRU verifies them, and the revoked token is refused; retries, stale
writes and throttling (counted on the real cache: Redis when REDIS_URL is set) as a client meets them."""

import pytest
import requests

from api.throttling import AddressRateThrottle, TokenRateThrottle
from api.tokens import token_create, token_revoke
from programmes.models import MonitoringReturn, Project

from .conftest import project_body

TIMEOUT = 30


class Partner:
    """A partner's system: a base URL and a token."""

    def __init__(self, base: str, secret: str):
        self.base, self.session = f"{base}/api/v1", requests.Session()
        self.session.headers["Authorization"] = f"Bearer {secret}"

    def __getattr__(self, method):
        return lambda path, **kwargs: self.session.request(method.upper(), self.base + path, timeout=TIMEOUT, **kwargs)


@pytest.mark.django_db(transaction=True)
def test_a_round_trip_from_draft_to_verified_and_a_revoked_token_refused(
    live_server, partnership, youth_lead, programme_manager
):
    lead_token, lead_secret = token_create(user=youth_lead, name="Hyde case system")
    lead = Partner(live_server.url, lead_secret)
    vru = Partner(live_server.url, token_create(user=programme_manager, name="VRU checks")[1])

    made = lead.post("/projects/", json=project_body(), headers={"Idempotency-Key": "hyde-2026-001"})
    assert made.status_code == 201, made.text
    retried = lead.post("/projects/", json=project_body(), headers={"Idempotency-Key": "hyde-2026-001"})
    assert retried.json()["id"] == made.json()["id"] and retried.headers["Idempotent-Replayed"] == "true"
    assert Project.objects.filter(title="Estate mentoring").count() == 1
    project = made.json()["id"]

    stale = made.headers["ETag"]
    renamed = lead.patch(f"/projects/{project}/", json={"title": "Mentoring, Brent"}, headers={"If-Match": stale})
    assert renamed.status_code == 200
    refused = lead.patch(f"/projects/{project}/", json={"title": "Overwritten"}, headers={"If-Match": stale})
    assert refused.status_code == 412 and Project.objects.get(pk=project).title == "Mentoring, Brent"

    submitted = lead.post(f"/projects/{project}/submit/", headers={"If-Match": renamed.headers["ETag"]})
    assert submitted.json()["status"] == "submitted"
    verified = vru.post(f"/projects/{project}/verify/", json={}, headers={"If-Match": submitted.headers["ETag"]})
    assert verified.json()["status"] == "verified"

    figures = {"quarter": "2025-04-01", "young_people_reached": 40, "sessions_delivered": 8, "families_reached": 5}
    started = lead.post(f"/projects/{project}/returns/", json=figures, headers={"Idempotency-Key": "q1"})
    assert started.status_code == 201, started.text
    assert (
        lead.post(f"/projects/{project}/returns/", json=figures, headers={"Idempotency-Key": "q1"}).status_code == 201
    )
    assert MonitoringReturn.objects.filter(project_id=project).count() == 1
    pk = started.json()["id"]
    sent = lead.post(f"/returns/{pk}/submit/", headers={"If-Match": started.headers["ETag"]})
    checked = vru.post(f"/returns/{pk}/verify/", json={}, headers={"If-Match": sent.headers["ETag"]})
    assert checked.json()["status"] == "verified"

    token_revoke(token=lead_token, user=youth_lead)
    assert lead.get(f"/projects/{project}/").status_code == 401
    assert set(Project.objects.get(pk=project).history.values_list("history_user__username", flat=True)) == {
        "lead.hyde",
        "pm",
    }


@pytest.mark.django_db(transaction=True)
def test_calls_past_a_tokens_rate_get_429_and_other_tokens_go_on(live_server, partnership, youth_lead, monkeypatch):
    monkeypatch.setattr(TokenRateThrottle, "THROTTLE_RATES", {"token": "5/min", "address": "1000/min"})
    monkeypatch.setattr(AddressRateThrottle, "THROTTLE_RATES", {"token": "5/min", "address": "1000/min"})
    busy = Partner(live_server.url, token_create(user=youth_lead, name="Busy")[1])
    answers = [busy.get("/boroughs/").status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]
    limited = busy.get("/boroughs/")
    assert int(limited.headers["Retry-After"]) > 0
    assert limited.json()["errors"][0]["field"] is None and "throttled" in limited.json()["errors"][0]["message"]
    calm = Partner(live_server.url, token_create(user=youth_lead, name="Calm")[1])
    assert calm.get("/boroughs/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_calls_past_an_addresss_rate_get_429_even_without_a_token(live_server, partnership, monkeypatch):
    monkeypatch.setattr(AddressRateThrottle, "THROTTLE_RATES", {"token": "1000/min", "address": "3/min"})
    anonymous = [requests.get(f"{live_server.url}/api/v1/projects/", timeout=TIMEOUT).status_code for _ in range(4)]
    assert anonymous == [401, 401, 401, 429]
    guessing = requests.get(
        f"{live_server.url}/api/v1/projects/", headers={"Authorization": "Bearer hayn_guess"}, timeout=TIMEOUT
    )
    assert guessing.status_code == 429
