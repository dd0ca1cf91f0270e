"""What the network's pages read, each in a fixed number of queries whatever the number of people.

A directory card is built from the fields the person chose to show and nothing else, so a template
cannot print a hidden field by mistake: what is not on the card is not on the page.
"""

from dataclasses import dataclass, field
from uuid import UUID

from django.core.paginator import Paginator
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.http import Http404

from learning.completed_courses import completed_course_keys, completers, course_titles
from learning.models import Topic
from toolkits.models import Theme

from .languages import SPOKEN_LANGUAGE_NAMES
from .models import Conversation, DirectoryProfile, Message, PersonBlock

PAGE_SIZE = 20


@dataclass
class Card:
    public_id: UUID
    url: str
    name: str = ""
    languages: list[str] = field(default_factory=list)
    city: str = ""
    organisation: str = ""
    topics: list[str] = field(default_factory=list)
    bio: str = ""
    courses: list[str] = field(default_factory=list)
    is_you: bool = False


def localized_names(model, rows, locale) -> dict[int, str]:
    """{row pk: name in `locale`} for translatable snippets (topics, themes), one query: the rows are
    the default language's, a translation is found by its translation key."""
    rows = list(rows)
    names = {row.pk: row.name for row in rows}
    if locale is None or not rows:
        return names
    by_key = {row.translation_key: row.pk for row in rows}
    for key, name in model.objects.filter(translation_key__in=by_key, locale=locale).values_list(
        "translation_key", "name"
    ):
        names[by_key[key]] = name
    return names


def unblocked_profiles(*, viewer):
    """Listed profiles of active people the viewer may see: neither of them blocked the other."""
    blocks = PersonBlock.objects.filter(
        Q(blocker=viewer, blocked=OuterRef("user")) | Q(blocker=OuterRef("user"), blocked=viewer)
    )
    return DirectoryProfile.objects.filter(listed=True, user__is_active=True).exclude(Exists(blocks))


def filtered_profiles(*, viewer, filters: dict):
    """Only fields a person shows can find them: a hidden city never answers a city filter."""
    profiles = unblocked_profiles(viewer=viewer)
    if filters.get("language"):
        profiles = profiles.filter(show_languages=True, languages__code=filters["language"])
    if filters.get("topic"):
        profiles = profiles.filter(show_topics=True, topics=filters["topic"])
    if filters.get("theme"):
        profiles = profiles.filter(show_topics=True, themes=filters["theme"])
    if filters.get("city"):
        profiles = profiles.filter(show_city=True, user__city__iexact=filters["city"])
    if filters.get("course"):
        profiles = profiles.filter(show_courses=True, user__in=completers(filters["course"]))
    return profiles.distinct()


def with_card_data(profiles):
    return profiles.select_related("user").prefetch_related("languages", "topics", "themes")


def cards(profiles, *, viewer, locale) -> list[Card]:
    """Cards for profiles read `with_card_data`: a few queries whatever their number."""
    profiles = list(profiles)
    topic_names = localized_names(
        Topic, {t for p in profiles if p.show_topics for t in p.topics.all()}, locale
    )
    theme_names = localized_names(
        Theme, {t for p in profiles if p.show_topics for t in p.themes.all()}, locale
    )
    courses = completed_course_keys(p.user_id for p in profiles if p.show_courses)
    titles = (
        course_titles(locale=locale, keys={k for keys in courses.values() for k in keys}) if courses else {}
    )
    found = []
    for profile in profiles:
        user = profile.user
        card = Card(public_id=profile.public_id, url=profile.get_absolute_url(), is_you=user.pk == viewer.pk)
        if profile.show_name:
            card.name = user.display_name
        if profile.show_languages:
            card.languages = sorted(
                SPOKEN_LANGUAGE_NAMES.get(lang.code, lang.code) for lang in profile.languages.all()
            )
        if profile.show_city:
            card.city = user.city
        if profile.show_organisation:
            card.organisation = user.organisation
        if profile.show_topics:
            # A catalogue topic and a toolkit theme may share a name: the card names it once.
            card.topics = sorted(
                {topic_names[t.pk] for t in profile.topics.all()}
                | {theme_names[t.pk] for t in profile.themes.all()}
            )
        if profile.show_bio:
            card.bio = profile.bio
        if profile.show_courses:
            card.courses = [titles[k] for k in courses.get(user.pk, []) if k in titles]
        found.append(card)
    return found


def directory_page(*, viewer, filters: dict, page_number, locale):
    profiles = with_card_data(filtered_profiles(viewer=viewer, filters=filters))
    page = Paginator(profiles.order_by("user__display_name", "pk"), PAGE_SIZE).get_page(page_number)
    page.object_list = cards(page.object_list, viewer=viewer, locale=locale)
    return page


def person(*, viewer, public_id) -> DirectoryProfile:
    """A listed profile the viewer may see; an unlisted one, or one behind a block, does not exist (404)."""
    profile = unblocked_profiles(viewer=viewer).select_related("user").filter(public_id=public_id).first()
    if profile is None:
        raise Http404
    return profile


def listed_person(*, public_id) -> DirectoryProfile:
    """A listed profile whatever the blocks: for the writes that must say "blocked" instead of 404."""
    profile = (
        DirectoryProfile.objects.filter(listed=True, user__is_active=True, public_id=public_id)
        .select_related("user")
        .first()
    )
    if profile is None:
        raise Http404
    return profile


def conversation_between(a, b) -> Conversation | None:
    first, second = sorted([a.pk, b.pk])
    return Conversation.objects.filter(first_id=first, second_id=second).first()


def participant_conversation(*, user, public_id) -> Conversation:
    """Only its two people read a conversation: for anyone else, staff and trainers too, it does not exist."""
    conversation = (
        Conversation.objects.filter(Q(first=user) | Q(second=user), public_id=public_id)
        .select_related("first", "second")
        .first()
    )
    if conversation is None:
        raise Http404
    return conversation


def conversation_messages(conversation: Conversation) -> list[Message]:
    return list(conversation.messages.select_related("sender"))


def inbox(*, user, page_number):
    """The person's conversations, the latest first, each with the other person, the last message and an
    unread mark: one query for the page (the last message is a subquery)."""
    last = Message.objects.filter(conversation=OuterRef("pk")).order_by("-created_at", "-pk")
    conversations = (
        Conversation.objects.filter(Q(first=user) | Q(second=user))
        .select_related("first", "second")
        .annotate(
            last_body=Subquery(last.values("body")[:1]), last_sender=Subquery(last.values("sender")[:1])
        )
        .order_by("-last_message_at", "-pk")
    )
    page = Paginator(conversations, PAGE_SIZE).get_page(page_number)
    for conversation in page.object_list:
        mine_first = conversation.first_id == user.pk
        conversation.other = conversation.second if mine_first else conversation.first
        read_at = conversation.first_read_at if mine_first else conversation.second_read_at
        conversation.unread = read_at is None or conversation.last_message_at > read_at
    return page


def unread_count(*, user) -> int:
    """Conversations with a message the person has not read: one indexed count."""
    return Conversation.objects.filter(
        Q(first=user) & (Q(first_read_at__isnull=True) | Q(last_message_at__gt=F("first_read_at")))
        | Q(second=user) & (Q(second_read_at__isnull=True) | Q(last_message_at__gt=F("second_read_at")))
    ).count()
