"""The demo people get the optional profile details the funder's figures use, so that
the report's breakdowns by gender, age and labour-market status have something in them."""

import hashlib

from accounts.models import User

GENDERS = ["female", "male", "female", "male", "other", "undisclosed"]
STATUSES = ["student", "student", "employed", "unemployed", "other"]


def seed(command):
    filled = 0
    for user in User.objects.filter(gender="", birth_year__isnull=True, is_staff=False):
        # Stable per address, so the demo looks the same after every reload.
        digest = hashlib.sha256(user.email.encode()).digest()
        is_student = user.memberships.filter(role__in=["student", "graduate"]).exists()
        user.gender = GENDERS[digest[0] % len(GENDERS)]
        user.birth_year = (2004 + digest[1] % 6) if is_student else (1960 + digest[1] % 40)
        user.labour_market_status = "student" if is_student else STATUSES[digest[2] % 5]
        user.save(update_fields=["gender", "birth_year", "labour_market_status"])
        filled += 1
    command.stdout.write(f"reports: profile details for {filled} demo people")
