from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.site_cache import cached_per_site
from core.view_restrictions import ViewRestrictionShortcutMixin

from .blocks import BodyBlock, LinkBlock


class HomePage(ViewRestrictionShortcutMixin, Page):
    """The front door: who the platform is for, and the way in to courses and toolkits."""

    hero_heading = models.CharField(_("hero heading"), max_length=120)
    hero_intro = models.TextField(_("hero introduction"), max_length=400)
    hero_links = StreamField(
        [("link", LinkBlock())],
        verbose_name=_("hero links"),
        blank=True,
        max_num=2,
        help_text=_("Up to two calls to action; the first is shown as the main button."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_intro"), FieldPanel("hero_links")],
            heading=_("Hero"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_intro"), index.SearchField("body")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class StandardPage(ViewRestrictionShortcutMixin, Page):
    """A plain content page: about us, privacy notice, accessibility statement, help."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


@register_setting(icon="site")
class FooterSettings(BaseSiteSetting):
    """Who runs the site and how to reach them, shown in every page's footer.

    Links point at pages, so each visitor sees them in their language once the pages are translated.
    """

    organisation_name = models.CharField(_("organisation name"), max_length=150)
    address = models.TextField(_("postal address"), max_length=300, blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("organisation website"), blank=True)
    links = StreamField([("link", LinkBlock())], verbose_name=_("footer links"), blank=True, max_num=8)

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("website"),
        FieldPanel("links"),
    ]

    class Meta:
        verbose_name = _("footer")


def organisation_name(request) -> str:
    """Who runs the site, for page titles, the header and account e-mails (cached with the content)."""

    def compute():
        try:
            return FooterSettings.for_request(request).organisation_name or settings.WAGTAIL_SITE_NAME
        except FooterSettings.DoesNotExist:  # a host that matches no site, and no default site
            return settings.WAGTAIL_SITE_NAME

    return cached_per_site(request, "organisation-name", compute)


@register_setting(icon="doc-full")
class IssuerSettings(BaseSiteSetting):
    """Who issues certificates and how they look: printed on every PDF and named in signed credentials.

    Certificates copy the organisation name at issue, so a later change here never alters one already
    issued; the logo, colour and signatories are the look of the PDF and follow the current setting.
    """

    organisation_name = models.CharField(
        _("issuing organisation"),
        max_length=150,
        blank=True,
        help_text=_("Leave empty to use the organisation named in the footer."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#0b5cad",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Enter a colour as # followed by six digits."))],
    )
    signatory_name = models.CharField(_("first signatory"), max_length=120, blank=True)
    signatory_role = models.CharField(_("first signatory's role"), max_length=120, blank=True)
    second_signatory_name = models.CharField(_("second signatory"), max_length=120, blank=True)
    second_signatory_role = models.CharField(_("second signatory's role"), max_length=120, blank=True)
    # A signature is the look of the PDF like the logo: it follows the current setting.
    signatory_signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("first signatory's signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the signature, ideally on a transparent background."),
    )
    second_signatory_signature = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("second signatory's signature"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the signature, ideally on a transparent background."),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("logo"),
        FieldPanel("primary_colour"),
        MultiFieldPanel(
            [
                FieldPanel("signatory_name"),
                FieldPanel("signatory_role"),
                FieldPanel("signatory_signature"),
                FieldPanel("second_signatory_name"),
                FieldPanel("second_signatory_role"),
                FieldPanel("second_signatory_signature"),
            ],
            heading=_("Signatories"),
        ),
    ]

    class Meta:
        verbose_name = _("certificate issuer")

    @property
    def signatories(self) -> list[tuple[str, str]]:
        pairs = [
            (self.signatory_name, self.signatory_role),
            (self.second_signatory_name, self.second_signatory_role),
        ]
        return [(name, role) for name, role in pairs if name]

    @property
    def signature_blocks(self) -> list[tuple[str, str, object]]:
        """(name, role, signature image or None) of each signatory named."""
        blocks = [
            (self.signatory_name, self.signatory_role, self.signatory_signature),
            (self.second_signatory_name, self.second_signatory_role, self.second_signatory_signature),
        ]
        return [block for block in blocks if block[0]]
