from django.urls import path

from . import views as reviews

# Mounted under /partners/ in the namespace "partners" with the organisations' pages
# (network_portal/urls.py): the addresses and names stayed when the app split off.
urlpatterns = [
    path("reviews/", reviews.review_home, name="review_home"),
    path("reviews/rounds/new/", reviews.round_form, name="round_create"),
    path("reviews/rounds/<int:pk>/", reviews.round_detail, name="review_round"),
    path("reviews/rounds/<int:pk>/edit/", reviews.round_form, name="round_edit"),
    path("reviews/<int:pk>/", reviews.review_detail, name="review_detail"),
    path("reviews/<int:pk>/self-report/", reviews.self_report, name="review_self_report"),
    path("reviews/<int:pk>/team/", reviews.review_team, name="review_team"),
    path("reviews/<int:pk>/findings/", reviews.review_finding, name="review_finding"),
    path(
        "reviews/<int:pk>/findings/<int:finding_pk>/delete/",
        reviews.finding_delete,
        name="review_finding_delete",
    ),
    path("reviews/<int:pk>/summary/", reviews.review_summary, name="review_summary"),
    path("reviews/<int:pk>/status/", reviews.review_status, name="review_status"),
    path("reviews/<int:pk>/actions/", reviews.review_action, name="review_action"),
    path(
        "reviews/<int:pk>/actions/<int:action_pk>/state/",
        reviews.action_state,
        name="review_action_state",
    ),
]
