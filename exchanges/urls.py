from django.urls import path

from .views import agreements, applications, coordinator, mobility, offers, searches

app_name = "exchanges"

urlpatterns = [
    path("", offers.offer_list, name="offer_list"),
    path("offers/new/", offers.offer_create, name="offer_create"),
    path("offers/mine/", offers.my_offers, name="my_offers"),
    path("offers/<int:pk>/", offers.offer_detail, name="offer_detail"),
    path("offers/<int:pk>/edit/", offers.offer_edit, name="offer_edit"),
    path("offers/<int:pk>/apply/", applications.application_create, name="application_create"),
    path(
        "offers/<int:pk>/<str:action>/",
        offers.offer_action,
        name="offer_action",
    ),
    path("searches/", searches.saved_search_create, name="saved_search_create"),
    path("searches/<int:pk>/delete/", searches.saved_search_delete, name="saved_search_delete"),
    path("applications/", applications.my_applications, name="my_applications"),
    path("applications/propose/", applications.application_propose, name="application_propose"),
    path("applications/<int:pk>/", applications.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", applications.application_edit, name="application_edit"),
    path(
        "applications/<int:pk>/comment/",
        applications.application_comment,
        name="application_comment",
    ),
    path("applications/<int:pk>/rank/", applications.application_rank, name="application_rank"),
    path("agreements/", agreements.partnership_agreements, name="partnership_agreements"),
    path(
        "applications/<int:pk>/allow-overlap/",
        applications.application_allow_overlap,
        name="application_allow_overlap",
    ),
    path("applications/<int:pk>/agreement/", agreements.agreement_edit, name="agreement_edit"),
    path("applications/<int:pk>/agreement.pdf", agreements.agreement_pdf, name="agreement_pdf"),
    path(
        "applications/<int:pk>/agreement/v<int:version>.pdf",
        agreements.agreement_pdf,
        name="agreement_version_pdf",
    ),
    path(
        "applications/<int:pk>/agreement/sign/<str:party>/",
        agreements.agreement_sign,
        name="agreement_sign",
    ),
    path(
        "applications/<int:pk>/agreement/host-link/",
        agreements.agreement_send_link,
        name="agreement_send_link",
    ),
    path("applications/<int:pk>/mobility/", mobility.mobility_edit, name="mobility_edit"),
    path("applications/<int:pk>/feedback/", mobility.mobility_feedback, name="mobility_feedback"),
    path(
        "applications/<int:pk>/badges/",
        mobility.mobility_award_badges,
        name="mobility_award_badges",
    ),
    path(
        "applications/<int:pk>/recognise/", mobility.mobility_recognise, name="mobility_recognise"
    ),
    path("applications/<int:pk>/certificate.pdf", mobility.certificate_pdf, name="certificate_pdf"),
    path(
        "applications/<int:pk>/<str:action>/",
        applications.application_action,
        name="application_action",
    ),
    path("sign/<str:token>/", agreements.agreement_sign_link, name="agreement_sign_link"),
    path("queue/", coordinator.coordinator_queue, name="queue"),
    path("queue/bulk/", coordinator.coordinator_bulk, name="queue_bulk"),
    path("allocation/", coordinator.allocation, name="allocation"),
    path("calendar/renew/", searches.calendar_reset, name="calendar_reset"),
]
