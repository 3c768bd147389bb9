"""The audit log now belongs to the core app; its table is kept (see core 0001)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0008_logos_in_public_storage"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditEntry")],
            database_operations=[],
        ),
    ]
