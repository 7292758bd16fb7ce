"""The portal's URLs with a stand-in for the project register (`programmes:project-list`), to test the links
coverage makes to it while the register is not in this branch."""

from django.http import HttpResponse
from django.urls import include, path

from hayn_portal.urls import urlpatterns as portal_urlpatterns
from programmes.urls import urlpatterns as programmes_urlpatterns

register = path("projects/", lambda request: HttpResponse("register"), name="project-list")

urlpatterns = [pattern for pattern in portal_urlpatterns if getattr(pattern, "namespace", None) != "programmes"] + [
    path("programmes/", include(([*programmes_urlpatterns, register], "programmes")))
]
