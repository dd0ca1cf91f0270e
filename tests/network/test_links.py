import pytest
from django.urls import reverse

from network import services
from tests.factories import UserFactory
from tests.network.helpers import listed_person

pytestmark = pytest.mark.django_db


def test_my_learning_leads_to_the_directory_and_counts_new_messages(client):
    amal = listed_person()
    services.conversation_start(sender=UserFactory(), recipient=amal, body="Hello")
    services.conversation_start(sender=UserFactory(), recipient=amal, body="Hello too")
    client.force_login(amal)

    html = client.get(reverse("learning:dashboard")).content.decode()

    assert reverse("network:directory") in html and reverse("network:inbox") in html
    assert "2 new" in html
