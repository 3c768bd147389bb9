"""The passport's models, one module per sub-domain."""

from .awards import (  # noqa: F401
    Award,
    BulkAward,
    ClaimCode,
    IssuerKey,
    IssuerSettings,
    SigningAlgorithm,
    StatusList,
    new_salt,
)
from .badges import ASSESSOR_ROLES, Alignment, Badge, Endorsement, Goal  # noqa: F401
from .claims import Claim, ClaimEvent, EvidenceFile, evidence_path  # noqa: F401
from .passport import (  # noqa: F401
    Pathway,
    PathwayRule,
    RecognitionAgreement,
    RecognitionRequest,
    ShareLink,
    SkillNeed,
)
