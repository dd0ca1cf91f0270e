import pytest
from django.urls import reverse

from learning.models import Topic
from network.models import DirectoryProfile
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_opting_in_and_choosing_fields_with_a_preview(client):
    topic = Topic.objects.create(name="Anti-discrimination")
    person = UserFactory(display_name="Yusuf", city="Antwerp", organisation="Afghan Youth Network")
    client.force_login(person)

    page = client.get(reverse("network:settings")).content.decode()
    assert "You are not in the directory" in page
    assert not DirectoryProfile.objects.get(user=person).listed  # off by default

    response = client.post(
        reverse("network:settings"),
        {
            "listed": "on",
            "show_name": "on",
            "show_city": "on",
            "show_topics": "on",
            "languages": ["prs", "en"],
            "topics": [topic.pk],
            "bio": "I run a youth network.\nAsk me about youth councils.",
        },
        follow=True,
    )

    profile = DirectoryProfile.objects.get(user=person)
    assert (
        profile.listed and profile.show_city and not profile.show_organisation and not profile.show_languages
    )
    assert sorted(profile.languages.values_list("code", flat=True)) == ["en", "prs"]
    preview = response.content.decode().split("How others see you")[1]
    assert "Yusuf" in preview and "Antwerp" in preview and "Anti-discrimination" in preview
    assert "Afghan Youth Network" not in preview and "youth councils" not in preview  # bio not shown


def test_a_bad_introduction_is_refused_keeping_what_was_typed(client):
    client.force_login(UserFactory())

    response = client.post(reverse("network:settings"), {"listed": "on", "bio": "x" * 501})

    assert response.status_code == 400 and "x" * 501 in response.content.decode()
    assert not DirectoryProfile.objects.filter(listed=True).exists()
    response = client.post(reverse("network:settings"), {"languages": ["xx"], "topics": ["abc"]})
    assert response.status_code == 400


def test_opting_out_takes_the_person_out_of_the_directory(client):
    person = UserFactory(display_name="Leaving Lina")
    client.force_login(person)
    client.post(reverse("network:settings"), {"listed": "on", "show_name": "on"})
    client.force_login(UserFactory())
    assert "Leaving Lina" in client.get(reverse("network:directory")).content.decode()

    client.force_login(person)
    client.post(reverse("network:settings"), {"show_name": "on"})

    client.force_login(UserFactory())
    assert "Leaving Lina" not in client.get(reverse("network:directory")).content.decode()
