"""A person's notifications and how they want to hear of each kind.

A notification points at what it is about by what stays true in every language: a Django view's path
without its language prefix (`/community/posts/9/`), or a Wagtail page (any of its
translations) with an anchor. The centre turns either into a link in the reader's own language when it
is opened, so a link never changes the reader's language. What it shows is a short snapshot (a thread's
title, a course's), never a post's text: a post hidden later leaves nothing of itself in the centre.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

SNAPSHOT_LENGTH = 200


class Kind(models.TextChoices):
    REPLY = "reply", _("Replies in discussions you take part in")
    ANSWER = "answer", _("A trainer's answer in your thread")
    MENTION = "mention", _("Someone mentions you in a discussion")
    REFLECTION_REVIEWED = "reflection_reviewed", _("A trainer reviews your reflection")
    REQUEST_APPROVED = "request_approved", _("A place in a cohort: a request approved or an invitation")
    CERTIFICATE_ISSUED = "certificate_issued", _("A certificate is issued to you")
    CHECKIN_DUE = "checkin_due", _("A city check-in is due")
    CHECKIN_SUBMITTED = "checkin_submitted", _("Your mentee city records a check-in")
    CHECKIN_COMMENT = "checkin_comment", _("A comment on a check-in of your city or your mentee city")
    SESSION_REMINDER = "session_reminder", _("A live session is about to start")
    MESSAGE = "message", _("A direct message")


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", _("By e-mail at once")
    DIGEST = "digest", _("In a daily e-mail")
    SITE = "site", _("Only on the site")


# What a person gets before choosing. Replies can be many: once a day. Approvals, invitations and
# certificates already come with their own e-mail (learning, workspace), so a second one would repeat it.
DEFAULT_DELIVERY = {
    Kind.REPLY: Delivery.DIGEST,
    Kind.ANSWER: Delivery.IMMEDIATE,
    Kind.MENTION: Delivery.IMMEDIATE,
    Kind.REFLECTION_REVIEWED: Delivery.DIGEST,
    Kind.REQUEST_APPROVED: Delivery.SITE,
    Kind.CERTIFICATE_ISSUED: Delivery.SITE,
    Kind.CHECKIN_DUE: Delivery.IMMEDIATE,
    # A pairing has three check-ins a year, and each is the other city's answer: worth an e-mail at once.
    Kind.CHECKIN_SUBMITTED: Delivery.IMMEDIATE,
    Kind.CHECKIN_COMMENT: Delivery.IMMEDIATE,
    Kind.SESSION_REMINDER: Delivery.IMMEDIATE,
    Kind.MESSAGE: Delivery.IMMEDIATE,
}


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    # Empty for what nobody did (a reminder), and once the actor's account is erased.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Without a page: the path after the language prefix. With one: only the anchor inside the page.
    target_path = models.CharField(_("link"), max_length=500, blank=True)
    target_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    snapshot = models.CharField(_("about"), max_length=SNAPSHOT_LENGTH, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    # When an e-mail told of it: at once, or in a daily digest (each at most once).
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)
    digested_at = models.DateTimeField(_("sent in a digest"), null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The header's unread count and "mark all as read".
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            # The centre's pages, newest first.
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_newest"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.recipient_id}"

    @property
    def unread(self) -> bool:
        return self.read_at is None


class Preference(models.Model):
    """A person's choice for one kind; a kind without a row follows DEFAULT_DELIVERY."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind)
    delivery = models.CharField(_("how"), max_length=10, choices=Delivery)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="one_preference_per_kind")]

    def __str__(self):
        return f"{self.user_id} · {self.kind}: {self.delivery}"
