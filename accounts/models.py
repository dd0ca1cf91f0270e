import zoneinfo

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

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
