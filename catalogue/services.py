from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network_portal.errors import DomainError
from notifications.services import notify
from partners import rules as partner_rules
from partners.audit import log_action

from . import rules
from .models import Enquiry, Service


class CatalogueError(DomainError):
    pass


def _link(enquiry):
    return {"name": "catalogue:enquiry_detail", "kwargs": {"pk": enquiry.pk}}


@transaction.atomic
def enquiry_send(*, actor, service: Service, question: str) -> Enquiry:
    if not question.strip():
        raise CatalogueError(_("Write your question."), code="empty")
    companies = partner_rules.organisations_with_role(actor, "company_contact")
    enquiry = Enquiry.objects.create(
        service=service,
        asked_by=actor,
        question=question.strip(),
        company_id=companies[0] if companies else None,
    )
    log_action(
        actor=actor, action="catalogue.enquiry.sent", target=enquiry, organisation=service.provider
    )
    if service.advisor is not None:
        notify(
            kind="catalogue.enquiry",
            key=f"catalogue.enquiry:{enquiry.pk}",
            recipient=service.advisor,
            context={
                "service": service.title,
                "asker": actor.full_name,
                "question": enquiry.question[:1000],
                "link": _link(enquiry),
            },
        )
    return enquiry


@transaction.atomic
def enquiry_answer(*, actor, enquiry: Enquiry, answer: str) -> Enquiry:
    enquiry = Enquiry.objects.select_for_update().select_related("service").get(pk=enquiry.pk)
    if not rules.can_answer(actor, enquiry):
        raise CatalogueError(_("You may not do this."), code="forbidden")
    if enquiry.status == Enquiry.Status.CLOSED:
        raise CatalogueError(_("This enquiry is closed."), code="closed")
    if not answer.strip():
        raise CatalogueError(_("Write the answer."), code="empty")
    enquiry.answer, enquiry.answered_by = answer.strip(), actor
    enquiry.status, enquiry.answered_at = Enquiry.Status.ANSWERED, timezone.now()
    enquiry.save(update_fields=["answer", "answered_by", "status", "answered_at"])
    log_action(
        actor=actor,
        action="catalogue.enquiry.answered",
        target=enquiry,
        organisation=enquiry.service.provider,
    )
    notify(
        kind="catalogue.answer",
        key=f"catalogue.answer:{enquiry.pk}:{enquiry.answered_at:%s}",
        recipient=enquiry.asked_by,
        context={
            "service": enquiry.service.title,
            "answer": enquiry.answer[:1000],
            "link": _link(enquiry),
        },
    )
    return enquiry


@transaction.atomic
def enquiry_close(*, actor, enquiry: Enquiry) -> Enquiry:
    enquiry = Enquiry.objects.select_for_update().select_related("service").get(pk=enquiry.pk)
    if not rules.can_view_enquiry(actor, enquiry):
        raise CatalogueError(_("You may not do this."), code="forbidden")
    if enquiry.status == Enquiry.Status.CLOSED:
        raise CatalogueError(_("This enquiry is closed."), code="closed")
    enquiry.status = Enquiry.Status.CLOSED
    enquiry.save(update_fields=["status"])
    log_action(
        actor=actor,
        action="catalogue.enquiry.closed",
        target=enquiry,
        organisation=enquiry.service.provider,
    )
    return enquiry
