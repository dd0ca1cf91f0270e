"""Uploads are judged by their content, not their name, and photos lose their EXIF/GPS/XMP before they
are stored: Wagtail images and documents in the admin, and the trainers' invitation CSV."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from learning.models import Enrolment
from tests.factories import UserFactory
from tests.workspace.conftest import cohort_of, make_trainer

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:Description>Taken at home</rdf:Description></x:xmpmeta>'


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    return buffer.getvalue()


def photo_with_gps(fmt="JPEG", orientation=6):
    """A photo as a phone takes it: camera model, GPS position (Brussels), orientation and XMP."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0110] = "Phone 12"
    exif[0x0112] = orientation
    exif[GPS_IFD] = {1: "N", 2: (50.0, 50.0, 47.0), 3: "E", 4: (4.0, 21.0, 9.0)}
    buffer = io.BytesIO()
    image = Image.linear_gradient("L").convert("RGB").resize((64, 48))
    options = {"exif": exif.tobytes(), "xmp": XMP}
    if fmt == "JPEG":
        options.update(quality=85, comment=b"Nadia's kitchen")
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


@pytest.fixture
def editor(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def stored_original(image):
    with image.file.open("rb") as handle:
        return handle.read()


# Images -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "field"), [("/admin/images/add/", "file"), ("/admin/images/multiple/add/", "files[]")]
)
def test_a_photo_is_stored_without_its_gps_position_camera_or_xmp(editor, url, field):
    original = photo_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(GPS_IFD)  # the test photo does carry GPS

    response = editor.post(url, {"title": "Kitchen", field: SimpleUploadedFile("kitchen.jpg", original)})

    assert response.status_code in (200, 302)
    image = get_image_model().objects.get()
    stored = stored_original(image)
    kept = Image.open(io.BytesIO(stored))
    assert kept.format == "JPEG" and kept.size == (64, 48)
    assert kept.getexif().get_ifd(GPS_IFD) == {}
    assert dict(kept.getexif()) == {0x0112: 6}  # only the orientation: the photo stays upright
    assert "xmp" not in kept.info and "comment" not in kept.info
    for trace in (b"PhoneMaker", b"Phone 12", b"Taken at home", b"Nadia's kitchen"):
        assert trace not in stored
    # Wagtail's own record describes the stored file, not the upload.
    assert image.file_size == len(stored) and (image.width, image.height) == (64, 48)


def test_a_jpeg_keeps_its_pixels_when_its_metadata_goes(editor):
    original = photo_with_gps(orientation=1)
    editor.post("/admin/images/add/", {"title": "Kitchen", "file": SimpleUploadedFile("k.jpg", original)})

    stored = Image.open(io.BytesIO(stored_original(get_image_model().objects.get())))
    assert stored.tobytes() == Image.open(io.BytesIO(original)).tobytes()
    assert dict(stored.getexif()) == {}


@pytest.mark.parametrize(("fmt", "name"), [("PNG", "map.png"), ("WEBP", "map.webp")])
def test_other_formats_lose_their_gps_too(editor, fmt, name):
    editor.post("/admin/images/add/", {"title": "Map", "file": SimpleUploadedFile(name, photo_with_gps(fmt))})

    stored = stored_original(get_image_model().objects.get())
    kept = Image.open(io.BytesIO(stored))
    assert kept.format == fmt
    assert kept.getexif().get_ifd(GPS_IFD) == {} and b"PhoneMaker" not in stored and b"Taken at" not in stored


def test_an_image_without_metadata_is_stored_byte_for_byte(editor):
    original = png_bytes()
    editor.post("/admin/images/add/", {"title": "Blue", "file": SimpleUploadedFile("blue.png", original)})

    assert stored_original(get_image_model().objects.get()) == original


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("page.jpg", b"<!DOCTYPE html><html><script>alert(1)</script></html>"),
        ("photo.jpg", png_bytes()),  # a PNG named .jpg
        ("scan.png", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
    ],
)
def test_an_image_whose_content_is_something_else_is_refused(editor, name, content):
    response = editor.post("/admin/images/add/", {"title": "X", "file": SimpleUploadedFile(name, content)})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Upload a valid image" in html or "does not match the file format" in html
    assert not get_image_model().objects.exists()


# Documents --------------------------------------------------------------------------------------


def ooxml(part):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<document/>")
    return buffer.getvalue()


def opendocument(mimetype):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


REAL_DOCUMENTS = [
    ("toolkit.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"),
    ("plan.docx", ooxml("word/document.xml")),
    ("budget.xlsx", ooxml("xl/workbook.xml")),
    ("slides.pptx", ooxml("ppt/presentation.xml")),
    ("plan.odt", opendocument("application/vnd.oasis.opendocument.text")),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504),
    ("list.csv", b"name,e-mail\nNadia,nadia@example.org\n"),
    ("notes.txt", "Réunion à Gdańsk — مرحبا\n".encode()),
]


@pytest.mark.parametrize(("name", "content"), REAL_DOCUMENTS)
def test_a_real_document_uploads(editor, name, content):
    response = editor.post(
        "/admin/documents/add/", {"title": name, "file": SimpleUploadedFile(name, content)}
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert get_document_model().objects.get().title == name


@pytest.mark.parametrize(
    ("url", "field"), [("/admin/documents/add/", "file"), ("/admin/documents/multiple/add/", "files[]")]
)
@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("toolkit.pdf", png_bytes(), "its content is a PNG file"),
        ("notes.txt", b"<html><body><script>alert(1)</script></body></html>", "its content is a HTML file"),
        ("plan.docx", ooxml("xl/workbook.xml"), "its content is a"),  # a spreadsheet named .docx
        ("plan.odt", opendocument("application/vnd.oasis.opendocument.spreadsheet"), "its content is a"),
        ("budget.xlsx", b"name,amount\nhall,100\n", "its content is not in that format"),
    ],
)
def test_a_document_whose_content_is_not_its_extension_is_refused(editor, url, field, name, content, says):
    response = editor.post(url, {"title": name, field: SimpleUploadedFile(name, content)})

    assert response.status_code == 200
    html = response.content.decode()
    assert f"This file is named .{name.rsplit('.', 1)[1]} but" in html and says in html
    assert not get_document_model().objects.exists()


# The trainers' invitation CSV ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    [png_bytes(), ooxml("xl/workbook.xml"), b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"],
    ids=["png", "xlsx", "pdf"],
)
def test_an_invitation_list_that_is_not_text_is_refused_with_a_message(client, content):
    trainer = make_trainer()
    cohort = cohort_of(trainer, capacity=5)
    client.force_login(trainer)

    response = client.post(
        reverse("learning:workspace:invite", args=[cohort.pk]),
        {"csv_file": SimpleUploadedFile("people.csv", content)},
    )

    assert response.status_code == 400  # the form again, with the message
    assert "This file is not a CSV file." in response.content.decode()
    assert not Enrolment.objects.filter(cohort=cohort).exists()
