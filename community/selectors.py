"""What the discussion pages list, each in a fixed number of queries whatever the number of posts."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Window
from django.db.models.functions import RowNumber
from wagtail.models import Locale

from learning.models import Cohort, LessonPage
from learning.workspace.permissions import is_staff_for_cohorts
from toolkits.models import Theme

from .access import SpaceAccess, may_read_exchange, moderated_spaces
from .models import Helpful, ModerationNote, Post, ReadMark, Report, Space, Thread

# How many of a theme's latest questions a toolkit page shows a city team.
EXCHANGE_LATEST = 3
# Posts on one page of a thread: a long discussion stays quick to load and to read on a phone.
POSTS_PER_PAGE = 50


def _search(threads, q: str):
    visible = Post.objects.filter(hidden_at__isnull=True)
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchVector

        query = SearchQuery(q, config="simple", search_type="websearch")
        matching = visible.annotate(doc=SearchVector("body", config="simple")).filter(doc=query)
        by_title = threads.annotate(doc=SearchVector("title", config="simple")).filter(doc=query)
        return threads.filter(Q(pk__in=matching.values("thread_id")) | Q(pk__in=by_title.values("pk")))
    matching = visible.filter(body__icontains=q)
    return threads.filter(Q(title__icontains=q) | Q(pk__in=matching.values("thread_id")))


def space_threads(*, space, user, q: str = ""):
    """The space's threads, pinned first then the latest active, each marked unread or not for `user`
    (one query: the person's read mark is a subquery)."""
    read_at = ReadMark.objects.filter(thread=OuterRef("pk"), user=user).values("read_at")[:1]
    threads = (
        Thread.objects.filter(space=space)
        .select_related("author", "organisation")
        .annotate(read_at=Subquery(read_at))
    )
    if q:
        threads = _search(threads, q)
    threads = list(threads.order_by("-pinned", "-last_post_at", "-pk"))
    for thread in threads:
        thread.unread = thread.read_at is None or thread.last_post_at > thread.read_at
    return threads


def _readable_posts(*, thread: Thread, user, access: SpaceAccess):
    """The posts of `thread` that `user` may see, unordered, and whether the Q&A rule holds others back.

    Moodle's Q&A rule: until a trainee has posted a reply of their own, they see the prompt (the first
    post) and the trainers' words, nobody else's answers. Hidden posts stay in place (replies may answer
    them); their text is shown to moderators only."""
    posts = Post.objects.filter(thread=thread)
    if not thread.qa or access.moderate:
        return posts, None, False
    first = posts.order_by("created_at", "pk").values_list("pk", flat=True).first()
    if posts.filter(author=user).exclude(pk=first).exists():
        return posts, None, False
    shown = Q(pk=first) | Q(by_trainer=True)
    return posts.filter(shown), first, posts.exclude(shown).exists()


def thread_posts(*, thread: Thread, user, access: SpaceAccess, page_number=None):
    """One page of the posts `user` may see in `thread`, oldest first, and whether the Q&A rule holds
    back the others' replies. The same queries whatever the thread's length: a count and the page.

    `page_number` is as typed in ?page= ("last" for the last page); anything else gives the first or the
    last page, as the other lists do."""
    readable, first, held_back = _readable_posts(thread=thread, user=user, access=access)
    posts = readable.select_related("author", "quote__author", "organisation").annotate(
        mine_helpful=Exists(Helpful.objects.filter(post=OuterRef("pk"), user=user))
    )
    if access.moderate:
        posts = posts.annotate(
            open_reports=Count("reports", filter=Q(reports__resolved_at__isnull=True), distinct=True)
        ).prefetch_related(
            Prefetch("moderation_notes", queryset=ModerationNote.objects.select_related("moderator"))
        )
    paginator = Paginator(posts.order_by("created_at", "pk"), POSTS_PER_PAGE)
    page = paginator.get_page(paginator.num_pages if page_number == "last" else page_number)
    if held_back:
        for post in page:
            if post.quote_id and not (post.quote_id == first or post.quote.by_trainer):
                post.quote = None  # a trainer's quote must not show an answer the reader may not see yet
    return page, held_back


def readable_post(*, thread: Thread, user, access: SpaceAccess, pk) -> Post | None:
    """The post `pk` of `thread` if `user` may see it (the one a reply quotes), else None."""
    readable, _first, _held_back = _readable_posts(thread=thread, user=user, access=access)
    return readable.select_related("author").filter(pk=pk).first() if str(pk).isdigit() else None


def post_page_number(*, post: Post, user, access: SpaceAccess) -> int | None:
    """The page of its thread on which `user` finds `post`; None when the Q&A rule hides it from them.

    Posts are only ever added at the end (hiding and erasure leave a post in place), so a post stays on
    the page it was first on."""
    readable, _first, _held_back = _readable_posts(thread=post.thread, user=user, access=access)
    if not readable.filter(pk=post.pk).exists():
        return None
    before = readable.filter(
        Q(created_at__lt=post.created_at) | Q(created_at=post.created_at, pk__lt=post.pk)
    ).count()
    return before // POSTS_PER_PAGE + 1


def space_lesson_title(space) -> str:
    """The lesson's title in the reader's language when it is translated, else in its own."""
    if space.lesson_key is None:
        return ""
    lessons = LessonPage.objects.filter(translation_key=space.lesson_key)
    lesson = lessons.filter(locale=Locale.get_active()).first() or lessons.first()
    return lesson.title if lesson else ""


def _in_reader_language(themes) -> dict:
    """Translation key → the theme in the reader's language, else in the site's default, else its own."""
    active = Locale.get_active().language_code
    preference = {active: 0, settings.LANGUAGE_CODE: 1}
    chosen = {}
    for theme in themes.select_related("locale").order_by("pk"):
        rank = preference.get(theme.locale.language_code, 2)
        if theme.translation_key not in chosen or rank < chosen[theme.translation_key][0]:
            chosen[theme.translation_key] = (rank, theme)
    return {key: theme for key, (_rank, theme) in chosen.items()}


def space_theme_name(space) -> str:
    if space.theme_key is None:
        return ""
    theme = _in_reader_language(Theme.objects.filter(translation_key=space.theme_key)).get(space.theme_key)
    return theme.name if theme else ""


def exchange_themes() -> list[dict]:
    """Every theme of the cities' exchange in the reader's language, with how many questions its space
    holds: two queries whatever the number of themes."""
    themes = _in_reader_language(Theme.objects.all())
    counts = dict(
        Space.objects.filter(kind=Space.Kind.CITIES)
        .annotate(n=Count("threads"))
        .values_list("theme_key", "n")
    )
    found = [{"theme": t, "threads": counts.get(key, 0)} for key, t in themes.items()]
    return sorted(found, key=lambda item: item["theme"].name.casefold())


def exchange_latest(*, user, theme_keys) -> dict | None:
    """The latest questions of the exchange on each theme key (EXCHANGE_LATEST each, in one query), for
    someone who may read the exchange; None for anyone else (an anonymous reader costs no query)."""
    if not may_read_exchange(user):
        return None
    if not theme_keys:
        return {}
    ranked = (
        Thread.objects.filter(space__kind=Space.Kind.CITIES, space__theme_key__in=theme_keys)
        .annotate(
            theme_key=F("space__theme_key"),
            rank=Window(
                RowNumber(), partition_by=F("space_id"), order_by=[F("last_post_at").desc(), F("pk").desc()]
            ),
        )
        .filter(rank__lte=EXCHANGE_LATEST)
        .select_related("organisation")
        .order_by("-last_post_at", "-pk")
    )
    latest = {}
    for thread in ranked:
        latest.setdefault(thread.theme_key, []).append(thread)
    return latest


def lesson_space_cohorts(*, user, course):
    """The cohorts of `course` whose lesson questions `user` may open as a trainer (staff: all of them)."""
    cohorts = Cohort.objects.filter(course__translation_key=course.translation_key)
    return list(cohorts if is_staff_for_cohorts(user) else cohorts.filter(trainers=user))


def open_reports(*, user):
    """Reports waiting for `user` as a moderator, the oldest first, with their post and thread."""
    return list(
        Report.objects.filter(resolved_at__isnull=True, post__thread__space__in=moderated_spaces(user))
        .select_related("post__author", "post__thread__space__cohort", "reporter")
        .order_by("created_at", "pk")
    )


def open_report_count(*, user) -> int:
    return Report.objects.filter(
        resolved_at__isnull=True, post__thread__space__in=moderated_spaces(user)
    ).count()
