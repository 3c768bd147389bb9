"""The exchanges app's models, one module per sub-domain."""

from .agreements import MobilityForm, PartnershipAgreement, agreement_path  # noqa: F401
from .applications import (  # noqa: F401
    Application,
    ApplicationAttachment,
    ApplicationComment,
    ApplicationEvent,
    attachment_path,
)
from .mobility import LearningAgreement, MobilityRecord, Signature  # noqa: F401
from .offers import PlacementOffer  # noqa: F401
from .searches import CalendarFeed, SavedSearch, query_fingerprint  # noqa: F401
