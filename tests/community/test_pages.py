"""What people see and may do in a cohort's discussion, through the pages."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from accounts.roles import TRAINERS
from community import services
from community.models import Post, Report, Thread
from learning.models import Enrolment
from tests.community.helpers import cohort_with_people
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def discussion():
    cohort, trainer, amal, louis, space = cohort_with_people()
    thread = services.thread_create(space=space, author=amal, title="Our first week", body="Hello all")
    return cohort, trainer, amal, louis, space, thread


def _outsiders(cohort):
    """A member of another cohort of the same course, a trainer of another cohort, a pending request."""
    other = CohortFactory(course=cohort.course)
    member_elsewhere = EnrolmentFactory(cohort=other, status=Enrolment.Status.ACTIVE).user
    trainer_elsewhere = UserFactory()
    trainer_elsewhere.groups.add(Group.objects.get(name=TRAINERS))
    other.trainers.add(trainer_elsewhere)
    pending = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.PENDING).user
    return [member_elsewhere, trainer_elsewhere, pending]


def test_only_members_and_trainers_read_the_cohort_space(client, discussion):
    cohort, trainer, amal, _louis, space, thread = discussion
    pages = [
        space.get_absolute_url(),
        thread.get_absolute_url(),
        reverse("community:cohort_space", args=[cohort.pk]),
    ]
    for outsider in _outsiders(cohort):
        client.force_login(outsider)
        assert [client.get(url).status_code for url in pages] == [404, 404, 404]
        response = client.post(reverse("community:reply", args=[thread.pk]), {"body": "Sneaking in"})
        assert response.status_code == 404
    client.logout()
    assert "/login/" in client.get(space.get_absolute_url())["Location"]
    staff = UserFactory(is_staff=True, is_superuser=True)
    for person in (amal, trainer, staff):
        client.force_login(person)
        assert [client.get(url).status_code for url in pages[:2]] == [200, 200]
    assert not Post.objects.filter(body="Sneaking in").exists()


def test_a_blocked_person_reads_but_is_refused_posting(client, discussion):
    _cohort, trainer, _amal, louis, space, thread = discussion
    services.person_block(space=space, user=louis, moderator=trainer)
    client.force_login(louis)
    page = client.get(thread.get_absolute_url())
    assert page.status_code == 200
    assert "stopped you from posting" in page.content.decode()
    response = client.post(reverse("community:reply", args=[thread.pk]), {"body": "Still here"})
    assert response.status_code == 400
    assert "Still here" in response.content.decode()  # what was typed is kept
    assert not Post.objects.filter(body="Still here").exists()
    response = client.post(reverse("community:block", args=[space.pk]), {"user": trainer.pk})
    assert response.status_code == 404  # a member is no moderator


def test_a_reply_shows_only_the_display_name_and_safe_text(client, discussion):
    _cohort, _trainer, amal, louis, _space, thread = discussion
    louis.city, louis.organisation = "Secret-City", "Secret-Org"
    louis.save()
    client.force_login(louis)
    text = 'مرحبا <script>alert(1)</script>\n\nSee https://example.org/a?b=1. <img src="https://evil.test/x.png">'
    response = client.post(reverse("community:reply", args=[thread.pk]), {"body": text}, follow=True)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html and '<img src="https://evil.test' not in html
    assert '<a href="https://example.org/a?b=1" rel="nofollow ugc noopener"' in html
    assert "(example.org)" in html
    assert html.count('class="post-body" dir="auto"') == 2
    assert louis.email not in html and "Secret-City" not in html and "Secret-Org" not in html
    assert amal.email not in html


def test_control_characters_are_refused_and_the_text_kept(client, discussion):
    _cohort, _trainer, _amal, louis, _space, thread = discussion
    client.force_login(louis)
    response = client.post(reverse("community:reply", args=[thread.pk]), {"body": "Ali\u202e evil"})
    assert response.status_code == 400
    assert "control characters" in response.content.decode()


def test_quote_is_rendered_from_the_quoted_post_and_hidden_with_it(client, discussion):
    _cohort, trainer, _amal, louis, _space, thread = discussion
    first = thread.posts.get()
    client.force_login(louis)
    client.post(reverse("community:reply", args=[thread.pk]), {"body": "Agreed", "quote": first.pk})
    reply = Post.objects.get(body="Agreed")
    assert reply.quote == first
    assert "Amal wrote:" in client.get(thread.get_absolute_url()).content.decode()
    services.post_hide(post=first, moderator=trainer, note="Test")
    html = client.get(thread.get_absolute_url()).content.decode()
    assert "Hello all" not in html
    assert "A moderator has hidden this post." in html


def test_report_then_the_trainer_hides_it_from_the_reports_list(client, discussion):
    _cohort, trainer, amal, louis, _space, thread = discussion
    post = thread.posts.get()
    client.force_login(louis)
    response = client.post(reverse("community:report", args=[post.pk]), {"reason": "nonsense"})
    assert response.status_code == 400
    client.post(reverse("community:report", args=[post.pk]), {"reason": "spam", "details": "An advert"})
    assert (
        client.get(reverse("community:reports")).content.decode().count("An advert") == 0
    )  # not a moderator
    client.force_login(trainer)
    assert "An advert" in client.get(reverse("community:reports")).content.decode()
    response = client.post(reverse("community:moderate", args=[post.pk]), {"note": ""})
    assert response.status_code == 400
    client.post(reverse("community:moderate", args=[post.pk]), {"note": "Advertising"})
    post.refresh_from_db()
    assert post.hidden_at is not None
    assert not Report.objects.filter(resolved_at=None).exists()
    client.force_login(amal)
    assert "Hello all" not in client.get(thread.get_absolute_url()).content.decode()


def test_search_finds_threads_by_their_posts(client, discussion):
    _cohort, _trainer, amal, louis, space, thread = discussion
    other = services.thread_create(space=space, author=louis, title="Housing", body="Rent in Liège")
    client.force_login(amal)
    html = client.get(space.get_absolute_url(), {"q": "liège"}).content.decode()
    assert other.get_absolute_url() in html and thread.get_absolute_url() not in html
    assert client.get(space.get_absolute_url(), {"q": "a\x00b"}).status_code == 400


def test_query_count_does_not_grow_with_the_posts(client, discussion, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _cohort, trainer, amal, louis, _space, thread = discussion
    client.force_login(trainer)

    def grow_to(total):
        authors = [amal, louis, trainer]
        have = thread.posts.count()
        for i in range(have, total):
            post = Post.objects.create(
                thread=thread, author=authors[i % 3], body=f"Post {i}", quote=thread.posts.first()
            )
            services.helpful_mark(post=post, user=authors[(i + 1) % 3])
            services.post_report(post=post, reporter=authors[(i + 2) % 3], reason="other")
        # As post_create keeps it: the thread's last post is the latest (what the read mark compares).
        Thread.objects.filter(pk=thread.pk).update(last_post_at=thread.posts.last().created_at)

    client.get(thread.get_absolute_url())  # the first request fills the content-type and session caches
    counts = []
    for total in (10, 200):
        grow_to(total)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(thread.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], "\n".join(q["sql"][:150] for q in queries.captured_queries)


def test_lesson_questions_are_per_cohort_unless_the_course_shares_them(client):
    from community.models import Space
    from tests.factories import lessons_of

    cohort, trainer, amal, _louis, _space = cohort_with_people()
    other = CohortFactory(course=cohort.course)
    elsewhere = EnrolmentFactory(cohort=other, status=Enrolment.Status.ACTIVE).user
    lesson = lessons_of(cohort.course)[0]
    url = reverse("community:lesson_space", args=[lesson.pk])
    client.force_login(amal)
    mine = client.get(url)["Location"]
    client.force_login(elsewhere)
    theirs = client.get(url)["Location"]
    assert mine != theirs
    assert client.get(mine).status_code == 404  # another cohort's questions
    assert Space.objects.get(cohort=cohort, kind="lesson").lesson_key == lesson.translation_key
    client.force_login(trainer)
    assert client.get(url)["Location"] == mine  # the trainer of one cohort of the course
    cohort.course.lesson_questions_shared = True
    cohort.course.save()
    client.force_login(amal)
    shared = client.get(url)["Location"]
    client.force_login(elsewhere)
    assert client.get(url)["Location"] == shared
    assert client.get(shared).status_code == 200
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_staff_find_reported_posts_from_the_admin_menu(client):
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    html = client.get("/admin/").content.decode()
    assert reverse("community:reports") in html


def test_the_thread_list_reads_in_constant_queries(client, discussion):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _cohort, trainer, amal, _louis, space, _thread = discussion
    client.force_login(amal)
    client.get(space.get_absolute_url())
    counts = []
    for total in (5, 40):
        while space.threads.count() < total:
            thread = services.thread_create(space=space, author=trainer, title="T", body="B")
            services.thread_mark_read(thread=thread, user=amal)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(space.get_absolute_url()).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_my_learning_the_lesson_and_the_workspace_link_to_the_spaces(client, discussion):
    from tests.factories import lessons_of

    cohort, trainer, amal, _louis, _space, _thread = discussion
    lesson = lessons_of(cohort.course)[0]
    client.force_login(amal)
    assert (
        reverse("community:cohort_space", args=[cohort.pk])
        in client.get(reverse("learning:dashboard")).content.decode()
    )
    assert reverse("community:lesson_space", args=[lesson.pk]) in client.get(lesson.url).content.decode()
    client.force_login(trainer)
    workspace = client.get(reverse("learning:workspace:cohort", args=[cohort.pk])).content.decode()
    assert reverse("community:cohort_space", args=[cohort.pk]) in workspace
