"""Who takes part: themes of work, city administrations and partners, their members, mentor pairings."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import TranslatableMixin
from wagtail.search import index

from accounts.validators import validate_plain_text
from core.site_cache import RetiringQuerySet


class Theme(TranslatableMixin, index.Indexed, models.Model):
    """A field of work (migrant entrepreneurship, housing...). Its slug stays the same in every language,
    so a library filter link means the same theme whatever language the visitor reads."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, help_text=_("Keep it the same in every language."))

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    objects = RetiringQuerySet.as_manager()  # names show in the cached library

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="toolkits_theme_unique_slug_per_locale"),
        ]

    def __str__(self) -> str:
        return self.name


class Organisation(index.Indexed, ClusterableModel):
    """A city administration or a partner organisation; its members write action plans together."""

    class Kind(models.TextChoices):
        CITY = "city", _("City administration")
        PARTNER = "partner", _("Partner organisation")

    name = models.CharField(_("name"), max_length=150, unique=True, validators=[validate_plain_text])
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CITY)
    city = models.CharField(_("city"), max_length=100, validators=[validate_plain_text])
    country = CountryField(_("country"))

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("city"),
        FieldPanel("country"),
        InlinePanel("memberships", heading=_("Members"), label=_("Member")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("city")]

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person working for an organisation: they may start and edit its action plans."""

    organisation = ParentalKey(Organisation, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="toolkit_memberships"
    )
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    panels = [FieldPanel("user")]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="toolkits_membership_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.organisation}"


class PairingQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=on)
        )


class Pairing(models.Model):
    """A mentor city accompanying a mentee city on a theme for a period (as in Cities Grow).

    While it runs, the mentor's members review the mentee's plans once they are shared for feedback.
    """

    mentor = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="mentoring", verbose_name=_("mentor")
    )
    mentee = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="mentored_by", verbose_name=_("mentee")
    )
    theme = models.ForeignKey(
        Theme, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("theme")
    )
    starts_on = models.DateField(_("starts on"), default=timezone.localdate)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    objects = PairingQuerySet.as_manager()

    panels = [
        FieldPanel("mentor"),
        FieldPanel("mentee"),
        FieldPanel("theme"),
        FieldPanel("starts_on"),
        FieldPanel("ends_on"),
    ]

    class Meta:
        verbose_name = _("pairing")
        verbose_name_plural = _("pairings")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(mentor=models.F("mentee")), name="toolkits_pairing_two_organisations"
            ),
        ]

    def __str__(self) -> str:
        return _("%(mentor)s mentors %(mentee)s") % {"mentor": self.mentor, "mentee": self.mentee}

    def clean(self):
        if self.mentor_id and self.mentor_id == self.mentee_id:
            raise ValidationError(_("A city cannot mentor itself."))
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date must be on or after the start date.")})
