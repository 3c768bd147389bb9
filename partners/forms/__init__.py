from .organisations import DirectoryFilterForm, InvitationForm, OrganisationForm, localized

__all__ = ["DirectoryFilterForm", "InvitationForm", "OrganisationForm", "localized"]
