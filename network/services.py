"""Every write of the network: the site's pages and the demo loader come through here."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from community.limits import consume_allowance

from .exceptions import FormerMember, MessagingBlocked, NotListed, NotYourself, RateLimited, YouBlocked
from .models import Conversation, DirectoryProfile, Message, PersonBlock, SpokenLanguage
from .signals import message_sent


def profile_get_or_create(*, user) -> DirectoryProfile:
    """The person's profile, made (not listed) the first time they open their settings."""
    profile, _created = DirectoryProfile.objects.get_or_create(user=user)
    return profile


@transaction.atomic
def profile_update(
    *,
    user,
    listed: bool,
    shown: dict[str, bool],
    languages: list[str],
    topics,
    themes,
    bio: str,
) -> DirectoryProfile:
    """`shown` maps each `show_*` field of DirectoryProfile to the person's choice."""
    profile = profile_get_or_create(user=user)
    profile.listed = listed
    for name, value in shown.items():
        if not name.startswith("show_") or not hasattr(profile, name):
            raise ValueError(f"{name} is not a choice of the directory profile")
        setattr(profile, name, value)
    profile.bio = bio
    profile.save()
    profile.topics.set(topics)
    profile.themes.set(themes)
    wanted = set(languages)
    profile.languages.exclude(code__in=wanted).delete()
    have = set(profile.languages.values_list("code", flat=True))
    SpokenLanguage.objects.bulk_create(
        [SpokenLanguage(profile=profile, code=c) for c in sorted(wanted - have)]
    )
    return profile


def block_between(a, b) -> PersonBlock | None:
    """The block that stands between two people, either way (one query)."""
    return PersonBlock.objects.filter(Q(blocker=a, blocked=b) | Q(blocker=b, blocked=a)).first()


def check_may_write(*, sender, recipient) -> None:
    """Raises the refusal that stands between `sender` and `recipient`, if any."""
    _may_write(sender, recipient)


def _may_write(sender, recipient) -> None:
    if recipient is None:
        raise FormerMember
    if recipient.pk == sender.pk:
        raise NotYourself
    block = block_between(sender, recipient)
    if block is not None:
        raise YouBlocked if block.blocker_id == sender.pk else MessagingBlocked


def _consume(sender, *, new_conversation: bool) -> None:
    # Starting conversations with many strangers is what spam looks like: it has a tighter limit of its
    # own, on top of the limit every message counts against.
    if new_conversation and not consume_allowance(
        sender, rates=settings.NETWORK_CONVERSATION_RATE, scope="network:rl:conversation"
    ):
        raise RateLimited
    if not consume_allowance(sender, rates=settings.NETWORK_MESSAGE_RATE, scope="network:rl:message"):
        raise RateLimited


def _add(conversation: Conversation, sender, body: str) -> Message:
    message = Message.objects.create(conversation=conversation, sender=sender, body=body)
    mine = "first_read_at" if sender.pk == conversation.first_id else "second_read_at"
    Conversation.objects.filter(pk=conversation.pk).update(
        last_message_at=message.created_at, **{mine: message.created_at}
    )
    conversation.last_message_at = message.created_at
    setattr(conversation, mine, message.created_at)
    transaction.on_commit(lambda: message_sent.send(sender=Message, message=message))
    return message


@transaction.atomic
def conversation_start(*, sender, recipient, body: str, rate_limited: bool = True) -> Message:
    """A first message to someone found in the directory, or the next one of the pair's conversation."""
    _may_write(sender, recipient)
    if not DirectoryProfile.objects.filter(user=recipient, listed=True).exists():
        raise NotListed
    first, second = sorted([sender, recipient], key=lambda person: person.pk)
    conversation = Conversation.objects.select_for_update().filter(first=first, second=second).first()
    if rate_limited:
        _consume(sender, new_conversation=conversation is None)
    if conversation is None:
        conversation, _created = Conversation.objects.get_or_create(
            first=first, second=second, defaults={"last_message_at": timezone.now()}
        )
    return _add(conversation, sender, body)


@transaction.atomic
def message_send(*, conversation: Conversation, sender, body: str, rate_limited: bool = True) -> Message:
    """An answer in a conversation `sender` takes part in (whether or not the other is still listed)."""
    if not conversation.is_participant(sender):
        raise NotListed
    recipient = conversation.second if sender.pk == conversation.first_id else conversation.first
    _may_write(sender, recipient)
    if rate_limited:
        _consume(sender, new_conversation=False)
    return _add(conversation, sender, body)


def conversation_mark_read(*, conversation: Conversation, user) -> None:
    field = "first_read_at" if user.pk == conversation.first_id else "second_read_at"
    Conversation.objects.filter(pk=conversation.pk).update(**{field: conversation.last_message_at})


def person_block(*, blocker, blocked) -> PersonBlock:
    if blocker.pk == blocked.pk:
        raise NotYourself
    block, _created = PersonBlock.objects.get_or_create(blocker=blocker, blocked=blocked)
    return block


def person_unblock(*, blocker, blocked) -> None:
    PersonBlock.objects.filter(blocker=blocker, blocked=blocked).delete()
