"""Peer review move from the partners app: their tables stay as they are."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from core.migration_operations import move_content_types


MODELS = ['qualityarea', 'qualitycriterion', 'reviewround', 'peerreview', 'peerreviewer', 'selfassessment', 'finding', 'reviewaction']



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
                    name='QualityArea',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('name_fi', models.CharField(max_length=200, null=True, verbose_name='name')),
                        ('name_sv', models.CharField(max_length=200, null=True, verbose_name='name')),
                        ('name_en', models.CharField(max_length=200, null=True, verbose_name='name')),
                        ('name_et', models.CharField(max_length=200, null=True, verbose_name='name')),
                        ('name_lt', models.CharField(max_length=200, null=True, verbose_name='name')),
                        ('name_ru', models.CharField(max_length=200, null=True, verbose_name='name')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('description_fi', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_sv', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_en', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_et', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_lt', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_ru', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('slug', models.SlugField(unique=True, verbose_name='slug')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                    ],
                    options={
                        'verbose_name': 'quality area',
                        'verbose_name_plural': 'quality areas',
                        'db_table': 'partners_qualityarea',
                        'ordering': ['position', 'name'],
                    },
                ),
                migrations.CreateModel(
                    name='PeerReview',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('visit_on', models.DateField(blank=True, null=True, verbose_name='visit date')),
                        ('status', models.CharField(choices=[('preparation', 'Self-report in preparation'), ('self_reported', 'Self-report submitted'), ('visited', 'Visit done, report in writing'), ('reported', 'Report published, follow-up under way'), ('closed', 'Closed')], db_index=True, default='preparation', max_length=16, verbose_name='status')),
                        ('summary', models.TextField(blank=True, help_text="The team's overall view; the findings follow by area.", verbose_name='summary of the report')),
                        ('self_reported_at', models.DateTimeField(blank=True, null=True, verbose_name='self-report submitted')),
                        ('reported_at', models.DateTimeField(blank=True, null=True, verbose_name='report published')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('school', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='peer_reviews', to='partners.organisation', verbose_name='reviewed school')),
                    ],
                    options={
                        'verbose_name': 'peer review',
                        'verbose_name_plural': 'peer reviews',
                        'db_table': 'partners_peerreview',
                        'ordering': ['round', 'school__name'],
                    },
                ),
                migrations.CreateModel(
                    name='Finding',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('kind', models.CharField(choices=[('strength', 'Strength'), ('development', 'Area to develop'), ('recommendation', 'Recommendation')], max_length=16, verbose_name='kind')),
                        ('text', models.TextField(verbose_name='finding')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('review', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='findings', to='quality.peerreview')),
                        ('area', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='quality.qualityarea', verbose_name='area')),
                    ],
                    options={
                        'verbose_name': 'finding',
                        'verbose_name_plural': 'findings',
                        'db_table': 'partners_finding',
                        'ordering': ['area__position', 'kind', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='QualityCriterion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.CharField(max_length=500, verbose_name='criterion')),
                        ('text_fi', models.CharField(max_length=500, null=True, verbose_name='criterion')),
                        ('text_sv', models.CharField(max_length=500, null=True, verbose_name='criterion')),
                        ('text_en', models.CharField(max_length=500, null=True, verbose_name='criterion')),
                        ('text_et', models.CharField(max_length=500, null=True, verbose_name='criterion')),
                        ('text_lt', models.CharField(max_length=500, null=True, verbose_name='criterion')),
                        ('text_ru', models.CharField(max_length=500, null=True, verbose_name='criterion')),
                        ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                        ('area', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='quality.qualityarea', verbose_name='area')),
                    ],
                    options={
                        'verbose_name': 'quality criterion',
                        'verbose_name_plural': 'quality criteria',
                        'db_table': 'partners_qualitycriterion',
                        'ordering': ['area__position', 'position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ReviewAction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.CharField(max_length=500, verbose_name='action')),
                        ('responsible', models.CharField(max_length=200, verbose_name='responsible')),
                        ('due_on', models.DateField(verbose_name='due')),
                        ('state', models.CharField(choices=[('planned', 'Planned'), ('in_progress', 'In progress'), ('done', 'Done')], default='planned', max_length=12, verbose_name='state')),
                        ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                        ('recommendation', models.ForeignKey(blank=True, limit_choices_to={'kind': 'recommendation'}, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='actions', to='quality.finding', verbose_name='answers the recommendation')),
                        ('review', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='actions', to='quality.peerreview')),
                    ],
                    options={
                        'verbose_name': 'development action',
                        'verbose_name_plural': 'development actions',
                        'db_table': 'partners_reviewaction',
                        'ordering': ['due_on', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='ReviewRound',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200, verbose_name='title')),
                        ('title_fi', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_sv', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_en', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_et', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_lt', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('title_ru', models.CharField(max_length=200, null=True, verbose_name='title')),
                        ('description', models.TextField(blank=True, verbose_name='description')),
                        ('description_fi', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_sv', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_en', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_et', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_lt', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('description_ru', models.TextField(blank=True, null=True, verbose_name='description')),
                        ('starts_on', models.DateField(verbose_name='starts')),
                        ('ends_on', models.DateField(verbose_name='ends')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('areas', models.ManyToManyField(to='quality.qualityarea', verbose_name='quality areas')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('organiser', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='review_rounds', to='partners.organisation', verbose_name='organiser')),
                    ],
                    options={
                        'verbose_name': 'peer review round',
                        'verbose_name_plural': 'peer review rounds',
                        'db_table': 'partners_reviewround',
                        'ordering': ['-starts_on', '-pk'],
                    },
                ),
                migrations.AddField(
                    model_name='peerreview',
                    name='round',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reviews', to='quality.reviewround', verbose_name='round'),
                ),
                migrations.CreateModel(
                    name='SelfAssessment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('level', models.PositiveSmallIntegerField(blank=True, choices=[(1, '1 – Initial: done case by case'), (2, '2 – Developing: agreed, not yet everywhere'), (3, '3 – Established: systematic and followed up'), (4, '4 – Excellent: improved on evidence, shared with others')], null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(4)], verbose_name='level')),
                        ('description', models.TextField(blank=True, verbose_name='what we do and how we know')),
                        ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='quality.qualitycriterion')),
                        ('review', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='self_assessments', to='quality.peerreview')),
                    ],
                    options={
                        'verbose_name': 'self-assessment',
                        'verbose_name_plural': 'self-assessments',
                        'db_table': 'partners_selfassessment',
                    },
                ),
                migrations.CreateModel(
                    name='PeerReviewer',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('role', models.CharField(choices=[('lead', 'Team lead'), ('member', 'Team member')], default='member', max_length=8, verbose_name='role')),
                        ('review', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='team', to='quality.peerreview')),
                        ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='peer_reviews', to=settings.AUTH_USER_MODEL, verbose_name='reviewer')),
                    ],
                    options={
                        'verbose_name': 'peer reviewer',
                        'verbose_name_plural': 'peer reviewers',
                        'db_table': 'partners_peerreviewer',
                        'ordering': ['review', 'role', 'user__full_name'],
                        'constraints': [models.UniqueConstraint(fields=('review', 'user'), name='one_place_in_a_team')],
                    },
                ),
                migrations.AddConstraint(
                    model_name='reviewround',
                    constraint=models.CheckConstraint(condition=models.Q(('ends_on__gte', models.F('starts_on'))), name='review_round_ends_after_it_starts'),
                ),
                migrations.AddConstraint(
                    model_name='peerreview',
                    constraint=models.UniqueConstraint(fields=('round', 'school'), name='one_review_per_school'),
                ),
                migrations.AddConstraint(
                    model_name='selfassessment',
                    constraint=models.UniqueConstraint(fields=('review', 'criterion'), name='one_self_assessment_per_criterion'),
                ),
            ],
            database_operations=[],
        ),
        move_content_types("partners", "quality", MODELS),
    ]
