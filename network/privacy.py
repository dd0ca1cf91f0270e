"""The network's share of a person's data. Erasure removes the profile and the blocks; the messages the
person wrote stay in their conversations for the other participant, from "a former member"."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Conversation, DirectoryProfile, PersonBlock

EXPORT_DESCRIPTION = _(
    "Your network: your directory profile and what it shows, your conversations with every message in "
    "them, and the people you blocked."
)

PERSONAL_DATA = {
    "network.DirectoryProfile": "exported; deleted with the account",
    "network.SpokenLanguage": "exported with the profile; deleted with it",
    "network.Conversation": "exported; the other participant keeps it, with 'a former member'",
    "network.Message": "exported; the text stays for the other participant, signed 'a former member'",
    "network.PersonBlock": "exported (the people one blocked); deleted with the account, either way",
}


def _name(user) -> str:
    return user.display_name if user is not None else "a former member"


def export_user_data(user) -> dict:
    profile = (
        DirectoryProfile.objects.filter(user=user).prefetch_related("languages", "topics", "themes").first()
    )
    conversations = (
        Conversation.objects.filter(Q(first=user) | Q(second=user))
        .select_related("first", "second")
        .prefetch_related("messages__sender")
        .order_by("created_at", "pk")
    )
    return {
        "directory_profile": None
        if profile is None
        else {
            "listed": profile.listed,
            "shown": {
                name: getattr(profile, name)
                for name in (f.name for f in DirectoryProfile._meta.fields)
                if name.startswith("show_")
            },
            "languages": sorted(lang.code for lang in profile.languages.all()),
            "topics": sorted(t.name for t in profile.topics.all()),
            "themes": sorted(t.name for t in profile.themes.all()),
            "introduction": profile.bio,
        },
        "conversations": [
            {
                "with": _name(c.second if c.first_id == user.pk else c.first),
                "started": c.created_at.isoformat(),
                "messages": [
                    {
                        "from": "you" if m.sender_id == user.pk else _name(m.sender),
                        "text": m.body,
                        "sent": m.created_at.isoformat(),
                    }
                    for m in c.messages.all()
                ],
            }
            for c in conversations
        ],
        "people_blocked": [
            b.blocked.display_name for b in PersonBlock.objects.filter(blocker=user).select_related("blocked")
        ],
    }


def erase_user_data(user) -> None:
    # The profile, its languages and the blocks go with the account (CASCADE); messages and conversations
    # lose their person through SET_NULL. A conversation whose other participant is already gone has
    # nobody left to read it: it goes now, with its messages.
    Conversation.objects.filter(
        Q(first=user, second__isnull=True) | Q(second=user, first__isnull=True)
    ).delete()
    DirectoryProfile.objects.filter(user=user).delete()
