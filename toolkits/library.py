"""The toolkit library's reads: its filters' choices and one page of toolkits, each in a fixed number of
queries however many toolkits there are; the themes in the reader's language, once per request."""

from django.core.paginator import Paginator
from django.db.models import (
    Count,
    OuterRef,
    Prefetch,
    Subquery,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import Coalesce

from core.localize import active_locale
from core.site_cache import cached_per_site
from core.view_restrictions import view_restrictions_exist

from .models import (
    DownloadEvent,
    Theme,
    ToolkitDocument,
    ToolkitPage,
)

TOOLKITS_PER_PAGE = 12
# The cached library listing shows download counts at most this old (seconds): retiring it on every
# download would leave a busy library with no cache at all.
DOWNLOAD_COUNTS_MAX_AGE = 5 * 60


# --- Library ------------------------------------------------------------------------------------------
def _memo(request, name: str, compute):
    """Once per request: the library's filters and its list need the same few lookups."""
    if request is None:
        return compute()
    memo = request.__dict__.setdefault("_toolkits_memo", {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def _live_toolkits(request=None):
    def compute():
        locale = active_locale(request)
        # public() reads the view restrictions when it is called: once per request is enough, and not
        # at all while no page is private (known from the request's cached entries).
        toolkits = ToolkitPage.objects.live()
        if request is None or view_restrictions_exist(request):
            toolkits = toolkits.public()
        return toolkits.filter(locale=locale) if locale is not None else toolkits

    return _memo(request, "live", compute)


def all_themes(request=None) -> list[Theme]:
    """Every theme, in every language: the filters and the listings all name themes from this list."""
    themes = Theme.objects.select_related("locale").order_by("locale__language_code")
    return _memo(request, "all-themes", lambda: list(themes))


def localized_themes(request=None) -> dict:
    """Theme translation_key → the theme in the visitor's language (English as fallback)."""

    def compute():
        locale = active_locale(request)
        themes = {}
        for theme in all_themes(request):
            if theme.locale_id == getattr(locale, "pk", None) or theme.translation_key not in themes:
                themes[theme.translation_key] = theme
        return themes

    return _memo(request, "themes", compute)


def library_choices(*, request=None) -> dict:
    """The values the library's filters offer: only those some live toolkit of this language has."""

    def compute():
        # The places and the themes' slugs of the live toolkits, in one read; a theme is offered in every
        # language where one of its translations has a used slug.
        rows = set(_live_toolkits(request).values_list("city", "country", "themes__slug").distinct())
        used_slugs = {slug for _city, _country, slug in rows if slug is not None}
        used_keys = {theme.translation_key for theme in all_themes(request) if theme.slug in used_slugs}
        themes = sorted(
            ((t.slug, t.name) for key, t in localized_themes(request).items() if key in used_keys),
            key=lambda item: item[1].casefold(),
        )
        places = {(city, country) for city, country, _slug in rows}
        return {
            "themes": themes,
            "cities": sorted({city for city, _country in places}, key=str.casefold),
            "countries": sorted({country for _city, country in places}),
        }

    if request is None:
        return compute()
    # The same for every visitor until something is published (the content version moves).
    return cached_per_site(request, "toolkit-library-choices", compute)


def library_page(*, index_page, filters: dict, page_number, request=None):
    """One page of the library, filtered and searched; each toolkit carries its themes, document
    languages and download count, in a fixed number of queries.

    Filtering and paging work on ids only (subqueries rather than joins, so no DISTINCT over whole
    rows); the heavy columns are read for the twelve toolkits shown, without their StreamField body.
    """
    toolkits = _live_toolkits(request).descendant_of(index_page)
    if filters.get("theme"):
        tagged = ToolkitPage.themes.through.objects.filter(theme__slug=filters["theme"])
        toolkits = toolkits.filter(pk__in=tagged.values("toolkitpage_id"))
    for field in ("city", "country", "audience", "format"):
        if filters.get(field):
            toolkits = toolkits.filter(**{field: filters[field]})
    if filters.get("language"):
        documents = ToolkitDocument.objects.filter(language=filters["language"])
        toolkits = toolkits.filter(pk__in=documents.values("page_id"))
    if filters.get("q"):
        # Search first (Wagtail's index covers the body and document titles), then keep the ORM filters.
        results = _live_toolkits(request).defer_streamfields().search(filters["q"], operator="and")
        toolkits = toolkits.filter(pk__in=[page.pk for page in results])
    # Per source (translation key): a download through the German alias counts for the toolkit. Read
    # with the rows, as a subquery, rather than in a query of its own.
    downloads = (
        DownloadEvent.objects.filter(toolkit__translation_key=OuterRef("translation_key"))
        .values("toolkit__translation_key")
        .annotate(n=Count("pk"))
        .values("n")
    )
    rows = _CountedRows(
        toolkits.defer_streamfields()
        .annotate(download_count=Coalesce(Subquery(downloads), 0))
        .order_by("title", "pk")
    )
    rows.read_page(page_number, TOOLKITS_PER_PAGE)
    paginator = Paginator(rows, TOOLKITS_PER_PAGE)
    page = paginator.get_page(page_number)
    items = list(page.object_list)
    prefetch_related_objects(
        items,
        "themes",
        Prefetch("document_links", queryset=ToolkitDocument.objects.only("pk", "page_id", "language")),
    )
    themes = localized_themes(request) if items else {}
    for toolkit in items:
        toolkit.theme_names = [themes.get(t.translation_key, t).name for t in toolkit.themes.all()]
        toolkit.document_languages = sorted({d.language for d in toolkit.document_links.all()})
    page.object_list = items
    page.total = paginator.count
    return page


class _CountedRows:
    """What the library's Paginator pages through: the rows of the page asked for and the number of all
    rows, in one query (a window function counts every row the filters keep before the page is cut),
    instead of a count, the page's ids, then its rows. A page past the end costs a count more, as the
    Paginator then shows the last page."""

    def __init__(self, queryset):
        self.queryset, self.total, self.pages = queryset, None, {}

    def read_page(self, number, per_page: int) -> None:
        try:
            number = int(number)
        except (TypeError, ValueError):
            number = 1  # as Paginator.get_page: the first page
        if number < 1:
            return
        start = (number - 1) * per_page
        rows = self.pages[start] = list(
            self.queryset.annotate(rows_in_all=Window(Count("pk")))[start : start + per_page]
        )
        if rows:
            self.total = rows[0].rows_in_all
        elif start == 0:
            self.total = 0

    def count(self) -> int:
        if self.total is None:
            self.total = self.queryset.count()
        return self.total

    def __getitem__(self, cut: slice):
        if cut.start in self.pages:
            return self.pages[cut.start][: cut.stop - cut.start]
        return list(self.queryset[cut])
