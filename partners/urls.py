from django.urls import path

from .views import organisations as views
from .views import outreach, reviews, surveys

app_name = "partners"

urlpatterns = [
    path("", views.organisation_list, name="organisation_list"),
    path("outreach/", outreach.outreach, name="outreach"),
    path("visits/", outreach.visit_list, name="visit_list"),
    path("visits/new/", outreach.visit_form, name="visit_create"),
    path("visits/<int:pk>/", outreach.visit_detail, name="visit_detail"),
    path("visits/<int:pk>/edit/", outreach.visit_form, name="visit_edit"),
    path("follow-ups/<int:pk>/done/", outreach.follow_up_done, name="follow_up_done"),
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
    path("surveys/", surveys.survey_list, name="survey_list"),
    path("surveys/new/", surveys.survey_form, name="survey_create"),
    path("surveys/answer/<str:token>/", surveys.survey_answer, name="survey_answer"),
    path("surveys/<int:pk>/", surveys.survey_detail, name="survey_detail"),
    path("surveys/<int:pk>/edit/", surveys.survey_form, name="survey_edit"),
    path("surveys/<int:pk>/status/", surveys.survey_status, name="survey_status"),
    path("surveys/<int:pk>/send/", surveys.survey_send, name="survey_send"),
    path("surveys/<int:pk>/results/", surveys.survey_results, name="survey_results"),
    path(
        "surveys/<int:pk>/questions/<int:question_pk>/",
        surveys.question_edit,
        name="question_edit",
    ),
    path(
        "surveys/<int:pk>/questions/<int:question_pk>/delete/",
        surveys.question_delete,
        name="question_delete",
    ),
    path(
        "surveys/<int:pk>/questions/<int:question_pk>/move/",
        surveys.question_move,
        name="question_move",
    ),
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
