from django.urls import path

from .views import organisations as views

# Outreach, quality and pilots add their pages under the same prefix and namespace
# (network_portal/urls.py); the organisations' slugs come after them.
urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path(
        "invitations/<int:pk>/accept/",
        views.invitation_accept_waiting,
        name="invitation_accept_waiting",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation_accept"),
    path("<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("<slug:slug>/members/", views.organisation_members, name="organisation_members"),
    path(
        "<slug:slug>/members/<int:pk>/remove/",
        views.membership_remove,
        name="membership_remove",
    ),
    path(
        "<slug:slug>/invitations/<int:pk>/revoke/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path("<slug:slug>/audit/", views.organisation_audit, name="organisation_audit"),
]
