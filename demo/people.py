"""Demo people beyond the demo logins: members of the network's organisations."""

from accounts.models import User
from partners.models import Membership, Organisation


def demo_member(email: str, name: str, language: str, slug: str, role: str):
    """A person with ``role`` at the organisation ``slug`` (no password: not a login)."""
    user, created = User.objects.get_or_create(
        email=email, defaults={"full_name": name, "language": language}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    organisation = Organisation.objects.get(slug=slug)
    Membership.objects.get_or_create(user=user, organisation=organisation, role=role)
    return user, organisation
