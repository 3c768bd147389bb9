"""The exchanges app's models, one module per sub-domain."""

from .agreements import MobilityForm, PartnershipAgreement, agreement_path
from .applications import (
    Application,
    ApplicationAttachment,
    ApplicationComment,
    ApplicationEvent,
    attachment_path,
)
from .mobility import LearningAgreement, MobilityRecord, Signature
from .offers import PlacementOffer
from .searches import CalendarFeed, SavedSearch, query_fingerprint

__all__ = [
    "Application",
    "ApplicationAttachment",
    "ApplicationComment",
    "ApplicationEvent",
    "CalendarFeed",
    "LearningAgreement",
    "MobilityForm",
    "MobilityRecord",
    "PartnershipAgreement",
    "PlacementOffer",
    "SavedSearch",
    "Signature",
    "agreement_path",
    "attachment_path",
    "query_fingerprint",
]
