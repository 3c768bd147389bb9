import django.core.validators
from django.db import migrations

import worklife_passport.imagery
import worklife_passport.validators


class Migration(migrations.Migration):

    dependencies = [
        ('worklife_passport', '0002_award_salt'),
    ]

    operations = [
        migrations.AlterField(
            model_name='badge',
            name='image',
            field=worklife_passport.imagery.BadgeImageField(blank=True, help_text='PNG or SVG, square, at most 1 MB. Left empty, one is drawn for you.', upload_to='badges/', validators=[django.core.validators.FileExtensionValidator(['png', 'svg']), worklife_passport.validators.validate_badge_image], verbose_name='image'),
        ),
    ]
