from django.core.files.storage import storages
from django.db import migrations, models

import core.uploads
import pilots.models


def move_logos(apps, schema_editor):
    """Logos move from the private storage to the public one, under the same names."""
    from core.uploads import move_stored_files, public_storage

    organisation = apps.get_model("partners", "Organisation")
    move_stored_files(organisation, "logo", source=storages["default"], target=public_storage())


def move_logos_back(apps, schema_editor):
    from core.uploads import move_stored_files, public_storage

    organisation = apps.get_model("partners", "Organisation")
    move_stored_files(organisation, "logo", source=public_storage(), target=storages["default"])


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0007_graduate_role'),
    ]

    operations = [
        migrations.AlterField(
            model_name='organisation',
            name='logo',
            field=core.uploads.ShrunkImageField(blank=True, help_text='PNG, JPEG or WebP, at most 2 MB.', max_side=512, storage=core.uploads.public_storage, upload_to='logos/', validators=[core.uploads.UploadValidator(['png', 'jpg', 'jpeg', 'webp'], 'LOGO_MAX_BYTES')], verbose_name='logo'),
        ),
        migrations.AlterField(
            model_name='pilotattachment',
            name='file',
            field=models.FileField(upload_to=pilots.models.attachment_path, validators=[core.uploads.UploadValidator(('pdf', 'docx', 'pptx', 'xlsx', 'odt', 'odp', 'ods', 'doc', 'ppt', 'xls', 'txt', 'png', 'jpg', 'jpeg', 'gif', 'webp'), 20971520)], verbose_name='file'),
        ),
        migrations.RunPython(move_logos, move_logos_back, elidable=False),
    ]
