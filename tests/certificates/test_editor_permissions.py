"""What an editor (the Editors group, as Wagtail and the demo create it) may open in the admin's Learning
menu: certificate designs, because editors own the look of certificates."""

import pytest
from django.contrib.auth.models import Group

from learning.certificates.models import CertificateDesign
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _partners(*names):
    """The partners' inline formset as the admin's form posts it."""
    data = {
        "partners-TOTAL_FORMS": str(len(names)),
        "partners-INITIAL_FORMS": "0",
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "6",
    }
    for number, name in enumerate(names):
        data |= {
            f"partners-{number}-name": name,
            f"partners-{number}-logo": "",
            f"partners-{number}-ORDER": number,
        }
    return data


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
            "paper_size": "letter",
            "orientation": "portrait",
            "accent_colour": "#123456",
            "heading": "",
            "background": "plain",
            **_partners(),
        },
    )

    assert listing.status_code == 200 and "Summit" in listing.content.decode()
    assert form.status_code == 200
    assert saved.status_code == 302
    design.refresh_from_db()
    assert (design.name, design.layout, design.paper_size, design.orientation) == (
        "Summit 2027",
        "modern",
        "letter",
        "portrait",
    )


def test_an_editor_adds_a_certificate_design(editor):
    response = editor.post(
        "/admin/learning/certificate-designs/new/",
        {
            "name": "Cities",
            "layout": "minimal",
            "paper_size": "a4",
            "orientation": "landscape",
            "accent_colour": "#0b5cad",
            "heading": "",
            "background": "dots",
            **_partners("Cities for Inclusion Network", "European Civic Academy"),
        },
    )

    assert response.status_code == 302
    design = CertificateDesign.objects.get(name="Cities")
    assert [partner.name for partner in design.partners.all()] == [
        "Cities for Inclusion Network",
        "European Civic Academy",
    ]


def test_a_trainer_without_the_editors_role_cannot_open_designs(client):
    trainer = UserFactory(is_staff=True)
    trainer.groups.add(Group.objects.get(name="Trainers"))
    client.force_login(trainer)

    response = client.get("/admin/learning/certificate-designs/")

    assert response.status_code in (302, 403)
