"""Calls for pilots move from the partners app: their tables stay as they are."""

import core.uploads
import django.core.validators
import django.db.models.deletion
import pilots.models
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models

from core.migration_operations import move_content_types


MODELS = ['pilotcall', 'callcriterion', 'pilotapplication', 'pilotattachment', 'score', 'progressreport']



class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('partners', '0009_audit_log_moves_to_core'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='PilotApplication',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='name of the pilot')),
                        ('summary', models.TextField(verbose_name='summary')),
                        ('objectives', models.TextField(verbose_name='objectives and expected results')),
                        ('work_plan', models.TextField(verbose_name='work plan and timetable')),
                        ('budget', models.DecimalField(decimal_places=2, max_digits=10, validators=[django.core.validators.MinValueValidator(Decimal('0'))], verbose_name='budget applied for (EUR)')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted'), ('withdrawn', 'Withdrawn'), ('funded', 'Funded'), ('rejected', 'Not funded')], db_index=True, default='draft', max_length=10, verbose_name='status')),
                        ('submitted_at', models.DateTimeField(blank=True, null=True, verbose_name='submitted')),
                        ('granted', models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name='amount granted (EUR)')),
                        ('decision_note', models.TextField(blank=True, verbose_name='reasons for the decision')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='decided')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('contact', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='pilot_applications', to=settings.AUTH_USER_MODEL, verbose_name='contact person')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='decided by')),
                        ('lead', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='pilot_applications', to='partners.organisation', verbose_name='lead applicant')),
                        ('partners', models.ManyToManyField(blank=True, help_text='The other municipalities, schools and organisations in the group.', related_name='pilot_partnerships', to='partners.organisation', verbose_name='partners in the group')),
                    ],
                    options={
                        'verbose_name': 'pilot application',
                        'verbose_name_plural': 'pilot applications',
                        'db_table': 'partners_pilotapplication',
                        'ordering': ['call', 'title'],
                    },
                ),
                migrations.CreateModel(
                    name='PilotAttachment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('file', models.FileField(upload_to=pilots.models.attachment_path, validators=[core.uploads.UploadValidator(('pdf', 'docx', 'pptx', 'xlsx', 'odt', 'odp', 'ods', 'doc', 'ppt', 'xls', 'txt', 'png', 'jpg', 'jpeg', 'gif', 'webp'), 20971520)], verbose_name='file')),
                        ('uploaded_at', models.DateTimeField(auto_now_add=True, verbose_name='uploaded')),
                        ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='attachments', to='pilots.pilotapplication')),
                    ],
                    options={
                        'verbose_name': 'attachment',
                        'verbose_name_plural': 'attachments',
                        'db_table': 'partners_pilotattachment',
                        'ordering': ['uploaded_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='PilotCall',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('title_fi', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_sv', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_en', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_et', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_lt', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_ru', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('text', models.TextField(verbose_name='call text')),
                        ('text_fi', models.TextField(null=True, verbose_name='call text')),
                        ('text_sv', models.TextField(null=True, verbose_name='call text')),
                        ('text_en', models.TextField(null=True, verbose_name='call text')),
                        ('text_et', models.TextField(null=True, verbose_name='call text')),
                        ('text_lt', models.TextField(null=True, verbose_name='call text')),
                        ('text_ru', models.TextField(null=True, verbose_name='call text')),
                        ('eligibility', models.TextField(help_text='The eligibility rules, as applicants should read them.', verbose_name='who may apply')),
                        ('eligibility_fi', models.TextField(help_text='The eligibility rules, as applicants should read them.', null=True, verbose_name='who may apply')),
                        ('eligibility_sv', models.TextField(help_text='The eligibility rules, as applicants should read them.', null=True, verbose_name='who may apply')),
                        ('eligibility_en', models.TextField(help_text='The eligibility rules, as applicants should read them.', null=True, verbose_name='who may apply')),
                        ('eligibility_et', models.TextField(help_text='The eligibility rules, as applicants should read them.', null=True, verbose_name='who may apply')),
                        ('eligibility_lt', models.TextField(help_text='The eligibility rules, as applicants should read them.', null=True, verbose_name='who may apply')),
                        ('eligibility_ru', models.TextField(help_text='The eligibility rules, as applicants should read them.', null=True, verbose_name='who may apply')),
                        ('deadline', models.DateTimeField(help_text='Finnish time (Europe/Helsinki). Applications close at this moment.', verbose_name='deadline')),
                        ('budget', models.CharField(blank=True, max_length=200, verbose_name='funding available')),
                        ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published')),
                        ('closed_at', models.DateTimeField(blank=True, null=True, verbose_name='decisions made')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('organiser', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='pilot_calls', to='partners.organisation', verbose_name='organiser')),
                        ('reviewers', models.ManyToManyField(blank=True, related_name='pilot_calls_to_review', to=settings.AUTH_USER_MODEL, verbose_name='reviewers')),
                    ],
                    options={
                        'verbose_name': 'call for pilots',
                        'verbose_name_plural': 'calls for pilots',
                        'db_table': 'partners_pilotcall',
                        'ordering': ['-deadline'],
                    },
                ),
                migrations.AddField(
                    model_name='pilotapplication',
                    name='call',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='applications', to='pilots.pilotcall', verbose_name='call'),
                ),
                migrations.CreateModel(
                    name='CallCriterion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.CharField(max_length=300, verbose_name='criterion')),
                        ('text_fi', models.CharField(max_length=300, null=True, verbose_name='criterion')),
                        ('text_sv', models.CharField(max_length=300, null=True, verbose_name='criterion')),
                        ('text_en', models.CharField(max_length=300, null=True, verbose_name='criterion')),
                        ('text_et', models.CharField(max_length=300, null=True, verbose_name='criterion')),
                        ('text_lt', models.CharField(max_length=300, null=True, verbose_name='criterion')),
                        ('text_ru', models.CharField(max_length=300, null=True, verbose_name='criterion')),
                        ('weight', models.PositiveSmallIntegerField(default=1, help_text='How much this criterion counts relative to the others.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='weight')),
                        ('max_score', models.PositiveSmallIntegerField(default=5, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(10)], verbose_name='highest score')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                        ('call', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='pilots.pilotcall')),
                    ],
                    options={
                        'verbose_name': 'call criterion',
                        'verbose_name_plural': 'call criteria',
                        'db_table': 'partners_callcriterion',
                        'ordering': ['call', 'position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ProgressReport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('period', models.CharField(help_text='For example “spring 2027”.', max_length=100, verbose_name='period')),
                        ('text', models.TextField(verbose_name='what was done and achieved')),
                        ('next_steps', models.TextField(blank=True, verbose_name='next steps')),
                        ('submitted_at', models.DateTimeField(auto_now_add=True, verbose_name='submitted')),
                        ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='progress_reports', to='pilots.pilotapplication')),
                        ('submitted_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='submitted by')),
                    ],
                    options={
                        'verbose_name': 'progress report',
                        'verbose_name_plural': 'progress reports',
                        'db_table': 'partners_progressreport',
                        'ordering': ['-submitted_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Score',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('score', models.PositiveSmallIntegerField(verbose_name='score')),
                        ('comment', models.TextField(blank=True, verbose_name='comment')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scores', to='pilots.pilotapplication')),
                        ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scores', to='pilots.callcriterion')),
                        ('reviewer', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='pilot_scores', to=settings.AUTH_USER_MODEL, verbose_name='reviewer')),
                    ],
                    options={
                        'verbose_name': 'score',
                        'verbose_name_plural': 'scores',
                        'db_table': 'partners_score',
                        'constraints': [models.UniqueConstraint(fields=('application', 'reviewer', 'criterion'), name='one_score_per_criterion')],
                    },
                ),
            ],
            database_operations=[],
        ),
        move_content_types("partners", "pilots", MODELS),
    ]
