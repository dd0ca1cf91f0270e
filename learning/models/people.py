"""People's data: cohorts, enrolments, progress, quiz attempts, reflections and live-session attendance.

People's data points at lessons by their `translation_key` (`lesson_key`), which every language version of
a lesson shares, so a trainee who switches language keeps their progress. The foreign key to the page
itself is PROTECT: an editor cannot delete a lesson someone has progress in (unpublish it instead).
"""

import secrets
import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from accounts.models import time_zone_choices
from accounts.validators import validate_single_line
from core.site_cache import RetiringQuerySet

from ..titles import TITLES_HELP, TitlesField, title_in


def new_invite_code() -> str:
    return secrets.token_urlsafe(9)


class Cohort(models.Model):
    """A group of trainees taking a course together, or the always-open cohort of a self-paced course."""

    class Mode(models.TextChoices):
        OPEN = "open", _("Open: anyone can enrol")
        APPROVAL = "approval", _("Approval: a trainer accepts each request")
        INVITE = "invite", _("Invitation code")
        CLOSED = "closed", _("Closed")

    course = models.ForeignKey(
        "learning.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="cohorts"
    )
    # Checked here, not only in the workspace's form, so that the admin refuses it too: the title goes into
    # e-mail subjects and export cells, where a control character breaks the mail or the file.
    title = models.CharField(
        _("title"),
        max_length=150,
        validators=[validate_single_line],
        help_text=_("In the cohort's language."),
    )
    titles = TitlesField(_("title in each language"), help_text=TITLES_HELP)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    enrolment_mode = models.CharField(_("enrolment"), max_length=10, choices=Mode, default=Mode.OPEN)
    invite_code = models.CharField(_("invitation code"), max_length=40, default=new_invite_code, blank=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), blank=True, related_name="trained_cohorts"
    )
    waitlist = models.BooleanField(_("waitlist when full"), default=True)
    # Read by the reminders app's daily check (reminders/inactivity.py); empty: no such reminder.
    remind_inactive_days = models.PositiveSmallIntegerField(
        _("remind trainees inactive for (days)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "A trainee with no progress for this many days gets one reminder by e-mail, and another only "
            "after they have been active again. Leave empty for none."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = RetiringQuerySet.as_manager()  # seats and dates show in the cached catalogue

    # What a trainer sets in the workspace and an editor in the admin: one list, so the two forms cannot
    # drift apart (the admin adds the invitation code and the trainers, which the workspace sets itself).
    SETTINGS_FIELDS = (
        "title",
        "titles",
        "starts_on",
        "ends_on",
        "capacity",
        "enrolment_mode",
        "language",
        "waitlist",
        "remind_inactive_days",
    )

    class Meta:
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="cohort_ends_after_start",
            )
        ]

    def __str__(self):
        return self.localized_title

    def title_in(self, language: str) -> str:
        """The title readers of `language` see: theirs if a trainer gave one, else the cohort's own."""
        return title_in(self.titles, self.title, language)

    @property
    def localized_title(self) -> str:
        """The title in the active language (the page's, or the recipient's inside an e-mail)."""
        return self.title_in(translation.get_language())

    @property
    def enrol_url(self) -> str:
        return reverse("learning:enrol", args=[self.pk])


class Enrolment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Request pending")
        WAITLISTED = "waitlisted", _("On the waitlist")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        REJECTED = "rejected", _("Not accepted")

    # Statuses that give access to the lessons.
    LEARNING = (Status.ACTIVE, Status.COMPLETED)
    # Statuses that hold (or ask for) the person's one place in a course.
    CURRENT = (Status.PENDING, Status.WAITLISTED, Status.ACTIVE, Status.COMPLETED)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="enrolments"
    )
    # The course's translation key, copied from the cohort: the database can then hold the rule that a
    # person has one current place per course, whichever cohort or language version it is in.
    course_key = models.UUIDField(_("course"), editable=False)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)
    status_changed_at = models.DateTimeField(_("status changed"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    signed_off_at = models.DateTimeField(_("signed off"), null=True, blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed off by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_activity_at = models.DateTimeField(_("last activity"), null=True, blank=True)

    objects = RetiringQuerySet.as_manager()  # seats taken show in the cached catalogue

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "cohort"], name="one_enrolment_per_cohort"),
            # One place per person and course across cohorts and translations: a second cohort of the
            # same course can never take a trainee's records away from the cohort that trains them.
            models.UniqueConstraint(
                fields=["user", "course_key"],
                condition=Q(status__in=["pending", "waitlisted", "active", "completed"]),
                name="one_current_enrolment_per_course",
            ),
        ]
        indexes = [models.Index(fields=["cohort", "status", "created_at"])]

    def __str__(self):
        return f"{self.user} · {self.cohort}"

    def save(self, *args, **kwargs):
        if self.course_key is None:  # derived, never chosen: the cohort's course decides
            self.course_key = Cohort.objects.values_list("course__translation_key", flat=True).get(
                pk=self.cohort_id
            )
        super().save(*args, **kwargs)


class LessonProgress(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="progress")
    lesson = models.ForeignKey("learning.LessonPage", on_delete=models.PROTECT, related_name="+")
    lesson_key = models.UUIDField(editable=False)
    completed_at = models.DateTimeField(_("completed"))

    class Meta:
        verbose_name = _("lesson progress")
        verbose_name_plural = _("lesson progress")
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson_key"], name="one_progress_per_lesson")
        ]

    def __str__(self):
        return f"{self.enrolment_id} · {self.lesson_id}"


class QuizAttempt(models.Model):
    """One graded submission of a quiz block; `number` makes a replayed submission collide, not count.

    A submission queued on a phone while offline carries an id the phone made (`submission_id`): sent
    again after a lost answer, it finds its attempt and shows that result instead of being refused.
    """

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey("learning.LessonPage", on_delete=models.PROTECT, related_name="+")
    lesson_key = models.UUIDField(editable=False)
    quiz_id = models.CharField(max_length=64)
    number = models.PositiveSmallIntegerField(_("attempt"))
    answers = models.JSONField(_("answers"), default=dict)
    score = models.PositiveSmallIntegerField(_("score (%)"))
    passed = models.BooleanField(_("passed"))
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    submission_id = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson_key", "quiz_id", "number"], name="one_quiz_attempt_per_number"
            ),
            models.UniqueConstraint(
                fields=["enrolment", "submission_id"], name="one_quiz_attempt_per_submission"
            ),
        ]

    def __str__(self):
        return f"{self.quiz_id} #{self.number}: {self.score}%"


class Reflection(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for feedback")
        ACCEPTED = "accepted", _("Accepted")
        REVISION = "revision", _("Revision requested")

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="reflections")
    lesson = models.ForeignKey("learning.LessonPage", on_delete=models.PROTECT, related_name="+")
    lesson_key = models.UUIDField(editable=False)
    prompt_id = models.CharField(max_length=64)
    text = models.TextField(_("reflection"), max_length=20_000)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted"))
    feedback = models.TextField(_("trainer's feedback"), blank=True, max_length=10_000)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "lesson_key", "prompt_id"], name="one_reflection_per_prompt"
            )
        ]

    def __str__(self):
        return f"{self.enrolment_id} · {self.prompt_id}"


class LiveSession(models.Model):
    """A dated live session of one cohort; times are stored in UTC and shown in both zones."""

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.CASCADE, related_name="sessions"
    )
    lesson_key = models.UUIDField(
        _("lesson"), null=True, blank=True, help_text=_("The lesson that introduces this session, if any.")
    )
    title = models.CharField(_("title"), max_length=150)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone of the session"), max_length=64, choices=time_zone_choices, default=settings.TIME_ZONE
    )
    location = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)

    class Meta:
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]

    def __str__(self):
        return self.title


class Attendance(models.Model):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="attendance")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    present = models.BooleanField(_("present"), default=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(fields=["session", "enrolment"], name="one_attendance_per_session")
        ]

    def __str__(self):
        return f"{self.session_id} · {self.enrolment_id}"
