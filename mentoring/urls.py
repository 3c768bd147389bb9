from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    path("", views.programme_list, name="programme_list"),
    path("programmes/<int:pk>/", views.programme_detail, name="programme_detail"),
    path("programmes/<int:pk>/enrol/", views.enrol, name="enrol"),
    path("programmes/<int:pk>/evaluation/", views.evaluation_give, name="evaluation"),
    path("programmes/<int:pk>/coordination/", views.coordination, name="coordination"),
    path("programmes/<int:pk>/rounds/", views.round_create, name="round_create"),
    path(
        "programmes/<int:pk>/rounds/<int:round_pk>/remove/", views.round_remove, name="round_remove"
    ),
    path(
        "programmes/<int:pk>/rounds/<int:round_pk>/publish/",
        views.round_publish,
        name="round_publish",
    ),
    path("mentors/<int:pk>/request/", views.request_mentor, name="request_mentor"),
    path("mentees/<int:pk>/invite/", views.invite_mentee, name="invite_mentee"),
    path("pairs/<int:pk>/", views.pair_detail, name="pair_detail"),
    path("pairs/<int:pk>/meetings/", views.meeting_log, name="meeting_log"),
    path("pairs/<int:pk>/goals/", views.goal_add, name="goal_add"),
    path("pairs/<int:pk>/goals/<int:goal_pk>/", views.goal_update, name="goal_update"),
    path("pairs/<int:pk>/feedback/", views.feedback_give, name="feedback"),
    path("pairs/<int:pk>/badge/", views.award_badge, name="award_badge"),
    path("pairs/<int:pk>/endorse/", views.endorse_badge, name="endorse_badge"),
    path("pairs/<int:pk>/<str:action>/", views.pair_action, name="pair_action"),
]
