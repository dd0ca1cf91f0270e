"""A cohort is named in the reader's language where a trainer gave it a title in that language, and in
the cohort's own language otherwise: on the site, in e-mails, in the workspace, in the admin and on
certificates."""

import pytest
from django.conf import settings

from learning.certificates.services import certificate_issue
from learning.models import Cohort
from learning.services import enrolment_create
from tests.certificates.helpers import completed_enrolment
from tests.factories import CohortFactory, EnrolmentFactory, UserFactory
from tests.workspace.conftest import make_trainer, url

pytestmark = pytest.mark.django_db

TITLES = {"fr": "Bruxelles, printemps", "ar": "بروكسل، الربيع"}
CODES = [code for code, _name in settings.LANGUAGES]


def box(language: str) -> str:
    """The form's name of the title box for `language`."""
    return f"titles_{CODES.index(language)}"


@pytest.mark.parametrize(
    ("language", "title"),
    [("fr", TITLES["fr"]), ("ar", TITLES["ar"]), ("de", "Brussels, spring"), ("en", "Brussels, spring")],
)
def test_my_learning_names_the_cohort_in_the_readers_language(client, language, title):
    enrolment = EnrolmentFactory(cohort=CohortFactory(title="Brussels, spring", titles=TITLES))
    client.force_login(enrolment.user)

    html = client.get(f"/{language}/learning/").content.decode()

    assert title in html


def test_the_enrolment_email_names_the_cohort_in_the_recipients_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    cohort = CohortFactory(title="Brussels, spring", titles=TITLES)

    with django_capture_on_commit_callbacks(execute=True):
        enrolment_create(user=UserFactory(language="fr"), cohort=cohort)

    assert TITLES["fr"] in mailoutbox[-1].body
    assert "Brussels, spring" not in mailoutbox[-1].body


def test_a_certificate_names_the_cohort_in_its_own_language():
    enrolment = completed_enrolment(language="ar")
    Cohort.objects.filter(pk=enrolment.cohort_id).update(titles=TITLES)
    enrolment.refresh_from_db()

    certificate = certificate_issue(enrolment=enrolment)

    assert certificate.cohort_title == TITLES["ar"]


def test_a_trainer_gives_the_cohort_a_title_in_other_languages(client):
    trainer = make_trainer()
    cohort = CohortFactory(title="Brussels, spring")
    cohort.trainers.add(trainer)
    client.force_login(trainer)
    form = client.get(url("cohort_edit", cohort.pk)).content.decode()
    assert f'name="{box("ar")}"' in form and "العربية" in form

    response = client.post(
        url("cohort_edit", cohort.pk),
        {
            "title": "Brussels, spring",
            box("fr"): f"  {TITLES['fr']} ",
            box("ar"): TITLES["ar"],
            "enrolment_mode": cohort.enrolment_mode,
            "capacity": 20,
            "language": "en",
            "waitlist": "on",
        },
    )

    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.titles == TITLES
    assert TITLES["ar"] in client.get(url("cohort", cohort.pk).replace("/en/", "/ar/", 1)).content.decode()


def test_staff_give_the_cohort_a_title_in_other_languages_in_the_admin(admin_client):
    cohort = CohortFactory(title="Brussels, spring")
    edit = f"/admin/learning/cohorts/edit/{cohort.pk}/"
    form = admin_client.get(edit).content.decode()
    assert f'name="{box("fr")}"' in form

    response = admin_client.post(
        edit,
        {
            "course": cohort.course_id,
            "title": "Brussels, spring",
            box("fr"): TITLES["fr"],
            "enrolment_mode": cohort.enrolment_mode,
            "capacity": 20,
            "invite_code": cohort.invite_code,
            "language": "en",
            "waitlist": "on",
        },
    )

    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.titles == {"fr": TITLES["fr"]}


def test_a_trainers_message_names_the_cohort_in_each_recipients_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    from learning.workspace.services import message_send

    cohort = CohortFactory(title="Brussels, spring", titles=TITLES)
    for language in ("fr", "ar", "de"):
        EnrolmentFactory(cohort=cohort, user=UserFactory(language=language, email=f"{language}@example.org"))

    with django_capture_on_commit_callbacks(execute=True):
        message_send(cohort=cohort, sender=make_trainer(), audience="all", subject="News", body="Hello")

    subjects = {mail.to[0]: mail.subject for mail in mailoutbox}
    assert TITLES["fr"] in subjects["fr@example.org"]
    assert TITLES["ar"] in subjects["ar@example.org"]
    assert "Brussels, spring" in subjects["de@example.org"]
