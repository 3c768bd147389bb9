from django.urls import path

from .views import surveys, visits

# Mounted under /partners/ in the namespace "partners" with the organisations' pages
# (network_portal/urls.py): the addresses and names stayed when the app split off.
urlpatterns = [
    path("outreach/", visits.outreach, name="outreach"),
    path("visits/", visits.visit_list, name="visit_list"),
    path("visits/new/", visits.visit_form, name="visit_create"),
    path("visits/<int:pk>/", visits.visit_detail, name="visit_detail"),
    path("visits/<int:pk>/edit/", visits.visit_form, name="visit_edit"),
    path("follow-ups/<int:pk>/done/", visits.follow_up_done, name="follow_up_done"),
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
]
