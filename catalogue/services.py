from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.audit import log_action
from core.errors import DomainError, require
from core.records import save_data
from notifications.services import notify
from partners import rules as partner_rules

from . import rules
from .models import Enquiry, EnquiryReply, Material, Service

if TYPE_CHECKING:
    from accounts.models import User

#: The same question to the same service sent again within this time is the same enquiry.
RESEND_WINDOW = datetime.timedelta(minutes=10)


class CatalogueError(DomainError):
    pass


@transaction.atomic
def service_save(*, actor: User, service: Service | None, data: dict) -> Service:
    """Create a training service (``service`` is ``None``) or change one of a provider the
    actor manages; the provider it is saved under must be one the actor manages too."""
    if service is not None:
        service = Service.objects.select_for_update().get(pk=service.pk)
        require(rules.can_manage_service(actor, service.provider_id))
    provider = data.get("provider")
    kept = service is not None and provider is not None and provider.pk == service.provider_id
    require(provider is None or kept or rules.can_manage_service(actor, provider.pk))
    saved = service if service is not None else Service()
    save_data(saved, data, created=service is None)
    log_action(
        actor=actor,
        action="catalogue.service.updated" if service else "catalogue.service.created",
        target=saved,
        organisation=saved.provider,
    )
    return saved


@transaction.atomic
def material_save(*, actor: User, material: Material | None, data: dict) -> Material:
    """Share a learning material (``material`` is ``None``) or change one the actor may
    edit. A file replaced is deleted from the storage once the change is committed."""
    if material is not None:
        material = Material.objects.select_for_update().get(pk=material.pk)
        require(rules.can_edit_material(actor, material))
    organisation = data.get("organisation")
    allowed = set(rules.material_organisations(actor))
    if material is not None:
        allowed.add(material.organisation_id)
    require(organisation is None or organisation.pk in allowed)
    old_file = material.file.name if material is not None else ""
    saved = material if material is not None else Material(uploaded_by=actor)
    save_data(saved, data, created=material is None)
    log_action(
        actor=actor,
        action="catalogue.material.updated" if material else "catalogue.material.added",
        target=saved,
        organisation=saved.organisation,
    )
    if old_file and old_file != saved.file.name:
        storage = saved.file.storage
        transaction.on_commit(lambda: storage.delete(old_file))
    return saved


@transaction.atomic
def material_delete(*, actor: User, material: Material) -> None:
    """Remove a material from the library; its file goes once the removal is committed."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    require(rules.can_edit_material(actor, material))
    log_action(
        actor=actor,
        action="catalogue.material.deleted",
        target=material,
        organisation=material.organisation,
    )
    storage, name = material.file.storage, material.file.name
    material.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def _log(actor: User, action: str, enquiry: Enquiry) -> None:
    """The audit entry of an enquiry, in the log of the service's provider."""
    log_action(actor=actor, action=action, target=enquiry, organisation=enquiry.service.provider)


def _about(enquiry: Enquiry, **more: str) -> dict:
    """A notice's context: the enquiry's service, its page and ``more``."""
    link = {"name": "catalogue:enquiry_detail", "kwargs": {"pk": enquiry.pk}}
    return {"service": enquiry.service.title, **more, "link": link}


def _sent_before(
    *, actor: User, service: Service, question: str, submission_key: str
) -> Enquiry | None:
    """The enquiry this one repeats: sent from the same form, or the same question to the
    same service a moment ago."""
    if submission_key:
        found = Enquiry.objects.filter(asked_by=actor, submission_key=submission_key).first()
        if found is not None:
            return found
    return (
        Enquiry.objects.filter(
            asked_by=actor,
            service=service,
            question=question,
            created_at__gte=timezone.now() - RESEND_WINDOW,
        )
        .order_by("-created_at")
        .first()
    )


@transaction.atomic
def enquiry_send(
    *, actor: User, service: Service, question: str, submission_key: str = ""
) -> tuple[Enquiry, bool]:
    """Send a question to the service's advisor. A repeat of an enquiry just sent (see
    ``_sent_before``) sends nothing and returns that one: ``(enquiry, created)``."""
    question = question.strip()
    if not question:
        raise CatalogueError(_("Write your question."), code="empty")
    # One submit at a time per person, so the check below sees the one before it.
    get_user_model().objects.select_for_update().filter(pk=actor.pk).first()
    earlier = _sent_before(
        actor=actor, service=service, question=question, submission_key=submission_key
    )
    if earlier is not None:
        return earlier, False
    companies = partner_rules.organisations_with_role(actor, "company_contact")
    try:
        with transaction.atomic():
            enquiry = Enquiry.objects.create(
                service=service,
                asked_by=actor,
                question=question,
                company_id=companies[0] if companies else None,
                submission_key=submission_key[:64],
            )
    except IntegrityError:
        # The same form, sent at the same moment from another tab: that one won.
        return Enquiry.objects.get(asked_by=actor, submission_key=submission_key[:64]), False
    _log(actor, "catalogue.enquiry.sent", enquiry)
    if service.advisor is not None:
        notify(
            kind="catalogue.enquiry",
            key=f"catalogue.enquiry:{enquiry.pk}",
            recipient=service.advisor,
            context=_about(enquiry, asker=actor.full_name, question=enquiry.question[:1000]),
        )
    return enquiry, True


@transaction.atomic
def enquiry_answer(*, actor: User, enquiry: Enquiry, answer: str) -> Enquiry:
    """The advisor's answer; after the first one, the answers join the replies."""
    enquiry = Enquiry.objects.select_for_update().select_related("service").get(pk=enquiry.pk)
    if not rules.can_answer(actor, enquiry):
        raise CatalogueError(_("You may not do this."), code="forbidden")
    if enquiry.status == Enquiry.Status.CLOSED:
        raise CatalogueError(_("This enquiry is closed."), code="closed")
    answer = answer.strip()
    if not answer:
        raise CatalogueError(_("Write the answer."), code="empty")
    fields = ["status", "answered_at"]
    if enquiry.answer:
        EnquiryReply.objects.create(enquiry=enquiry, author=actor, body=answer)
    else:
        enquiry.answer, enquiry.answered_by = answer, actor
        fields += ["answer", "answered_by"]
    enquiry.status, enquiry.answered_at = Enquiry.Status.ANSWERED, timezone.now()
    enquiry.save(update_fields=fields)
    _log(actor, "catalogue.enquiry.answered", enquiry)
    notify(
        kind="catalogue.answer",
        key=f"catalogue.answer:{enquiry.pk}:{enquiry.answered_at:%s%f}",
        recipient=enquiry.asked_by,
        context=_about(enquiry, answer=answer[:1000]),
    )
    return enquiry


@transaction.atomic
def enquiry_reply(*, actor: User, enquiry: Enquiry, body: str) -> EnquiryReply:
    """The asker answers back; the enquiry waits for the advisor again."""
    enquiry = (
        Enquiry.objects.select_for_update(of=("self",))
        .select_related("service", "service__advisor", "answered_by")
        .get(pk=enquiry.pk)
    )
    if enquiry.status == Enquiry.Status.CLOSED:
        raise CatalogueError(_("This enquiry is closed."), code="closed")
    if not rules.can_reply(actor, enquiry):
        raise CatalogueError(_("You may not do this."), code="forbidden")
    body = body.strip()
    if not body:
        raise CatalogueError(_("Write your reply."), code="empty")
    reply = EnquiryReply.objects.create(enquiry=enquiry, author=actor, body=body)
    enquiry.status = Enquiry.Status.NEW
    enquiry.save(update_fields=["status"])
    _log(actor, "catalogue.enquiry.replied", enquiry)
    advisor = enquiry.service.advisor or enquiry.answered_by
    if advisor is not None and advisor.pk != actor.pk:
        notify(
            kind="catalogue.reply",
            key=f"catalogue.reply:{reply.pk}",
            recipient=advisor,
            context=_about(enquiry, asker=actor.full_name, reply=body[:1000]),
        )
    return reply


@transaction.atomic
def enquiry_close(*, actor: User, enquiry: Enquiry) -> Enquiry:
    enquiry = Enquiry.objects.select_for_update().select_related("service").get(pk=enquiry.pk)
    if not rules.can_view_enquiry(actor, enquiry):
        raise CatalogueError(_("You may not do this."), code="forbidden")
    if enquiry.status == Enquiry.Status.CLOSED:
        raise CatalogueError(_("This enquiry is closed."), code="closed")
    enquiry.status = Enquiry.Status.CLOSED
    enquiry.save(update_fields=["status"])
    _log(actor, "catalogue.enquiry.closed", enquiry)
    return enquiry
