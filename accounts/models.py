from functools import cache

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin

from core.private_storage import private_storage
from core.site_cache import RetiringQuerySet

from .time_zones import available_zones
from .validators import validate_plain_text, validate_single_line


@cache
def time_zone_choices() -> tuple[tuple[str, str], ...]:
    """Every IANA name; computed once per process (the model fields' choices call it at each validation)."""
    return tuple((name, name.replace("_", " ")) for name in sorted(available_zones()))


class UserManager(BaseUserManager):
    """Users log in by e-mail; there is no username."""

    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra_fields) -> "User":
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> "User":
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person on the platform: trainee, trainer, city official or editor (roles are groups).

    The profile lives on the user row itself: every page shows the display name and most read the
    language and time zone, so a separate table would cost a join on nearly every request.
    """

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)

    display_name = models.CharField(
        _("display name"),
        max_length=80,
        validators=[validate_plain_text],
        help_text=_("How you appear to trainers and other participants."),
    )
    certificate_name = models.CharField(
        _("name on certificates"),
        max_length=120,
        blank=True,
        validators=[validate_plain_text],
        help_text=_("Your full name exactly as it should be printed on certificates, in any script."),
    )
    language = models.CharField(
        _("preferred language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("Used for e-mails and certificates."),
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        blank=True,
        choices=time_zone_choices,
        help_text=_("Live sessions are shown in this time zone. Leave empty to use your browser's."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True, validators=[validate_plain_text])
    country = CountryField(_("country"), blank=True)
    organisation = models.CharField(
        _("organisation"), max_length=150, blank=True, validators=[validate_plain_text]
    )
    nationality = CountryField(
        _("nationality"),
        blank=True,
        help_text=_("Optional. Used only for anonymous statistics unless you choose to show it."),
    )
    show_nationality = models.BooleanField(
        _("show my nationality to my trainers"),
        default=False,
    )
    # Read on every page through core.low_data: small images, videos as links with their transcripts.
    # db_default too: code that writes people without knowing this column (an older migration's state, as
    # the migration tests use) still gets False.
    low_data = models.BooleanField(
        _("low-data mode"),
        default=False,
        db_default=False,
        help_text=_(
            "Use less mobile data: smaller images, and videos as links with their transcripts instead of "
            "a player. Your browser's data saver turns it on too."
        ),
    )
    # When `manage.py retention` last warned that this inactive account will be removed; a sign-in since
    # then cancels the warning (accounts.services.retention_run).
    retention_warned_at = models.DateTimeField(_("warned of removal"), null=True, blank=True, editable=False)

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["display_name", "email"]

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return self.certificate_name or self.display_name

    def get_short_name(self) -> str:
        return self.display_name


class DataExport(models.Model):
    """One "download my data" request: the ZIP a task prepares, kept in private storage until it expires.

    The file has a random name and no URL: it is served only by the view behind the e-mailed link, to
    the person it belongs to (accounts.data_export)."""

    class Status(models.TextChoices):
        PREPARING = "preparing", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("could not be prepared")
        EXPIRED = "expired", _("expired")
        REPLACED = "replaced", _("replaced by a newer one")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="data_exports",
        verbose_name=_("user"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREPARING)
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    ready_at = models.DateTimeField(_("ready"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to="data-exports/", blank=True, storage=private_storage)
    size = models.PositiveBigIntegerField(_("size in bytes"), null=True, blank=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-requested_at", "-pk"]
        constraints = [
            # Repeated clicks (or two tabs) never queue a second ZIP while one is being made.
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="preparing"),
                name="one_data_export_in_preparation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.requested_at:%Y-%m-%d %H:%M} {self.status}"


class LegalDocument(models.TextChoices):
    PRIVACY = "privacy", _("privacy notice")
    TERMS = "terms", _("terms of use")


class LegalVersion(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """One version of the privacy notice or of the terms, as editors publish it (a snippet).

    The newest published version of each document in the site's default language is the one everybody
    accepts: at signup, and again on their next page once a newer one is published (accounts.consent).
    Its translations (admin → Translate) carry the "what changed" text into the reader's language; the
    text itself lives on `page`, which every language has as a translation or an alias.
    """

    document = models.CharField(_("document"), max_length=20, choices=LegalDocument.choices)
    version = models.CharField(
        _("version"),
        max_length=40,
        validators=[validate_single_line],
        help_text=_("As people will see it, for example “2.0” or “December 2026”."),
    )
    date = models.DateField(
        _("date"),
        help_text=_(
            "The date of this version, shown to everyone asked to accept it. Publish it on that day."
        ),
    )
    changes = models.TextField(
        _("what changed"),
        help_text=_("A few sentences for people who accepted an earlier version: what is new for them."),
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page with the text"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    revisions = GenericRelation(
        "wagtailcore.Revision",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="legal_version",
        for_concrete_model=False,
    )

    # Cached: which versions are current (accounts.consent). Writes that send no signal retire it too.
    objects = RetiringQuerySet.as_manager()

    panels = [
        FieldPanel("document"),
        FieldPanel("version"),
        FieldPanel("date"),
        FieldPanel("changes"),
        FieldPanel("page"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("privacy notice or terms version")
        verbose_name_plural = _("privacy notice and terms versions")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "version", "locale"], name="one_version_label_per_document_and_locale"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_document_display()} {self.version}"

    def clean(self):
        super().clean()
        # The admin's form has no locale field, so Django skips the constraint that names it: asked here,
        # a second "2.0" is a message on the form, not an IntegrityError.
        clash = LegalVersion.objects.filter(
            document=self.document, version=self.version, locale_id=self.locale_id
        ).exclude(pk=self.pk)
        if self.locale_id and clash.exists():
            raise ValidationError({"version": _("This document already has a version with this name.")})


class LegalAcceptance(models.Model):
    """That a person accepted one version of a document, and when.

    The document, its version and its date are copied from the version, so the record still says what
    was accepted if an editor deletes that version later."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="legal_acceptances"
    )
    legal_version = models.ForeignKey(
        LegalVersion, on_delete=models.SET_NULL, null=True, related_name="acceptances"
    )
    document = models.CharField(_("document"), max_length=20, choices=LegalDocument.choices)
    version = models.CharField(_("version"), max_length=40)
    version_date = models.DateField(_("date of the version"))
    accepted_at = models.DateTimeField(_("accepted at"))
    language = models.CharField(_("language read in"), max_length=10, choices=settings.LANGUAGES)

    class Meta:
        verbose_name = _("acceptance of a privacy notice or terms")
        verbose_name_plural = _("acceptances of privacy notices and terms")
        ordering = ["-accepted_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "legal_version"], name="one_acceptance_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.get_document_display()} {self.version}"
