from allauth.account.models import EmailAddress
from django.conf import settings

from accounts.models import User

DEMO_USERS = [
    # email, full name, language, staff
    ("admin@demo.test", "Aino Admin", "fi", True),
    ("coordinator@demo.test", "Kaisa Koordinaattori", "fi", False),
    ("teacher@demo.test", "Timo Opettaja", "fi", False),
    ("student@demo.test", "Sanni Opiskelija", "fi", False),
    ("company@demo.test", "Jari Virtanen", "fi", False),
    ("mentor@demo.test", "Maija Mentori", "fi", False),
    ("advisor@demo.test", "Antti Neuvoja", "fi", False),
]


def demo_user(email: str) -> User:
    return User.objects.get(email=email)


def seed(command):
    for email, full_name, language, staff in DEMO_USERS:
        user, created = User.objects.get_or_create(
            email=email,
            defaults={
                "full_name": full_name,
                "language": language,
                "is_staff": staff,
                "is_superuser": staff,
            },
        )
        if created:
            user.set_password(settings.DEMO_PASSWORD)
            user.save(update_fields=["password"])
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
    command.stdout.write(f"accounts: {len(DEMO_USERS)} demo accounts")
