"""Certificates become an app of their own (label `certificates`): its models are created in the migration
state only. Their tables were made by learning's migrations (0002, 0005) and keep their names and every
row; learning 0010 then re-points the course's design field and removes the models from learning's state."""

import django.core.validators
import django.db.models.deletion
import learning.certificates.models
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
                    name='CertificateDesign',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=80, verbose_name='name')),
                        ('layout', models.CharField(choices=[('classic', 'Classic: centred, with a frame'), ('modern', 'Modern: a coloured band on the side'), ('minimal', 'Minimal: plain, left-aligned')], default='classic', max_length=10, verbose_name='layout')),
                        ('accent_colour', models.CharField(default='#0b5cad', help_text='A colour in #rrggbb form.', max_length=7, validators=[django.core.validators.RegexValidator('^#[0-9a-fA-F]{6}$', 'Enter a colour as # followed by six hexadecimal digits.')], verbose_name='accent colour')),
                        ('heading', models.CharField(blank=True, help_text="Leave empty for “Certificate of completion” in the certificate's language.", max_length=80, verbose_name='heading')),
                        ('background', models.CharField(choices=[('plain', 'Plain white'), ('tinted', 'Lightly tinted with the accent colour'), ('dots', 'Fine dotted pattern')], default='plain', max_length=10, verbose_name='background')),
                    ],
                    options={
                        'verbose_name': 'certificate design',
                        'verbose_name_plural': 'certificate designs',
                        'db_table': 'learning_certificatedesign',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='PublishedKey',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('algorithm', models.CharField(choices=[('Ed25519', 'Ed25519'), ('P-256', 'P-256 (ES256)')], max_length=10, verbose_name='algorithm')),
                        ('thumbprint', models.CharField(max_length=64, unique=True, verbose_name='JWK thumbprint')),
                        ('public_jwk', models.JSONField(verbose_name='public key (JWK)')),
                        ('first_used', models.DateTimeField(auto_now_add=True, verbose_name='first used')),
                    ],
                    options={
                        'verbose_name': 'published signing key',
                        'verbose_name_plural': 'published signing keys',
                        'db_table': 'learning_publishedkey',
                        'ordering': ['first_used', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Certificate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(default=learning.certificates.models.new_public_code, max_length=40, unique=True, verbose_name='verification code')),
                        ('status_list_index', models.PositiveIntegerField(unique=True, verbose_name='status list position')),
                        ('status', models.CharField(choices=[('valid', 'Valid'), ('revoked', 'Revoked')], default='valid', max_length=10, verbose_name='status')),
                        ('issued_at', models.DateTimeField(verbose_name='issued')),
                        ('language', models.CharField(choices=[('en', 'English'), ('fr', 'Français'), ('de', 'Deutsch'), ('nl', 'Nederlands'), ('pl', 'Polski'), ('pt', 'Português'), ('es', 'Español'), ('it', 'Italiano'), ('ar', 'العربية'), ('uk', 'Українська'), ('fa', 'فارسی'), ('tr', 'Türkçe'), ('ti', 'ትግርኛ')], max_length=10, verbose_name='language')),
                        ('revoked_at', models.DateTimeField(blank=True, null=True, verbose_name='revoked')),
                        ('revocation_reason', models.CharField(blank=True, choices=[('reissued', 'Replaced by a corrected certificate'), ('error', 'Issued in error'), ('misconduct', 'Withdrawn by the issuer'), ('erased', "Withdrawn at the holder's request")], max_length=12, verbose_name='reason')),
                        ('revocation_note', models.TextField(blank=True, help_text='Never shown on the public page.', max_length=1000, verbose_name='internal note')),
                        ('learner_name', models.CharField(max_length=120, verbose_name='name on the certificate')),
                        ('course_title', models.CharField(max_length=255, verbose_name='course')),
                        ('course_key', models.UUIDField(verbose_name='course translation key')),
                        ('hours', models.PositiveSmallIntegerField(verbose_name='hours of learning')),
                        ('completed_on', models.DateField(verbose_name='completed on')),
                        ('cohort_title', models.CharField(max_length=150, verbose_name='cohort')),
                        ('issuer_name', models.CharField(max_length=150, verbose_name='issuer')),
                        ('trainer_names', models.JSONField(blank=True, default=list, verbose_name='trainers')),
                        ('achievement_description', models.TextField(blank=True, verbose_name='description')),
                        ('achievement_criteria', models.TextField(blank=True, verbose_name='criteria')),
                        ('text_language', models.CharField(blank=True, max_length=10, verbose_name='language of the text')),
                        ('recipient_salt', models.CharField(blank=True, max_length=64, verbose_name='recipient salt')),
                        ('recipient_hash', models.CharField(blank=True, max_length=80, verbose_name='hashed recipient e-mail')),
                        ('pdf', models.FileField(blank=True, storage=learning.certificates.models.private_storage, upload_to='certificates/', verbose_name='PDF')),
                        ('enrolment', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='certificates', to='learning.enrolment', verbose_name='enrolment')),
                        ('issued_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='issued by')),
                        ('replaced_by', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='replaces', to='certificates.certificate')),
                        ('revoked_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='revoked by')),
                    ],
                    options={
                        'verbose_name': 'certificate',
                        'verbose_name_plural': 'certificates',
                        'db_table': 'learning_certificate',
                        'ordering': ['-issued_at', '-pk'],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('status', 'valid')), fields=('enrolment',), name='one_valid_certificate_per_enrolment'), models.CheckConstraint(condition=models.Q(('status_list_index__lt', 131072)), name='certificate_index_in_status_list')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
