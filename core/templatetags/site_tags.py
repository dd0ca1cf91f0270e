import hashlib

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import get_language_info
from wagtail.models import Locale, Page

from core import site_cache
from core.canonical import canonical_links
from core.language import language_urls
from core.localize import content_locale_id, locale_codes, resolve_links
from core.offline import offline_key
from core.site_cache import cached_per_site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_switcher(context):
    request = context["request"]
    page = context.get("page")
    current = context.get("LANGUAGE_CODE")
    if isinstance(page, Page) and not getattr(request, "is_preview", False):
        # A page's translations change only when something is published: the rendered switcher is
        # cached with the content (its nine links cost more to render than to fetch).
        return cached_per_site(
            request,
            f"language-switcher:{page.pk}",
            lambda: _render_switcher(current, language_urls(request, page)),
        )
    return _render_switcher(current, language_urls(request))


def _render_switcher(current: str, urls: dict[str, str]) -> str:
    # Each language is named in itself (settings.LANGUAGES holds the autonyms), so people can find theirs.
    languages = [
        {"code": code, "name": autonym, "url": urls[code], "current": code == current}
        for code, autonym in settings.LANGUAGES
    ]
    context = {"languages": languages, "current": next(lang for lang in languages if lang["current"])}
    return render_to_string("core/includes/language_switcher.html", context)


@register.simple_tag(takes_context=True)
def page_language_links(context):
    """<link rel="canonical"> and hreflang alternates in the head of a Wagtail page (core.canonical)."""
    request, page = context.get("request"), context.get("page")
    if request is None or not isinstance(page, Page):
        return ""
    if getattr(request, "is_preview", False):
        return ""  # a draft is not what search engines see
    # Like the switcher: they change only when something is published, so they are cached with the content.
    return cached_per_site(request, f"page-language-links:{page.pk}", lambda: canonical_links(request, page))


@register.simple_tag(takes_context=True)
def localized_links(context, stream_value):
    """The links of a StreamField of LinkBlocks, each to the page's translation in the active language."""
    links = [block.value for block in stream_value or []]
    return [link for link in resolve_links(links, context.get("request")) if link]


@register.simple_tag(takes_context=True)
def content_language(context, page) -> str:
    """lang and dir attributes for a page's own content, which may be in another language than the
    interface (an English page not yet translated, shown in the Arabic interface)."""
    request = context.get("request")
    codes = {}
    if request is not None:
        codes = locale_codes(request)
    locale_id = content_locale_id(page, request)
    code = codes.get(locale_id) or Locale.objects.get(pk=locale_id).language_code
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return format_html('lang="{}" dir="{}"', code, direction)


class SiteCacheNode(template.Node):
    def __init__(self, nodelist, name, vary_on, options):
        self.nodelist, self.name, self.vary_on, self.options = nodelist, name, vary_on, options

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)  # previews show the draft, never the cached page
        values = [expression.resolve(context) for expression in self.vary_on]
        if any(value is None for value in values):
            return self.nodelist.render(context)  # the page said: not this one (a free-text search)
        options = {name: expression.resolve(context) for name, expression in self.options.items()}
        tags = str(options.get("tags") or site_cache.CONTENT).split()
        timeout = int(options.get("timeout") or site_cache.TIMEOUT)
        # Hashed: vary-on values may hold what a visitor chose, and a key's length must stay bounded.
        key = "fragment:" + hashlib.sha256(":".join([self.name, *map(str, values)]).encode()).hexdigest()
        return site_cache.cached_per_site(
            request, key, lambda: self.nodelist.render(context), tags=tags, timeout=timeout
        )


@register.tag
def sitecache(parser, token):
    """{% sitecache "name" var1 var2 [tags="content seats"] [timeout=300] %}...{% endsitecache %}: a
    fragment that is the same for every visitor, cached per site and language until a write retires one
    of its tags (core.site_cache; the content by default) or `timeout` seconds pass. A vary-on value
    that is None renders the fragment uncached.

    Never put anything personal inside (a form's CSRF token, a user's name or progress).
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("sitecache needs a fragment name")
    nodelist = parser.parse(("endsitecache",))
    parser.delete_first_token()
    vary_on, options = [], {}
    for bit in bits[2:]:
        name, equals, value = bit.partition("=")
        if equals and name in ("tags", "timeout"):
            options[name] = parser.compile_filter(value)
        else:
            vary_on.append(parser.compile_filter(bit))
    return SiteCacheNode(nodelist, bits[1].strip("\"'"), vary_on, options)


@register.simple_tag(takes_context=True)
def offline_user_key(context) -> str:
    """The signed-in reader's opaque key for their offline copies (core/offline.py)."""
    return offline_key(context["request"].user)
