"""URLs of the partners app."""

from django.urls import path

from . import views

app_name = "partners"

urlpatterns = [
    path("organisations/<int:pk>/", views.OrganisationDetailView.as_view(), name="organisation-detail"),
    path("invitations/new/", views.InvitationCreateView.as_view(), name="invitation-create"),
    path("invitations/<uidb64>/<token>/", views.InvitationAcceptView.as_view(), name="invitation-accept"),
]
