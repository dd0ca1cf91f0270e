"""Every e-mail the platform sends, kept until it is delivered, so that a mail outage loses nothing.

A request never talks to the mail server: it records the message here and the task queue delivers it,
with retries. Staff see what could not be sent in the admin (Settings → Outgoing e-mail).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=100, help_text=_("Which e-mail this is (its template)."))
    to = models.CharField(_("to"), max_length=254)
    from_email = models.CharField(_("from"), max_length=320, blank=True)
    subject = models.CharField(_("subject"), max_length=998)
    # Kept only until delivery: bodies can hold sign-in and password-reset links.
    body = models.TextField(_("text"), blank=True)
    html = models.TextField(_("HTML"), blank=True)
    # Extra mail headers, e.g. the notifications' List-Unsubscribe (RFC 8058); never user-typed text.
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # When a worker took it: a row still "sending" long after this lost its worker mid-send.
    claimed_at = models.DateTimeField(_("sending since"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "created_at"]), models.Index(fields=["to"])]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to}"
