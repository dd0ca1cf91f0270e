from django.conf import settings
from django.core.paginator import Paginator
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page, Site

from .language import url_in_language

SEARCH_RESULTS_PER_PAGE = 10


@never_cache
def healthz(request):
    """200 when the database answers, 503 otherwise; the body never says why (no details to attackers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = Paginator(pages.search(query), SEARCH_RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(request, "home/search.html", {"query": query, "results": results})


@require_POST
def switch_language(request):
    """Remember the chosen language and go to the same page in it (its translation for Wagtail pages).

    A form post rather than a link so that the choice is stored in the language cookie, and, for people
    who are logged in, in their profile, where e-mails and certificates read it.
    """
    language = request.POST.get("language", "")
    if language not in dict(settings.LANGUAGES):
        return HttpResponse(status=400)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = f"/{language}/"
    page_id = request.POST.get("page", "")
    page = Page.objects.live().filter(pk=page_id).first() if page_id.isdigit() else None
    site = Site.find_for_request(request)
    response = HttpResponseRedirect(url_in_language(next_url, language, page=page, site=site))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    if request.user.is_authenticated and request.user.language != language:
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response
