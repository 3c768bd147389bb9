from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("mine/", views.my_events, name="my_events"),
    path("mine/calendar/renew/", views.calendar_renew, name="calendar_renew"),
    path("new/", views.event_form, name="event_create"),
    path("<int:pk>/", views.event_detail, name="event_detail"),
    path("<int:pk>/edit/", views.event_form, name="event_edit"),
    path("<int:pk>/register/", views.register, name="register"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("<int:pk>/materials/", views.material_add, name="material_add"),
    path(
        "<int:pk>/materials/<int:material_pk>/",
        views.material_download,
        name="material_download",
    ),
    path("<int:pk>/event.ics", views.event_ics, name="event_ics"),
    path("<int:pk>/check-in/<str:token>/", views.check_in, name="check_in"),
]
