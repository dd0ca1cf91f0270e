"""The trainer's workspace: messages sent to a cohort (kept as a log) and invitations by e-mail."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_invitation_token() -> str:
    # 256 bits: the link in the e-mail is the only proof the person holds the invited address.
    return secrets.token_urlsafe(32)


class CohortMessage(models.Model):
    """An e-mail a trainer sent to the whole cohort or a group of it; kept so co-trainers see it."""

    class Audience(models.TextChoices):
        ALL = "all", _("Everyone learning in the cohort")
        INACTIVE = "inactive", _("Inactive for 14 days or more")
        NOT_STARTED = "not_started", _("Not started yet")
        WAITING = "waiting", _("Pending requests and waitlist")

    cohort = models.ForeignKey(
        "learning.Cohort", verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audience = models.CharField(_("recipients"), max_length=12, choices=Audience, default=Audience.ALL)
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("message"), max_length=10_000)
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True)
    recipient_count = models.PositiveIntegerField(_("number of recipients"), default=0)
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        # The table keeps the name it had while the model lived in `learning`: moving the app moved no row.
        db_table = "learning_cohortmessage"
        verbose_name = _("cohort message")
        verbose_name_plural = _("cohort messages")
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return self.subject


class CohortInvitation(models.Model):
    """An address a trainer invited that had no account yet; the link leads through signup into the cohort."""

    cohort = models.ForeignKey(
        "learning.Cohort", verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail address"))
    name = models.CharField(_("name"), max_length=120, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        # The table keeps the name it had while the model lived in `learning`: moving the app moved no row.
        db_table = "learning_cohortinvitation"
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["cohort", "email"], name="one_invitation_per_address")]

    def __str__(self):
        return f"{self.email} · {self.cohort_id}"
