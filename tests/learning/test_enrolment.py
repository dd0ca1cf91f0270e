"""Enrolment as a trainee sees it: each mode, capacity, waitlist, prerequisites, leaving, bad input."""

import pytest
from django.core import mail

from learning.models import Cohort, Enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory, make_course

pytestmark = pytest.mark.django_db
Status = Enrolment.Status


@pytest.fixture
def trainee(client):
    user = UserFactory()
    client.force_login(user)
    return user


def enrol(client, cohort, **data):
    return client.post(cohort.enrol_url, data, follow=True)


def test_open_cohort_enrols_at_once_and_confirms_by_email(
    client, trainee, django_capture_on_commit_callbacks
):
    cohort = CohortFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = enrol(client, cohort)

    assert "You are enrolled" in response.content.decode()
    assert Enrolment.objects.get(user=trainee).status == Status.ACTIVE
    assert mail.outbox[0].to == [trainee.email]
    assert "You are enrolled" in mail.outbox[0].subject


def test_email_goes_out_in_the_trainees_language(client, django_capture_on_commit_callbacks):
    trainee = UserFactory(language="fr")
    client.force_login(trainee)

    with django_capture_on_commit_callbacks(execute=True):
        enrol(client, CohortFactory())

    assert mail.outbox[0].subject.startswith("Inscription confirmée")


def test_approval_cohort_records_a_request(client, trainee, django_capture_on_commit_callbacks):
    cohort = CohortFactory(enrolment_mode=Cohort.Mode.APPROVAL)

    with django_capture_on_commit_callbacks(execute=True):
        response = enrol(client, cohort)

    assert "Your request was sent" in response.content.decode()
    assert Enrolment.objects.get(user=trainee).status == Status.PENDING
    assert "Request received" in mail.outbox[0].subject


def test_invite_cohort_needs_the_right_code(client, trainee):
    cohort = CohortFactory(enrolment_mode=Cohort.Mode.INVITE, invite_code="VOTE-2027")

    wrong = client.post(cohort.enrol_url, {"invite_code": "VOTE-2026"})

    assert wrong.status_code == 400
    assert "not valid" in wrong.content.decode()
    assert 'value="VOTE-2026"' in wrong.content.decode()  # what was typed is kept
    assert not Enrolment.objects.exists()

    enrol(client, cohort, invite_code=" VOTE-2027 ")
    assert Enrolment.objects.get(user=trainee).status == Status.ACTIVE


def test_closed_cohort_refuses(client, trainee):
    cohort = CohortFactory(enrolment_mode=Cohort.Mode.CLOSED)

    response = client.post(cohort.enrol_url)

    assert response.status_code == 409
    assert "not taking enrolments" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_full_cohort_puts_trainee_on_waitlist(client, trainee):
    cohort = CohortFactory(capacity=1, waitlist=True)
    EnrolmentFactory(cohort=cohort)

    response = enrol(client, cohort)

    assert "waitlist" in response.content.decode()
    assert Enrolment.objects.get(user=trainee).status == Status.WAITLISTED


def test_full_cohort_without_waitlist_refuses(client, trainee):
    cohort = CohortFactory(capacity=1, waitlist=False)
    EnrolmentFactory(cohort=cohort)

    response = client.post(cohort.enrol_url)

    assert response.status_code == 409
    assert "full" in response.content.decode()
    assert not Enrolment.objects.filter(user=trainee).exists()


def test_enrolling_twice_keeps_one_enrolment(client, trainee):
    cohort = CohortFactory()

    enrol(client, cohort)
    enrol(client, cohort)

    assert Enrolment.objects.filter(user=trainee).count() == 1


def test_withdrawing_gives_the_seat_to_the_first_on_the_waitlist(
    client, trainee, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(capacity=1)
    mine = EnrolmentFactory(cohort=cohort, user=trainee)
    first = EnrolmentFactory(cohort=cohort, status=Status.WAITLISTED)
    second = EnrolmentFactory(cohort=cohort, status=Status.WAITLISTED)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/learning/enrolments/{mine.pk}/withdraw/", follow=True)

    assert "You have left" in response.content.decode()
    mine.refresh_from_db(), first.refresh_from_db(), second.refresh_from_db()
    assert (mine.status, first.status, second.status) == (Status.WITHDRAWN, Status.ACTIVE, Status.WAITLISTED)
    assert [m.to for m in mail.outbox] == [[first.user.email]]
    assert "A seat is yours" in mail.outbox[0].subject


def test_withdrawn_trainee_can_enrol_again(client, trainee):
    cohort = CohortFactory()
    EnrolmentFactory(cohort=cohort, user=trainee, status=Status.WITHDRAWN)

    enrol(client, cohort)

    assert Enrolment.objects.get(user=trainee).status == Status.ACTIVE


def test_cannot_withdraw_someone_elses_enrolment(client, trainee):
    other = EnrolmentFactory()

    response = client.post(f"/en/learning/enrolments/{other.pk}/withdraw/")

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == Status.ACTIVE


def test_prerequisites_must_be_completed_first(client, trainee):
    basics = make_course(title="Basics", lessons=1)
    advanced = make_course(title="Advanced", lessons=1)
    advanced.prerequisites.add(basics)
    advanced.save_revision().publish()
    cohort = CohortFactory(course=advanced)

    refused = client.post(cohort.enrol_url)
    assert refused.status_code == 409
    assert "prerequisite" in refused.content.decode()
    assert not Enrolment.objects.filter(user=trainee).exists()

    EnrolmentFactory(user=trainee, cohort=CohortFactory(course=basics), status=Status.COMPLETED)
    enrol(client, cohort)
    assert Enrolment.objects.get(user=trainee, cohort=cohort).status == Status.ACTIVE


def test_rejected_request_cannot_be_resent(client, trainee):
    cohort = CohortFactory(enrolment_mode=Cohort.Mode.APPROVAL)
    EnrolmentFactory(cohort=cohort, user=trainee, status=Status.REJECTED)

    response = client.post(cohort.enrol_url)

    assert response.status_code == 403
    assert Enrolment.objects.get(user=trainee).status == Status.REJECTED


def test_anonymous_visitor_is_sent_to_log_in(client):
    cohort = CohortFactory()

    response = client.post(cohort.enrol_url)

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert not Enrolment.objects.exists()


def test_unknown_cohort_is_404(client, trainee):
    assert client.post("/en/learning/cohorts/999999/enrol/").status_code == 404


def test_course_page_shows_each_state(client, trainee):
    course = make_course()
    open_cohort = CohortFactory(course=course, title="Open cohort")
    CohortFactory(course=course, title="Approval cohort", enrolment_mode=Cohort.Mode.APPROVAL)
    full = CohortFactory(course=course, title="Full cohort", capacity=1)
    EnrolmentFactory(cohort=full)

    page = client.get(course.url).content.decode()
    assert "Request a place" in page
    assert "Join the waitlist" in page
    assert ">Enrol<" in page

    EnrolmentFactory(cohort=open_cohort, user=trainee)
    page = client.get(course.url).content.decode()
    assert "Start the first lesson" in page


def test_approval_and_rejection_are_emailed_in_each_trainees_language(django_capture_on_commit_callbacks):
    from learning import services

    cohort = CohortFactory(enrolment_mode=Cohort.Mode.APPROVAL, capacity=5)
    accepted = EnrolmentFactory(cohort=cohort, status=Status.PENDING, user=UserFactory(language="fr"))
    refused = EnrolmentFactory(cohort=cohort, status=Status.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        services.enrolment_approve(enrolment=accepted)
        services.enrolment_reject(enrolment=refused)

    accepted.refresh_from_db(), refused.refresh_from_db()
    assert (accepted.status, refused.status) == (Status.ACTIVE, Status.REJECTED)
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects[refused.user.email].startswith("About your request")
    assert subjects[accepted.user.email] != subjects[refused.user.email]
    assert "Democracy summit" in subjects[accepted.user.email]
    assert all("{{" not in message.body and "%(" not in message.body for message in mail.outbox)
