"""How the OpenAPI schema describes personal tokens (HTTP bearer) and the pages' filters."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension, OpenApiFilterExtension


class PersonalTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.PersonalTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token from the API tokens page (/api/tokens/), as `Bearer hayn_…`.",
        }


class PageFilterParameters(OpenApiFilterExtension):
    """The pages' filters as the backend describes them (before drf-spectacular's own django-filter guesswork)."""

    target_class = "api.filtering.PageFilterBackend"
    priority = 1

    def get_schema_operation_parameters(self, auto_schema, *args, **kwargs):
        return self.target.get_schema_operation_parameters(auto_schema.view)
