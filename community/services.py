"""Every write of the discussions: the site, the admin and the demo loader all come through here."""

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from learning.models import Cohort
from notifications.models import Kind
from notifications.services import notification_send, notifications_withdraw
from toolkits.models import Theme

from .access import SpaceAccess, space_access, space_member_ids
from .exceptions import NotAllowed, PostingBlocked, RateLimited
from .limits import consume_post_allowance
from .mentions import mentioned_member_ids
from .models import Block, Helpful, ModerationNote, Post, ReadMark, Report, Space, Thread


def cohort_space(*, cohort: Cohort) -> Space:
    space, _created = Space.objects.get_or_create(
        kind=Space.Kind.COHORT, cohort=cohort, defaults={"course_key": cohort.course.translation_key}
    )
    return space


def lesson_space(*, course, lesson, cohort: Cohort | None) -> Space:
    """The questions space of `lesson`: the course's shared one, or `cohort`'s (the course decides)."""
    if course.lesson_questions_shared:
        cohort = None
    elif cohort is None:
        raise ValueError("a course with questions per cohort needs the cohort")
    space, _created = Space.objects.get_or_create(
        kind=Space.Kind.LESSON,
        lesson_key=lesson.translation_key,
        cohort=cohort,
        defaults={"course_key": course.translation_key},
    )
    return space


def exchange_space(*, theme: Theme) -> Space:
    """The cities' exchange on `theme`, the same space whichever language the theme is read in."""
    space, _created = Space.objects.get_or_create(kind=Space.Kind.CITIES, theme_key=theme.translation_key)
    return space


def _may_post(user, space: Space, access: SpaceAccess | None, rate_limited: bool) -> SpaceAccess:
    access = access or space_access(user=user, space=space)
    if not access.read:
        raise NotAllowed
    if access.blocked:
        raise PostingBlocked
    if rate_limited and not access.moderate and not consume_post_allowance(user):
        raise RateLimited  # moderators are not limited: they may have to answer many at once
    return access


@transaction.atomic
def thread_create(
    *,
    space: Space,
    author,
    title: str,
    body: str,
    qa: bool = False,
    access: SpaceAccess | None = None,
    rate_limited: bool = True,
) -> Thread:
    """`rate_limited=False` only for the demo loader, which writes a whole conversation at once."""
    access = _may_post(author, space, access, rate_limited)
    now = timezone.now()
    thread = Thread.objects.create(
        space=space,
        author=author,
        title=title,
        qa=qa and access.moderate,
        last_post_at=now,
        organisation=access.organisation,
    )
    post = Post.objects.create(
        thread=thread, author=author, body=body, by_trainer=access.moderate, organisation=access.organisation
    )
    ReadMark.objects.update_or_create(thread=thread, user=author, defaults={"read_at": now})
    _notify(post, thread)
    return thread


@transaction.atomic
def post_create(
    *,
    thread: Thread,
    author,
    body: str,
    quote: Post | None = None,
    access: SpaceAccess | None = None,
    rate_limited: bool = True,
) -> Post:
    access = _may_post(author, thread.space, access, rate_limited)
    if quote is not None and quote.thread_id != thread.pk:
        quote = None  # a quote points inside its own thread, never at a post the reader may not see
    post = Post.objects.create(
        thread=thread,
        author=author,
        body=body,
        quote=quote,
        by_trainer=access.moderate,
        organisation=access.organisation,
    )
    Thread.objects.filter(pk=thread.pk).update(last_post_at=post.created_at, reply_count=F("reply_count") + 1)
    ReadMark.objects.update_or_create(thread=thread, user=author, defaults={"read_at": post.created_at})
    _notify(post, thread)
    return post


def _notify(post: Post, thread: Thread) -> None:
    """One notification per person a new post concerns, the most telling kind for each: the thread's
    starter is answered by a trainer (or replied to), the members it mentions are mentioned, the others
    who posted in the thread are replied to. Nobody outside the space, and never the writer.

    In a question-and-answer thread a trainee's answer is hidden from those who have not answered yet:
    their mentions then reach only people who already posted in the thread."""
    earlier = Post.objects.filter(thread=thread, author__isnull=False).exclude(pk=post.pk)
    posters = set(earlier.values_list("author_id", flat=True))
    if thread.author_id:
        posters.add(thread.author_id)
    mentioned = mentioned_member_ids(space=thread.space, text=post.body)
    if thread.qa and not post.by_trainer:
        mentioned &= posters
    kinds = dict.fromkeys(posters, Kind.REPLY) | dict.fromkeys(mentioned, Kind.MENTION)
    if post.by_trainer and thread.author_id in kinds:
        kinds[thread.author_id] = Kind.ANSWER
    kinds.pop(post.author_id, None)
    if not kinds:
        return
    people = get_user_model().objects.filter(pk__in=kinds)
    members = space_member_ids(space=thread.space, among=people)
    for person in people.filter(pk__in=members):
        notification_send(
            recipient=person,
            kind=kinds[person.pk],
            actor=post.author,
            target=post.get_absolute_url(),
            snapshot=thread.title,
        )


def thread_mark_read(*, thread: Thread, user, up_to=None) -> None:
    """`user` has read `thread` up to the post made at `up_to` (by default, to its end). A mark never
    moves back: going back to a thread's first page keeps what was read further on."""
    up_to = up_to or thread.last_post_at
    mark, created = ReadMark.objects.get_or_create(thread=thread, user=user, defaults={"read_at": up_to})
    if not created and mark.read_at < up_to:
        ReadMark.objects.filter(pk=mark.pk, read_at__lt=up_to).update(read_at=up_to)


@transaction.atomic
def helpful_mark(*, post: Post, user) -> bool:
    """Marks `post` helpful for `user` once; False if they had already (or it is their own post)."""
    if post.author_id == user.pk:
        return False
    try:
        with transaction.atomic():
            Helpful.objects.create(post=post, user=user)
    except IntegrityError:
        return False
    Post.objects.filter(pk=post.pk).update(helpful_count=F("helpful_count") + 1)
    return True


def post_report(*, post: Post, reporter, reason: str, details: str = "") -> Report:
    # One open report per person and post: pressing twice does not make the case look bigger.
    report, _created = Report.objects.get_or_create(
        post=post, reporter=reporter, resolved_at=None, defaults={"reason": reason, "details": details}
    )
    return report


def _moderator(user, space: Space) -> None:
    if not space_access(user=user, space=space).moderate:
        raise NotAllowed


@transaction.atomic
def post_hide(*, post: Post, moderator, note: str) -> Post:
    _moderator(moderator, post.thread.space)
    now = timezone.now()
    Post.objects.filter(pk=post.pk).update(hidden_at=now)
    ModerationNote.objects.create(
        post=post, moderator=moderator, action=ModerationNote.Action.HIDE, note=note
    )
    Report.objects.filter(post=post, resolved_at=None).update(resolved_at=now)
    notifications_withdraw(target=post.get_absolute_url())
    post.hidden_at = now
    return post


@transaction.atomic
def post_restore(*, post: Post, moderator, note: str) -> Post:
    _moderator(moderator, post.thread.space)
    Post.objects.filter(pk=post.pk).update(hidden_at=None)
    ModerationNote.objects.create(
        post=post, moderator=moderator, action=ModerationNote.Action.RESTORE, note=note
    )
    Report.objects.filter(post=post, resolved_at=None).update(resolved_at=timezone.now())
    post.hidden_at = None
    return post


def report_dismiss(*, report: Report, moderator) -> None:
    _moderator(moderator, report.post.thread.space)
    Report.objects.filter(post=report.post, resolved_at=None).update(resolved_at=timezone.now())


def thread_pin(*, thread: Thread, moderator, pinned: bool) -> None:
    _moderator(moderator, thread.space)
    Thread.objects.filter(pk=thread.pk).update(pinned=pinned)


def person_block(*, space: Space, user, moderator) -> Block:
    _moderator(moderator, space)
    access = space_access(user=user, space=space)
    # Only the space's own people: a trainer is not blocked from their cohort's space, and a number typed
    # for someone outside it must not put their name on the space's list.
    if access.moderate or not access.read:
        raise NotAllowed
    block, _created = Block.objects.get_or_create(space=space, user=user, defaults={"blocked_by": moderator})
    return block


def person_unblock(*, space: Space, user, moderator) -> None:
    _moderator(moderator, space)
    Block.objects.filter(space=space, user=user).delete()
