"""What an editor (the Editors group, as Wagtail and the demo create it) may open in the admin's Learning
menu: certificate designs, because editors own the look of certificates."""

import pytest
from django.contrib.auth.models import Group

from learning.certificates.models import CertificateDesign
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def test_an_editor_opens_and_changes_a_certificate_design(editor):
    design = CertificateDesign.objects.create(name="Summit", layout="classic")

    listing = editor.get("/admin/learning/certificate-designs/")
    form = editor.get(f"/admin/learning/certificate-designs/edit/{design.pk}/")
    saved = editor.post(
        f"/admin/learning/certificate-designs/edit/{design.pk}/",
        {
            "name": "Summit 2027",
            "layout": "modern",
            "accent_colour": "#123456",
            "heading": "",
            "background": "plain",
        },
    )

    assert listing.status_code == 200 and "Summit" in listing.content.decode()
    assert form.status_code == 200
    assert saved.status_code == 302
    design.refresh_from_db()
    assert (design.name, design.layout) == ("Summit 2027", "modern")


def test_an_editor_adds_a_certificate_design(editor):
    response = editor.post(
        "/admin/learning/certificate-designs/new/",
        {
            "name": "Cities",
            "layout": "minimal",
            "accent_colour": "#0b5cad",
            "heading": "",
            "background": "dots",
        },
    )

    assert response.status_code == 302
    assert CertificateDesign.objects.filter(name="Cities").exists()


def test_a_trainer_without_the_editors_role_cannot_open_designs(client):
    trainer = UserFactory(is_staff=True)
    trainer.groups.add(Group.objects.get(name="Trainers"))
    client.force_login(trainer)

    response = client.get("/admin/learning/certificate-designs/")

    assert response.status_code in (302, 403)
