"""The site's own answers that belong to no content: robots.txt, the health check, the language switch."""

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache

from .language import language_switched, remember_language


def robots_txt(request):
    """Crawlers may read the public pages, not the account or admin screens."""
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /documents/"]
    lines += [f"Disallow: /{code}/accounts/" for code, _name in settings.LANGUAGES]
    lines += [f"Disallow: /{code}/search/" for code, _name in settings.LANGUAGES]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def _database_answers() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return False
    return True


def _cache_answers() -> bool:
    """A value written and read back: the backend hides an unreachable server (core.cache_backend)."""
    key, value = "healthz", secrets.token_hex(8)
    cache.set(key, value, 10)
    return cache.get(key) == value


@never_cache
def healthz(request):
    """Each dependency's state, one per line; 503 only when one the pages cannot do without is down.

    The database is such a dependency. The cache is not: without it every page is built from the
    database (slower), sessions are read from the database and rate limits let requests through, so a
    load balancer must keep sending traffic; the line tells monitoring the cache is down. The body names
    nothing internal (no host, no error).
    """
    database, cache_ok = _database_answers(), _cache_answers()
    lines = [
        f"database: {'ok' if database else 'unavailable'}",
        f"cache: {'ok' if cache_ok else 'unavailable'}",
    ]
    status = 200 if database else 503
    return HttpResponse(
        "\n".join([("ok" if status == 200 else "unavailable"), *lines]) + "\n",
        status=status,
        content_type="text/plain",
    )


def switch_language(request, language: str):
    """Remember the chosen language in its cookie, then go to `next`, which is already in that language.

    The switcher's links point here, so that a later visit to "/" opens in the chosen language. A plain
    link (GET) keeps every page free of per-visitor tokens, and so cacheable.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = f"/{language}/"
    language_switched.send(sender=switch_language, request=request, language=language)
    response = HttpResponseRedirect(next_url)
    remember_language(response, language)
    return response
