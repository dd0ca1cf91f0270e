import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.private_storage import private_storage

from .validators import validate_plain_text


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name.replace("_", " ")) for name in sorted(zoneinfo.available_timezones())]


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
    low_data = models.BooleanField(
        _("low-data mode"),
        default=False,
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
