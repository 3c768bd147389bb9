import re

import pytest

from partners.models import Membership
from tests.factories import OrganisationFactory, member
from worklife_passport.models import Award, Badge, Claim, Goal

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
R = Membership.Role


def test_choose_claim_with_a_file_approve_download_and_verify(
    login_as, live_server, settings, tmp_path
):
    settings.SITE_URL = live_server.url
    school = OrganisationFactory(name_fi="Järvenrannan ammattiopisto")
    student = member(school, R.STUDENT, full_name="Sanni Opiskelija", language="en")
    teacher = member(school, R.TEACHER, full_name="Timo Opettaja", language="en")
    badge = Badge.objects.create(
        issuer=school,
        name_fi="Asiakaspalvelun perusteet",
        name_en="Customer service basics",
        description_en="You serve customers well.",
        criteria_en="Twenty hours of service.",
        category="work_life",
        evidence_required=["text", "file"],
    )

    # The student chooses the badge and claims it with a file as evidence.
    me = login_as(student)
    me.goto("/en/passport/badges/")
    me.get_by_role("link", name="Customer service basics").click()
    me.get_by_role("button", name="Add to my goals").click()
    assert Goal.objects.filter(user=student, badge=badge).exists()
    me.get_by_role("button", name="Claim this badge").click()
    me.get_by_label("What you did").fill("I served customers at the school café for 25 hours.")
    evidence = tmp_path / "timesheet.pdf"
    evidence.write_bytes(b"%PDF-1.4 timesheet")
    me.get_by_label("Add a file").set_input_files(str(evidence))
    me.get_by_role("button", name="Save the evidence").click()
    me.get_by_role("button", name="Submit for assessment").click()
    claim = Claim.objects.get(student=student)
    assert claim.status == Claim.Status.SUBMITTED and claim.files.count() == 1

    # The teacher finds it in the queue and approves.
    assessor = login_as(teacher)
    assessor.goto("/en/passport/assess/")
    assessor.get_by_role("link", name="Sanni Opiskelija").click()
    assessor.get_by_role("button", name="Approve and award").click()
    award = Award.objects.get(recipient=student)

    # The student downloads the baked badge and checks it on the verify page.
    me.goto(f"/en/passport/awards/{award.public_id}/")
    with me.expect_download() as download_info:
        me.get_by_role("link", name="Badge image with Open Badges 2.0 data").click()
    baked = tmp_path / "badge.png"
    download_info.value.save_as(str(baked))
    assert baked.read_bytes().startswith(b"\x89PNG")
    me.goto("/en/passport/verify/")
    me.get_by_label("A baked badge image (PNG or SVG)").set_input_files(str(baked))
    me.get_by_role("button", name="Verify").click()
    verdict = me.locator("#verdict").inner_text()
    assert re.search(r"^Valid\.", verdict)
    assert "Customer service basics" in verdict
