"""A thread page and a space page make the same queries with 10 posts or threads as with 1,000: the posts
of a page come with their authors, quotes, the reader's helpful marks and, for moderators, open reports
and notes in a fixed number of reads, whichever page it is; a post's address finds its page in a fixed
number too; the threads come with their unread marks in one."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from community import services
from community.models import Helpful, ModerationNote, Post, ReadMark, Report, Thread
from learning.models import Enrolment
from tests.community.helpers import cohort_with_people
from tests.factories import CohortFactory, EnrolmentFactory, make_course
from tests.toolkits import factories as f

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    assert client.get(url).status_code == 200  # what the process keeps itself (content types, the route)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def _redirect_queries(client, post) -> int:
    client.get(post.get_absolute_url())
    with CaptureQueriesContext(connection) as captured:
        response = client.get(post.get_absolute_url())
    assert response.status_code == 302 and f"#post-{post.pk}" in response["Location"]
    return len(captured.captured_queries)


def _grow_thread(thread, authors, moderator, count: int) -> None:
    """`count` replies by several people, quoting earlier ones, some marked helpful, reported, hidden."""
    first = thread.posts.first()
    posts = Post.objects.bulk_create(
        Post(
            thread=thread,
            author=authors[n % len(authors)],
            body=f"Reply {n}: https://example.org/{n}",
            quote=first if n % 3 == 0 else None,
            organisation=getattr(thread, "organisation", None) if n % 2 else None,
            hidden_at=timezone.now() if n % 50 == 0 else None,
        )
        for n in range(count)
    )
    Helpful.objects.bulk_create(Helpful(post=p, user=authors[0]) for p in posts[1::4])
    Report.objects.bulk_create(Report(post=p, reporter=authors[1], reason="spam") for p in posts[2::25])
    ModerationNote.objects.bulk_create(
        ModerationNote(post=p, moderator=moderator, action="hide", note="Spam") for p in posts[::50]
    )
    Thread.objects.filter(pk=thread.pk).update(reply_count=count, last_post_at=timezone.now())


@pytest.mark.parametrize("reader", ["member", "moderator"])
def test_a_thread_page_makes_the_same_queries_with_10_or_1000_posts(client, reader):
    cohort, trainer, amal, louis, space = cohort_with_people()
    others = [EnrolmentFactory(cohort=cohort).user for _ in range(4)]
    authors = [amal, louis, *others]
    small = services.thread_create(space=space, author=amal, title="Small", body="Hello")
    big = services.thread_create(space=space, author=amal, title="Big", body="Hello")
    _grow_thread(small, authors, trainer, 10)
    _grow_thread(big, authors, trainer, 1000)
    client.force_login(trainer if reader == "moderator" else louis)

    few = _queries(client, small.get_absolute_url())
    many = _queries(client, big.get_absolute_url())
    assert many == few
    assert few <= 20
    # Every page of the long thread (21 of them): a middle one, the last, one past the end.
    for page in ("?page=2", "?page=11", "?page=last", "?page=999"):
        assert _queries(client, big.get_absolute_url() + page) == few, page
    # A post's address finds its page as cheaply deep in the long thread as in the short one.
    deep = big.posts.order_by("created_at", "pk")[777]
    assert _redirect_queries(client, deep) == _redirect_queries(client, small.posts.last())


def test_a_space_page_makes_the_same_queries_with_10_or_1000_threads(client):
    _cohort, _trainer, amal, louis, space = cohort_with_people()
    # Louis's second course: its cohort's space is his too.
    second = CohortFactory(course=make_course())
    EnrolmentFactory(cohort=second, user=louis, status=Enrolment.Status.ACTIVE)
    other = services.cohort_space(cohort=second)
    for target, count in ((space, 10), (other, 1000)):
        threads = Thread.objects.bulk_create(
            Thread(space=target, author=amal, title=f"Thread {n}", last_post_at=timezone.now(), pinned=n == 3)
            for n in range(count)
        )
        ReadMark.objects.bulk_create(
            ReadMark(thread=t, user=louis, read_at=timezone.now()) for t in threads[::2]
        )
    client.force_login(louis)
    few = _queries(client, space.get_absolute_url())
    many = _queries(client, other.get_absolute_url())
    assert many == few
    assert few <= 20


def test_an_exchange_thread_makes_the_same_queries_with_10_or_1000_answers(client):
    theme = f.ThemeFactory()
    cities = [f.OrganisationFactory() for _ in range(3)]
    people = [f.member(city) for city in cities]
    space = services.exchange_space(theme=theme)
    small = services.thread_create(space=space, author=people[0], title="Small", body="How?")
    big = services.thread_create(space=space, author=people[0], title="Big", body="How?")
    staff = people[2]
    _grow_thread(small, people, staff, 10)
    _grow_thread(big, people, staff, 1000)
    client.force_login(people[1])
    assert _queries(client, big.get_absolute_url()) == _queries(client, small.get_absolute_url())
