import posixpath
import re
import secrets

from django.core.files.storage import storages
from django.db import migrations, models

import events.models
import core.uploads


def rename_materials(apps, schema_editor):
    """Materials kept so far were named as uploaded: each gets a token."""
    from core.uploads import move_stored_files

    def unguessable(instance, name):
        if re.fullmatch(r"event-materials/\d+/[0-9a-f]{16}-[^/]+", name):
            return name
        return (
            f"event-materials/{instance.event_id}/{secrets.token_hex(8)}-"
            f"{posixpath.basename(name)}"
        )

    storage = storages["default"]
    material = apps.get_model("events", "Material")
    move_stored_files(material, "file", source=storage, target=storage, rename=unguessable)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0002_material_upload_check'),
    ]

    operations = [
        migrations.AlterField(
            model_name='material',
            name='file',
            field=models.FileField(upload_to=events.models.material_path, validators=[core.uploads.UploadValidator(['pdf', 'pptx', 'docx', 'odt', 'odp', 'png', 'jpg'], 20971520)], verbose_name='file'),
        ),
        migrations.RunPython(rename_materials, migrations.RunPython.noop, elidable=False),
    ]
