import posixpath
import re
import secrets

from django.core.files.storage import storages
from django.db import migrations, models

import reports.models


def rename_exports(apps, schema_editor):
    """Exports kept so far were named by their period alone: each gets a token."""
    from core.uploads import move_stored_files

    def unguessable(instance, name):
        if re.fullmatch(r"reports/[0-9a-f]{32}/[^/]+", name):
            return name
        return f"reports/{secrets.token_hex(16)}/{posixpath.basename(name)}"

    storage = storages["default"]
    export = apps.get_model("reports", "ReportExport")
    move_stored_files(export, "file", source=storage, target=storage, rename=unguessable)


class Migration(migrations.Migration):

    dependencies = [
        ('reports', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='reportexport',
            name='file',
            field=models.FileField(blank=True, upload_to=reports.models.export_path, verbose_name='file'),
        ),
        migrations.RunPython(rename_exports, migrations.RunPython.noop, elidable=False),
    ]
