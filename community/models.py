"""Discussion spaces, their threads and posts, and what moderation keeps about them.

A space belongs to a cohort (its members and trainers) or to a lesson (its questions): a lesson's space is
either shared by every cohort of the course (`cohort` empty) or one per cohort, as the course decides.
Lessons are referred to by their translation key, so a trainee who switches language finds the same space.
The cities' exchange has one space per toolkit theme (by the theme's translation key), where city and
partner teams ask each other; each thread and post there says which organisation wrote it.
Each post is one row a notification can point at later (`Post.get_absolute_url`, its permanent address,
which leads to the page of its thread that holds it).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.validators import validate_multiline, validate_single_line

POST_MAX_LENGTH = 10_000


class Space(models.Model):
    class Kind(models.TextChoices):
        COHORT = "cohort", _("Cohort discussion")
        LESSON = "lesson", _("Lesson questions")
        CITIES = "cities", _("Cities' exchange")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    cohort = models.ForeignKey(
        "learning.Cohort",
        verbose_name=_("cohort"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="spaces",
    )
    # The course's and the lesson's translation keys: the same space whatever language a person reads in.
    course_key = models.UUIDField(_("course"), null=True, blank=True)
    lesson_key = models.UUIDField(_("lesson"), null=True, blank=True)
    # One exchange per theme rather than one forum with tags: search, blocks and moderation already work
    # per space, and a toolkit or a plan links to its themes' spaces directly.
    theme_key = models.UUIDField(_("theme"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("discussion space")
        verbose_name_plural = _("discussion spaces")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort"], condition=Q(kind="cohort"), name="one_discussion_space_per_cohort"
            ),
            models.UniqueConstraint(
                fields=["lesson_key", "cohort"],
                condition=Q(kind="lesson", cohort__isnull=False),
                name="one_questions_space_per_lesson_and_cohort",
            ),
            models.UniqueConstraint(
                fields=["lesson_key"],
                condition=Q(kind="lesson", cohort__isnull=True),
                name="one_shared_questions_space_per_lesson",
            ),
            models.UniqueConstraint(
                fields=["theme_key"], condition=Q(kind="cities"), name="one_exchange_space_per_theme"
            ),
            models.CheckConstraint(
                condition=Q(
                    kind="lesson", lesson_key__isnull=False, course_key__isnull=False, theme_key__isnull=True
                )
                | Q(
                    kind="cohort",
                    cohort__isnull=False,
                    course_key__isnull=False,
                    lesson_key__isnull=True,
                    theme_key__isnull=True,
                )
                | Q(
                    kind="cities",
                    theme_key__isnull=False,
                    cohort__isnull=True,
                    course_key__isnull=True,
                    lesson_key__isnull=True,
                ),
                name="space_kind_matches_its_keys",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("community:space", args=[self.pk])


class Thread(models.Model):
    space = models.ForeignKey(
        Space, verbose_name=_("space"), on_delete=models.CASCADE, related_name="threads"
    )
    title = models.CharField(_("title"), max_length=150, validators=[validate_single_line])
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # In the cities' exchange: the city (or partner) that asked, as its author spoke for it then.
    organisation = models.ForeignKey(
        "toolkits.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    # Moodle's Q&A forum: a trainee sees the others' replies only once they have posted their own.
    qa = models.BooleanField(_("answer before seeing the others"), default=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Kept on the thread so that listings sort and mark unread threads without reading the posts.
    last_post_at = models.DateTimeField(_("last post"), db_index=True)
    reply_count = models.PositiveIntegerField(_("replies"), default=0)

    class Meta:
        verbose_name = _("thread")
        verbose_name_plural = _("threads")
        ordering = ["-pinned", "-last_post_at", "-pk"]
        indexes = [models.Index(fields=["space", "-pinned", "-last_post_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("community:thread", args=[self.pk])


class Post(models.Model):
    thread = models.ForeignKey(
        Thread, verbose_name=_("thread"), on_delete=models.CASCADE, related_name="posts"
    )
    # Empty once the author's account is erased: the post stays, signed "a former member".
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="community_posts",
    )
    # In the cities' exchange: the organisation the author answered for (their city, never their e-mail).
    organisation = models.ForeignKey(
        "toolkits.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("text"), max_length=POST_MAX_LENGTH, validators=[validate_multiline])
    # A reference, not a copy: the quote is rendered from the quoted post, so hiding it hides the quote too.
    quote = models.ForeignKey(
        "self",
        verbose_name=_("quoted post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Set when a moderator of the space wrote it: their answers are marked as the trainer's.
    by_trainer = models.BooleanField(_("written by a trainer"), default=False)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True, db_index=True)
    hidden_at = models.DateTimeField(_("hidden"), null=True, blank=True)
    helpful_count = models.PositiveIntegerField(_("marked helpful"), default=0)

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["thread", "created_at"])]

    def __str__(self):
        return f"{self.thread} #{self.pk}"

    def get_absolute_url(self) -> str:
        # The permanent address, not the thread's: it finds the page of a long thread that holds the post.
        return reverse("community:post", args=[self.pk])


class Helpful(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="helpful_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["post", "user"], name="helpful_once_per_person")]

    def __str__(self):
        return f"{self.user_id} → {self.post_id}"


class ReadMark(models.Model):
    """How far a person has read a thread: a thread with a later post is unread for them."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="read_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["thread", "user"], name="one_read_mark_per_thread")]

    def __str__(self):
        return f"{self.user_id} → {self.thread_id}"


class Report(models.Model):
    class Reason(models.TextChoices):
        DISRESPECT = "disrespect", _("Disrespectful or hateful")
        PERSONAL = "personal", _("Shares someone's personal information")
        SPAM = "spam", _("Spam or advertising")
        OFF_TOPIC = "off_topic", _("Off topic")
        OTHER = "other", _("Something else")

    post = models.ForeignKey(Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.CharField(_("reason"), max_length=12, choices=Reason)
    details = models.CharField(_("details"), max_length=500, blank=True, validators=[validate_single_line])
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["resolved_at", "created_at"])]

    def __str__(self):
        return f"{self.get_reason_display()} · {self.post_id}"


class ModerationNote(models.Model):
    """What a moderator did to a post and why: the history shown to the space's other moderators."""

    class Action(models.TextChoices):
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="moderation_notes")
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=10, choices=Action)
    note = models.CharField(_("note"), max_length=500, validators=[validate_single_line])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_action_display()} · {self.post_id}"


class Block(models.Model):
    """A person a moderator stopped from posting in one space (they can still read it)."""

    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="blocks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    blocked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["space", "user"], name="one_block_per_space")]

    def __str__(self):
        return f"{self.user_id} · {self.space_id}"
