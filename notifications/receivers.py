"""Notifications for what other apps announce by signal rather than by calling us."""

from django.contrib.auth import get_user_model

from .models import Kind
from .services import notification_send


def message_received(sender, message, **kwargs) -> None:
    """network.signals.message_sent, once the message committed: tell the other person of the pair."""
    conversation = message.conversation
    other = conversation.second_id if message.sender_id == conversation.first_id else conversation.first_id
    recipient = get_user_model().objects.filter(pk=other, is_active=True).first() if other else None
    notification_send(
        recipient=recipient, kind=Kind.MESSAGE, actor=message.sender, target=message.get_absolute_url()
    )
