"""Learning agreements: versions, three signatures, the host's signing link."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.errors import require
from core.records import save_data
from core.workflow import perform
from notifications.services import notify, notify_many

from .. import rules
from ..errors import ExchangeError, IllegalMove, NotAllowed
from ..models import Application, LearningAgreement, Signature
from ..workflow import APPLICATION_WORKFLOW
from .common import log_for_home, notice_context

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from accounts.models import User

S = Application.Status
Party = LearningAgreement.Party
_LINK_SALT = "exchanges.agreement.host-signature"

#: While these hold, the agreement can be written and signed.
OPEN_STATES = (S.ACCEPTED, S.AGREEMENT_SIGNED, S.IN_PROGRESS)


def current_agreement(application: Application) -> LearningAgreement | None:
    return application.agreements.order_by("-version").first()


@transaction.atomic
def agreement_save(*, actor: User, application: Application, data: dict) -> LearningAgreement:
    """Write the agreement. Changing a version someone has signed makes a new version."""
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    require(rules.parties(actor, application) & {rules.HOME, rules.HOST})
    if application.status not in OPEN_STATES:
        raise IllegalMove(
            _("The learning agreement is written once the host has accepted."),
            code="not_open",
        )
    content = {f: data.get(f, "") for f in LearningAgreement.CONTENT_FIELDS}
    current = current_agreement(application)
    if current is not None and all(getattr(current, f) == v for f, v in content.items()):
        return current
    if current is not None and not current.signatures.exists():
        save_data(current, content, created=False)
        agreement = current
    else:
        agreement = LearningAgreement.objects.create(
            application=application,
            version=(current.version + 1) if current else 1,
            created_by=actor,
            **content,
        )
        if current is not None and application.status == S.AGREEMENT_SIGNED:
            # A change after signing needs all three signatures again.
            perform(APPLICATION_WORKFLOW, actor=actor, obj=application, action="reopen_agreement")
    log_for_home(
        actor, "exchanges.agreement.saved", application, agreement, version=agreement.version
    )
    notify_many(
        [application.applicant],
        kind="exchanges.agreement_changed",
        key=f"exchanges.agreement:{agreement.pk}:{timezone.now():%s%f}",
        context=notice_context(application, version=agreement.version),
        skip=actor,
    )
    return agreement


def _check_signable(agreement: LearningAgreement, *, outdated: StrOrPromise) -> None:
    """The application still takes signatures, and ``agreement`` is its current version
    (else ``outdated`` says so)."""
    if agreement.application.status not in OPEN_STATES:
        raise IllegalMove(_("This agreement can no longer be signed."), code="closed")
    current = current_agreement(agreement.application)
    if current is None or current.pk != agreement.pk:
        raise IllegalMove(outdated, code="outdated")


def _record_signature(
    agreement: LearningAgreement,
    *,
    party: str,
    user: User | None = None,
    name: str,
    via_link: bool = False,
) -> None:
    if agreement.signatures.filter(party=party).exists():
        raise ExchangeError(_("This party has already signed this version."), code="signed")
    Signature.objects.create(
        agreement=agreement,
        party=party,
        signed_by=user,
        signer_name=name,
        via_link=via_link,
    )
    application = agreement.application
    log_for_home(
        user,
        "exchanges.agreement.signed",
        application,
        agreement,
        party=party,
        version=agreement.version,
        via_link=via_link,
    )
    if agreement.signatures.count() == len(Party.values) and application.status == S.ACCEPTED:
        # The last signature moves the application on; the system makes this move.
        perform(APPLICATION_WORKFLOW, actor=user, obj=application, action="sign")
        notify_many(
            [application.applicant],
            kind="exchanges.agreement_complete",
            key=f"exchanges.agreement_complete:{agreement.pk}",
            context=notice_context(application),
        )


@transaction.atomic
def agreement_sign(*, actor: User, agreement: LearningAgreement, party: str) -> None:
    agreement = LearningAgreement.objects.select_for_update().get(pk=agreement.pk)
    application = Application.objects.select_for_update(of=("self",)).get(
        pk=agreement.application_id
    )
    agreement.application = application
    _check_signable(agreement, outdated=_("A newer version of this agreement exists."))
    if rules.SIGNER[party] not in rules.parties(actor, application):
        raise NotAllowed(_("You cannot sign for this party."))
    _record_signature(agreement, party=party, user=actor, name=actor.full_name)


def host_signing_token(agreement: LearningAgreement) -> str:
    return signing.dumps({"agreement": agreement.pk}, salt=_LINK_SALT, compress=True)


@transaction.atomic
def agreement_send_host_link(*, actor: User, agreement: LearningAgreement, email: str) -> None:
    """E-mail the host a single-use link that signs without an account."""
    application = agreement.application
    require(rules.HOME in rules.parties(actor, application))
    token = host_signing_token(agreement)
    language = translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        url = settings.SITE_URL + reverse("exchanges:agreement_sign_link", kwargs={"token": token})
    notify(
        kind="exchanges.agreement_sign_request",
        key=f"exchanges.agreement_link:{agreement.pk}:{timezone.now():%s%f}",
        email=email,
        language=language,
        context={
            "title": str(application.offer or application.host),
            "participant": application.applicant.full_name,
            "home": application.home.name,
            "secret_url": url,
            "valid_days": settings.SIGNING_LINK_VALID_DAYS,
        },
    )
    log_for_home(actor, "exchanges.agreement.link_sent", application, agreement)


def agreement_from_token(token: str) -> LearningAgreement:
    try:
        data = signing.loads(
            token, salt=_LINK_SALT, max_age=settings.SIGNING_LINK_VALID_DAYS * 24 * 3600
        )
    except signing.SignatureExpired as error:
        raise ExchangeError(
            _("This signing link has expired. Ask the coordinator for a new one."),
            code="expired",
        ) from error
    except signing.BadSignature as error:
        raise ExchangeError(_("This signing link is not valid."), code="invalid") from error
    agreement = LearningAgreement.objects.filter(pk=data.get("agreement")).first()
    if agreement is None:
        raise ExchangeError(_("This signing link is not valid."), code="invalid")
    return agreement


@transaction.atomic
def agreement_sign_with_link(*, token: str, signer_name: str) -> LearningAgreement:
    agreement = agreement_from_token(token)
    agreement = LearningAgreement.objects.select_for_update().get(pk=agreement.pk)
    if agreement.host_link_used_at is not None:
        raise ExchangeError(_("This signing link has already been used."), code="used")
    _check_signable(
        agreement,
        outdated=_("The agreement has changed since this link was sent. Ask for a new link."),
    )
    if not signer_name.strip():
        raise ExchangeError(_("Write your name to sign."), code="name")
    agreement.host_link_used_at = timezone.now()
    agreement.save(update_fields=["host_link_used_at"])
    _record_signature(agreement, party=Party.HOST, name=signer_name.strip(), via_link=True)
    return agreement
