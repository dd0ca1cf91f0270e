"""StreamField blocks shared by the site's general pages (home page, about, privacy...).

Every text field of a StructBlock defaults to "", what the admin stores for an empty one: a value that
code wrote without one of them (the demo's cards have no link) then reads as "" instead of None, which
wagtail-localize cannot turn into a segment (making a translation source raised a TypeError).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from core.localize import localized_specific_pages, resolve_links


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site, shown in the page's translation for the visitor's language."""

    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        label=_("Label"), required=False, help_text=_("Defaults to the page title."), default=""
    )

    class Meta:
        icon = "link"


class CardBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default="")
    text = blocks.TextBlock(label=_("Text"), max_length=400, default="")
    link = LinkBlock(label=_("Link"), required=False)

    class Meta:
        icon = "doc-full"


class CardGridBlock(blocks.StructBlock):
    """A titled row of cards: the home page's programmes, or a hand-picked set of pages."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default="")
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=400, default="")
    cards = blocks.ListBlock(CardBlock(), label=_("Cards"), min_num=1, max_num=6)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        request = (parent_context or {}).get("request")
        links = resolve_links([card["link"] for card in value["cards"]], request)
        context["cards"] = [
            {"heading": card["heading"], "text": card["text"], "link": link}
            for card, link in zip(value["cards"], links, strict=True)
        ]
        return context

    class Meta:
        icon = "grip"
        template = "home/blocks/card_grid.html"


class FeaturedPagesBlock(blocks.StructBlock):
    """Pages chosen by an editor (courses, toolkits...), shown with their own title and summary."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default="")
    pages = blocks.ListBlock(blocks.PageChooserBlock(), label=_("Pages"), min_num=1, max_num=6)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["pages"] = localized_specific_pages(value["pages"], (parent_context or {}).get("request"))
        return context

    class Meta:
        icon = "pick"
        template = "home/blocks/featured_pages.html"


class FigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(
        label=_("Figure"), max_length=20, help_text=_('For example "76" or "50+".'), default=""
    )
    caption = blocks.CharBlock(label=_("Caption"), max_length=140, default="")


class FiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False, default="")
    figures = blocks.ListBlock(FigureBlock(), label=_("Figures"), min_num=1, max_num=4)

    class Meta:
        icon = "order"
        template = "home/blocks/figures.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), max_length=120, form_classname="title", template="home/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"), features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]
    )
    image = ImageBlock(label=_("Image"))
    cards = CardGridBlock(label=_("Cards"))
    featured_pages = FeaturedPagesBlock(label=_("Featured pages"))
    figures = FiguresBlock(label=_("Key figures"))
