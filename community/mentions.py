"""Mentions in a post: how a writer calls a member of the space by name.

The rule: "@" followed by a member's display name exactly as their posts are signed, letters' case
aside ("@Amal", "@amal haddad"), ending at the end of the text, a space or a punctuation mark. A name
of up to four words is recognised. Only the people of the space (its trainees, trainers and staff) can
be mentioned: "@" before anyone else's name is plain text, and the writer is told nothing either way, so
a post never reveals who else has an account. Two members with the same name are both mentioned.
"""

import re
from functools import reduce
from operator import or_

from django.contrib.auth import get_user_model
from django.db.models import Q

from .access import space_member_ids
from .models import Space

MAX_WORDS = 4
MAX_MENTIONS = 10  # names looked for in one post: a list of fifty "@" is not fifty look-ups
# What can follow an "@": a run of words, each of letters or marks (Arabic names), digits, "-", "'" or ".".
_WORD = r"[\w'\u2019.-]+"  # \u2019: the apostrophe phones type
_AFTER_AT = re.compile(rf"(?<![\w@])@({_WORD}(?:[ \u00a0]{_WORD}){{0,{MAX_WORDS - 1}}})")


def mentioned_names(text: str) -> set[str]:
    """Every name a mention in `text` could stand for: the first word, the first two, and so on."""
    candidates = set()
    for match in list(_AFTER_AT.finditer(text))[:MAX_MENTIONS]:
        words = match.group(1).replace("\u00a0", " ").split(" ")
        for count in range(1, len(words) + 1):
            name = " ".join(words[:count]).rstrip(".'\u2019-")
            if name:
                candidates.add(name)
    return candidates


def mentioned_member_ids(*, space: Space, text: str) -> set[int]:
    """The members of `space` that `text` mentions: one query, none when no "@" is in it."""
    names = mentioned_names(text)
    if not names:
        return set()
    named = get_user_model().objects.filter(reduce(or_, (Q(display_name__iexact=name) for name in names)))
    return space_member_ids(space=space, among=named)
