from accounts import personal_data

personal_data.export(
    "exchanges.Application",
    user_field="applicant",
    fields=(
        "created_at",
        "kind",
        "offer__title",
        "host__name",
        "home__name",
        "status",
        "start_date",
        "end_date",
        "motivation",
        "language_skills",
        "proposal",
    ),
    section="applications",
)
personal_data.export(
    "exchanges.ApplicationEvent",
    user_field="actor",
    fields=("created_at", "application_id", "action", "from_status", "to_status", "comment"),
    section="application_moves",
)
personal_data.export(
    "exchanges.ApplicationComment",
    user_field="author",
    fields=("created_at", "application_id", "body"),
    section="application_comments",
)
personal_data.export(
    "exchanges.Signature",
    user_field="signed_by",
    fields=("signed_at", "agreement_id", "party", "signer_name"),
    section="signatures",
)
personal_data.export(
    "exchanges.SavedSearch",
    fields=("name", "query", "created_at"),
    section="saved_searches",
)
personal_data.export(
    "exchanges.CalendarFeed",
    fields=("created_at",),
    section="calendar_feed",
)
personal_data.export(
    "exchanges.PlacementOffer",
    user_field="posted_by",
    fields=("created_at", "title", "host__name", "status"),
    section="offers_posted",
)
personal_data.files(
    "exchanges.ApplicationAttachment",
    field="file",
    owner="application__applicant",
    fields=("application_id", "name", "uploaded_at"),
    section="application_attachments",
)
personal_data.files(
    "exchanges.PartnershipAgreement",
    field="document",
    owner="created_by",
    exported=False,
    erased=False,
    reason="The parties' signed agreement; it stays with the organisations.",
)
# A signature stays on the other person's agreement, without the signer's name.
personal_data.copy("exchanges.Signature", field="signer_name", action=personal_data.MARK)
# Names typed in as the workplace instructor or mentor of a placement.
personal_data.copy("exchanges.PlacementOffer", field="instructor", action=personal_data.MARK)
personal_data.copy("exchanges.LearningAgreement", field="instructor", action=personal_data.MARK)
personal_data.copy("exchanges.LearningAgreement", field="mentor", action=personal_data.MARK)
personal_data.copy("exchanges.MobilityRecord", field="instructor", action=personal_data.MARK)
personal_data.exclude(
    "exchanges.PartnershipAgreement",
    user_field="created_by",
    reason="An organisation's agreement; only who entered it, kept for the organisation.",
)
personal_data.exclude(
    "exchanges.LearningAgreement",
    user_field="created_by",
    reason="Part of the exchange's record; the person's own data is under applications.",
)


@personal_data.on_erase
def free_the_seats(user):
    """A person who leaves before their period ends gives their seat back."""
    from django.db.models import F

    from .models import Application, PlacementOffer

    S = Application.Status
    held = Application.objects.filter(
        applicant=user,
        status__in=(S.ACCEPTED, S.AGREEMENT_SIGNED, S.IN_PROGRESS),
        offer__isnull=False,
    ).values_list("offer_id", flat=True)
    # A person has one live application per offer: each of the offers gets one seat back.
    PlacementOffer.objects.filter(pk__in=held, seats_taken__gt=0).update(
        seats_taken=F("seats_taken") - 1
    )


@personal_data.on_erase
def unname_signatures(user):
    """Signatures the person gave under a name they no longer use are theirs too."""
    from accounts.erasure import erased_marker

    from .models import Signature

    Signature.objects.filter(signed_by=user).update(signer_name=erased_marker())
