"""What editors publish: the toolkit library, toolkits with their documents, and action-plan templates.

A page's context is built from the app's reads (selectors, the library, the cases, forms), and those
reads query these page classes: the one import that goes the other way is made when a page is served, inside
`get_context` and `serve`, so that every other module imports at its top. (Wagtail calls these methods
on the model; the reads cannot come first, as they name the classes this module defines.)
"""

from django.conf import settings
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.view_restrictions import ViewRestrictionShortcutMixin

from ..blocks import TemplateSectionsBlock, ToolkitBodyBlock


class ToolkitIndexPage(ViewRestrictionShortcutMixin, Page):
    """The library: every toolkit of its language, filtered and searched without JavaScript."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["toolkits.ToolkitPage", "toolkits.ActionPlanTemplatePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("toolkit library")

    def get_context(self, request, *args, **kwargs):
        from ..cases import recent_cases
        from ..forms import LibraryFilterForm
        from ..library import DOWNLOAD_COUNTS_MAX_AGE, library_choices, library_page

        context = super().get_context(request, *args, **kwargs)
        choices = library_choices(request=request)
        form = LibraryFilterForm(request.GET or None, choices=choices)
        filters = form.filters() if form.is_bound else {}
        page_number = request.GET.get("page", "1")[:6]
        # The form shows the filters in effect (invalid values are dropped, not reported), so its HTML is
        # the same for everyone asking for the same filters and the template caches it.
        context["filter_form"] = LibraryFilterForm(initial=filters, choices=choices)
        # The listing is the same for everyone who asks for the same filters: the template caches it
        # (with the content, see core.site_cache), and the queries only run when the cache misses. Its
        # download counts may be a few minutes old: a download retires nothing.
        context["library"] = SimpleLazyObject(
            lambda: library_page(index_page=self, filters=filters, page_number=page_number, request=request)
        )
        # Page links carry the valid filters only: a visitor's other parameters never reach the cache.
        context["filter_query"] = "".join(
            f"{urlencode({name: value})}&" for name, value in sorted(filters.items())
        )
        # A free-text search is not cached: what anyone may type must not fill the cache.
        searching = bool(filters.get("q"))
        context["filter_key"] = None if searching else context["filter_query"]
        context["listing_key"] = None if searching else f"{sorted(filters.items())}:{page_number}"
        context["listing_max_age"] = DOWNLOAD_COUNTS_MAX_AGE
        # Outside the cached listing: a plan published a moment ago shows at once.
        context["published_cases"] = recent_cases() if page_number == "1" else []
        return context


class ToolkitPage(ViewRestrictionShortcutMixin, Page):
    """A city's toolkit: what it did, how others can do it, the documents to download."""

    class Audience(models.TextChoices):
        CITY_OFFICIALS = "city_officials", _("City officials")
        NGOS = "ngos", _("NGOs and civil society")
        TRAINERS = "trainers", _("Trainers")

    class Format(models.TextChoices):
        GUIDE = "guide", _("Guide")
        CHECKLIST = "checklist", _("Checklist")
        CASE_STUDY = "case_study", _("Case study")
        TRAINING = "training", _("Training material")
        POLICY_BRIEF = "policy_brief", _("Policy brief")

    summary = models.TextField(_("summary"), max_length=600)
    city = models.CharField(_("city"), max_length=100)
    country = CountryField(_("country"))
    organisations = ParentalManyToManyField(
        "toolkits.Organisation",
        blank=True,
        related_name="toolkits",
        verbose_name=_("city and partner organisations"),
    )
    themes = ParentalManyToManyField("toolkits.Theme", blank=True, related_name="+", verbose_name=_("themes"))
    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.CITY_OFFICIALS
    )
    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.GUIDE)
    body = StreamField(ToolkitBodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
                FieldPanel("organisations"),
                FieldPanel("themes"),
                FieldRowPanel([FieldPanel("audience"), FieldPanel("format")]),
            ],
            heading=_("Where it comes from and who it is for"),
        ),
        FieldPanel("body"),
        InlinePanel("document_links", heading=_("Documents"), label=_("Document")),
        InlinePanel(
            "related_links",
            heading=_("Related courses and action-plan templates"),
            label=_("Related page"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("city"),
        index.SearchField("body"),
        index.RelatedFields(
            "document_links", [index.RelatedFields("document", [index.SearchField("title")])]
        ),
    ]
    parent_page_types = ["toolkits.ToolkitIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("toolkit")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import toolkit_details

        context = super().get_context(request, *args, **kwargs)
        context.update(toolkit_details(toolkit=self, request=request))
        return context


class ToolkitDocument(Orderable):
    """A document offered by a toolkit, with the language it is written in."""

    page = ParentalKey(ToolkitPage, on_delete=models.CASCADE, related_name="document_links")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    language = models.CharField(
        _("language of the document"), max_length=10, choices=settings.LANGUAGES, default="en"
    )

    panels = [FieldPanel("document"), FieldPanel("language")]

    class Meta(Orderable.Meta):
        verbose_name = _("toolkit document")


class ToolkitRelatedPage(Orderable):
    """A course or an action-plan template that goes with a toolkit."""

    page = ParentalKey(ToolkitPage, on_delete=models.CASCADE, related_name="related_links")
    target = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )

    # Only what the toolkit page can show as related: courses and action-plan templates.
    panels = [
        PageChooserPanel("target", page_type=["learning.CoursePage", "toolkits.ActionPlanTemplatePage"])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")


class ActionPlanTemplatePage(ViewRestrictionShortcutMixin, Page):
    """The sections a city fills in to write its action plan.

    Plans freeze these sections when they start: editing the template later never changes a plan, and a
    template with plans cannot be deleted (see wagtail_hooks.refuse_deleting_used_templates).
    """

    intro = models.TextField(_("introduction"), max_length=1000, blank=True)
    sections = StreamField(TemplateSectionsBlock(), verbose_name=_("sections"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("sections")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["toolkits.ToolkitIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("action-plan template")

    def get_context(self, request, *args, **kwargs):
        from ..selectors import template_details

        context = super().get_context(request, *args, **kwargs)
        context.update(template_details(template=self, request=request))
        return context
