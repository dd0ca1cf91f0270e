"""The network's demo: alumni and city practitioners in the directory, each showing what they chose, and
one conversation between two of them. Written through the network's services; loading again changes
nothing."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from accounts.models import User
from learning.models import Topic
from network import services
from network.models import Conversation, Message
from toolkits.models import Theme

from .data import read


def _bio(spec: dict, user: User) -> str:
    """A person writes in their own language: French speakers' introductions are the French text."""
    bio = spec.get("bio", "")
    if isinstance(bio, dict):
        return bio["fr" if user.language == "fr" else "en"]
    return bio


def load(stdout) -> None:
    plan = read("network")
    english = Locale.objects.get(language_code="en")
    topic_names = {key: names["en"] for key, names in read("courses")["topics"].items()}
    topics = {key: Topic.objects.get(locale=english, name=name) for key, name in topic_names.items()}
    themes = {theme.slug: theme for theme in Theme.objects.filter(locale=english)}
    for spec in plan["profiles"]:
        user = User.objects.get(email=spec["email"])
        services.profile_update(
            user=user,
            listed=True,
            shown={f"show_{name}": True for name in spec["show"]},
            languages=spec["languages"],
            topics=[topics[key] for key in spec["topics"]],
            themes=[themes[slug] for slug in spec["themes"]],
            bio=_bio(spec, user),
        )
    messages = plan["conversation"]["messages"]
    first = User.objects.get(email=messages[0]["by"])
    other = User.objects.get(email=messages[0]["to"])
    made = 0
    if not Conversation.objects.filter(first__in=[first, other], second__in=[first, other]).exists():
        start = timezone.now() - timedelta(days=3)
        for number, spec in enumerate(messages):
            sender = User.objects.get(email=spec["by"])
            recipient = other if sender == first else first
            message = services.conversation_start(
                sender=sender, recipient=recipient, body=spec["text"], rate_limited=False
            )
            Message.objects.filter(pk=message.pk).update(created_at=start + timedelta(hours=5 * number))
            made += 1
        # The newest message is unread for the person it was written to, as it would be.
        last = start + timedelta(hours=5 * (len(messages) - 1))
        Conversation.objects.filter(pk=message.conversation_id).update(
            last_message_at=last, first_read_at=None, second_read_at=None
        )
        services.conversation_mark_read(
            conversation=Conversation.objects.get(pk=message.conversation_id), user=first
        )
    stdout.write(f"  network: {len(plan['profiles'])} people in the directory, {made} new messages")
