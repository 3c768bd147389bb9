"""What of a mentoring profile the programme page's search finds. A profile is about a
person: its words are not offered as spellings, and it is indexed again when the person's
name changes."""

from django.contrib.auth import get_user_model

from core import search
from partners.models import Organisation

from .models import Enrolment


def _name(enrolment: Enrolment) -> str:
    return enrolment.user.full_name


def _skills(enrolment: Enrolment) -> str:
    return " ".join(str(skill) for skill in (*enrolment.skills_offered, *enrolment.skills_wanted))


def _organisation(enrolment: Enrolment) -> str:
    return enrolment.organisation.name if enrolment.organisation else ""


search.register(
    Enrolment,
    title=(_name,),
    body=(_skills, "goals", "introduction", "region", _organisation),
    related=("user", "organisation"),
    spelling=False,
)


search.follow(Enrolment, get_user_model(), lookup="user", fields=("full_name",))
search.follow(Enrolment, Organisation, lookup="organisation", fields=("name",))
