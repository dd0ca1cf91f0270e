"""Download my data: asked for after the password again, prepared by a task as a ZIP (one JSON file per
section of the privacy registry, the person's files, a README), e-mailed as a link that only its owner
can use, until it expires or a newer one replaces it."""

import io
import json
import smtplib
import zipfile
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.storage import InMemoryStorage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from accounts import data_export
from accounts.export_archive import section_descriptions, write_archive
from accounts.export_links import download_path
from accounts.models import DataExport
from accounts.services import user_data_export, user_erase
from accounts.tasks import data_export_prepare
from core.discovery import project_modules
from core.private_storage import private_storage
from learning import services as learning_services
from learning.certificates.models import Certificate
from learning.certificates.services import certificate_issue
from outbox.models import OutgoingEmail
from tests.certificates.helpers import completed_enrolment
from tests.factories import PASSWORD, CohortFactory, EnrolmentFactory, UserFactory, lessons_of, make_course
from tests.factories import reflection_block as reflection
from tests.toolkits import factories as f
from toolkits import services as toolkit_services

pytestmark = pytest.mark.django_db

CANARY = "Kp4otherPersonCanary"


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def reauthenticated(client, user):
    client.force_login(user)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    return client


def ask(client, capture):
    with capture(execute=True):
        return client.post(reverse("accounts:data_export"))


def prepared(user, capture) -> DataExport:
    with capture(execute=True):
        export, _queued = data_export.data_export_request(user=user)
    export.refresh_from_db()
    return export


def archive_of(response) -> zipfile.ZipFile:
    # Read to the end, as a WSGI server does: the test client then closes the response, which ends the
    # request for the after-response task queue.
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def status_of(client, address) -> int:
    """A download's status, its file read to the end (see archive_of)."""
    response = client.get(address)
    if response.streaming:
        b"".join(response.streaming_content)
    return response.status_code


def person_with_everything(name: str, capture):
    """A trainee with a certificate (and its PDF), a reflection and a comment on a city's plan."""
    enrolment = completed_enrolment(name=f"{name} Diallo", display_name=name)
    with capture(execute=True):
        certificate_issue(enrolment=enrolment)
    user = enrolment.user
    course = make_course(bodies=[[reflection(block_id="ref")]])
    other = EnrolmentFactory(user=user, cohort=CohortFactory(course=course))
    learning_services.reflection_submit(
        enrolment=other, lesson=lessons_of(course)[0], prompt_id="ref", text=f"My {name} story here"
    )
    city = f.OrganisationFactory(name=f"City of {name}")
    plan = f.plan(f.template(f.library()), city, f.member(city))
    section = plan.sections.first()
    section.plan = plan
    toolkit_services.comment_add(section=section, user=user, body=f"A {name} remark")
    return user


def test_asking_needs_the_password_again_and_queues_nothing_before(client):
    user = UserFactory()
    client.force_login(user)  # a session without a recent password entry

    response = client.post(reverse("accounts:data_export"))

    assert response.status_code == 302
    assert "/accounts/reauthenticate/" in response.url
    assert not DataExport.objects.exists()


def test_asking_is_a_post_only(client):
    client.force_login(UserFactory())

    assert client.get(reverse("accounts:data_export")).status_code == 405


def test_the_page_says_the_data_is_being_prepared_and_a_second_click_queues_nothing(client):
    user = UserFactory()
    reauthenticated(client, user)

    # on_commit callbacks are not run here: the task has not started when the person clicks again.
    first = client.post(reverse("accounts:data_export"), follow=True)
    second = client.post(reverse("accounts:data_export"), follow=True)

    assert DataExport.objects.filter(user=user).count() == 1
    assert DataExport.objects.get(user=user).status == DataExport.Status.PREPARING
    assert "Your data is being prepared" in first.content.decode()
    page = second.content.decode()
    assert "asking again does not start another one" in page
    assert "Asking again does not start another one." in page  # the status on the page itself
    assert 'action="/en/accounts/privacy/export/"' not in page  # no button while it is prepared


def test_the_database_refuses_a_second_export_in_preparation():
    user = UserFactory()
    DataExport.objects.create(user=user)

    with pytest.raises(IntegrityError), transaction.atomic():
        DataExport.objects.create(user=user)


def test_the_archive_holds_every_section_and_my_files_and_nothing_of_anyone_else(
    client, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    me = person_with_everything("Amina", capture)
    me.display_name = "Amina Ğülşen أمينة"
    me.save()
    person_with_everything(CANARY, capture)  # another person, with the canary in every text of theirs
    reauthenticated(client, me)

    ask(client, capture)

    export = DataExport.objects.get(user=me)
    assert export.status == DataExport.Status.READY
    response = client.get(download_path(export))
    assert response.status_code == 200
    assert response.streaming  # FileResponse: read from storage in chunks
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"].startswith("attachment;")
    archive = archive_of(response)
    names = archive.namelist()
    sections = {module.__name__.split(".")[0] for module in project_modules("privacy")}
    assert {f"{section}.json" for section in sections} <= set(names)
    assert set(user_data_export(user=me)) == sections
    certificate = Certificate.objects.get(enrolment__user=me)
    pdf = f"files/certificates/certificate-{certificate.code}.pdf"
    assert pdf in names
    assert archive.read(pdf).startswith(b"%PDF")
    accounts = archive.read("accounts.json").decode("utf-8")
    assert "Amina Ğülşen أمينة" in accounts  # readable UTF-8, not \u escapes
    assert '\n  "display_name"' in accounts  # indented
    assert json.loads(archive.read("learning.json"))["certificates"][0]["code"] == certificate.code
    assert "Amina story" in archive.read("learning.json").decode()
    assert "Amina remark" in archive.read("toolkits.json").decode()
    readme = archive.read("README.txt").decode("utf-8")
    for name in names:
        if name != "README.txt":
            assert name in readme
    everything = b"".join(archive.read(name) for name in names)
    assert CANARY.encode() not in everything


def test_the_link_opens_nothing_for_another_person_or_anonymous_or_a_forged_token(
    client, django_capture_on_commit_callbacks
):
    owner = UserFactory()
    export = prepared(owner, django_capture_on_commit_callbacks)
    address = download_path(export)

    anonymous = client.get(address)
    client.force_login(UserFactory())
    someone_else = client.get(address)
    client.force_login(owner)
    forged = client.get(address.rstrip("/")[:-2] + "xx/")
    mine = status_of(client, address)

    assert anonymous.status_code == 302
    assert "/accounts/login/" in anonymous.url
    assert someone_else.status_code == 404
    assert forged.status_code == 404
    assert mine == 200


def test_another_persons_token_is_refused_even_with_the_export_number_of_mine(
    client, django_capture_on_commit_callbacks
):
    """The token names its owner: someone holding their own valid link cannot swap the export number."""
    mine = prepared(UserFactory(), django_capture_on_commit_callbacks)
    theirs = prepared(UserFactory(), django_capture_on_commit_callbacks)
    client.force_login(mine.user)

    assert client.get(download_path(theirs)).status_code == 404


def test_after_expiry_the_link_answers_410_and_the_file_is_gone(client, django_capture_on_commit_callbacks):
    owner = UserFactory()
    export = prepared(owner, django_capture_on_commit_callbacks)
    name = export.file.name
    assert private_storage().exists(name)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
    client.force_login(owner)

    response = client.get(download_path(export))

    assert response.status_code == 410
    assert "has expired, and its file has been deleted" in response.content.decode()
    assert not private_storage().exists(name)
    assert DataExport.objects.get(pk=export.pk).status == DataExport.Status.EXPIRED
    page = client.get(reverse("accounts:privacy")).content.decode()
    assert "Prepare my data" in page


def test_the_retention_command_deletes_expired_archives(django_capture_on_commit_callbacks, settings):
    settings.DATA_EXPORT_DAYS = 7
    expired = prepared(UserFactory(), django_capture_on_commit_callbacks)
    current = prepared(UserFactory(), django_capture_on_commit_callbacks)
    DataExport.objects.filter(pk=expired.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    out = io.StringIO()

    call_command("retention", stdout=out)

    assert "1 expired data exports were deleted" in out.getvalue()
    assert not private_storage().exists(expired.file.name)
    assert private_storage().exists(current.file.name)
    assert current.expires_at - current.ready_at == timedelta(days=7)


def test_a_newer_export_replaces_the_older_link(client, django_capture_on_commit_callbacks):
    owner = UserFactory()
    old = prepared(owner, django_capture_on_commit_callbacks)
    new = prepared(owner, django_capture_on_commit_callbacks)
    client.force_login(owner)

    response = client.get(download_path(old))

    assert response.status_code == 410
    assert "only the newest one can be downloaded" in response.content.decode()
    assert not private_storage().exists(old.file.name)
    assert status_of(client, download_path(new)) == 200


def test_the_email_carries_the_link_in_the_persons_language_with_an_html_part(
    django_capture_on_commit_callbacks,
):
    owner = UserFactory(language="fr")
    export = prepared(owner, django_capture_on_commit_callbacks)

    assert OutgoingEmail.objects.get(to=owner.email, kind="accounts/data_export_ready").status == "sent"
    sent = mail.outbox[-1]
    assert sent.to == [owner.email]
    with translation.override("fr"):
        link = download_path(export)
    assert link.startswith("/fr/")
    assert settings.SITE_URL.rstrip("/") + link in sent.body
    html = sent.alternatives[0][0]
    assert 'lang="fr"' in html
    assert link in html


def test_mail_down_keeps_the_export_ready_on_the_privacy_page(
    client, settings, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.BrokenBackend"}}
    owner = UserFactory()
    reauthenticated(client, owner)

    response = ask(client, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    export = DataExport.objects.get(user=owner)
    assert export.status == DataExport.Status.READY
    assert OutgoingEmail.objects.get(to=owner.email).status == OutgoingEmail.Status.FAILED
    page = client.get(reverse("accounts:privacy")).content.decode()
    assert download_path(export) in page
    assert status_of(client, download_path(export)) == 200


def test_an_archive_that_cannot_be_made_is_said_so_and_may_be_asked_again(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    owner = UserFactory()
    with django_capture_on_commit_callbacks(execute=False):
        export, _ = data_export.data_export_request(user=owner)

    def storage_down(*args, **kwargs):
        raise OSError("bucket unreachable")

    monkeypatch.setattr("accounts.tasks.write_archive", storage_down)
    assert data_export_prepare(export_id=export.pk) == "failed"
    reauthenticated(client, owner)

    page = client.get(reverse("accounts:privacy")).content.decode()
    assert "could not be prepared" in page
    monkeypatch.undo()
    ask(client, django_capture_on_commit_callbacks)
    assert DataExport.objects.filter(user=owner, status=DataExport.Status.READY).count() == 1


def test_a_stalled_preparation_does_not_block_the_person_for_ever(django_capture_on_commit_callbacks):
    owner = UserFactory()
    with django_capture_on_commit_callbacks(execute=False):
        stalled, _ = data_export.data_export_request(user=owner)
    DataExport.objects.filter(pk=stalled.pk).update(requested_at=timezone.now() - timedelta(hours=2))

    with django_capture_on_commit_callbacks(execute=False):
        fresh, queued = data_export.data_export_request(user=owner)

    assert queued and fresh.pk != stalled.pk
    assert DataExport.objects.get(pk=stalled.pk).status == DataExport.Status.FAILED


def test_erasing_the_account_deletes_its_archives(django_capture_on_commit_callbacks):
    owner = UserFactory()
    export = prepared(owner, django_capture_on_commit_callbacks)

    user_erase(user=owner)

    assert not private_storage().exists(export.file.name)
    assert not DataExport.objects.exists()


def test_an_archive_finished_after_the_account_went_is_not_kept(
    django_capture_on_commit_callbacks, monkeypatch
):
    owner = UserFactory()
    with django_capture_on_commit_callbacks(execute=False):
        export, _ = data_export.data_export_request(user=owner)
    saved = []
    storage = DataExport._meta.get_field("file").storage
    real_save = storage.save

    def save_then_erase(name, content, **kwargs):
        saved.append(real_save(name, content, **kwargs))
        DataExport.objects.filter(pk=export.pk).delete()  # the account went meanwhile
        return saved[-1]

    monkeypatch.setattr(storage, "save", save_then_erase)

    assert data_export_prepare(export_id=export.pk) == "skipped"
    assert not storage.exists(saved[0])


def test_only_storage_calls_are_used_so_a_bucket_works_too(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    """A storage with no files on disk (as S3's): the archive is made, stored, streamed and expired."""
    bucket = InMemoryStorage()
    monkeypatch.setattr(DataExport._meta.get_field("file"), "storage", bucket)
    owner = UserFactory()
    export = prepared(owner, django_capture_on_commit_callbacks)
    client.force_login(owner)

    response = client.get(download_path(export))

    assert "README.txt" in archive_of(response).namelist()
    assert bucket.exists(export.file.name)
    DataExport.objects.filter(pk=export.pk).update(expires_at=timezone.now())
    assert data_export.data_exports_expire() == 1
    assert not bucket.exists(export.file.name)


def test_the_readme_is_written_in_the_persons_language(django_capture_on_commit_callbacks):
    enrolment = completed_enrolment(language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        certificate_issue(enrolment=enrolment)
    archive = io.BytesIO()

    write_archive(user=enrolment.user, file=archive)

    readme = zipfile.ZipFile(archive).read("README.txt").decode()
    with translation.override("fr"):
        valid = str(Certificate.Status.VALID.label)
    assert valid != str(Certificate.Status.VALID.label)  # the catalogue has it in French
    assert f"({valid})" in readme


def test_every_section_of_the_archive_says_what_it_holds():
    """An app that adds a section to the export describes it in its privacy.py (EXPORT_DESCRIPTION)."""
    descriptions = section_descriptions()

    assert sorted(s for s in user_data_export(user=UserFactory()) if not descriptions.get(s)) == []
