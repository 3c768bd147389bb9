"""What of a mentoring profile the programme page's search finds."""

from core import search

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
)
