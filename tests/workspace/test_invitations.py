"""Invitations by pasted addresses or CSV: every address gets an e-mail in its language with a link that
asks before it enrols (through signup for a new address), and every row is reported the same whether or
not the address has an account."""

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from learning.models import Enrolment
from learning.workspace.models import CohortInvitation
from tests.factories import PASSWORD, UserFactory

from .conftest import Status, enrol, url

pytestmark = pytest.mark.django_db


def csv_file(text, name="people.csv", encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def test_pasted_addresses_invite_accounts_and_new_addresses_alike(
    client, trainer, cohort, django_capture_on_commit_callbacks
):
    existing = UserFactory(email="amina@example.org")
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("invite", cohort.pk), {"addresses": "Amina@example.org, newcomer@example.org"}
        )

    html = response.content.decode()
    assert response.status_code == 200
    # Nobody is put into a cohort without saying yes, and the report does not tell who has an account.
    assert not Enrolment.objects.filter(user=existing).exists()
    assert html.count("Invitation on its way") == 2 and "Enrolled" not in html
    assert existing.display_name not in html.split('id="invite-report"')[1]
    invited = sorted(m.to[0] for m in mail.outbox if "invited" in m.subject)
    assert invited == ["amina@example.org", "newcomer@example.org"]


def test_csv_with_bad_rows_invites_the_good_ones_and_lists_the_bad(
    client, trainer, cohort, django_capture_on_commit_callbacks
):
    UserFactory(email="karim@example.org")
    enrol(cohort, Status.ACTIVE, email="already@example.org")
    content = (
        "name,email,language\n"
        "Karim,karim@example.org,en\n"
        "Fatima,fatima@example.org,fr\n"
        "Broken,not-an-address,en\n"
        "Already,already@example.org,en\n"
        ",,\n"
        "=HYPERLINK(1),=cmd@example.org,xx\n"
    )
    client.force_login(trainer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("invite", cohort.pk), {"csv_file": csv_file(content)})

    report = response.content.decode().split('id="invite-report"')[1].split("</table>")[0]
    assert "karim@example.org" in report and "fatima@example.org" in report
    assert report.count("Invitation on its way") == 3 and "Enrolled" not in report  # karim, fatima, =cmd
    assert "not-an-address" in report and "Not a valid e-mail address" in report
    assert "already@example.org" in report and "Already in the cohort" in report
    assert not Enrolment.objects.filter(cohort=cohort, user__email="karim@example.org").exists()
    # The French invitation is written in French.
    invitation = next(m for m in mail.outbox if m.to == ["fatima@example.org"])
    assert "Vous êtes invité·e à rejoindre" in invitation.subject
    assert CohortInvitation.objects.get(email="fatima@example.org").language == "fr"


def test_csv_that_is_not_utf8_is_refused_with_a_clear_message(client, trainer, cohort):
    client.force_login(trainer)
    response = client.post(
        url("invite", cohort.pk), {"csv_file": csv_file("Zoë,zoe@example.org,fr\n", encoding="utf-16")}
    )
    assert response.status_code == 400
    assert "not UTF-8" in response.content.decode()
    assert not CohortInvitation.objects.exists()


def test_csv_too_large_is_refused(client, trainer, cohort):
    client.force_login(trainer)
    big = "name,email,language\n" + "x,someone@example.org,en\n" * 20_000
    response = client.post(url("invite", cohort.pk), {"csv_file": csv_file(big)})
    assert response.status_code == 400
    assert "larger than 256 KB" in response.content.decode()


def test_empty_invite_form_answers_422(client, trainer, cohort):
    client.force_login(trainer)
    response = client.post(url("invite", cohort.pk), {"addresses": "  "})
    assert response.status_code == 422


def test_invitation_link_leads_through_signup_into_the_cohort(client, trainer, cohort):
    invitation = CohortInvitation.objects.create(cohort=cohort, email="new@example.org", invited_by=trainer)
    link = url("invitation", invitation.token)

    response = client.get(link)
    assert response.status_code == 302 and "/accounts/signup/" in response["Location"]
    assert "next=" in response["Location"]

    # Signup and e-mail confirmation happen in allauth; the login comes back to the invitation, which
    # asks before it enrols.
    user = UserFactory(email="new@example.org")
    response = client.post(f"/en/accounts/login/?next={link}", {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == link
    assert not Enrolment.objects.filter(user=user).exists()
    page = client.get(link).content.decode()
    assert "Join the cohort" in page and "Brussels spring cohort" in page

    response = client.post(link, follow=True)

    assert Enrolment.objects.get(user=user, cohort=cohort).status == Status.ACTIVE
    assert "Welcome to Brussels spring cohort" in response.content.decode()
    invitation.refresh_from_db()
    assert invitation.accepted_by == user
    # The link works once.
    assert "not valid" in client.post(link, follow=True).content.decode()
    assert Enrolment.objects.filter(user=user).count() == 1


def test_a_waiting_invitation_is_offered_on_my_learning(client, cohort, trainer):
    """The link may be lost on the way through signup and e-mail confirmation: My learning offers it."""
    invitation = CohortInvitation.objects.create(cohort=cohort, email="X@example.org", invited_by=trainer)
    user = UserFactory(email="x@example.org")
    client.force_login(user)

    page = client.get("/en/learning/").content.decode()

    assert url("invitation", invitation.token) in page and "Brussels spring cohort" in page


def test_opening_the_link_signed_in_asks_before_it_enrols(client, cohort, trainer):
    invitation = CohortInvitation.objects.create(cohort=cohort, email="X@example.org", invited_by=trainer)
    user = UserFactory(email="x@example.org")
    EmailAddress.objects.filter(user=user).update(verified=True)
    client.force_login(user)

    response = client.get(url("invitation", invitation.token))

    assert response.status_code == 200 and "Join the cohort" in response.content.decode()
    assert not Enrolment.objects.filter(user=user).exists()
    client.post(url("invitation", invitation.token))
    assert Enrolment.objects.get(user=user, cohort=cohort).status == Status.ACTIVE


def test_a_forwarded_invitation_gives_no_seat_to_someone_else(client, cohort, trainer):
    invitation = CohortInvitation.objects.create(
        cohort=cohort, email="invited@example.org", invited_by=trainer
    )
    stranger = UserFactory(email="stranger@example.org")
    client.force_login(stranger)

    response = client.get(url("invitation", invitation.token), follow=True)

    assert "sent to another e-mail address" in response.content.decode()
    assert not Enrolment.objects.filter(user=stranger).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None  # still usable by the person it was sent to


def test_unknown_invitation_token_enrols_nobody(client, cohort):
    user = UserFactory()
    client.force_login(user)
    response = client.get(url("invitation", "not-a-token"), follow=True)
    assert "not valid" in response.content.decode()
    assert not Enrolment.objects.filter(user=user).exists()


def test_more_than_500_people_at_once_is_refused(client, trainer, cohort):
    client.force_login(trainer)
    addresses = "\n".join(f"p{n}@example.org" for n in range(501))
    response = client.post(url("invite", cohort.pk), {"addresses": addresses})
    assert response.status_code == 422
    assert "At most 500 people at once" in response.content.decode()
    assert not CohortInvitation.objects.exists()
