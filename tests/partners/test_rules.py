import pytest
from django.contrib.auth.models import AnonymousUser

from partners import rules
from partners.models import Membership, Organisation
from tests.factories import MembershipFactory, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db
R = Membership.Role


@pytest.fixture
def school():
    return OrganisationFactory()


@pytest.fixture
def company():
    return OrganisationFactory(company=True)


def with_role(organisation, role):
    return MembershipFactory(organisation=organisation, role=role).user


def test_coordinator_manages_own_school_only(school):
    coordinator = with_role(school, R.COORDINATOR)
    other = OrganisationFactory()
    assert rules.can_manage_organisation(coordinator, school)
    assert not rules.can_manage_organisation(coordinator, other)


def test_teacher_and_student_do_not_manage_their_school(school):
    assert not rules.can_manage_organisation(with_role(school, R.TEACHER), school)
    assert not rules.can_manage_organisation(with_role(school, R.STUDENT), school)


def test_company_contact_manages_the_company_and_mentor_does_not(company):
    assert rules.can_manage_organisation(with_role(company, R.COMPANY_CONTACT), company)
    assert not rules.can_manage_organisation(with_role(company, R.MENTOR), company)


def test_staff_manage_every_organisation(school, company):
    admin = UserFactory(is_staff=True)
    assert rules.can_manage_organisation(admin, school)
    assert rules.can_manage_organisation(admin, company)


def test_inactive_staff_manage_nothing(school):
    assert not rules.can_manage_organisation(UserFactory(is_staff=True, is_active=False), school)


def test_company_contact_can_invite_only_company_roles(company):
    contact = with_role(company, R.COMPANY_CONTACT)
    assert set(rules.invitable_roles(contact, company)) == {R.COMPANY_CONTACT, R.MENTOR}
    assert not rules.can_invite(contact, company, R.STUDENT)


def test_coordinator_can_invite_school_roles(school):
    coordinator = with_role(school, R.COORDINATOR)
    assert rules.can_invite(coordinator, school, R.STUDENT)
    assert rules.can_invite(coordinator, school, R.TEACHER)
    assert not rules.can_invite(coordinator, school, R.COMPANY_CONTACT)


def test_members_of_inactive_organisations_lose_their_roles(school):
    student = with_role(school, R.STUDENT)
    Organisation.objects.filter(pk=school.pk).update(is_active=False)
    rules.forget_roles(student)
    assert not rules.is_member(student, school)


def test_anonymous_users_have_no_roles(school):
    anonymous = AnonymousUser()
    assert rules.roles_of(anonymous) == {}
    assert not rules.can_view_members(anonymous, school)
    assert not rules.can_manage_organisation(anonymous, school)


def test_only_network_members_see_members(school):
    assert rules.can_view_members(with_role(school, R.STUDENT), school)
    assert not rules.can_view_members(UserFactory(), school)


def test_mfa_is_required_for_coordinators_and_staff(school, company):
    assert rules.requires_mfa(with_role(school, R.COORDINATOR))
    assert rules.requires_mfa(UserFactory(is_staff=True))
    assert not rules.requires_mfa(with_role(school, R.STUDENT))
    assert not rules.requires_mfa(with_role(company, R.COMPANY_CONTACT))


def test_roles_are_read_with_one_query(school, django_assert_num_queries):
    user = with_role(school, R.TEACHER)
    MembershipFactory(user=user, organisation=school, role=R.ADVISOR)
    with django_assert_num_queries(1):
        assert rules.has_role(user, school, R.TEACHER)
        assert rules.has_role(user, school, R.ADVISOR)
        assert not rules.has_role(user, school, R.COORDINATOR)
        assert rules.is_network_member(user)
