"""What cities write: action plans, their sections with history, who reviews them, and comments.

People's data: every link to content is PROTECT (a template with plans cannot be deleted) or SET_NULL
(a toolkit may go, the plan stays). Plans never read their template again after creation.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .organisations import Organisation


class ActionPlan(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SHARED = "shared", _("Shared for feedback")
        FINAL = "final", _("Final")
        PUBLISHED = "published", _("Published")

    # Plans are addressed by a random id: sequential ids would tell anyone how many plans exist.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=200)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="plans", verbose_name=_("organisation")
    )
    template = models.ForeignKey(
        "toolkits.ActionPlanTemplatePage",
        on_delete=models.PROTECT,
        related_name="plans",
        verbose_name=_("template"),
    )
    toolkit = models.ForeignKey(
        "toolkits.ToolkitPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("toolkit"),
    )
    # The template's title and sections as they were when the plan started.
    template_title = models.CharField(_("template title"), max_length=255)
    template_snapshot = models.JSONField(_("template sections"), default=list)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    shared_with = models.ManyToManyField(
        Organisation, through="PlanShare", related_name="plans_to_review", blank=True
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["-updated_at"]
        indexes = [models.Index(fields=["status", "-published_at"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.SHARED}


class PlanShare(models.Model):
    """A peer city (or partner) invited to comment on a plan."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="shares")
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    shared_at = models.DateTimeField(default=timezone.now)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "organisation"], name="toolkits_planshare_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.plan} → {self.organisation}"


class PlanSection(models.Model):
    """One section of a plan as its team wrote it. `version` grows with each save: a save based on an
    older version is a conflict, shown to the person instead of overwriting a colleague's text."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="sections")
    key = models.CharField(max_length=64)
    position = models.PositiveSmallIntegerField()
    content = models.JSONField(default=dict, blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "key"], name="toolkits_plansection_unique_key")
        ]

    def __str__(self) -> str:
        return self.definition.get("title", self.key)

    @property
    def definition(self) -> dict:
        """The frozen template section this one answers."""
        return self.plan.template_snapshot[self.position]


class PlanRevision(models.Model):
    """Who changed which section, when, and to what. A rejected save (a conflict) is kept too, so that
    the text of the person who lost the race is never lost."""

    section = models.ForeignKey(PlanSection, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    content = models.JSONField(default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    conflict = models.BooleanField(default=False)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.section} v{self.version}"


class PlanComment(models.Model):
    """A reviewer's (or a colleague's) remark on one section; the plan's team resolves it."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="comments")
    section = models.ForeignKey(PlanSection, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=2000)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None
