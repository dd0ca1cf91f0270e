from django import template
from django.conf import settings
from django.utils.translation import get_language_info

from home.localize import resolve_links

register = template.Library()


@register.inclusion_tag("home/includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    current = context.get("LANGUAGE_CODE")
    languages = []
    # Each language is named in itself (settings.LANGUAGES holds the autonyms), so people can find theirs.
    for code, autonym in settings.LANGUAGES:
        languages.append(
            {
                "code": code,
                "name": autonym,
                "bidi": get_language_info(code)["bidi"],
                "current": code == current,
            }
        )
    return {
        "request": request,
        "languages": languages,
        "next": request.get_full_path(),
        "page_id": getattr(page, "pk", None) if hasattr(page, "get_translations") else None,
    }


@register.simple_tag(takes_context=True)
def localized_links(context, stream_value):
    """The links of a StreamField of LinkBlocks, each to the page's translation in the active language."""
    links = [block.value for block in stream_value or []]
    return [link for link in resolve_links(links, context.get("request")) if link]
