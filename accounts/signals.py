from allauth.account.signals import user_logged_in
from django.dispatch import receiver
from django.utils import translation


@receiver(user_logged_in)
def apply_preferred_language(sender, request, user, **kwargs):
    """Switch to the person's own language as they log in."""
    translation.activate(user.language)
    request.LANGUAGE_CODE = user.language
    request.portal_set_language = user.language
