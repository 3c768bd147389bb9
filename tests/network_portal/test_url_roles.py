"""Every URL of the portal, for every role: who gets the page, who is sent to log in, and
who gets a 404 because the object or the page is not theirs.

``URL_ROLES`` is the one table: for each URL name, the method and the address of a demo
object, and what each role gets. ``test_every_url_has_a_role_row`` walks the URL
configuration and fails when a named URL has no row, so a new page cannot ship without
saying who may see it.
"""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.network_portal.url_roles_demo import ROLES, DemoNetwork

LOGIN = "login"  # a 302 to the login page

# URL names that are not ours to test role by role, and why.
EXCLUDED_PREFIXES = {
    # The Django admin: who may use it is the admin's own staff check, tested in test_admin.
    "admin:",
}
EXCLUDED = {
    # allauth's sign-in, sign-up, e-mail confirmation, password reset and second-factor
    # flows: pages for people who are not (yet) logged in, driven by allauth's own state
    # and tested in tests/accounts. The allauth pages a member uses day to day are rows.
    "account_login",
    "account_logout",
    "account_inactive",
    "account_signup",
    "account_reauthenticate",
    "account_email_verification_sent",
    "account_set_password",
    "account_reset_password",
    "account_confirm_login_code",
    "account_confirm_email",
    "account_reset_password_from_key_done",
    "account_reset_password_from_key",
    "account_reset_password_done",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_activate_totp",
    "mfa_deactivate_totp",
    "mfa_view_recovery_codes",
    "mfa_generate_recovery_codes",
    "mfa_download_recovery_codes",
}


def expect(default, **by_role):
    """What each role gets: ``default`` for every role not named."""
    return {role: by_role.get(role, default) for role in ROLES}


def public(status=200):
    return expect(status)


def members(status=200, **by_role):
    """A page for everyone who is logged in; the anonymous visitor is sent to log in."""
    return expect(status, anonymous=LOGIN, **by_role)


def only(*roles, status=200, **by_role):
    """A page for ``roles``; every other member gets a 404, the anonymous visitor logs in."""
    return expect(404, **{"anonymous": LOGIN, **dict.fromkeys(roles, status), **by_role})


def get(kwargs=None, **expected):
    return ("get", kwargs or (lambda o: {}), expected["roles"])


def post(kwargs=None, **expected):
    return ("post", kwargs or (lambda o: {}), expected["roles"])


URL_ROLES = {
    "health": get(roles=public()),
    "set_language": post(roles=public(302)),
    "exchanges_calendar_feed": get(lambda o: {"token": o.exchanges_feed_token}, roles=public()),
    "events_feed": get(lambda o: {"token": o.events_feed_token}, roles=public()),
    "ob_issuer": get(lambda o: {"slug": o.home.slug}, roles=public()),
    "ob_badge_class": get(lambda o: {"pk": o.badge.pk}, roles=public()),
    "ob_badge_image": get(lambda o: {"pk": o.badge.pk}, roles=public()),
    "ob_assertion": get(lambda o: {"public_id": o.award.public_id}, roles=public()),
    "ob_endorsement": get(lambda o: {"public_id": o.endorsement.public_id}, roles=public()),
    "ob_status_list": get(lambda o: {"slug": o.home.slug}, roles=public()),
    "ob_did_document": get(lambda o: {"slug": o.home.slug}, roles=public()),
    "home": get(roles=public()),
    "dashboard": get(roles=members()),
    "accessibility": get(roles=public()),
    "search": get(roles=public()),
    "profile": get(roles=members()),
    "export_data": get(roles=members()),
    "delete_account": get(roles=members()),
    "account_email": get(roles=members()),
    "account_change_password": get(roles=members(200, other_coordinator=302)),
    "mfa_index": get(roles=members()),
    "usersessions_list": get(roles=members()),
    "partners:organisation_list": get(roles=public()),
    "partners:outreach": get(roles=only("advisor", "coordinator", "other_coordinator", "staff")),
    "partners:visit_list": get(roles=only("advisor", "coordinator", "other_coordinator", "staff")),
    "partners:visit_create": get(
        roles=only("advisor", "coordinator", "other_coordinator", "staff")
    ),
    "partners:visit_detail": get(
        lambda o: {"pk": o.visit.pk},
        roles=only("advisor", "coordinator", "other_coordinator", "staff"),
    ),
    "partners:visit_edit": get(
        lambda o: {"pk": o.visit.pk}, roles=only("advisor", "coordinator", "staff")
    ),
    "partners:follow_up_done": post(
        lambda o: {"pk": o.follow_up.pk}, roles=only("advisor", "coordinator", "staff", status=302)
    ),
    "partners:pilot_calls": get(roles=public()),
    "partners:pilot_call_create": get(roles=only("coordinator", "other_coordinator", "staff")),
    "partners:pilot_call": get(lambda o: {"pk": o.pilot_call.pk}, roles=public()),
    "partners:pilot_call_edit": get(
        lambda o: {"pk": o.pilot_call.pk}, roles=only("coordinator", "staff")
    ),
    "partners:pilot_call_publish": post(
        lambda o: {"pk": o.pilot_call.pk}, roles=only("coordinator", "staff", status=302)
    ),
    "partners:pilot_call_close": post(
        lambda o: {"pk": o.pilot_call.pk}, roles=only("coordinator", "staff", status=302)
    ),
    "partners:pilot_ranking": get(
        lambda o: {"pk": o.pilot_call.pk}, roles=only("advisor", "coordinator", "staff")
    ),
    "partners:pilot_apply": get(
        lambda o: {"call_pk": o.pilot_call.pk},
        roles=only("advisor", "coordinator", "other_coordinator"),
    ),
    "partners:pilot_application": get(
        lambda o: {"pk": o.pilot_application.pk}, roles=only("advisor", "coordinator", "staff")
    ),
    "partners:pilot_application_edit": get(
        lambda o: {"pk": o.pilot_application.pk}, roles=members(404)
    ),
    # The demo application is not the demo people's own: only its applicants act on it.
    "partners:pilot_submit": post(lambda o: {"pk": o.pilot_application.pk}, roles=only()),
    "partners:pilot_withdraw": post(lambda o: {"pk": o.pilot_application.pk}, roles=only()),
    "partners:pilot_attachment_add": post(lambda o: {"pk": o.pilot_application.pk}, roles=only()),
    "partners:pilot_attachment": get(
        lambda o: {"pk": o.pilot_application.pk, "attachment_pk": o.pilot_attachment.pk},
        roles=only("advisor", "coordinator", "staff"),
    ),
    "partners:pilot_attachment_delete": post(
        lambda o: {"pk": o.pilot_application.pk, "attachment_pk": o.pilot_attachment.pk},
        roles=only(),
    ),
    # Only the call's reviewers score, only its organisers decide.
    "partners:pilot_score": post(lambda o: {"pk": o.pilot_application.pk}, roles=only("advisor")),
    "partners:pilot_decide": post(
        lambda o: {"pk": o.pilot_application.pk}, roles=only("coordinator", "staff")
    ),
    "partners:pilot_progress": post(lambda o: {"pk": o.pilot_application.pk}, roles=only()),
    "partners:review_home": get(roles=members()),
    "partners:round_create": get(roles=only("coordinator", "other_coordinator", "staff")),
    "partners:review_round": get(lambda o: {"pk": o.review_round.pk}, roles=members()),
    "partners:round_edit": get(
        lambda o: {"pk": o.review_round.pk}, roles=only("coordinator", "staff")
    ),
    "partners:review_detail": get(lambda o: {"pk": o.review.pk}, roles=members()),
    # Every member sees the review; each part of it is written by those who take that
    # part (the school, the organiser, the peer team); for anyone else it is a 404.
    "partners:review_self_report": post(lambda o: {"pk": o.review.pk}, roles=only("coordinator")),
    "partners:review_team": post(lambda o: {"pk": o.review.pk}, roles=only("coordinator", "staff")),
    "partners:review_finding": post(lambda o: {"pk": o.review.pk}, roles=only("other_coordinator")),
    "partners:review_finding_delete": post(
        lambda o: {"pk": o.finding.review_id, "finding_pk": o.finding.pk},
        roles=only("other_coordinator", status=302),
    ),
    "partners:review_summary": post(lambda o: {"pk": o.review.pk}, roles=only("other_coordinator")),
    "partners:review_status": post(
        lambda o: {"pk": o.review.pk},
        roles=only("coordinator", "other_coordinator", "staff", status=302),
    ),
    "partners:review_action": post(lambda o: {"pk": o.review.pk}, roles=only("coordinator")),
    "partners:review_action_state": post(
        lambda o: {"pk": o.review_action.review_id, "action_pk": o.review_action.pk},
        roles=only("coordinator", status=302),
    ),
    "partners:survey_list": get(roles=only("advisor", "coordinator", "other_coordinator", "staff")),
    "partners:survey_create": get(
        roles=only("advisor", "coordinator", "other_coordinator", "staff")
    ),
    "partners:survey_answer": get(lambda o: {"token": o.survey_token}, roles=public(410)),
    "partners:survey_detail": get(
        lambda o: {"pk": o.survey.pk}, roles=only("advisor", "coordinator", "staff")
    ),
    "partners:survey_edit": get(
        lambda o: {"pk": o.survey.pk}, roles=only("advisor", "coordinator", "staff")
    ),
    "partners:survey_status": post(
        lambda o: {"pk": o.survey.pk}, roles=only("advisor", "coordinator", "staff", status=302)
    ),
    "partners:survey_send": post(
        lambda o: {"pk": o.survey.pk}, roles=only("advisor", "coordinator", "staff")
    ),
    "partners:survey_results": get(
        lambda o: {"pk": o.survey.pk}, roles=only("advisor", "coordinator", "staff")
    ),
    "partners:question_edit": get(
        lambda o: {"pk": o.survey.pk, "question_pk": o.question.pk},
        roles=only("advisor", "coordinator", "staff"),
    ),
    "partners:question_delete": post(
        lambda o: {"pk": o.survey.pk, "question_pk": o.question.pk},
        roles=only("advisor", "coordinator", "staff", status=302),
    ),
    "partners:question_move": post(
        lambda o: {"pk": o.survey.pk, "question_pk": o.question.pk},
        roles=only("advisor", "coordinator", "staff", status=302),
    ),
    # The demo invitation is sent to nobody in the table: not theirs to accept.
    "partners:invitation_accept_waiting": post(lambda o: {"pk": o.invitation.pk}, roles=only()),
    "partners:invitation_accept": get(lambda o: {"token": o.invitation_token}, roles=public()),
    "partners:organisation_detail": get(lambda o: {"slug": o.home.slug}, roles=public()),
    "partners:organisation_edit": get(
        lambda o: {"slug": o.home.slug}, roles=only("coordinator", "staff")
    ),
    "partners:organisation_members": get(
        lambda o: {"slug": o.home.slug}, roles=only("coordinator", "staff")
    ),
    "partners:membership_remove": post(
        lambda o: {"slug": o.home.slug, "pk": o.membership.pk},
        roles=only("coordinator", "staff", status=302),
    ),
    "partners:invitation_revoke": post(
        lambda o: {"slug": o.home.slug, "pk": o.invitation.pk},
        roles=only("coordinator", "staff", status=302),
    ),
    "partners:organisation_audit": get(
        lambda o: {"slug": o.home.slug}, roles=only("coordinator", "staff")
    ),
    "notifications:inbox": get(roles=members()),
    "notifications:open": post(
        lambda o: {"pk": o.notification.pk}, roles=only("student", status=302)
    ),
    "notifications:mark_all_read": post(roles=members(302)),
    "notifications:preferences": get(roles=members()),
    "exchanges:offer_list": get(roles=public()),
    "exchanges:offer_create": get(
        roles=only("company_contact", "coordinator", "other_coordinator", "staff")
    ),
    "exchanges:my_offers": get(
        roles=only("company_contact", "coordinator", "other_coordinator", "staff")
    ),
    "exchanges:offer_detail": get(lambda o: {"pk": o.offer.pk}, roles=public()),
    "exchanges:offer_edit": get(
        lambda o: {"pk": o.offer.pk}, roles=only("company_contact", "staff")
    ),
    "exchanges:application_create": get(lambda o: {"pk": o.offer.pk}, roles=only("student")),
    # Only the host (and a network admin) moves a published offer; to anyone else it is a 404.
    "exchanges:offer_action": post(
        lambda o: {"pk": o.offer.pk, "action": "close"},
        roles=only("company_contact", "staff", status=302),
    ),
    "exchanges:saved_search_create": post(roles=members(302)),
    "exchanges:saved_search_delete": post(
        lambda o: {"pk": o.saved_search.pk}, roles=only("student", status=302)
    ),
    "exchanges:my_applications": get(roles=members()),
    "exchanges:application_propose": get(roles=only("student")),
    "exchanges:application_detail": get(
        lambda o: {"pk": o.application.pk}, roles=only("student", "teacher", "coordinator", "staff")
    ),
    # A party to the application who is not its applicant sees it but may not edit it: 403.
    "exchanges:application_edit": get(
        lambda o: {"pk": o.application.pk},
        roles=only("student", "teacher", "coordinator", "staff", status=403, student=200),
    ),
    "exchanges:application_comment": post(
        lambda o: {"pk": o.application.pk},
        roles=only("student", "teacher", "coordinator", "staff", status=302),
    ),
    "exchanges:application_rank": post(
        lambda o: {"pk": o.application.pk},
        roles=only("student", "teacher", "coordinator", "staff", status=302),
    ),
    "exchanges:partnership_agreements": get(
        roles=only("coordinator", "other_coordinator", "staff")
    ),
    "exchanges:application_allow_overlap": post(
        lambda o: {"pk": o.application.pk},
        roles=only("student", "teacher", "coordinator", "staff", status=302),
    ),
    # The participant and the teacher see the agreement; only home and host edit it: 403.
    "exchanges:agreement_edit": get(
        lambda o: {"pk": o.agreement.application_id},
        roles=only(
            "student", "teacher", "coordinator", "staff", status=403, coordinator=200, staff=200
        ),
    ),
    "exchanges:agreement_pdf": get(
        lambda o: {"pk": o.agreement.application_id},
        roles=only("student", "teacher", "coordinator", "staff"),
    ),
    "exchanges:agreement_version_pdf": get(
        lambda o: {"pk": o.agreement.application_id, "version": o.agreement.version},
        roles=only("student", "teacher", "coordinator", "staff"),
    ),
    "exchanges:agreement_sign": post(
        lambda o: {"pk": o.agreement.application_id, "party": "home"},
        roles=only("student", "teacher", "coordinator", "staff", status=302),
    ),
    "exchanges:agreement_send_link": post(
        lambda o: {"pk": o.agreement.application_id},
        roles=only("student", "teacher", "coordinator", "staff", status=302),
    ),
    "exchanges:mobility_edit": post(
        lambda o: {"pk": o.agreement.application_id},
        roles=only("student", "teacher", "coordinator", "staff", status=302),
    ),
    "exchanges:mobility_feedback": post(
        lambda o: {"pk": o.agreement.application_id},
        roles=only("student", "teacher", "coordinator", "staff", status=302),
    ),
    "exchanges:mobility_award_badges": post(
        lambda o: {"pk": o.agreement.application_id},
        roles=only("student", "teacher", "coordinator", "staff", status=302),
    ),
    "exchanges:mobility_recognise": post(
        lambda o: {"pk": o.agreement.application_id},
        roles=only("student", "teacher", "coordinator", "staff", status=302),
    ),
    "exchanges:certificate_pdf": get(
        lambda o: {"pk": o.completed_application.pk},
        roles=only("student", "teacher", "coordinator", "staff"),
    ),
    "exchanges:application_action": post(
        lambda o: {"pk": o.application.pk, "action": "withdraw"},
        roles=only("student", "teacher", "coordinator", "staff", status=302),
    ),
    "exchanges:agreement_sign_link": get(lambda o: {"token": o.agreement_token}, roles=public(410)),
    "exchanges:queue": get(
        roles=only("company_contact", "coordinator", "other_coordinator", "staff")
    ),
    "exchanges:queue_bulk": post(
        roles=only("company_contact", "coordinator", "other_coordinator", "staff", status=302)
    ),
    "exchanges:allocation": get(
        roles=only("company_contact", "coordinator", "other_coordinator", "staff")
    ),
    "exchanges:calendar_reset": post(roles=members(302)),
    "passport:passport": get(roles=members()),
    "passport:passport_pdf": get(roles=members()),
    "passport:catalogue": get(roles=public()),
    "passport:badge_create": get(roles=only("coordinator", "other_coordinator", "staff")),
    "passport:badge_detail": get(lambda o: {"pk": o.badge.pk}, roles=public()),
    "passport:badge_edit": get(lambda o: {"pk": o.badge.pk}, roles=only("coordinator", "staff")),
    "passport:goal_toggle": post(lambda o: {"pk": o.badge.pk}, roles=members(302)),
    "passport:claim_start": post(lambda o: {"pk": o.badge.pk}, roles=members(302)),
    "passport:endorse": post(
        lambda o: {"pk": o.badge.pk}, roles=only("company_contact", "other_coordinator", status=302)
    ),
    "passport:code_create": post(
        lambda o: {"pk": o.badge.pk}, roles=only("coordinator", "staff", status=302)
    ),
    "passport:bulk_award": get(lambda o: {"pk": o.badge.pk}, roles=only("coordinator", "staff")),
    "passport:bulk_detail": get(
        lambda o: {"pk": o.bulk_award.pk}, roles=only("coordinator", "staff")
    ),
    "passport:code_qr": get(lambda o: {"pk": o.claim_code.pk}, roles=only("coordinator", "staff")),
    "passport:redeem": get(roles=members()),
    "passport:claim_detail": get(lambda o: {"pk": o.claim.pk}, roles=only("student", "staff")),
    "passport:evidence_file": get(
        lambda o: {"pk": o.claim.pk, "file_pk": o.evidence.pk}, roles=only("student", "staff")
    ),
    "passport:claim_action": post(
        lambda o: {"pk": o.claim.pk, "action": "submit"}, roles=only("student", "staff", status=302)
    ),
    "passport:assessor_queue": get(
        roles=only("teacher", "coordinator", "other_coordinator", "staff")
    ),
    "passport:supervisor_confirm": get(lambda o: {"token": o.supervisor_token}, roles=public()),
    "passport:award_detail": get(lambda o: {"public_id": o.award.public_id}, roles=public()),
    "passport:award_baked": get(
        lambda o: {"public_id": o.award.public_id, "version": "2"},
        roles=only("student", "coordinator", "staff"),
    ),
    "passport:award_credential": get(
        lambda o: {"public_id": o.award.public_id, "fmt": "json"},
        roles=only("student", "coordinator", "staff"),
    ),
    "passport:award_revoke": post(
        lambda o: {"public_id": o.award.public_id}, roles=only("coordinator", "staff", status=302)
    ),
    "passport:verify": get(roles=public()),
    "passport:share_create": post(roles=members(302)),
    "passport:share_revoke": post(
        lambda o: {"pk": o.share_link.pk}, roles=only("student", status=302)
    ),
    "passport:shared": get(lambda o: {"token": o.share_link.token}, roles=public()),
    "passport:pathways": get(roles=public()),
    "passport:recognition_request": post(lambda o: {"pk": o.pathway.pk}, roles=members(302)),
    "passport:recognition_queue": get(roles=only("coordinator", "other_coordinator", "staff")),
    "passport:recognition_decide": post(
        lambda o: {"pk": o.recognition_request.pk, "decision": "confirm"},
        roles=only("staff", status=302),
    ),
    "passport:skill_needs": get(roles=only("company_contact")),
    "passport:skill_need_delete": post(
        lambda o: {"pk": o.skill_need.pk}, roles=only("company_contact", "staff", status=302)
    ),
    "mentoring:programme_list": get(roles=public()),
    "mentoring:programme_detail": get(lambda o: {"pk": o.programme.pk}, roles=public()),
    "mentoring:enrol": get(lambda o: {"pk": o.programme.pk}, roles=members()),
    "mentoring:evaluation": post(
        lambda o: {"pk": o.programme.pk}, roles=only("student", "mentor", status=302)
    ),
    "mentoring:coordination": get(
        lambda o: {"pk": o.programme.pk}, roles=only("coordinator", "staff")
    ),
    "mentoring:round_create": post(
        lambda o: {"pk": o.programme.pk}, roles=only("coordinator", "staff", status=302)
    ),
    "mentoring:round_remove": post(
        lambda o: {"pk": o.programme.pk, "round_pk": o.matching_round.pk},
        roles=only("coordinator", "staff", status=302),
    ),
    "mentoring:round_publish": post(
        lambda o: {"pk": o.programme.pk, "round_pk": o.matching_round.pk},
        roles=only("coordinator", "staff", status=302),
    ),
    "mentoring:request_mentor": post(lambda o: {"pk": o.mentor_enrolment.pk}, roles=members(302)),
    "mentoring:invite_mentee": post(lambda o: {"pk": o.mentee_enrolment.pk}, roles=members(302)),
    "mentoring:pair_detail": get(
        lambda o: {"pk": o.pair.pk}, roles=only("student", "mentor", "coordinator", "staff")
    ),
    "mentoring:meeting_log": post(
        lambda o: {"pk": o.pair.pk},
        roles=only("student", "mentor", "coordinator", "staff", status=302),
    ),
    "mentoring:goal_add": post(
        lambda o: {"pk": o.pair.pk},
        roles=only("student", "mentor", "coordinator", "staff", status=302),
    ),
    "mentoring:goal_update": post(
        lambda o: {"pk": o.pair.pk, "goal_pk": o.goal.pk},
        roles=only("student", "mentor", "coordinator", "staff", status=302),
    ),
    "mentoring:feedback": post(
        lambda o: {"pk": o.pair.pk},
        roles=only("student", "mentor", "coordinator", "staff", status=302),
    ),
    "mentoring:award_badge": post(
        lambda o: {"pk": o.pair.pk},
        roles=only("student", "mentor", "coordinator", "staff", status=302),
    ),
    "mentoring:endorse_badge": post(
        lambda o: {"pk": o.pair.pk},
        roles=only("student", "mentor", "coordinator", "staff", status=302),
    ),
    "mentoring:pair_action": post(
        lambda o: {"pk": o.pair.pk, "action": "complete"},
        roles=only("student", "mentor", "coordinator", "staff", status=302),
    ),
    "events:event_list": get(roles=public()),
    "events:my_events": get(roles=members()),
    "events:calendar_renew": post(roles=members(302)),
    "events:event_create": get(
        roles=only("company_contact", "advisor", "coordinator", "other_coordinator", "staff")
    ),
    "events:event_detail": get(lambda o: {"pk": o.event.pk}, roles=public()),
    "events:event_edit": get(
        lambda o: {"pk": o.event.pk}, roles=only("advisor", "coordinator", "staff")
    ),
    "events:register": post(lambda o: {"pk": o.event.pk}, roles=members(302)),
    "events:cancel": post(
        lambda o: {"pk": o.event.pk}, roles=only("company_contact", "advisor", status=302)
    ),
    "events:material_add": post(
        lambda o: {"pk": o.event.pk}, roles=only("advisor", "coordinator", "staff", status=302)
    ),
    "events:material_download": get(
        lambda o: {"pk": o.event.pk, "material_pk": o.event_material.pk}, roles=public()
    ),
    "events:event_ics": get(lambda o: {"pk": o.event.pk}, roles=public()),
    "events:check_in": get(
        lambda o: {"pk": o.event.pk, "token": o.event.checkin_token}, roles=members(302)
    ),
    "catalogue:service_list": get(roles=public()),
    "catalogue:service_detail": get(lambda o: {"pk": o.service.pk}, roles=public()),
    "catalogue:service_create": get(
        roles=only("advisor", "coordinator", "other_coordinator", "staff")
    ),
    "catalogue:service_edit": get(
        lambda o: {"pk": o.service.pk}, roles=only("advisor", "coordinator", "staff")
    ),
    "catalogue:service_manage": get(
        roles=only("advisor", "coordinator", "other_coordinator", "staff")
    ),
    "catalogue:material_list": get(roles=public()),
    "catalogue:material_create": get(
        roles=only(
            "teacher",
            "company_contact",
            "mentor",
            "advisor",
            "coordinator",
            "other_coordinator",
            "staff",
        )
    ),
    "catalogue:material_detail": get(lambda o: {"pk": o.material.pk}, roles=public()),
    "catalogue:material_edit": get(
        lambda o: {"pk": o.material.pk}, roles=only("coordinator", "staff")
    ),
    "catalogue:material_delete": post(
        lambda o: {"pk": o.material.pk}, roles=only("coordinator", "staff", status=302)
    ),
    "catalogue:material_download": get(lambda o: {"pk": o.material.pk}, roles=public(302)),
    "catalogue:enquiries": get(roles=members()),
    "catalogue:enquiry_detail": get(
        lambda o: {"pk": o.enquiry.pk},
        roles=only("company_contact", "advisor", "coordinator", "staff"),
    ),
    "catalogue:enquiry_reply": post(
        lambda o: {"pk": o.enquiry.pk},
        roles=only("company_contact", "advisor", "coordinator", "staff", status=302),
    ),
    "catalogue:enquiry_close": post(
        lambda o: {"pk": o.enquiry.pk},
        roles=only("company_contact", "advisor", "coordinator", "staff", status=302),
    ),
    "reports:dashboard": get(roles=only("coordinator", "other_coordinator", "staff")),
    "reports:export_start": post(
        roles=only("coordinator", "other_coordinator", "staff", status=400)
    ),
    "reports:export": get(lambda o: {"pk": o.export.pk}, roles=only("coordinator")),
    "reports:export_download": get(
        lambda o: {"pk": o.export.pk}, roles=only("coordinator", status=410)
    ),
}


def walk(resolver, namespace=""):
    """Every named URL pattern under ``resolver``, with its namespace."""
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            yield from walk(pattern, f"{namespace}{inner}:" if inner else namespace)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


def url_names():
    return {
        name
        for name in walk(get_resolver())
        if name not in EXCLUDED and not name.startswith(tuple(EXCLUDED_PREFIXES))
    }


def test_every_url_has_a_role_row():
    names = url_names()
    assert sorted(names - URL_ROLES.keys()) == [], "URLs without a row in URL_ROLES"
    assert sorted(URL_ROLES.keys() - names) == [], "rows in URL_ROLES for URLs that are gone"


def test_walker_sees_the_language_prefixed_pages_and_the_machine_documents():
    names = set(walk(get_resolver()))
    assert {"home", "exchanges:offer_detail", "passport:award_detail"} <= names
    assert {"health", "ob_assertion", "events_feed", "exchanges_calendar_feed"} <= names
    assert reverse("ob_assertion", args=["00000000-0000-0000-0000-000000000000"]).startswith("/ob/")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with DemoNetwork(django_db_blocker) as network:
        yield network


@pytest.fixture
def network(demo):
    demo.put_files_in_place()
    return demo


def answer(demo, role, method, url):
    """What ``role`` gets for ``url``; whatever the request changes is undone."""
    client = Client()
    with transaction.atomic():
        if role != "anonymous":
            client.force_login(demo.people[role])
        response = getattr(client, method)(url)
        if response.streaming:
            # A file download leaves its file open until it is read; the test client
            # closes it then (closing it by hand would close the database connection).
            b"".join(response.streaming_content)
        transaction.set_rollback(True)
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(URL_ROLES))
def test_url_answers_each_role_as_declared(network, name):
    method, kwargs, expected = URL_ROLES[name]
    url = reverse(name, kwargs=kwargs(network.objects))
    got = {role: answer(network, role, method, url) for role in ROLES}
    assert got == expected, f"{method.upper()} {url}"
