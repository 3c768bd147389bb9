from django.db import migrations

from core.migration_operations import postgresql_sql


class Migration(migrations.Migration):
    """People are found in the admin by a part of their name: a trigram index serves
    ``UPPER(full_name) LIKE UPPER('%…%')`` (PostgreSQL only; SQLite scans)."""

    dependencies = [
        ("accounts", "0002_email_lower_indexes"),
        ("core", "0002_search_index"),  # pg_trgm
    ]

    operations = [
        postgresql_sql(
            [
                "CREATE INDEX IF NOT EXISTS user_name_trgm ON accounts_user "
                "USING gin (UPPER(full_name) gin_trgm_ops)"
            ],
            ["DROP INDEX IF EXISTS user_name_trgm"],
        )
    ]
