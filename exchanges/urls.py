from django.urls import include, path

from .views import agreements, applications, coordinator, mobility, offers, searches

app_name = "exchanges"

offer_patterns = [
    path("", offers.offer_detail, name="offer_detail"),
    path("edit/", offers.offer_edit, name="offer_edit"),
    path("apply/", applications.application_create, name="application_create"),
    path("<str:action>/", offers.offer_action, name="offer_action"),
]

application_patterns = [
    path("", applications.application_detail, name="application_detail"),
    path("edit/", applications.application_edit, name="application_edit"),
    path("comment/", applications.application_comment, name="application_comment"),
    path("rank/", applications.application_rank, name="application_rank"),
    path(
        "allow-overlap/", applications.application_allow_overlap, name="application_allow_overlap"
    ),
    path("agreement/", agreements.agreement_edit, name="agreement_edit"),
    path("agreement.pdf", agreements.agreement_pdf, name="agreement_pdf"),
    path("agreement/v<int:version>.pdf", agreements.agreement_pdf, name="agreement_version_pdf"),
    path("agreement/sign/<str:party>/", agreements.agreement_sign, name="agreement_sign"),
    path("agreement/host-link/", agreements.agreement_send_link, name="agreement_send_link"),
    path("mobility/", mobility.mobility_edit, name="mobility_edit"),
    path("feedback/", mobility.mobility_feedback, name="mobility_feedback"),
    path("badges/", mobility.mobility_award_badges, name="mobility_award_badges"),
    path("recognise/", mobility.mobility_recognise, name="mobility_recognise"),
    path("certificate.pdf", mobility.certificate_pdf, name="certificate_pdf"),
    path("<str:action>/", applications.application_action, name="application_action"),
]

urlpatterns = [
    path("", offers.offer_list, name="offer_list"),
    path("offers/new/", offers.offer_create, name="offer_create"),
    path("offers/mine/", offers.my_offers, name="my_offers"),
    path("offers/<int:pk>/", include(offer_patterns)),
    path("searches/", searches.saved_search_create, name="saved_search_create"),
    path("searches/<int:pk>/delete/", searches.saved_search_delete, name="saved_search_delete"),
    path("applications/", applications.my_applications, name="my_applications"),
    path("applications/propose/", applications.application_propose, name="application_propose"),
    path("applications/<int:pk>/", include(application_patterns)),
    path("agreements/", agreements.partnership_agreements, name="partnership_agreements"),
    path("sign/<str:token>/", agreements.agreement_sign_link, name="agreement_sign_link"),
    path("queue/", coordinator.coordinator_queue, name="queue"),
    path("queue/bulk/", coordinator.coordinator_bulk, name="queue_bulk"),
    path("allocation/", coordinator.allocation, name="allocation"),
    path("calendar/renew/", searches.calendar_reset, name="calendar_reset"),
]
