from django import template

from core.sections import section_pages
from core.site_cache import cached_per_site

register = template.Library()


def _library_url(request) -> str:
    library, _any_language = section_pages(request, "toolkit-library")
    # "" rather than None, so that "no library yet" is cached too.
    return library.get_url(request) if library else ""


@register.inclusion_tag("toolkits/includes/nav.html", takes_context=True)
def toolkit_nav(context):
    """The header's links to the library (cached with the content) and, when signed in, to one's plans."""
    request = context.get("request")
    return {
        "library_url": cached_per_site(request, "toolkit-library-url", lambda: _library_url(request))
        if request is not None
        else "",
        "user": context.get("user"),
    }
