"""The OpenAPI schema and its documentation page, served from our own static files under the strict CSP."""

from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from .base import AddressThrottledMixin


class SchemaView(AddressThrottledMixin, SpectacularAPIView):
    """The OpenAPI 3 schema of the Partner API, open to all (it describes the API and holds no data)."""


class DocsView(AddressThrottledMixin, SpectacularSwaggerSplitView):
    """Swagger UI from drf-spectacular-sidecar's files: the page holds no inline script or style, and its
    start-up script is a separate same-origin file (`?script`), so `script-src 'self'` suffices."""

    template_name = "api/docs.html"
    url_name = "api:schema"
    title = "HAYN Partnership Portal API"
