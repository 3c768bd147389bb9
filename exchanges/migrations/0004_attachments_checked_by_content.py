import posixpath
import re
import secrets

from django.core.files.storage import storages
from django.db import migrations, models

import exchanges.models
import core.uploads


def rename_agreements(apps, schema_editor):
    """Signed agreements kept so far were named as uploaded: each gets a token."""
    from core.uploads import move_stored_files

    def unguessable(instance, name):
        if re.fullmatch(r"agreements/[0-9a-f]{16}-[^/]+", name):
            return name
        return f"agreements/{secrets.token_hex(8)}-{posixpath.basename(name)}"

    storage = storages["default"]
    agreement = apps.get_model("exchanges", "PartnershipAgreement")
    move_stored_files(agreement, "document", source=storage, target=storage, rename=unguessable)


class Migration(migrations.Migration):

    dependencies = [
        ('exchanges', '0003_offer_newest_index'),
    ]

    operations = [
        migrations.AlterField(
            model_name='applicationattachment',
            name='file',
            field=models.FileField(upload_to=exchanges.models.attachment_path, validators=[core.uploads.UploadValidator(['pdf', 'png', 'jpg', 'jpeg', 'docx', 'odt'], 'ATTACHMENT_MAX_BYTES')], verbose_name='file'),
        ),
        migrations.AlterField(
            model_name='partnershipagreement',
            name='document',
            field=models.FileField(blank=True, upload_to=exchanges.models.agreement_path, validators=[core.uploads.UploadValidator(['pdf'], 'ATTACHMENT_MAX_BYTES')], verbose_name='signed document'),
        ),
        migrations.RunPython(rename_agreements, migrations.RunPython.noop, elidable=False),
    ]
