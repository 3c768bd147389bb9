from .organisations import DirectoryFilterForm, InvitationForm, OrganisationForm

__all__ = ["DirectoryFilterForm", "InvitationForm", "OrganisationForm"]
