from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from wagtail.models import Locale, Page

from toolkits.cases import search_cases

from .models import organisation_name

SEARCH_RESULTS_PER_PAGE = 10
THEME_COLOUR = "#0b5563"  # --bs-primary in site.css, the favicon's colour


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    # Published action plans are not pages: their own, short list comes first.
    cases = search_cases(query) if query and request.GET.get("page", "1") == "1" else []
    context = {
        "query": query,
        "results": results,
        "cases": cases,
        "page_query": urlencode({"q": query}) + "&",
    }
    return TemplateResponse(request, "home/search.html", context)


@require_GET
def manifest(request):
    """The web app manifest in the reader's language: an installed site starts where they read it."""
    language = get_language()
    name = organisation_name(request)
    icons = [
        {
            "src": static(f"images/{stem}-{size}.png"),
            "sizes": f"{size}x{size}",
            "type": "image/png",
            "purpose": purpose,
        }
        for stem, purpose in (("icon", "any"), ("icon-maskable", "maskable"))
        for size in (192, 512)
    ]
    icons.append(
        {"src": static("images/favicon.svg"), "sizes": "any", "type": "image/svg+xml", "purpose": "any"}
    )
    data = {
        "id": "/",
        "name": name,
        "short_name": name,
        "description": _("Courses, live sessions and certificates, in your language, on any device."),
        "lang": language,
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOUR,
        "icons": icons,
    }
    response = JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = "public, max-age=3600"
    return response
