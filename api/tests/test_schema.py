"""The OpenAPI schema is valid OpenAPI 3, documents the one error shape and the token scheme, and its documentation
page uses only our own static files with no inline script or style."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from openapi_spec_validator import validate
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema():
    response = APIClient().get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    return response.json()


def test_the_schema_is_valid_openapi_3(schema):
    validate(schema)
    assert schema["openapi"].startswith("3.")


def test_every_operation_documents_the_one_error_shape(schema):
    errors = schema["components"]["schemas"]["Errors"]
    assert errors["required"] == ["errors"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status in ("401", "403", "404", "429"):
                reference = operation["responses"][status]["content"]["application/json"]["schema"]["$ref"]
                assert reference == "#/components/schemas/Errors", (path, method, status)


def test_every_operation_documents_what_it_answers_on_success(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            assert any(status.startswith("2") for status in operation["responses"]), (path, method)


def test_writes_document_if_match_and_creates_the_idempotency_key(schema):
    patch = schema["paths"]["/api/v1/projects/{id}/"]["patch"]
    if_match = next(p for p in patch["parameters"] if p["name"] == "If-Match")
    assert if_match["in"] == "header" and if_match["required"] is True
    assert "412" in patch["responses"] and "428" in patch["responses"]
    create = schema["paths"]["/api/v1/projects/"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in create["parameters"])


def test_personal_tokens_are_documented_as_bearer_authentication(schema):
    assert schema["components"]["securitySchemes"]["personalToken"]["scheme"] == "bearer"


def test_the_register_filters_are_documented_as_parameters(schema):
    names = {p["name"] for p in schema["paths"]["/api/v1/projects/"]["get"]["parameters"]}
    assert {"borough", "place", "intervention_type", "organisation_now", "status", "ordering", "page_size"} <= names


def test_the_documentation_page_loads_only_our_own_files_and_no_inline_script_or_style():
    page = APIClient().get(reverse("api:docs")).content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert all(source.startswith(("/", "#")) for source in sources), sources
    assert "<style" not in page and "style=" not in page
    assert not re.search(r"<script>|<script [^>]*>[^<]", page)  # every script has a src and no body
    for source in sources:
        if source.startswith("/static/"):
            assert finders.find(source.removeprefix("/static/").split("?")[0]), source


def test_the_documentation_pages_start_up_script_is_a_separate_file():
    response = APIClient().get(reverse("api:docs"), {"script": ""})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in response.content.decode()
