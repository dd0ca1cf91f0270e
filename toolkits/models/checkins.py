"""Mentor check-ins: how a mentee city's final plan is being carried out, 3, 6 and 12 months on.

A check-in belongs to the plan (the city's data) and to the pairing that asked for it; the rows of a
submitted check-in name the action or indicator they answer by where it sits in the plan (section key
and row) and keep its words as they were, so a later edit of the plan never rewrites what was reported.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .organisations import Organisation, Pairing
from .plans import ActionPlan

# Months after the plan became final.
MILESTONES = (3, 6, 12)
# A check-in can be filled in from this many days before it is due (a team reporting a little early).
OPENS_DAYS_BEFORE = 30


class CheckInQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(submitted_at__isnull=True)

    def overdue(self, on=None):
        return self.pending().filter(due_on__lt=on or timezone.localdate())


class CheckIn(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="checkins")
    # The mentor who reads it; the history stays with the plan if the pairing is deleted.
    pairing = models.ForeignKey(
        Pairing, on_delete=models.SET_NULL, null=True, blank=True, related_name="checkins"
    )
    months = models.PositiveSmallIntegerField(_("months after the plan became final"))
    due_on = models.DateField(_("due on"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(_("updated"), null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CheckInQuerySet.as_manager()

    class Meta:
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        ordering = ["plan", "due_on"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "months"], name="toolkits_checkin_unique_milestone"),
        ]
        indexes = [models.Index(fields=["submitted_at", "due_on"], name="toolkits_checkin_pending")]

    def __str__(self) -> str:
        return _("%(plan)s: %(months)s-month check-in") % {"plan": self.plan, "months": self.months}

    @property
    def is_submitted(self) -> bool:
        return self.submitted_at is not None

    @property
    def opens_on(self):
        return self.due_on - timedelta(days=OPENS_DAYS_BEFORE)

    def is_open(self, on=None) -> bool:
        return (on or timezone.localdate()) >= self.opens_on

    def days_overdue(self, on=None) -> int:
        if self.is_submitted:
            return 0
        return max(((on or timezone.localdate()) - self.due_on).days, 0)


class CheckInActionUpdate(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="action_updates")
    section_key = models.CharField(max_length=64)
    row = models.PositiveSmallIntegerField()
    action = models.CharField(_("action"), max_length=300)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    note = models.TextField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["checkin", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["checkin", "section_key", "row"], name="toolkits_checkinaction_unique_row"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.action}: {self.get_status_display()}"


class CheckInIndicatorValue(models.Model):
    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="indicator_values")
    section_key = models.CharField(max_length=64)
    row = models.PositiveSmallIntegerField()
    indicator = models.CharField(_("indicator"), max_length=300)
    target = models.CharField(_("target"), max_length=300, blank=True)
    value = models.CharField(_("current value"), max_length=100, blank=True)

    class Meta:
        ordering = ["checkin", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["checkin", "section_key", "row"], name="toolkits_checkinindicator_unique_row"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value}"


class CheckInComment(models.Model):
    """The mentor's (or the team's) remark on a submitted check-in."""

    checkin = models.ForeignKey(CheckIn, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]
