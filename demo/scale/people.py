"""Stage 2: the students, staff and company contacts, each with their membership."""

import datetime

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import generate_totp_secret
from allauth.mfa.utils import encrypt
from django.conf import settings
from django.contrib.auth.hashers import make_password

from accounts.models import User
from partners.models import Membership

from .base import FIRST, LANGUAGES, LAST, Seeding, bulk, email, tagged_ids


def seed(seeder: Seeding) -> None:
    rng = seeder.rng("people")
    schools, companies = seeder.schools(), seeder.companies()
    add_users(seeder, rng)
    coordinators = add_memberships(schools, companies)
    add_authenticators(coordinators)


def add_users(seeder: Seeding, rng) -> None:
    password = make_password(settings.DEMO_PASSWORD)
    genders = [g for g, _label in User.Gender.choices] + ["", ""]
    statuses = [s for s, _label in User.LabourMarketStatus.choices]

    def person(prefix, n, *, student):
        joined = seeder.now - datetime.timedelta(days=rng.randint(0, 4 * 365))
        return User(
            email=email(prefix, n),
            full_name=f"{rng.choice(FIRST)} {rng.choice(LAST)} {prefix.upper()}{n}",
            password=password,
            language=rng.choice(LANGUAGES),
            gender=rng.choice(genders),
            birth_year=seeder.today.year
            - (rng.randint(16, 24) if student else rng.randint(25, 64)),
            labour_market_status=User.LabourMarketStatus.STUDENT
            if student
            else rng.choice(statuses),
            date_joined=joined,
        )

    s = seeder.sizes
    bulk(User, (person("s", n, student=True) for n in range(1, s["students"] + 1)))
    bulk(User, (person("t", n, student=False) for n in range(1, s["staff"] + 1)))
    bulk(User, (person("k", n, student=False) for n in range(1, s["companies"] + 1)))


def add_memberships(schools: list, companies: list) -> list[int]:
    """Every person's membership; return the coordinators' ids."""
    R = Membership.Role
    students, staff, contacts = tagged_ids("s"), tagged_ids("t"), tagged_ids("k")
    rows = [
        # One in ten has graduated; the first student of each school has not.
        Membership(
            user_id=pk,
            organisation=schools[i % len(schools)],
            role=R.GRADUATE if i % 10 == 9 and i >= len(schools) else R.STUDENT,
        )
        for i, pk in enumerate(students)
    ]
    coordinators = []
    for i, pk in enumerate(staff):
        # The first staff member of each school coordinates it; the rest teach.
        school = schools[i % len(schools)]
        role = R.COORDINATOR if i < len(schools) else R.TEACHER
        rows.append(Membership(user_id=pk, organisation=school, role=role))
        if role == R.COORDINATOR:
            coordinators.append(pk)
    rows += [
        Membership(user_id=pk, organisation=companies[i % len(companies)], role=R.COMPANY_CONTACT)
        for i, pk in enumerate(contacts)
    ]
    bulk(Membership, rows)
    return coordinators


def add_authenticators(coordinators: list[int]) -> None:
    # Coordinators must have an authenticator; they all get the same secret here.
    data = {"secret": encrypt(generate_totp_secret())}
    bulk(
        Authenticator,
        (Authenticator(user_id=pk, type=Authenticator.Type.TOTP, data=data) for pk in coordinators),
    )
