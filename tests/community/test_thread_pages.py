"""A long thread is read page by page (?page=, plain links), and every way to a post — its permanent
address, a reply, a notification — lands on the page that holds it, at the post."""

import importlib
import re

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from community import services
from community.models import Post, Thread
from community.selectors import POSTS_PER_PAGE
from notifications.models import Kind, Notification
from tests.community.helpers import cohort_with_people

pytestmark = pytest.mark.django_db

POST_IDS = re.compile(r'<article class="post[^"]*" id="post-(\d+)"')


def _long_thread(space, author, other, *, replies: int, qa: bool = False) -> Thread:
    """The starter's post and `replies` more (Post.objects.bulk_create, one second apart, in order)."""
    thread = services.thread_create(space=space, author=author, title="Long one", body="First", qa=qa)
    start = timezone.now()
    Post.objects.bulk_create(
        Post(thread=thread, author=other, body=f"Reply {n}", created_at=start + timezone.timedelta(seconds=n))
        for n in range(replies)
    )
    Thread.objects.filter(pk=thread.pk).update(
        reply_count=replies, last_post_at=start + timezone.timedelta(seconds=replies)
    )
    thread.refresh_from_db()
    return thread


def _shown(client, url) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200
    return [int(pk) for pk in POST_IDS.findall(response.content.decode())]


def _posts(thread) -> list[int]:
    return list(thread.posts.order_by("created_at", "pk").values_list("pk", flat=True))


@pytest.fixture
def long_thread():
    """A cohort's thread of 2 full pages and 21 posts more (121 posts, 3 pages), read by Louis."""
    _cohort, trainer, amal, louis, space = cohort_with_people()
    thread = _long_thread(space, amal, trainer, replies=2 * POSTS_PER_PAGE + 20)
    return thread, amal, louis, trainer


def test_a_long_thread_is_shown_page_by_page_with_plain_links(client, long_thread):
    thread, _amal, louis, _trainer = long_thread
    client.force_login(louis)
    posts, url = _posts(thread), thread.get_absolute_url()

    assert _shown(client, url) == posts[:POSTS_PER_PAGE]
    assert _shown(client, f"{url}?page=2") == posts[POSTS_PER_PAGE : 2 * POSTS_PER_PAGE]
    assert _shown(client, f"{url}?page=3") == posts[2 * POSTS_PER_PAGE :]
    html = client.get(f"{url}?page=2").content.decode()
    assert f'href="{url}?page=1"' in html and f'href="{url}?page=3"' in html and "Page 2 of 3" in html
    # A quote from page 2 comes back to page 2, where the reply form is.
    assert f'href="{url}?page=2&amp;quote={posts[60]}#reply"' in html
    # Whatever is typed, a page: the first for what is not a number, the last past the end.
    assert _shown(client, f"{url}?page=abc") == posts[:POSTS_PER_PAGE]
    assert _shown(client, f"{url}?page=999") == posts[2 * POSTS_PER_PAGE :]


def test_a_short_thread_has_no_page_links(client):
    _cohort, _trainer, amal, louis, space = cohort_with_people()
    thread = _long_thread(space, amal, louis, replies=POSTS_PER_PAGE - 1)
    client.force_login(louis)

    html = client.get(thread.get_absolute_url()).content.decode()

    assert len(POST_IDS.findall(html)) == POSTS_PER_PAGE and "?page=" not in html


def test_a_posts_address_leads_to_the_page_that_holds_it(client, long_thread):
    thread, _amal, louis, _trainer = long_thread
    client.force_login(louis)
    posts, url = _posts(thread), thread.get_absolute_url()

    for index, expected in ((0, f"{url}#post-{posts[0]}"), (49, f"{url}#post-{posts[49]}")):
        assert client.get(reverse("community:post", args=[posts[index]]))["Location"] == expected
    assert client.get(f"/en/community/posts/{posts[50]}/")["Location"] == f"{url}?page=2#post-{posts[50]}"
    assert client.get(f"/en/community/posts/{posts[-1]}/")["Location"] == f"{url}?page=3#post-{posts[-1]}"
    assert posts[-1] in _shown(client, f"{url}?page=3")


def test_a_reply_lands_on_the_last_page_at_the_reply(client, long_thread):
    thread, _amal, louis, _trainer = long_thread
    client.force_login(louis)

    response = client.post(
        reverse("community:reply", args=[thread.pk]), {"body": "Late to this"}, follow=True
    )

    reply = Post.objects.get(body="Late to this")
    assert response.redirect_chain[-1][0] == f"{thread.get_absolute_url()}?page=3#post-{reply.pk}"
    assert str(reply.pk) in POST_IDS.findall(response.content.decode())


def test_a_reply_sent_back_with_an_error_shows_the_last_page_and_keeps_the_quote(client, long_thread):
    thread, _amal, louis, _trainer = long_thread
    first = _posts(thread)[0]
    client.force_login(louis)

    response = client.post(reverse("community:reply", args=[thread.pk]), {"body": "Bad\x00", "quote": first})

    html = response.content.decode()
    assert response.status_code == 400 and "Page 3 of 3" in html and "Quoting Amal" in html
    # The page links lead to the thread, not to the address the form was sent to.
    assert f'href="{thread.get_absolute_url()}?page=2"' in html


def test_a_notification_of_a_post_on_a_later_page_opens_there(
    client, long_thread, django_capture_on_commit_callbacks
):
    thread, amal, louis, _trainer = long_thread
    with django_capture_on_commit_callbacks(execute=True):
        reply = services.post_create(
            thread=thread, author=louis, body="Here is what we did", rate_limited=False
        )
    notification = Notification.objects.get(recipient=amal, kind=Kind.REPLY)
    client.force_login(amal)

    response = client.get(reverse("notifications:open", args=[notification.pk]), follow=True)

    assert [url for url, _status in response.redirect_chain] == [
        f"/en/community/posts/{reply.pk}/",
        f"{thread.get_absolute_url()}?page=3#post-{reply.pk}",
    ]
    assert str(reply.pk) in POST_IDS.findall(response.content.decode())


def test_in_a_question_and_answer_thread_the_pages_hold_only_what_the_reader_may_see(client):
    _cohort, trainer, amal, louis, space = cohort_with_people()
    thread = services.thread_create(space=space, author=trainer, title="Your city?", body="Tell us", qa=True)
    answers = [
        services.post_create(thread=thread, author=amal, body=f"Answer {n}", rate_limited=False)
        for n in range(POSTS_PER_PAGE + 5)
    ]
    words = services.post_create(thread=thread, author=trainer, body="Thank you all", rate_limited=False)
    client.force_login(louis)

    html = client.get(thread.get_absolute_url()).content.decode()

    assert POST_IDS.findall(html) == [str(thread.posts.first().pk), str(words.pk)] and "?page=" not in html
    assert "Post your own answer" in html
    # The trainer's words are on Louis's first page; an answer he may not read yet leads to the thread.
    assert client.get(words.get_absolute_url())["Location"] == f"{thread.get_absolute_url()}#post-{words.pk}"
    assert client.get(answers[-1].get_absolute_url())["Location"] == thread.get_absolute_url()


def test_reading_an_early_page_leaves_the_rest_unread(client, long_thread):
    thread, _amal, louis, _trainer = long_thread
    space_url = thread.space.get_absolute_url()
    client.force_login(louis)

    def unread() -> bool:
        return 'text-bg-primary">New<' in client.get(space_url).content.decode()

    assert unread()
    client.get(thread.get_absolute_url())
    assert unread()
    client.get(f"{thread.get_absolute_url()}?page=3")
    assert not unread()
    client.get(thread.get_absolute_url())  # going back to the start keeps what was read further on
    assert not unread()


def test_a_post_of_another_cohorts_thread_is_not_found(client, long_thread):
    thread, _amal, _louis, _trainer = long_thread
    _other_cohort, _t, stranger, _l, _s = cohort_with_people()
    client.force_login(stranger)

    assert client.get(reverse("community:post", args=[_posts(thread)[60]])).status_code == 404


def test_notifications_made_before_point_at_the_posts_address():
    migration = importlib.import_module("community.migrations.0003_notifications_lead_to_post_addresses")
    _cohort, _trainer, amal, _louis, _space = cohort_with_people()
    old = Notification.objects.create(
        recipient=amal, kind=Kind.REPLY, target_path="/community/threads/4/#post-9"
    )
    other = Notification.objects.create(recipient=amal, kind=Kind.REPLY, target_path="/community/threads/4/")

    migration.to_post_addresses(apps, None)

    old.refresh_from_db(), other.refresh_from_db()
    assert (old.target_path, other.target_path) == ("/community/posts/9/", "/community/threads/4/")
