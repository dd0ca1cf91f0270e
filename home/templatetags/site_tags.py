from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail.models import Page

from home.language import language_urls
from home.localize import resolve_links
from home.models import FooterSettings
from home.site_cache import cached_per_site, content_version

register = template.Library()


@register.inclusion_tag("home/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    current = context.get("LANGUAGE_CODE")
    urls = language_urls(request, page if isinstance(page, Page) else None)
    # Each language is named in itself (settings.LANGUAGES holds the autonyms), so people can find theirs.
    languages = [
        {"code": code, "name": autonym, "url": urls[code], "current": code == current}
        for code, autonym in settings.LANGUAGES
    ]
    return {"languages": languages, "current": next(lang for lang in languages if lang["current"])}


@register.simple_tag(takes_context=True)
def localized_links(context, stream_value):
    """The links of a StreamField of LinkBlocks, each to the page's translation in the active language."""
    links = [block.value for block in stream_value or []]
    return [link for link in resolve_links(links, context.get("request")) if link]


@register.simple_tag
def content_language(page) -> str:
    """lang and dir attributes for a page's own content, which may be in another language than the
    interface (an English page not yet translated, shown in the Arabic interface)."""
    code = page.locale.language_code
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return format_html('lang="{}" dir="{}"', code, direction)


@register.simple_tag(takes_context=True)
def organisation_name(context) -> str:
    request = context["request"]
    return cached_per_site(
        request,
        "organisation-name",
        lambda: FooterSettings.for_request(request).organisation_name or settings.WAGTAIL_SITE_NAME,
    )


@register.simple_tag
def site_content_version() -> int:
    return content_version()
