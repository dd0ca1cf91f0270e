"""Each event of the platform tells exactly the people it concerns, once, and never the person who did it."""

import pytest
from django.utils import timezone

from community import services as community
from community.mentions import mentioned_names
from learning import services as learning
from learning.certificates.services import certificate_issue
from learning.models import Cohort, Enrolment, Reflection
from learning.workspace.models import CohortInvitation
from learning.workspace.services import cohort_invite
from notifications.models import Kind, Notification
from tests.community.helpers import cohort_with_people
from tests.factories import (
    CohortFactory,
    EnrolmentFactory,
    UserFactory,
    lessons_of,
    make_course,
    reflection_block,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Notifications are made once the trigger's transaction commits: run what it left for then."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def told(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_reply_tells_the_starter_and_the_others_who_posted_never_the_writer(on_commit):
    _cohort, _trainer, amal, louis, space = cohort_with_people()
    sara = EnrolmentFactory(cohort=space.cohort, user__display_name="Sara").user
    with on_commit():
        thread = community.thread_create(space=space, author=amal, title="Week 1", body="How do we start?")
        community.post_create(thread=thread, author=louis, body="Me too")
    assert told(amal) == [Kind.REPLY] and told(louis) == [] and told(sara) == []
    with on_commit():
        post = community.post_create(thread=thread, author=sara, body="With the map")
    assert told(amal) == [Kind.REPLY, Kind.REPLY] and told(louis) == [Kind.REPLY] and told(sara) == []
    notification = Notification.objects.filter(recipient=louis).get()
    assert notification.actor == sara and notification.snapshot == "Week 1"
    assert notification.target_path == f"/community/posts/{post.pk}/"  # no language


def test_a_trainers_answer_tells_the_starter_as_an_answer(on_commit):
    _cohort, trainer, amal, louis, space = cohort_with_people()
    with on_commit():
        thread = community.thread_create(space=space, author=amal, title="Week 1", body="How?")
        community.post_create(thread=thread, author=louis, body="Me too")
        community.post_create(thread=thread, author=trainer, body="Start with the map.")
    assert told(amal) == [Kind.ANSWER, Kind.REPLY]  # Louis's reply, the trainer's answer
    assert told(louis) == [Kind.REPLY] and told(trainer) == []


def test_a_mention_tells_members_of_the_space_only(on_commit):
    _cohort, trainer, amal, louis, space = cohort_with_people()
    outsider = UserFactory(display_name="Nadia Karimi")  # an account, not in this cohort
    EnrolmentFactory(cohort=CohortFactory(), user=UserFactory(display_name="Omar"))
    louis.display_name = "Louis Martin"
    louis.save()
    with on_commit():
        community.thread_create(
            space=space,
            author=amal,
            title="Hello",
            body="Thanks @louis martin, @Trainer Tess. Have you met @Nadia Karimi or @Omar? me@example.org",
        )
    assert told(louis) == [Kind.MENTION] and told(trainer) == [Kind.MENTION]
    assert told(outsider) == [] and Notification.objects.count() == 2
    assert told(amal) == []  # the writer, even if she mentions herself


def test_mentioning_someone_who_also_posted_there_tells_them_once(on_commit):
    _cohort, _trainer, amal, louis, space = cohort_with_people()
    with on_commit():
        thread = community.thread_create(space=space, author=amal, title="T", body="B")
        community.post_create(thread=thread, author=louis, body="@Amal yes, agreed")
    assert told(amal) == [Kind.MENTION]


def test_the_mention_rule_reads_names_of_several_words_and_stops_at_punctuation():
    names = mentioned_names("Hi @Amal, and @نور الهدى! Not an@address.org, nor @ alone.")
    assert {"Amal", "نور", "نور الهدى"} <= names
    assert not any("address" in name for name in names)


def test_people_who_left_the_cohort_are_not_told(on_commit):
    _cohort, _trainer, amal, louis, space = cohort_with_people()
    thread = community.thread_create(space=space, author=amal, title="T", body="B")
    Enrolment.objects.filter(user=amal).update(status=Enrolment.Status.WITHDRAWN)
    with on_commit():
        community.post_create(thread=thread, author=louis, body="Hello")
    assert told(amal) == []


def test_a_reviewed_reflection_tells_the_trainee_with_the_lessons_title(on_commit):
    course = make_course(title="Speaking up", bodies=[[reflection_block(block_id="ref")]])
    cohort = CohortFactory(course=course)
    trainer = UserFactory()
    cohort.trainers.add(trainer)
    enrolment = EnrolmentFactory(cohort=cohort)
    lesson = lessons_of(course)[0]
    reflection = Reflection.objects.create(
        enrolment=enrolment,
        lesson=lesson,
        lesson_key=lesson.translation_key,
        prompt_id="ref",
        text="I will talk to the council.",
        submitted_at=timezone.now(),
    )
    with on_commit():
        learning.reflection_review(reflection=reflection, reviewer=trainer, accepted=True, feedback="Good")
    notification = Notification.objects.get()
    assert notification.recipient == enrolment.user and notification.kind == Kind.REFLECTION_REVIEWED
    assert notification.target_page_id == lesson.pk and notification.target_path == "#block-ref"
    assert notification.snapshot == "Lesson 1" and notification.actor == trainer


def test_an_approved_request_and_a_promotion_give_the_trainee_a_place(on_commit):
    cohort = CohortFactory(enrolment_mode=Cohort.Mode.APPROVAL, capacity=1, title="Ghent, autumn")
    first = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.PENDING)
    second = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.WAITLISTED)
    with on_commit():
        learning.enrolment_approve(enrolment=first)
    assert told(first.user) == [Kind.REQUEST_APPROVED] and told(second.user) == []
    assert Notification.objects.get().snapshot == "Ghent, autumn"
    with on_commit():
        learning.enrolment_withdraw(enrolment=first)  # frees the seat: the waitlist moves up
    assert told(second.user) == [Kind.REQUEST_APPROVED] and told(first.user) == [Kind.REQUEST_APPROVED]


def test_a_failed_transaction_tells_nobody(django_capture_on_commit_callbacks):
    cohort = CohortFactory(enrolment_mode=Cohort.Mode.APPROVAL)
    pending = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.PENDING)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        learning.enrolment_approve(enrolment=pending)
    assert callbacks and Notification.objects.count() == 0  # nothing until (unless) it commits


def row(email):
    return {"email": email, "name": "", "language": ""}


def test_an_invitation_tells_an_existing_account_and_nobody_for_a_new_address(on_commit):
    trainer = UserFactory()
    cohort = CohortFactory()
    cohort.trainers.add(trainer)
    invitee = UserFactory(email="amal@example.org")
    with on_commit():
        cohort_invite(
            cohort=cohort, rows=[row("AMAL@example.org"), row("new@example.org")], invited_by=trainer
        )
    notification = Notification.objects.get()
    invitation = CohortInvitation.objects.get(email__iexact="amal@example.org")
    assert notification.recipient == invitee and notification.kind == Kind.REQUEST_APPROVED
    assert notification.target_path == f"/learning/trainer/invitations/{invitation.token}/"


def test_an_issued_certificate_tells_its_holder_once(on_commit):
    enrolment = EnrolmentFactory(status=Enrolment.Status.COMPLETED, completed_at=timezone.now())
    with on_commit():
        certificate = certificate_issue(enrolment=enrolment)
        certificate_issue(enrolment=enrolment)  # the same certificate again: no second notification
    notification = Notification.objects.get()
    assert notification.kind == Kind.CERTIFICATE_ISSUED and notification.recipient == enrolment.user
    assert notification.snapshot == certificate.course_title
    assert notification.target_path == f"/learning/enrolments/{enrolment.pk}/completed/"


def test_a_hidden_post_calls_nobody_to_it_and_no_notification_carries_a_posts_text(on_commit, client):
    _cohort, trainer, amal, louis, space = cohort_with_people()
    with on_commit():
        thread = community.thread_create(space=space, author=amal, title="Week 1", body="How?")
        post = community.post_create(thread=thread, author=louis, body="call me on 0470123456 @Trainer Tess")
    assert told(amal) == [Kind.REPLY] and told(trainer) == [Kind.MENTION]
    client.force_login(amal)
    html = client.get("/en/notifications/").content.decode()
    assert "Week 1" in html and "0470123456" not in html  # the thread's title, never the post's text
    community.post_hide(post=post, moderator=trainer, note="A private number")
    assert told(amal) == [] and told(trainer) == []
