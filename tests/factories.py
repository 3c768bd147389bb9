import datetime

import factory
from allauth.account.models import EmailAddress

from accounts.models import User
from partners.models import Membership, Organisation, Sector

PASSWORD = "correct-horse-battery-9"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    full_name = factory.Faker("name")
    language = "fi"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"sector-{n}")
    name_fi = factory.Sequence(lambda n: f"Toimiala {n}")
    name_en = factory.Sequence(lambda n: f"Sector {n}")


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name_fi = factory.Sequence(lambda n: f"Ammattiopisto {n}")
    slug = factory.Sequence(lambda n: f"org-{n}")
    kind = Organisation.Kind.VOCATIONAL_SCHOOL
    country = "FI"
    municipality = "Lappeenranta"

    class Params:
        company = factory.Trait(
            kind=Organisation.Kind.COMPANY,
            size_class=Organisation.SizeClass.SMALL,
            name_fi=factory.Sequence(lambda n: f"Yritys {n} Oy"),
        )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Membership.Role.STUDENT


def with_totp(user):
    """Give ``user`` an authenticator, as coordinators and admins must have."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(user, generate_totp_secret())
    return user


def member(organisation, role, **user_fields):
    user = UserFactory(**user_fields)
    MembershipFactory(user=user, organisation=organisation, role=role)
    if role == Membership.Role.COORDINATOR:
        with_totp(user)
    return user


def staff(**fields):
    return with_totp(UserFactory(is_staff=True, is_superuser=True, **fields))


class OfferFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "exchanges.PlacementOffer"

    host = factory.SubFactory(OrganisationFactory, company=True)
    title = factory.Sequence(lambda n: f"Placement {n}")
    description = "Work with our team."
    sector = factory.SubFactory(SectorFactory)
    form = "international_exchange"
    city = "Tartu"
    country = "EE"
    start_date = factory.LazyFunction(lambda: _today() + datetime.timedelta(days=60))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=27))
    seats = 2
    languages = ["en"]
    deadline = factory.LazyAttribute(lambda o: o.start_date - datetime.timedelta(days=14))
    status = "published"
    published_at = factory.LazyFunction(lambda: _now() - datetime.timedelta(days=1))


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "exchanges.Application"

    applicant = factory.SubFactory(UserFactory)
    offer = factory.SubFactory(OfferFactory)
    home = factory.SubFactory(OrganisationFactory)
    host = factory.LazyAttribute(lambda o: o.offer.host)
    motivation = "I want to learn."
    language_skills = "English B2"
    start_date = factory.LazyAttribute(lambda o: o.offer.start_date)
    end_date = factory.LazyAttribute(lambda o: o.offer.end_date)
    status = "draft"


def _today():
    from django.utils import timezone

    return timezone.localdate()


def _now():
    from django.utils import timezone

    return timezone.now()
