from django.urls import path

from .views import awards, badges, claims, passport

app_name = "passport"

urlpatterns = [
    path("", passport.passport, name="passport"),
    path("passport.pdf", passport.passport_pdf, name="passport_pdf"),
    path("badges/", badges.catalogue, name="catalogue"),
    path("badges/new/", badges.badge_create, name="badge_create"),
    path("badges/<int:pk>/", badges.badge_detail, name="badge_detail"),
    path("badges/<int:pk>/edit/", badges.badge_edit, name="badge_edit"),
    path("badges/<int:pk>/goal/", badges.goal_toggle, name="goal_toggle"),
    path("badges/<int:pk>/claim/", claims.claim_start, name="claim_start"),
    path("badges/<int:pk>/endorse/", badges.endorse, name="endorse"),
    path("badges/<int:pk>/codes/", awards.code_create, name="code_create"),
    path("badges/<int:pk>/bulk/", awards.bulk_award, name="bulk_award"),
    path("bulk/<int:pk>/", awards.bulk_detail, name="bulk_detail"),
    path("codes/<int:pk>/qr.svg", awards.code_qr, name="code_qr"),
    path("redeem/", awards.redeem, name="redeem"),
    path("claims/<int:pk>/", claims.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/files/<int:file_pk>/", claims.evidence_file, name="evidence_file"),
    path("claims/<int:pk>/<str:action>/", claims.claim_action, name="claim_action"),
    path("assess/", claims.assessor_queue, name="assessor_queue"),
    path("confirm/<str:token>/", claims.supervisor_confirm, name="supervisor_confirm"),
    path("awards/<uuid:public_id>/", awards.award_detail, name="award_detail"),
    path("awards/<uuid:public_id>/baked-ob<str:version>/", awards.award_baked, name="award_baked"),
    path(
        "awards/<uuid:public_id>/credential.<str:fmt>",
        awards.award_credential,
        name="award_credential",
    ),
    path("awards/<uuid:public_id>/revoke/", awards.award_revoke, name="award_revoke"),
    path("verify/", awards.verify, name="verify"),
    path("share/", passport.share_create, name="share_create"),
    path("share/<int:pk>/revoke/", passport.share_revoke, name="share_revoke"),
    path("shared/<str:token>/", passport.shared, name="shared"),
    path("pathways/", passport.pathways, name="pathways"),
    path("pathways/<int:pk>/request/", passport.recognition_request, name="recognition_request"),
    path("recognition/", passport.recognition_queue, name="recognition_queue"),
    path(
        "recognition/<int:pk>/<str:decision>/",
        passport.recognition_decide,
        name="recognition_decide",
    ),
    path("skill-needs/", passport.skill_needs, name="skill_needs"),
    path("skill-needs/<int:pk>/delete/", passport.skill_need_delete, name="skill_need_delete"),
]
