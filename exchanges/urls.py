from django.urls import path

from . import views

app_name = "exchanges"

urlpatterns = [
    path("", views.offer_list, name="offer_list"),
    path("offers/new/", views.offer_create, name="offer_create"),
    path("offers/mine/", views.my_offers, name="my_offers"),
    path("offers/<int:pk>/", views.offer_detail, name="offer_detail"),
    path("offers/<int:pk>/edit/", views.offer_edit, name="offer_edit"),
    path("offers/<int:pk>/apply/", views.application_create, name="application_create"),
    path(
        "offers/<int:pk>/<str:action>/",
        views.offer_action,
        name="offer_action",
    ),
    path("searches/", views.saved_search_create, name="saved_search_create"),
    path("searches/<int:pk>/delete/", views.saved_search_delete, name="saved_search_delete"),
    path("applications/", views.my_applications, name="my_applications"),
    path("applications/propose/", views.application_propose, name="application_propose"),
    path("applications/<int:pk>/", views.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", views.application_edit, name="application_edit"),
    path("applications/<int:pk>/comment/", views.application_comment, name="application_comment"),
    path("applications/<int:pk>/rank/", views.application_rank, name="application_rank"),
    path("agreements/", views.partnership_agreements, name="partnership_agreements"),
    path(
        "applications/<int:pk>/allow-overlap/",
        views.application_allow_overlap,
        name="application_allow_overlap",
    ),
    path("applications/<int:pk>/agreement/", views.agreement_edit, name="agreement_edit"),
    path("applications/<int:pk>/agreement.pdf", views.agreement_pdf, name="agreement_pdf"),
    path(
        "applications/<int:pk>/agreement/v<int:version>.pdf",
        views.agreement_pdf,
        name="agreement_version_pdf",
    ),
    path(
        "applications/<int:pk>/agreement/sign/<str:party>/",
        views.agreement_sign,
        name="agreement_sign",
    ),
    path(
        "applications/<int:pk>/agreement/host-link/",
        views.agreement_send_link,
        name="agreement_send_link",
    ),
    path("applications/<int:pk>/mobility/", views.mobility_edit, name="mobility_edit"),
    path("applications/<int:pk>/feedback/", views.mobility_feedback, name="mobility_feedback"),
    path(
        "applications/<int:pk>/badges/",
        views.mobility_award_badges,
        name="mobility_award_badges",
    ),
    path("applications/<int:pk>/recognise/", views.mobility_recognise, name="mobility_recognise"),
    path("applications/<int:pk>/certificate.pdf", views.certificate_pdf, name="certificate_pdf"),
    path(
        "applications/<int:pk>/<str:action>/",
        views.application_action,
        name="application_action",
    ),
    path("sign/<str:token>/", views.agreement_sign_link, name="agreement_sign_link"),
    path("queue/", views.coordinator_queue, name="queue"),
    path("queue/bulk/", views.coordinator_bulk, name="queue_bulk"),
    path("allocation/", views.allocation, name="allocation"),
    path("calendar/renew/", views.calendar_reset, name="calendar_reset"),
]
