"""Certificates: what a trainee earned, frozen at issue, and the designs they are printed with.

A certificate is a register entry that must stay verifiable for as long as anyone may hold a copy: it is
never deleted. Revocation (and a re-issue after a name correction) changes its status; erasure of the
learner's account blanks the name and marks it revoked (see privacy.py). Everything printed on it
is copied at issue, so later edits to the course or the profile never change what was certified.
"""

import secrets

from django.conf import settings
from django.core.files.storage import storages
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

# A Bitstring Status List must hold at least 131,072 entries (16 KB) so that one position reveals nothing.
STATUS_LIST_SIZE = 131_072


def private_storage():
    """Certificates are kept apart from public media: served only by a view that checks who asks."""
    return storages["private"]


def new_public_code() -> str:
    """20 random bytes (160 bits), URL-safe: guessing a code is hopeless, so the register can be public."""
    return secrets.token_urlsafe(20)


class CertificateDesign(ClusterableModel):
    """A look for certificates, chosen per course; editors add and change designs without code.

    The organisation's logo and signatories come from the issuer settings (one organisation signs every
    certificate); what varies per course lives here: the layout, colour, paper, seal and the partners
    whose logos the course's certificates carry.
    """

    class Layout(models.TextChoices):
        CLASSIC = "classic", _("Classic: framed and centred, serif type, the seal between the signatures")
        MODERN = "modern", _("Modern: a coloured band holding the logo and the seal")
        MINIMAL = "minimal", _("Minimal: plain and aligned to the start, under a coloured rule")

    class Background(models.TextChoices):
        PLAIN = "plain", _("Plain white")
        TINTED = "tinted", _("Lightly tinted with the accent colour")
        DOTS = "dots", _("Fine dotted pattern")

    class PaperSize(models.TextChoices):
        A4 = "a4", _("A4 (210 × 297 mm)")  # noqa: RUF001 - the multiplication sign is meant
        LETTER = "letter", _("US Letter (8.5 × 11 inches)")  # noqa: RUF001

    class Orientation(models.TextChoices):
        LANDSCAPE = "landscape", _("Landscape")
        PORTRAIT = "portrait", _("Portrait")

    name = models.CharField(_("name"), max_length=80)
    layout = models.CharField(_("layout"), max_length=10, choices=Layout, default=Layout.CLASSIC)
    accent_colour = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#0b5cad",
        help_text=_("A colour in #rrggbb form."),
        validators=[
            RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six hexadecimal digits."))
        ],
    )
    heading = models.CharField(
        _("heading"),
        max_length=80,
        blank=True,
        help_text=_("Leave empty for “Certificate of completion” in the certificate's language."),
    )
    background = models.CharField(
        _("background"), max_length=10, choices=Background, default=Background.PLAIN
    )
    paper_size = models.CharField(_("paper size"), max_length=10, choices=PaperSize, default=PaperSize.A4)
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation, default=Orientation.LANDSCAPE
    )
    seal = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("seal or emblem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A round emblem printed as the certificate's seal. "
            "Leave empty for a plain seal in the accent colour."
        ),
    )

    panels = [
        FieldPanel("name"),
        MultiFieldPanel(
            [FieldPanel("layout"), FieldPanel("paper_size"), FieldPanel("orientation")], heading=_("Page")
        ),
        FieldPanel("accent_colour"),
        FieldPanel("heading"),
        FieldPanel("background"),
        FieldPanel("seal"),
        InlinePanel("partners", heading=_("Partners"), label=_("partner"), max_num=6),
    ]

    class Meta:
        # The table keeps the name it had while the model lived in `learning`: moving the app moved no row.
        db_table = "learning_certificatedesign"
        verbose_name = _("certificate design")
        verbose_name_plural = _("certificate designs")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CertificatePartner(Orderable):
    """An organisation that runs the course with the issuer: its logo is printed on the certificate."""

    design = ParentalKey(CertificateDesign, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(
        _("partner"),
        max_length=120,
        help_text=_("Printed when there is no logo, and read out by screen readers."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [FieldPanel("name"), FieldPanel("logo")]

    class Meta(Orderable.Meta):
        verbose_name = _("certificate partner")
        verbose_name_plural = _("certificate partners")

    def __str__(self):
        return self.name


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")

    class Reason(models.TextChoices):
        # Categories only: the verification page shows them, so none may carry personal detail.
        REISSUED = "reissued", _("Replaced by a corrected certificate")
        ERROR = "error", _("Issued in error")
        MISCONDUCT = "misconduct", _("Withdrawn by the issuer")
        ERASED = "erased", _("Withdrawn at the holder's request")

    enrolment = models.ForeignKey(
        "learning.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        related_name="certificates",
        null=True,  # only once the holder's account is erased: the register entry outlives it
        blank=True,
    )
    code = models.CharField(_("verification code"), max_length=40, unique=True, default=new_public_code)
    status_list_index = models.PositiveIntegerField(_("status list position"), unique=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.VALID)
    issued_at = models.DateTimeField(_("issued"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("issued by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("revoked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revocation_reason = models.CharField(_("reason"), max_length=12, choices=Reason, blank=True)
    revocation_note = models.TextField(
        _("internal note"), max_length=1000, blank=True, help_text=_("Never shown on the public page.")
    )
    replaced_by = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="replaces"
    )

    # The snapshot: what was certified, as printed.
    learner_name = models.CharField(_("name on the certificate"), max_length=120)
    course_title = models.CharField(_("course"), max_length=255)
    course_key = models.UUIDField(_("course translation key"))
    hours = models.PositiveSmallIntegerField(_("hours of learning"))
    completed_on = models.DateField(_("completed on"))
    cohort_title = models.CharField(_("cohort"), max_length=150)
    issuer_name = models.CharField(_("issuer"), max_length=150)
    trainer_names = models.JSONField(_("trainers"), default=list, blank=True)
    achievement_description = models.TextField(_("description"), blank=True)
    achievement_criteria = models.TextField(_("criteria"), blank=True)
    # The language the course text above is really in: the course's own when it had no translation into
    # the certificate's language (Open Badges' `inLanguage` must describe the text, not the wish).
    text_language = models.CharField(_("language of the text"), max_length=10, blank=True)
    # The holder's e-mail at issue, salted and hashed (an Open Badges IdentityObject): an employer who is
    # given the address can check it is theirs; nobody can read the address from the credential.
    recipient_salt = models.CharField(_("recipient salt"), max_length=64, blank=True)
    recipient_hash = models.CharField(_("hashed recipient e-mail"), max_length=80, blank=True)

    pdf = models.FileField(_("PDF"), upload_to="certificates/", blank=True, storage=private_storage)

    class Meta:
        # The table keeps the name it had while the model lived in `learning`: moving the app moved no row.
        db_table = "learning_certificate"
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment"], condition=Q(status="valid"), name="one_valid_certificate_per_enrolment"
            ),
            models.CheckConstraint(
                condition=Q(status_list_index__lt=STATUS_LIST_SIZE), name="certificate_index_in_status_list"
            ),
        ]

    def __str__(self):
        return f"{self.course_title} · {self.learner_name}"

    def get_absolute_url(self) -> str:
        return reverse("certificates:verify", args=[self.code])

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID


class PublishedKey(models.Model):
    """The public half of every key that has signed credentials, kept published for good.

    Keys rotate (a leak, a policy); credentials already in people's wallets still name the old key. Each
    key is recorded the first time it signs, and the DID document and the JWKS list every recorded key, so
    rotating the key in the environment never breaks an older credential. Only public keys are stored.
    """

    class Algorithm(models.TextChoices):
        ED25519 = "Ed25519", "Ed25519"
        P256 = "P-256", "P-256 (ES256)"

    algorithm = models.CharField(_("algorithm"), max_length=10, choices=Algorithm)
    thumbprint = models.CharField(_("JWK thumbprint"), max_length=64, unique=True)
    public_jwk = models.JSONField(_("public key (JWK)"))
    first_used = models.DateTimeField(_("first used"), auto_now_add=True)

    class Meta:
        # The table keeps the name it had while the model lived in `learning`: moving the app moved no row.
        db_table = "learning_publishedkey"
        verbose_name = _("published signing key")
        verbose_name_plural = _("published signing keys")
        ordering = ["first_used", "pk"]

    def __str__(self):
        return f"{self.algorithm} {self.thumbprint}"
