from django import template

from core.localize import active_locale
from core.site_cache import cached_per_site
from toolkits.models import ToolkitIndexPage

register = template.Library()


def _library_url(request) -> str:
    library = ToolkitIndexPage.objects.live().filter(locale=active_locale(request)).first()
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
