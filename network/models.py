"""The directory's profiles, conversations between two people, and the blocks people set.

A profile is the person's own choice twice over: whether they are listed at all (off until they say so)
and, field by field, what others see. Pages find profiles and conversations by a random public id, so
nobody learns who is in the directory, or how many talk, by counting numbers.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.validators import validate_multiline

from .languages import SPOKEN_LANGUAGES

BIO_MAX_LENGTH = 500
MESSAGE_MAX_LENGTH = 5_000


class DirectoryProfile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="directory_profile",
    )
    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    listed = models.BooleanField(_("show me in the directory"), default=False)
    # What the directory shows of the person: the name only until they choose more. City and organisation
    # are the account's own (one place to keep them right); the rest belongs to the directory.
    show_name = models.BooleanField(_("my display name"), default=True)
    show_languages = models.BooleanField(_("the languages I speak"), default=False)
    show_city = models.BooleanField(_("my city"), default=False)
    show_organisation = models.BooleanField(_("my organisation"), default=False)
    show_topics = models.BooleanField(_("the topics I work on"), default=False)
    show_bio = models.BooleanField(_("my short introduction"), default=False)
    show_courses = models.BooleanField(_("the courses I completed"), default=False)
    topics = models.ManyToManyField("learning.Topic", verbose_name=_("topics"), blank=True, related_name="+")
    themes = models.ManyToManyField(
        "toolkits.Theme", verbose_name=_("themes of work"), blank=True, related_name="+"
    )
    bio = models.TextField(
        _("short introduction"), max_length=BIO_MAX_LENGTH, blank=True, validators=[validate_multiline]
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("directory profile")
        verbose_name_plural = _("directory profiles")
        indexes = [models.Index(fields=["listed"], condition=Q(listed=True), name="network_listed_profiles")]

    def __str__(self):
        return f"{self.user_id} ({'listed' if self.listed else 'not listed'})"

    def get_absolute_url(self) -> str:
        return reverse("network:person", args=[self.public_id])


class SpokenLanguage(models.Model):
    """One language a person speaks: a row each, so the directory filters by language on any database."""

    profile = models.ForeignKey(DirectoryProfile, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language"), max_length=10, choices=SPOKEN_LANGUAGES)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["profile", "code"], name="one_row_per_spoken_language")
        ]
        indexes = [models.Index(fields=["code", "profile"])]

    def __str__(self):
        return self.code


class Conversation(models.Model):
    """Messages between two people, one conversation per pair (`first` is the one with the smaller id).

    A participant whose account is erased becomes empty: the other still reads the conversation, from
    "a former member"."""

    public_id = models.UUIDField(_("public id"), default=uuid.uuid4, unique=True, editable=False)
    first = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    second = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # How far each has read, and the latest message: the inbox marks unread conversations without
    # reading their messages.
    first_read_at = models.DateTimeField(null=True, blank=True)
    second_read_at = models.DateTimeField(null=True, blank=True)
    last_message_at = models.DateTimeField(_("last message"))
    created_at = models.DateTimeField(_("started"), auto_now_add=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_conversation_per_pair"),
            models.CheckConstraint(condition=Q(first__lt=F("second")), name="conversation_pair_in_order"),
        ]
        indexes = [
            models.Index(fields=["first", "-last_message_at"]),
            models.Index(fields=["second", "-last_message_at"]),
        ]

    def __str__(self):
        return f"{self.first_id} · {self.second_id}"

    def get_absolute_url(self) -> str:
        return reverse("network:conversation", args=[self.public_id])

    def is_participant(self, user) -> bool:
        return user.is_authenticated and user.pk in (self.first_id, self.second_id)


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, verbose_name=_("conversation"), on_delete=models.CASCADE, related_name="messages"
    )
    # Empty once the sender's account is erased: the text stays for the other, from "a former member".
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH, validators=[validate_multiline])
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["conversation", "created_at"])]

    def __str__(self):
        return f"{self.conversation_id} #{self.pk}"

    def get_absolute_url(self) -> str:
        return f"{self.conversation.get_absolute_url()}#message-{self.pk}"


class PersonBlock(models.Model):
    """`blocker` does not want to hear from `blocked`: no messages between them, and neither finds the
    other in the directory."""

    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="one_block_per_pair")]

    def __str__(self):
        return f"{self.blocker_id} ⊘ {self.blocked_id}"
