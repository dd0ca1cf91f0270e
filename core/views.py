"""The site's own answers that belong to no content: robots.txt, the health check, the language switch."""

import secrets
import sys

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import defaults
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


# What a client is told to wait before asking again when the database does not answer: long enough for
# a restart or a failover, short enough that a reader's retry finds the site back.
DATABASE_RETRY_AFTER = 30


def _database_outage(exception: BaseException | None) -> bool:
    """An unreachable or vanished database: the driver's OperationalError or InterfaceError, raised
    directly or behind another exception. Other database errors (integrity, programming) are bugs."""
    seen = set()
    while exception is not None and id(exception) not in seen:
        if isinstance(exception, (OperationalError, InterfaceError)):
            return True
        seen.add(id(exception))
        exception = exception.__cause__ or exception.__context__
    return False


def server_error(request, template_name="500.html"):
    """handler500: a database outage answers a 503 saying so, in the reader's language; anything else
    Django's own 500 page (site/templates/500.html).

    Django calls this while it handles the exception, wherever it was raised (a middleware reading the
    session or the user, a view, a template), so `sys.exc_info()` names it. Like Django's 500 view, the
    page is rendered without the request: no context processor (the footer, the user, settings) may
    query the database that just failed.
    """
    if not _database_outage(sys.exc_info()[1]):
        return defaults.server_error(request, template_name)
    # The URL's prefix, else the language cookie or the browser's: nothing that needs the database.
    with translation.override(translation.get_language_from_request(request, check_path=True)):
        body = loader.get_template("503.html").render()
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(DATABASE_RETRY_AFTER)
    add_never_cache_headers(response)
    return response


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
