from django.urls import path

from . import views as pilots

# Mounted under /partners/ in the namespace "partners" with the organisations' pages
# (network_portal/urls.py): the addresses and names stayed when the app split off.
urlpatterns = [
    path("pilots/", pilots.call_list, name="pilot_calls"),
    path("pilots/calls/new/", pilots.call_form, name="pilot_call_create"),
    path("pilots/calls/<int:pk>/", pilots.call_detail, name="pilot_call"),
    path("pilots/calls/<int:pk>/edit/", pilots.call_form, name="pilot_call_edit"),
    path("pilots/calls/<int:pk>/publish/", pilots.call_publish, name="pilot_call_publish"),
    path("pilots/calls/<int:pk>/close/", pilots.call_close, name="pilot_call_close"),
    path("pilots/calls/<int:pk>/ranking/", pilots.call_ranking, name="pilot_ranking"),
    path("pilots/calls/<int:call_pk>/apply/", pilots.application_form, name="pilot_apply"),
    path("pilots/<int:pk>/", pilots.application_detail, name="pilot_application"),
    path("pilots/<int:pk>/edit/", pilots.application_form, name="pilot_application_edit"),
    path("pilots/<int:pk>/submit/", pilots.application_submit, name="pilot_submit"),
    path("pilots/<int:pk>/withdraw/", pilots.application_withdraw, name="pilot_withdraw"),
    path("pilots/<int:pk>/attachments/", pilots.attachment_add, name="pilot_attachment_add"),
    path(
        "pilots/<int:pk>/attachments/<int:attachment_pk>/",
        pilots.attachment_download,
        name="pilot_attachment",
    ),
    path(
        "pilots/<int:pk>/attachments/<int:attachment_pk>/delete/",
        pilots.attachment_delete,
        name="pilot_attachment_delete",
    ),
    path("pilots/<int:pk>/score/", pilots.application_score, name="pilot_score"),
    path("pilots/<int:pk>/decide/", pilots.application_decide, name="pilot_decide"),
    path("pilots/<int:pk>/progress/", pilots.progress_add, name="pilot_progress"),
]
