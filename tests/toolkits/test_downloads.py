"""Documents: counted when downloaded, served as attachments, type- and size-checked, private ones private."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import UserFactory
from tests.toolkits import factories as f
from toolkits.models import DownloadConsent, DownloadEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def toolkit_with_document(db):
    doc = f.document("Dresden anti-discrimination guide", name="guide.pdf")
    page = f.toolkit(
        f.library(), title="Dresden toolkit", city="Dresden", country="DE", documents=[(doc, "de")]
    )
    return page, doc


def test_anonymous_download_is_counted_without_city(client, toolkit_with_document):
    page, doc = toolkit_with_document
    response = client.get(f"{doc.url}?toolkit={page.pk}")
    assert response.status_code == 200
    event = DownloadEvent.objects.get()
    assert (event.document, event.toolkit, event.city, event.organisation) == (doc, page.specific, "", "")


def test_city_is_recorded_only_with_consent(client, toolkit_with_document):
    _page, doc = toolkit_with_document
    user = UserFactory(city="Gdansk", organisation="City of Gdansk")
    client.force_login(user)
    client.get(doc.url)
    DownloadConsent.objects.create(user=user)
    client.get(doc.url)
    assert list(DownloadEvent.objects.order_by("pk").values_list("city", "organisation")) == [
        ("", ""),
        ("Gdansk", "City of Gdansk"),
    ]


def test_consent_can_be_given_and_withdrawn(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("toolkits:my_plans"), {"consent": "on"})
    assert DownloadConsent.objects.filter(user=user).exists()
    client.post(reverse("toolkits:my_plans"), {})
    assert not DownloadConsent.objects.filter(user=user).exists()


@pytest.mark.parametrize(("name", "content"), [("guide.pdf", b"%PDF-1.4"), ("notes.txt", b"plain")])
def test_documents_are_downloaded_as_attachments(client, name, content):
    doc = f.document("Doc", name=name, content=content)
    response = client.get(doc.url)
    assert response["Content-Disposition"].startswith("attachment")
    # Wagtail writes the guessed encoding even when there is none: a literal "Content-Encoding: None",
    # which tells a client to decode the file with a coding that does not exist.
    assert "Content-Encoding" not in response


def test_documents_are_served_through_the_serve_view(toolkit_with_document):
    _page, doc = toolkit_with_document
    assert doc.url.startswith("/documents/")


def test_private_collection_is_denied_to_anonymous(client):
    private = Collection.get_first_root_node().add_child(name="Staff only")
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert restriction.pk
    doc = f.document("Internal evaluation", name="evaluation.pdf", collection=private)

    response = client.get(doc.url)

    assert response.status_code == 302
    assert "login" in response["Location"]
    assert not DownloadEvent.objects.exists()


def upload(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.fixture
def editor(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def test_disallowed_file_type_is_refused_on_upload(client, editor):
    from wagtail.documents.models import Document

    response = upload(client, "payload.exe", b"MZ\x90\x00")
    assert response.status_code == 200  # Wagtail's admin re-renders the form with its error
    assert (
        "Not a supported document extension" in response.content.decode()
        or "extension" in response.content.decode()
    )
    assert not Document.objects.filter(title="Upload").exists()


def test_too_large_file_is_refused_on_upload(client, editor, settings):
    from wagtail.documents.models import Document

    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = upload(client, "big.pdf", b"%PDF" + b"0" * 4096)
    assert not Document.objects.filter(title="Upload").exists()
    assert response.status_code == 200


def test_allowed_file_is_accepted(client, editor):
    from wagtail.documents.models import Document

    upload(client, "plan.pdf", b"%PDF-1.4 small")
    assert Document.objects.filter(title="Upload").exists()


def test_staff_download_report_with_csv_and_xlsx_export(client, toolkit_with_document):
    _page, doc = toolkit_with_document
    client.get(doc.url)
    client.get(doc.url)
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)

    html = client.get(reverse("toolkits_downloads_report"))
    csv = client.get(reverse("toolkits_downloads_report"), {"export": "csv"})
    xlsx = client.get(reverse("toolkits_downloads_report"), {"export": "xlsx"})

    assert html.status_code == 200 and "Dresden anti-discrimination guide" in html.content.decode()
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "Dresden toolkit" in body and ",2" in body
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_download_report_is_staff_only(client):
    client.force_login(UserFactory())
    response = client.get(reverse("toolkits_downloads_report"))
    assert response.status_code in {302, 403}


def test_csv_export_keeps_formulas_as_text(client, toolkit_with_document):
    _page, doc = toolkit_with_document
    DownloadEvent.objects.create(
        document=doc, document_title=doc.title, city="=HYPERLINK(1)", organisation="@x"
    )
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    csv = client.get(reverse("toolkits_downloads_report"), {"export": "csv"})
    body = b"".join(csv.streaming_content).decode() if csv.streaming else csv.content.decode()
    assert "'=HYPERLINK(1)" in body and "'@x" in body


def test_downloads_counted_under_a_city_are_exported_and_blanked_at_erasure(client, toolkit_with_document):
    from accounts import services as account_services
    from toolkits import privacy

    _page, doc = toolkit_with_document
    user = UserFactory(city="Gdansk", organisation="City of Gdansk")
    DownloadConsent.objects.create(user=user)
    client.force_login(user)
    client.get(doc.url)

    exported = privacy.export_user_data(user)["downloads_counted_under_your_city"]
    assert [(d["document"], d["city"]) for d in exported] == [("Dresden anti-discrimination guide", "Gdansk")]

    account_services.user_erase(user=user)

    event = DownloadEvent.objects.get()  # the download stays counted, under no city
    assert (event.city, event.organisation, event.counted_for) == ("", "", None)


def test_download_report_xlsx_holds_the_month_as_a_date_cell(client, toolkit_with_document):
    import io
    from datetime import datetime

    import openpyxl

    _page, doc = toolkit_with_document
    client.get(doc.url)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    xlsx = client.get(reverse("toolkits_downloads_report"), {"export": "xlsx"})

    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    month = sheet.cell(row=2, column=1)
    assert isinstance(month.value, datetime) and month.value.day == 1
    assert month.number_format == "yyyy-mm"
