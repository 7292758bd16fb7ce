"""URLs of the partners app."""

from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("invitations/new/", views.InvitationCreateView.as_view(), name="invitation-create"),
    path("invitations/<uidb64>/<token>/", views.InvitationAcceptView.as_view(), name="invitation-accept"),
]
