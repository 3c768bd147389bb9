import catalogue.models
import core.uploads
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0003_topics'),
    ]

    operations = [
        migrations.AlterField(
            model_name='material',
            name='file',
            field=models.FileField(blank=True, upload_to=catalogue.models.material_path, validators=[core.uploads.UploadValidator(('pdf', 'docx', 'pptx', 'xlsx', 'odt', 'odp', 'ods', 'doc', 'ppt', 'xls', 'txt', 'png', 'jpg', 'jpeg', 'gif', 'webp', 'mp4', 'm4a', 'mp3', 'odp', 'epub', 'zip'), 52428800)], verbose_name='file'),
        ),
    ]
