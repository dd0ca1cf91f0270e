from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from toolkits.cases import search_cases

SEARCH_RESULTS_PER_PAGE = 10


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
