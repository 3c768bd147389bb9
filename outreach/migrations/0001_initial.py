"""Company visits, follow-ups and needs surveys move from the partners app: their tables stay as they are."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.migration_operations import move_content_types


MODELS = ['visit', 'followup', 'survey', 'question', 'choice', 'recipient', 'response', 'answer']



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
                    name='Question',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                        ('kind', models.CharField(choices=[('text', 'Text'), ('single', 'One choice'), ('multiple', 'Several choices'), ('scale', 'Scale')], max_length=8, verbose_name='kind')),
                        ('text', models.CharField(max_length=500, verbose_name='question')),
                        ('text_fi', models.CharField(max_length=500, null=True, verbose_name='question')),
                        ('text_sv', models.CharField(max_length=500, null=True, verbose_name='question')),
                        ('text_en', models.CharField(max_length=500, null=True, verbose_name='question')),
                        ('text_et', models.CharField(max_length=500, null=True, verbose_name='question')),
                        ('text_lt', models.CharField(max_length=500, null=True, verbose_name='question')),
                        ('text_ru', models.CharField(max_length=500, null=True, verbose_name='question')),
                        ('help', models.CharField(blank=True, max_length=500, verbose_name='help text')),
                        ('help_fi', models.CharField(blank=True, max_length=500, null=True, verbose_name='help text')),
                        ('help_sv', models.CharField(blank=True, max_length=500, null=True, verbose_name='help text')),
                        ('help_en', models.CharField(blank=True, max_length=500, null=True, verbose_name='help text')),
                        ('help_et', models.CharField(blank=True, max_length=500, null=True, verbose_name='help text')),
                        ('help_lt', models.CharField(blank=True, max_length=500, null=True, verbose_name='help text')),
                        ('help_ru', models.CharField(blank=True, max_length=500, null=True, verbose_name='help text')),
                        ('required', models.BooleanField(default=False, verbose_name='an answer is required')),
                        ('scale_max', models.PositiveSmallIntegerField(default=5, validators=[django.core.validators.MinValueValidator(2), django.core.validators.MaxValueValidator(10)], verbose_name='scale from 1 to')),
                        ('scale_min_label', models.CharField(blank=True, max_length=100, verbose_name='label of the low end')),
                        ('scale_min_label_fi', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the low end')),
                        ('scale_min_label_sv', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the low end')),
                        ('scale_min_label_en', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the low end')),
                        ('scale_min_label_et', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the low end')),
                        ('scale_min_label_lt', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the low end')),
                        ('scale_min_label_ru', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the low end')),
                        ('scale_max_label', models.CharField(blank=True, max_length=100, verbose_name='label of the high end')),
                        ('scale_max_label_fi', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the high end')),
                        ('scale_max_label_sv', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the high end')),
                        ('scale_max_label_en', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the high end')),
                        ('scale_max_label_et', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the high end')),
                        ('scale_max_label_lt', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the high end')),
                        ('scale_max_label_ru', models.CharField(blank=True, max_length=100, null=True, verbose_name='label of the high end')),
                    ],
                    options={
                        'verbose_name': 'question',
                        'verbose_name_plural': 'questions',
                        'db_table': 'partners_question',
                        'ordering': ['survey', 'position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Choice',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('position', models.PositiveSmallIntegerField(default=0)),
                        ('text', models.CharField(max_length=300, verbose_name='choice')),
                        ('text_fi', models.CharField(max_length=300, null=True, verbose_name='choice')),
                        ('text_sv', models.CharField(max_length=300, null=True, verbose_name='choice')),
                        ('text_en', models.CharField(max_length=300, null=True, verbose_name='choice')),
                        ('text_et', models.CharField(max_length=300, null=True, verbose_name='choice')),
                        ('text_lt', models.CharField(max_length=300, null=True, verbose_name='choice')),
                        ('text_ru', models.CharField(max_length=300, null=True, verbose_name='choice')),
                        ('question', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='choices', to='outreach.question')),
                    ],
                    options={
                        'verbose_name': 'choice',
                        'verbose_name_plural': 'choices',
                        'db_table': 'partners_choice',
                        'ordering': ['question', 'position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Recipient',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mail')),
                        ('language', models.CharField(choices=[('fi', 'Finnish'), ('sv', 'Swedish'), ('en', 'English'), ('et', 'Estonian'), ('lt', 'Lithuanian'), ('ru', 'Russian')], max_length=8, verbose_name='language')),
                        ('sent_at', models.DateTimeField(auto_now_add=True, verbose_name='sent')),
                        ('responded_at', models.DateTimeField(blank=True, null=True, verbose_name='answered')),
                        ('company', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='survey_links', to='partners.organisation', verbose_name='company')),
                    ],
                    options={
                        'verbose_name': 'survey recipient',
                        'verbose_name_plural': 'survey recipients',
                        'db_table': 'partners_recipient',
                        'ordering': ['survey', 'email'],
                    },
                ),
                migrations.CreateModel(
                    name='Survey',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('title_fi', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_sv', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_en', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_et', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_lt', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_ru', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('intro', models.TextField(blank=True, help_text='Shown above the questions: why you ask and what you do with the answers.', verbose_name='introduction')),
                        ('intro_fi', models.TextField(blank=True, help_text='Shown above the questions: why you ask and what you do with the answers.', null=True, verbose_name='introduction')),
                        ('intro_sv', models.TextField(blank=True, help_text='Shown above the questions: why you ask and what you do with the answers.', null=True, verbose_name='introduction')),
                        ('intro_en', models.TextField(blank=True, help_text='Shown above the questions: why you ask and what you do with the answers.', null=True, verbose_name='introduction')),
                        ('intro_et', models.TextField(blank=True, help_text='Shown above the questions: why you ask and what you do with the answers.', null=True, verbose_name='introduction')),
                        ('intro_lt', models.TextField(blank=True, help_text='Shown above the questions: why you ask and what you do with the answers.', null=True, verbose_name='introduction')),
                        ('intro_ru', models.TextField(blank=True, help_text='Shown above the questions: why you ask and what you do with the answers.', null=True, verbose_name='introduction')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('open', 'Open for answers'), ('closed', 'Closed')], db_index=True, default='draft', max_length=8, verbose_name='status')),
                        ('closes_on', models.DateField(blank=True, help_text='The last day, Finnish time. Leave empty to close the survey by hand.', null=True, verbose_name='answers accepted until')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                        ('opened_at', models.DateTimeField(blank=True, null=True, verbose_name='opened')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='surveys', to='partners.organisation', verbose_name='organisation')),
                    ],
                    options={
                        'verbose_name': 'needs survey',
                        'verbose_name_plural': 'needs surveys',
                        'db_table': 'partners_survey',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Response',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('language', models.CharField(choices=[('fi', 'Finnish'), ('sv', 'Swedish'), ('en', 'English'), ('et', 'Estonian'), ('lt', 'Lithuanian'), ('ru', 'Russian')], max_length=8, verbose_name='language')),
                        ('submitted_at', models.DateTimeField(auto_now_add=True, verbose_name='answered')),
                        ('company', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='survey_responses', to='partners.organisation', verbose_name='company')),
                        ('recipient', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='response', to='outreach.recipient')),
                        ('survey', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='responses', to='outreach.survey')),
                    ],
                    options={
                        'verbose_name': 'survey response',
                        'verbose_name_plural': 'survey responses',
                        'db_table': 'partners_response',
                        'ordering': ['-submitted_at'],
                    },
                ),
                migrations.AddField(
                    model_name='recipient',
                    name='survey',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='recipients', to='outreach.survey'),
                ),
                migrations.AddField(
                    model_name='question',
                    name='survey',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='questions', to='outreach.survey'),
                ),
                migrations.CreateModel(
                    name='Visit',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('visited_on', models.DateField(db_index=True, verbose_name='date of the visit')),
                        ('met', models.CharField(blank=True, max_length=300, verbose_name='people met')),
                        ('guidance_needs', models.TextField(blank=True, help_text='How ready the workplace is to instruct and assess students.', verbose_name='guidance skills the workplace needs')),
                        ('cooperation_needs', models.TextField(blank=True, verbose_name='cooperation needs')),
                        ('opportunities', models.JSONField(blank=True, default=list, help_text='Training agreements, apprenticeships and other openings the company has.', verbose_name='opportunities')),
                        ('skill_needs', models.TextField(blank=True, verbose_name='skill needs')),
                        ('notes', models.TextField(blank=True, verbose_name='other notes')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='logged')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('company', models.ForeignKey(limit_choices_to={'kind': 'company'}, on_delete=django.db.models.deletion.CASCADE, related_name='visits', to='partners.organisation', verbose_name='company')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='logged by')),
                        ('joint_with', models.ManyToManyField(blank=True, help_text="For example the municipality's business services.", related_name='joint_company_visits', to='partners.organisation', verbose_name='visited jointly with')),
                        ('school', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='company_visits', to='partners.organisation', verbose_name='visiting organisation')),
                        ('visitors', models.ManyToManyField(related_name='company_visits', to=settings.AUTH_USER_MODEL, verbose_name='visitors')),
                    ],
                    options={
                        'verbose_name': 'company visit',
                        'verbose_name_plural': 'company visits',
                        'db_table': 'partners_visit',
                        'ordering': ['-visited_on', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='FollowUp',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('action', models.CharField(max_length=300, verbose_name='action')),
                        ('due_on', models.DateField(db_index=True, verbose_name='due')),
                        ('done_at', models.DateTimeField(blank=True, null=True, verbose_name='done')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('done_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='marked done by')),
                        ('owner', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='follow_ups', to=settings.AUTH_USER_MODEL, verbose_name='owner')),
                        ('visit', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='follow_ups', to='outreach.visit', verbose_name='visit')),
                    ],
                    options={
                        'verbose_name': 'follow-up action',
                        'verbose_name_plural': 'follow-up actions',
                        'db_table': 'partners_followup',
                        'ordering': ['due_on', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Answer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField(blank=True, verbose_name='answer')),
                        ('scale', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='scale value')),
                        ('choices', models.ManyToManyField(blank=True, to='outreach.choice', verbose_name='choices')),
                        ('question', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='outreach.question')),
                        ('response', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='outreach.response')),
                    ],
                    options={
                        'verbose_name': 'answer',
                        'verbose_name_plural': 'answers',
                        'db_table': 'partners_answer',
                        'constraints': [models.UniqueConstraint(fields=('response', 'question'), name='one_answer_per_question')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='recipient',
                    constraint=models.UniqueConstraint(fields=('survey', 'email'), name='one_link_per_address'),
                ),
            ],
            database_operations=[],
        ),
        move_content_types("partners", "outreach", MODELS),
    ]
