"""What was sent: the one record that keeps anybody from being reminded twice."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SentReminder(models.Model):
    """One reminder sent to one person, for one object of a kind, at one slot.

    The slot names the occasion ("24h@20261202T1000Z": a day before a session starting then; the moment
    of the last activity for an inactive trainee), so a session moved to another time, or a trainee
    active again and inactive again, is a new occasion. The unique constraint, not a check in Python,
    settles two workers that find the same reminder due at once: the second one's insert fails and it
    sends nothing.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="sent_reminders",
    )
    kind = models.CharField(_("kind"), max_length=50)
    # The kind's object (a live session, an enrolment...): a number, not a foreign key, since each kind
    # points at a model of its own; a deleted object simply has nothing due any more.
    object_id = models.PositiveBigIntegerField(_("object"))
    slot = models.CharField(_("occasion"), max_length=64)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind", "object_id", "slot"], name="one_reminder_per_occasion"
            )
        ]
        indexes = [models.Index(fields=["kind", "object_id"])]

    def __str__(self):
        return f"{self.kind} {self.object_id} {self.slot} → {self.person_id}"
