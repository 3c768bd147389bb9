"""The passport's models, one module per sub-domain."""

from .awards import (
    Award,
    BulkAward,
    ClaimCode,
    IssuerKey,
    IssuerSettings,
    SigningAlgorithm,
    StatusList,
    new_salt,
)
from .badges import ASSESSOR_ROLES, Alignment, Badge, Endorsement, Goal
from .claims import Claim, ClaimEvent, EvidenceFile, evidence_path
from .passport import (
    Pathway,
    PathwayRule,
    RecognitionAgreement,
    RecognitionRequest,
    ShareLink,
    SkillNeed,
)

__all__ = [
    "ASSESSOR_ROLES",
    "Alignment",
    "Award",
    "Badge",
    "BulkAward",
    "Claim",
    "ClaimCode",
    "ClaimEvent",
    "Endorsement",
    "EvidenceFile",
    "Goal",
    "IssuerKey",
    "IssuerSettings",
    "Pathway",
    "PathwayRule",
    "RecognitionAgreement",
    "RecognitionRequest",
    "ShareLink",
    "SigningAlgorithm",
    "SkillNeed",
    "StatusList",
    "evidence_path",
    "new_salt",
]
