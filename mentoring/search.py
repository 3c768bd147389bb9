"""What of a mentoring profile the programme page's search finds. A profile is about a
person: its words are not offered as spellings, and it is indexed again when the person's
name changes."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save

from core import search
from core.search.index import index

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


def _person_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    if raw:
        return
    for enrolment in Enrolment.objects.filter(user=instance).select_related("user", "organisation"):
        index(enrolment)


post_save.connect(_person_saved, sender=get_user_model(), dispatch_uid="mentoring.search.user")
