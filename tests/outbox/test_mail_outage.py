"""Mail down: no page fails, nothing is said to be sent that is lost; every failure is recorded, retried
where the queue can wait, and shown to staff, who can send it again."""

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from learning.models import Enrolment
from outbox import services, tasks
from outbox.models import OutgoingEmail
from tests.factories import CohortFactory, UserFactory
from tests.workspace.conftest import cohort_of, make_trainer

pytestmark = pytest.mark.django_db
Status = OutgoingEmail.Status


class BrokenBackend(BaseEmailBackend):
    """A mail server that is down."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


@pytest.fixture
def mail_down(settings):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.BrokenBackend"}}


def signup(client, email="nadia@example.org"):
    return client.post(
        reverse("account_signup"),
        {
            "display_name": "Nadia Rahimi",
            "email": email,
            "password1": "tulips-in-kabul-2026",
            "password2": "tulips-in-kabul-2026",
            "language": "en",
        },
    )


def test_signup_while_mail_is_down_answers_normally_and_records_the_failed_mail(
    client, mail_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert User.objects.filter(email="nadia@example.org").exists()
    failed = OutgoingEmail.objects.get(to="nadia@example.org")
    assert failed.status == Status.FAILED
    assert failed.kind == "account/email/email_confirmation_signup"
    assert "SMTPServerDisconnected" in failed.last_error
    assert mail.outbox == []


def test_password_reset_while_mail_is_down_answers_normally(
    client, mail_down, django_capture_on_commit_callbacks
):
    user = UserFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_reset_password"), {"email": user.email})

    assert response.status_code == 302
    assert OutgoingEmail.objects.get(to=user.email).status == Status.FAILED


def test_enrolment_while_mail_is_down_enrols_and_records_the_failed_mail(
    client, mail_down, django_capture_on_commit_callbacks
):
    trainee = UserFactory()
    client.force_login(trainee)
    cohort = CohortFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cohort.enrol_url, follow=True)

    assert response.status_code == 200
    assert Enrolment.objects.filter(user=trainee, cohort=cohort).exists()
    failed = OutgoingEmail.objects.get(to=trainee.email)
    assert (failed.status, failed.kind) == (Status.FAILED, "learning/confirmed")


def test_invitations_and_messages_while_mail_is_down_are_recorded(
    client, mail_down, django_capture_on_commit_callbacks
):
    trainer = make_trainer()
    cohort = cohort_of(trainer, capacity=5)
    trainee = UserFactory()
    Enrolment.objects.create(user=trainee, cohort=cohort, status=Enrolment.Status.ACTIVE)
    client.force_login(trainer)
    workspace = f"/en/learning/trainer/cohorts/{cohort.pk}"

    with django_capture_on_commit_callbacks(execute=True):
        invited = client.post(
            reverse("learning:workspace:invite", args=[cohort.pk]), {"addresses": "new@example.org"}
        )
        sent = client.post(
            reverse("learning:workspace:message_create", args=[cohort.pk]),
            {"audience": "all", "subject": "News", "body": "Hello"},
        )

    assert invited.status_code == 200 and sent.status_code == 302, workspace
    assert set(OutgoingEmail.objects.filter(status=Status.FAILED).values_list("kind", "to")) == {
        ("workspace/invitation", "new@example.org"),
        ("workspace/message", trainee.email),
    }


def test_a_line_break_in_a_cohort_title_leaves_a_one_line_subject(client, django_capture_on_commit_callbacks):
    trainer = make_trainer()
    cohort = cohort_of(trainer, capacity=5, title="Spring\r\ncohort\x0bBcc: someone@example.org")
    trainees = [UserFactory() for _ in range(2)]
    for trainee in trainees:
        Enrolment.objects.create(user=trainee, cohort=cohort, status=Enrolment.Status.ACTIVE)
    client.force_login(trainer)

    for subject in ("First", "Second"):  # every later e-mail of that cohort goes out too
        with django_capture_on_commit_callbacks(execute=True):
            client.post(
                reverse("learning:workspace:message_create", args=[cohort.pk]),
                {"audience": "all", "subject": subject, "body": "Hello"},
            )

    assert len(mail.outbox) == 4
    for message in mail.outbox:
        assert "\n" not in message.subject and "\r" not in message.subject and "\x0b" not in message.subject
        assert message.subject.startswith("Spring cohort Bcc: someone@example.org: ")
        assert message.extra_headers.get("Bcc") is None and message.bcc == []
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {Status.SENT}


@pytest.mark.parametrize(
    ("typed", "line"),
    [("a\nb", "a b"), ("a\r\n\r\nb", "a b"), ("a\u2028b\u0085c", "a b c"), ("  a\tb\x00 ", "a b")],
)
def test_subjects_are_single_lines(typed, line):
    assert services.single_line(typed) == line


def test_with_a_waiting_queue_a_failure_is_retried_later_then_sent(
    settings, mail_down, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        email = services.email_send(to="amina@example.org", subject="Hello", body="Text", kind="test")
        # The queue holds the first delivery; a worker runs it.
        assert tasks.email_deliver(email_id=email.pk) == Status.QUEUED

    email.refresh_from_db()
    assert email.attempts == 1 and email.next_attempt_at is not None
    queued = DBTaskResult.objects.filter(task_path="outbox.tasks.deliver_email").order_by("enqueued_at")
    assert queued.count() == 2  # the first delivery and the retry, which waits
    assert queued.last().run_after == email.next_attempt_at > timezone.now()

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert tasks.email_deliver(email_id=email.pk) == Status.SENT
    email.refresh_from_db()
    assert (email.attempts, email.body) == (2, "")  # the body (it can hold a link) goes once delivered
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    # Delivered once only, whoever runs the task again.
    assert tasks.email_deliver(email_id=email.pk) == "skipped"


def test_after_the_last_attempt_the_mail_is_marked_failed(settings, mail_down):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    email = services.email_send(to="amina@example.org", subject="Hello", body="Text", kind="test")
    statuses = [tasks.email_deliver(email_id=email.pk) for _ in range(tasks.MAX_ATTEMPTS)]

    assert statuses == [Status.QUEUED] * (tasks.MAX_ATTEMPTS - 1) + [Status.FAILED]


def test_staff_see_failed_mail_without_its_body_and_send_it_again(
    client, mail_down, settings, django_capture_on_commit_callbacks
):
    email = services.email_send(to="amina@example.org", subject="Reset", body="SECRET-LINK", kind="test")
    tasks.email_deliver(email_id=email.pk)
    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)

    listing = client.get("/admin/outbox/?status=failed")
    inspect = client.get(f"/admin/outbox/inspect/{email.pk}/")

    assert listing.status_code == 200 and "amina@example.org" in listing.content.decode()
    assert "Send again" in listing.content.decode()
    assert inspect.status_code == 200 and "SMTPServerDisconnected" in inspect.content.decode()
    assert "SECRET-LINK" not in listing.content.decode() + inspect.content.decode()
    assert client.get(f"/admin/outbox/edit/{email.pk}/").status_code in (302, 403)

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        resent = client.post(reverse("outbox_retry", args=[email.pk]))
    assert resent.status_code == 302
    email.refresh_from_db()
    assert email.status == Status.SENT
    assert [m.body for m in mail.outbox] == ["SECRET-LINK"]


def test_people_without_staff_access_do_not_see_the_outbox(client):
    email = services.email_send(to="amina@example.org", subject="Reset", body="Text", kind="test")
    editor = UserFactory()
    client.force_login(editor)

    assert client.get("/admin/outbox/").status_code in (302, 403)
    assert client.post(reverse("outbox_retry", args=[email.pk])).status_code in (302, 403)


def test_the_mails_to_a_person_are_in_their_data_and_go_with_their_account():
    from accounts.services import user_data_export, user_erase

    person = UserFactory(email="amina@example.org")
    services.email_send(to="amina@example.org", subject="Welcome", body="Text", kind="test")
    services.email_send(to="someone@example.org", subject="Other", body="Text", kind="test")

    exported = user_data_export(user=person)["outbox"]["emails"]
    user_erase(user=person)

    assert [e["subject"] for e in exported] == ["Welcome"]
    assert list(OutgoingEmail.objects.values_list("to", flat=True)) == ["someone@example.org"]


def test_sending_again_an_email_that_was_sent_says_why_nothing_happened(
    client, django_capture_on_commit_callbacks
):
    email = services.email_send(to="amina@example.org", subject="Hello", body="Text", kind="test")
    tasks.email_deliver(email_id=email.pk)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.post(reverse("outbox_retry", args=[email.pk]), follow=True)

    html = response.content.decode()
    assert "This e-mail is “Sent”: only a failed e-mail can be sent again. Nothing was changed." in html
    assert len(mail.outbox) == 1
