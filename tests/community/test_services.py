import pytest
from django.test import override_settings

from community import services
from community.access import space_access
from community.exceptions import NotAllowed, PostingBlocked, RateLimited
from community.models import ModerationNote, Post, Report
from community.selectors import space_threads, thread_posts
from tests.community.helpers import cohort_with_people
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_reply_counts_marks_the_trainers_answer_and_the_thread_read():
    _cohort, trainer, amal, louis, space = cohort_with_people()
    thread = services.thread_create(space=space, author=amal, title="Week 1", body="How do we start?")
    services.post_create(thread=thread, author=louis, body="Me too")
    answer = services.post_create(thread=thread, author=trainer, body="Start with the map.")
    thread.refresh_from_db()
    assert thread.reply_count == 2
    assert answer.by_trainer and not thread.posts.get(author=louis).by_trainer
    threads = space_threads(space=space, user=amal)
    assert threads[0].unread  # the others wrote after Amal
    services.thread_mark_read(thread=thread, user=amal)
    assert not space_threads(space=space, user=amal)[0].unread


def test_helpful_only_once_per_person_and_never_ones_own():
    _cohort, _trainer, amal, louis, space = cohort_with_people()
    post = services.thread_create(space=space, author=amal, title="T", body="B").posts.get()
    assert services.helpful_mark(post=post, user=louis) is True
    assert services.helpful_mark(post=post, user=louis) is False
    assert services.helpful_mark(post=post, user=amal) is False
    post.refresh_from_db()
    assert post.helpful_count == 1


@override_settings(COMMUNITY_POST_RATE="3/5m/user")
def test_rate_limit_per_person_but_not_for_moderators():
    _cohort, trainer, amal, louis, space = cohort_with_people()
    thread = services.thread_create(space=space, author=amal, title="T", body="B")
    services.post_create(thread=thread, author=amal, body="2")
    services.post_create(thread=thread, author=amal, body="3")
    with pytest.raises(RateLimited):
        services.post_create(thread=thread, author=amal, body="4")
    services.post_create(thread=thread, author=louis, body="Louis still may")  # counted per person
    for i in range(5):
        services.post_create(thread=thread, author=trainer, body=f"answer {i}")
    assert Post.objects.filter(author=amal).count() == 3


def test_a_blocked_person_reads_but_cannot_post_and_a_member_cannot_block():
    _cohort, trainer, amal, louis, space = cohort_with_people()
    thread = services.thread_create(space=space, author=amal, title="T", body="B")
    with pytest.raises(NotAllowed):
        services.person_block(space=space, user=amal, moderator=louis)
    services.person_block(space=space, user=louis, moderator=trainer)
    assert space_access(user=louis, space=space).read
    with pytest.raises(PostingBlocked):
        services.post_create(thread=thread, author=louis, body="Let me in")
    with pytest.raises(NotAllowed):
        services.person_block(space=space, user=trainer, moderator=trainer)
    with pytest.raises(NotAllowed):
        services.person_block(space=space, user=UserFactory(), moderator=trainer)  # not one of the space
    services.person_unblock(space=space, user=louis, moderator=trainer)
    services.post_create(thread=thread, author=louis, body="Back")


def test_hide_and_restore_keep_a_note_and_close_the_reports():
    _cohort, trainer, amal, louis, space = cohort_with_people()
    post = services.thread_create(space=space, author=amal, title="T", body="Rude words").posts.get()
    services.post_report(post=post, reporter=louis, reason=Report.Reason.DISRESPECT)
    services.post_report(post=post, reporter=louis, reason=Report.Reason.DISRESPECT)  # once per person
    assert Report.objects.filter(resolved_at=None).count() == 1
    with pytest.raises(NotAllowed):
        services.post_hide(post=post, moderator=louis, note="I dislike it")
    services.post_hide(post=post, moderator=trainer, note="Insulting")
    post.refresh_from_db()
    assert post.hidden_at is not None
    assert not Report.objects.filter(resolved_at=None).exists()
    services.post_restore(post=post, moderator=trainer, note="Reworded by the author")
    post.refresh_from_db()
    assert post.hidden_at is None
    assert list(ModerationNote.objects.values_list("action", "note")) == [
        ("hide", "Insulting"),
        ("restore", "Reworded by the author"),
    ]


def test_question_and_answer_shows_the_others_replies_only_after_ones_own():
    _cohort, trainer, amal, louis, space = cohort_with_people()
    thread = services.thread_create(space=space, author=trainer, title="Prompt", body="Your city?", qa=True)
    services.post_create(thread=thread, author=amal, body="Ghent")
    louis_access = space_access(user=louis, space=space)
    posts, held_back = thread_posts(thread=thread, user=louis, access=louis_access)
    assert [p.body for p in posts] == ["Your city?"] and held_back
    services.post_create(thread=thread, author=louis, body="Liège")
    posts, held_back = thread_posts(thread=thread, user=louis, access=louis_access)
    assert [p.body for p in posts] == ["Your city?", "Ghent", "Liège"] and not held_back


def test_only_moderators_open_a_question_and_answer_thread():
    _cohort, _trainer, amal, _louis, space = cohort_with_people()
    thread = services.thread_create(space=space, author=amal, title="T", body="B", qa=True)
    assert thread.qa is False
