import pytest
from django.test import override_settings
from django.urls import reverse

from network import services
from network.exceptions import NotYourself
from network.models import Conversation, Message, PersonBlock
from network.signals import message_sent
from tests.factories import UserFactory
from tests.network.helpers import listed_person

pytestmark = pytest.mark.django_db


def _start(client, person, body="Hello, can we talk about your migrant council?"):
    return client.post(
        reverse("network:message_start", args=[person.directory_profile.public_id]), {"body": body}
    )


def test_a_person_found_in_the_directory_gets_a_message_and_answers(client):
    amal = listed_person(display_name="Amal")
    louis = UserFactory(display_name="Louis")
    client.force_login(louis)

    response = _start(client, amal)

    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response["Location"].startswith(conversation.get_absolute_url())
    client.force_login(amal)
    inbox = client.get(reverse("network:inbox")).content.decode()
    assert "Louis" in inbox and "New" in inbox and "migrant council" in inbox
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert 'dir="auto"' in page and "migrant council" in page
    assert "New" not in client.get(reverse("network:inbox")).content.decode()  # read now

    client.post(
        reverse("network:reply", args=[conversation.public_id]),
        {"body": "Yes, gladly: https://example.org/x"},
    )

    assert Message.objects.count() == 2
    client.force_login(louis)
    page = client.get(conversation.get_absolute_url()).content.decode()
    assert 'rel="nofollow ugc noopener"' in page and "(example.org)" in page


def test_a_second_message_to_the_same_person_continues_the_conversation(client):
    amal = listed_person()
    client.force_login(UserFactory())
    _start(client, amal)
    _start(client, amal, "And another thing")

    assert Conversation.objects.count() == 1 and Message.objects.count() == 2


def test_message_text_is_escaped(client):
    amal = listed_person()
    client.force_login(UserFactory())
    _start(client, amal, "<script>alert(1)</script>")
    client.force_login(amal)

    html = client.get(Conversation.objects.get().get_absolute_url()).content.decode()

    assert "<script>alert(1)" not in html and "&lt;script&gt;" in html


def test_an_empty_or_invalid_message_keeps_what_was_typed(client):
    amal = listed_person()
    client.force_login(UserFactory())

    response = _start(client, amal, "Bad\x00text")

    assert response.status_code == 400 and "Bad" in response.content.decode()
    assert _start(client, amal, "   ").status_code == 400
    assert not Message.objects.exists()


def test_only_the_two_participants_read_a_conversation_not_even_staff(client):
    amal, louis = listed_person(), UserFactory()
    message = services.conversation_start(sender=louis, recipient=amal, body="Private words")
    conversation = message.conversation
    for outsider in (UserFactory(), UserFactory(is_staff=True, is_superuser=True)):
        client.force_login(outsider)
        assert client.get(conversation.get_absolute_url()).status_code == 404
        reply = client.post(reverse("network:reply", args=[conversation.public_id]), {"body": "Intruding"})
        assert reply.status_code == 404
        block = client.post(reverse("network:conversation_block", args=[conversation.public_id]))
        assert block.status_code == 404
        assert "Private words" not in client.get(reverse("network:inbox")).content.decode()
    assert Message.objects.count() == 1 and not PersonBlock.objects.exists()


def test_an_unlisted_person_cannot_be_written_to_from_the_directory(client):
    amal = listed_person()
    amal.directory_profile.listed = False
    amal.directory_profile.save()
    client.force_login(UserFactory())

    assert _start(client, amal).status_code == 404
    assert not Message.objects.exists()


def test_a_blocked_person_cannot_write_and_neither_sees_the_other(client):
    amal, louis = listed_person(display_name="Amal"), listed_person(display_name="Louis")
    conversation = services.conversation_start(sender=louis, recipient=amal, body="Hi").conversation
    client.force_login(amal)
    client.post(reverse("network:conversation_block", args=[conversation.public_id]))
    assert PersonBlock.objects.filter(blocker=amal, blocked=louis).exists()
    assert "Louis" not in client.get(reverse("network:directory")).content.decode()

    client.force_login(louis)
    response = client.post(reverse("network:reply", args=[conversation.public_id]), {"body": "Please answer"})
    assert response.status_code == 403
    assert "This person does not accept messages from you." in response.content.decode()
    response = _start(client, amal)
    assert response.status_code == 403 and "does not accept messages from you" in response.content.decode()
    assert "Amal" not in client.get(reverse("network:directory")).content.decode()
    assert client.get(amal.directory_profile.get_absolute_url()).status_code == 404
    assert Message.objects.count() == 1

    client.force_login(amal)
    block = PersonBlock.objects.get()
    client.post(reverse("network:block_remove", args=[block.pk]))
    assert not PersonBlock.objects.exists()


def test_someone_else_cannot_remove_a_block(client):
    block = services.person_block(blocker=UserFactory(), blocked=UserFactory())
    client.force_login(block.blocked)

    assert client.post(reverse("network:block_remove", args=[block.pk])).status_code == 404
    assert PersonBlock.objects.exists()


@override_settings(NETWORK_MESSAGE_RATE="3/10m/user", NETWORK_CONVERSATION_RATE="2/h/user")
def test_messages_and_new_conversations_are_rate_limited_per_sender(client):
    sender = UserFactory()
    first, second, third = listed_person(), listed_person(), listed_person()
    client.force_login(sender)

    assert _start(client, first).status_code == 302
    assert _start(client, second).status_code == 302
    refused = _start(client, third)  # a third stranger within the hour
    assert refused.status_code == 429 and "Please wait" in refused.content.decode()
    assert _start(client, first, "Following up").status_code == 302  # the same conversation: not new
    assert _start(client, first, "One more").status_code == 429  # every message counts: 3 in 10 minutes
    assert Message.objects.filter(sender=sender).count() == 3
    # Another sender has their own allowance.
    client.force_login(UserFactory())
    assert _start(client, third).status_code == 302


def test_a_new_message_is_announced_once_committed(django_capture_on_commit_callbacks):
    received = []

    def receiver(sender, message, **kwargs):
        received.append(message.pk)

    message_sent.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            message = services.conversation_start(sender=UserFactory(), recipient=listed_person(), body="Hi")
    finally:
        message_sent.disconnect(receiver)
    assert received == [message.pk]


def test_nobody_writes_to_themselves():
    amal = listed_person()
    with pytest.raises(NotYourself):
        services.conversation_start(sender=amal, recipient=amal, body="Me")
