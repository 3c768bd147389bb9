import django.core.validators
from django.core.files.storage import storages
from django.db import migrations, models

import core.uploads
import worklife_passport.models
import worklife_passport.validators


def move_badge_images(apps, schema_editor):
    """Badge images move from the private storage to the public one, under the same
    names."""
    from core.uploads import move_stored_files, public_storage

    badge = apps.get_model("worklife_passport", "Badge")
    move_stored_files(badge, "image", source=storages["default"], target=public_storage())


def move_badge_images_back(apps, schema_editor):
    from core.uploads import move_stored_files, public_storage

    badge = apps.get_model("worklife_passport", "Badge")
    move_stored_files(badge, "image", source=public_storage(), target=storages["default"])


class Migration(migrations.Migration):

    dependencies = [
        ('worklife_passport', '0003_award_recipient_identity'),
    ]

    operations = [
        migrations.AlterField(
            model_name='badge',
            name='image',
            field=core.uploads.ShrunkFileField(blank=True, help_text='PNG or SVG, square, at most 1 MB. Left empty, one is drawn for you.', max_side=512, storage=core.uploads.public_storage, upload_to='badges/', validators=[django.core.validators.FileExtensionValidator(['png', 'svg']), worklife_passport.validators.validate_badge_image, core.uploads.validate_raster_image], verbose_name='image'),
        ),
        migrations.AlterField(
            model_name='evidencefile',
            name='file',
            field=models.FileField(upload_to=worklife_passport.models.evidence_path, validators=[core.uploads.UploadValidator(['pdf', 'png', 'jpg', 'jpeg', 'mp4', 'docx', 'odt', 'pptx'], 'EVIDENCE_MAX_BYTES')], verbose_name='file'),
        ),
        migrations.RunPython(move_badge_images, move_badge_images_back, elidable=False),
    ]
