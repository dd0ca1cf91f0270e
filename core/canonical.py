"""What a page tells search engines about its languages: `<link rel="canonical">` and `hreflang`.

Every language's tree holds an alias of each page not yet translated into it (README, "A link never
changes the reader's language"): the same words at /de/…, /ar/…, /fa/… as at /en/…. Without a canonical
link those are duplicates of the source page; with it, search engines index the source once, and the
`hreflang` alternates send each reader to the languages the page really is written in.
"""

from django.conf import settings
from django.utils.html import format_html, format_html_join
from wagtail.models import Page

from .language import live_versions


def canonical_links(request, page: Page) -> str:
    """The <link> tags for `page`: canonical to the page whose words it shows (itself unless it is an
    alias), alternates for each live translation that is not an alias, when there is more than one."""
    key = page.translation_key
    versions = [version for version in live_versions(request, page) if version.translation_key == key]
    by_id = {version.pk: version for version in versions}
    source = by_id.get(page.pk, page)
    for _hop in range(5):  # an alias of an alias ends at a page with words of its own
        if not source.alias_of_id:
            break
        source = by_id.get(source.alias_of_id) or Page.objects.live().filter(pk=source.alias_of_id).first()
        if source is None:  # the source is not live: say nothing rather than point at a missing page
            return ""
    canonical = source.get_full_url(request=request)
    if not canonical:
        return ""
    links = format_html('<link rel="canonical" href="{}">', canonical)
    real = sorted(
        (version for version in versions if not version.alias_of_id),
        key=lambda version: version.locale.language_code,
    )
    if len(real) < 2:
        return links
    alternates = [(version.locale.language_code, version.get_full_url(request=request)) for version in real]
    default = next((url for code, url in alternates if code == settings.LANGUAGE_CODE), None)
    if default:
        alternates.append(("x-default", default))
    return links + format_html_join(
        "",
        '\n<link rel="alternate" hreflang="{}" href="{}">',
        ((code, url) for code, url in alternates if url),
    )
