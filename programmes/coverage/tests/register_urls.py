"""The portal's URLs plus a stand-in for the project register, for testing links to it before it exists."""

from django.http import HttpResponse
from django.urls import include, path

from hayn_portal.urls import urlpatterns as portal_urlpatterns

register = ([path("projects/", lambda request: HttpResponse("register"), name="project-list")], "programmes")

urlpatterns = [pattern for pattern in portal_urlpatterns if getattr(pattern, "namespace", None) != "programmes"] + [
    path("programmes/", include(register))
]
