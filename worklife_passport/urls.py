from django.urls import path

from . import views

app_name = "passport"

urlpatterns = [
    path("", views.passport, name="passport"),
    path("passport.pdf", views.passport_pdf, name="passport_pdf"),
    path("badges/", views.catalogue, name="catalogue"),
    path("badges/new/", views.badge_create, name="badge_create"),
    path("badges/<int:pk>/", views.badge_detail, name="badge_detail"),
    path("badges/<int:pk>/edit/", views.badge_edit, name="badge_edit"),
    path("badges/<int:pk>/goal/", views.goal_toggle, name="goal_toggle"),
    path("badges/<int:pk>/claim/", views.claim_start, name="claim_start"),
    path("badges/<int:pk>/endorse/", views.endorse, name="endorse"),
    path("badges/<int:pk>/codes/", views.code_create, name="code_create"),
    path("badges/<int:pk>/bulk/", views.bulk_award, name="bulk_award"),
    path("bulk/<int:pk>/", views.bulk_detail, name="bulk_detail"),
    path("codes/<int:pk>/qr.svg", views.code_qr, name="code_qr"),
    path("redeem/", views.redeem, name="redeem"),
    path("claims/<int:pk>/", views.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/files/<int:file_pk>/", views.evidence_file, name="evidence_file"),
    path("claims/<int:pk>/<str:action>/", views.claim_action, name="claim_action"),
    path("assess/", views.assessor_queue, name="assessor_queue"),
    path("confirm/<str:token>/", views.supervisor_confirm, name="supervisor_confirm"),
    path("awards/<uuid:public_id>/", views.award_detail, name="award_detail"),
    path("awards/<uuid:public_id>/baked-ob<str:version>/", views.award_baked, name="award_baked"),
    path(
        "awards/<uuid:public_id>/credential.<str:fmt>",
        views.award_credential,
        name="award_credential",
    ),
    path("awards/<uuid:public_id>/revoke/", views.award_revoke, name="award_revoke"),
    path("verify/", views.verify, name="verify"),
    path("share/", views.share_create, name="share_create"),
    path("share/<int:pk>/revoke/", views.share_revoke, name="share_revoke"),
    path("shared/<str:token>/", views.shared, name="shared"),
    path("pathways/", views.pathways, name="pathways"),
    path("pathways/<int:pk>/request/", views.recognition_request, name="recognition_request"),
    path("recognition/", views.recognition_queue, name="recognition_queue"),
    path(
        "recognition/<int:pk>/<str:decision>/",
        views.recognition_decide,
        name="recognition_decide",
    ),
    path("skill-needs/", views.skill_needs, name="skill_needs"),
    path("skill-needs/<int:pk>/delete/", views.skill_need_delete, name="skill_need_delete"),
]
