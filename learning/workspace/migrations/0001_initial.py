"""The trainer's workspace becomes an app of its own (label `workspace`): its models are created in the
migration state only. Their tables were made by learning 0003 and keep their names and every row; learning
0010 then removes the models from learning's state."""

import django.db.models.deletion
import learning.workspace.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('learning', '0009_more_languages'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CohortMessage',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('audience', models.CharField(choices=[('all', 'Everyone learning in the cohort'), ('inactive', 'Inactive for 14 days or more'), ('not_started', 'Not started yet'), ('waiting', 'Pending requests and waitlist')], default='all', max_length=12, verbose_name='recipients')),
                        ('subject', models.CharField(max_length=150, verbose_name='subject')),
                        ('body', models.TextField(max_length=10000, verbose_name='message')),
                        ('recipient_count', models.PositiveIntegerField(default=0, verbose_name='number of recipients')),
                        ('sent_at', models.DateTimeField(auto_now_add=True, verbose_name='sent')),
                        ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='learning.cohort', verbose_name='cohort')),
                        ('recipients', models.ManyToManyField(blank=True, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('sender', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='sender')),
                    ],
                    options={
                        'verbose_name': 'cohort message',
                        'verbose_name_plural': 'cohort messages',
                        'db_table': 'learning_cohortmessage',
                        'ordering': ['-sent_at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='CohortInvitation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(max_length=254, verbose_name='e-mail address')),
                        ('name', models.CharField(blank=True, max_length=120, verbose_name='name')),
                        ('language', models.CharField(choices=[('en', 'English'), ('fr', 'Français'), ('de', 'Deutsch'), ('nl', 'Nederlands'), ('pl', 'Polski'), ('pt', 'Português'), ('es', 'Español'), ('it', 'Italiano'), ('ar', 'العربية'), ('uk', 'Українська'), ('fa', 'فارسی'), ('tr', 'Türkçe'), ('ti', 'ትግርኛ')], default='en', max_length=10, verbose_name='language')),
                        ('token', models.CharField(default=learning.workspace.models.new_invitation_token, editable=False, max_length=64, unique=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='invited')),
                        ('accepted_at', models.DateTimeField(blank=True, null=True, verbose_name='accepted')),
                        ('accepted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('cohort', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='invitations', to='learning.cohort', verbose_name='cohort')),
                        ('invited_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'verbose_name': 'invitation',
                        'verbose_name_plural': 'invitations',
                        'db_table': 'learning_cohortinvitation',
                        'ordering': ['-created_at', '-pk'],
                        'constraints': [models.UniqueConstraint(fields=('cohort', 'email'), name='one_invitation_per_address')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
