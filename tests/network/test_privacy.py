import json

import pytest

from accounts import services as account_services
from network import services
from network.models import Conversation, DirectoryProfile, Message, PersonBlock, SpokenLanguage
from tests.factories import UserFactory
from tests.network.helpers import listed_person

pytestmark = pytest.mark.django_db


def test_the_profile_and_messages_are_exported():
    amal = listed_person(display_name="Amal", languages=["ar", "fr"], bio="Organiser in Liège", show=("bio",))
    louis = listed_person(display_name="Louis")
    services.conversation_start(sender=louis, recipient=amal, body="Hello Amal")
    services.message_send(conversation=Conversation.objects.get(), sender=amal, body="Hello Louis")
    services.person_block(blocker=amal, blocked=UserFactory(display_name="Spammer"))

    found = account_services.user_data_export(user=amal)["network"]

    text = json.dumps(found, ensure_ascii=False)
    assert found["directory_profile"]["listed"] is True and found["directory_profile"]["languages"] == [
        "ar",
        "fr",
    ]
    assert "Organiser in Liège" in text and "Hello Amal" in text and "Hello Louis" in text
    assert found["conversations"][0]["with"] == "Louis" and found["people_blocked"] == ["Spammer"]


def test_erasure_removes_the_profile_and_keeps_messages_for_the_other_as_a_former_member(
    client, django_capture_on_commit_callbacks
):
    amal = listed_person(display_name="Amal Erased", languages=["ar"])
    louis = listed_person(display_name="Louis")
    services.conversation_start(sender=amal, recipient=louis, body="Words from Amal")
    services.person_block(blocker=amal, blocked=UserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        account_services.user_erase(user=amal)

    assert not DirectoryProfile.objects.filter(user__display_name="Amal Erased").exists()
    assert not SpokenLanguage.objects.filter(code="ar").exists() and not PersonBlock.objects.exists()
    message = Message.objects.get()
    assert message.sender is None and message.body == "Words from Amal"
    client.force_login(louis)
    html = client.get(message.conversation.get_absolute_url()).content.decode()
    assert "a former member" in html and "Words from Amal" in html and "Amal Erased" not in html
    assert "can no longer receive messages" in html
    assert "a former member" in client.get("/en/network/messages/").content.decode()


def test_a_conversation_goes_once_both_people_are_erased(django_capture_on_commit_callbacks):
    amal, louis = listed_person(), listed_person()
    services.conversation_start(sender=amal, recipient=louis, body="Hi")

    with django_capture_on_commit_callbacks(execute=True):
        account_services.user_erase(user=amal)
        assert Conversation.objects.exists()
        account_services.user_erase(user=louis)

    assert not Conversation.objects.exists() and not Message.objects.exists()
