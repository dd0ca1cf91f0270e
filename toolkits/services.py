"""Writes that touch several rows: starting, writing, sharing, reviewing and publishing action plans."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from core import site_cache

from . import tasks
from .blocks import snapshot_sections
from .checkins.services import checkins_schedule
from .models import (
    ActionPlan,
    ActionPlanTemplatePage,
    DownloadConsent,
    DownloadEvent,
    Organisation,
    PlanComment,
    PlanRevision,
    PlanSection,
    PlanShare,
    ToolkitDocument,
    ToolkitPage,
)
from .selectors import reviewer_organisations


class SectionConflict(Exception):
    """Someone saved the section after the person started editing it; their save was not applied."""

    def __init__(self, section: PlanSection):
        super().__init__(section.key)
        self.section = section


class PlanNotEditable(Exception):
    pass


class InvalidTransition(Exception):
    pass


def _notify(kind: str, **kwargs) -> None:
    transaction.on_commit(lambda: tasks.send_plan_notification.enqueue(kind=kind, **kwargs))


@transaction.atomic
def plan_create(
    *,
    template: ActionPlanTemplatePage,
    organisation: Organisation,
    user,
    title: str,
    toolkit: ToolkitPage | None = None,
) -> ActionPlan:
    """Start a plan from a template's live version, frozen into the plan with one empty row per section.

    The plan points at the template's source-language page, which is the one that survives translations.
    """
    if not organisation.memberships.filter(user=user).exists():
        raise PermissionDenied
    source = (
        ActionPlanTemplatePage.objects.filter(translation_key=template.translation_key).order_by("pk").first()
    )
    if toolkit is None:
        toolkit = (
            ToolkitPage.objects.live()
            .filter(related_links__target__translation_key=template.translation_key)
            .first()
        )
    sections = snapshot_sections(template.sections)
    plan = ActionPlan.objects.create(
        title=title,
        organisation=organisation,
        template=source,
        toolkit=toolkit,
        template_title=template.title,
        template_snapshot=sections,
        created_by=user,
    )
    PlanSection.objects.bulk_create(
        PlanSection(plan=plan, key=section["key"], position=position)
        for position, section in enumerate(sections)
    )
    return plan


def section_save(*, section: PlanSection, user, content: dict, base_version: int) -> PlanSection:
    """Save a section written from `base_version`.

    The row is locked, so of two colleagues saving at once exactly one wins; the other's text is
    committed as a conflict revision (so it survives whatever happens next) and handed back to them
    (SectionConflict) to merge and save again.
    """
    with transaction.atomic():
        locked = PlanSection.objects.select_for_update().select_related("plan").get(pk=section.pk)
        if not locked.plan.is_editable:
            raise PlanNotEditable
        if content == locked.content:
            return locked  # unchanged text (an autosave repeating itself): no new version, no conflict
        if locked.version != base_version:
            PlanRevision.objects.create(
                section=locked, version=base_version, content=content, author=user, conflict=True
            )
        else:
            now = timezone.now()
            locked.content = content
            locked.version += 1
            locked.updated_by = user
            locked.updated_at = now
            locked.save(update_fields=["content", "version", "updated_by", "updated_at"])
            PlanRevision.objects.create(
                section=locked, version=locked.version, content=content, author=user, created_at=now
            )
            ActionPlan.objects.filter(pk=locked.plan_id).update(updated_at=now)
            return locked
    raise SectionConflict(locked)


@transaction.atomic
def plan_share(*, plan: ActionPlan, organisations, user) -> ActionPlan:
    """Invite peer organisations to comment (and drop the ones unticked); the plan is then shared
    for feedback. New reviewers are told by e-mail."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.status not in {ActionPlan.Status.DRAFT, ActionPlan.Status.SHARED}:
        raise InvalidTransition
    wanted = {org.pk for org in organisations if org.pk != plan.organisation_id}
    existing = set(plan.shares.values_list("organisation_id", flat=True))
    plan.shares.exclude(organisation_id__in=wanted).delete()
    PlanShare.objects.bulk_create(
        PlanShare(plan=plan, organisation_id=pk, shared_by=user) for pk in wanted - existing
    )
    newly_invited = wanted - existing
    if plan.status == ActionPlan.Status.DRAFT:
        plan.status = ActionPlan.Status.SHARED
        plan.updated_at = timezone.now()
        plan.save(update_fields=["status", "updated_at"])
        # Mentors start reviewing when the plan is first shared, like an invited city.
        newly_invited |= set(reviewer_organisations(plan=plan).values_list("pk", flat=True)) - existing
    if newly_invited:
        _notify("shared", plan_id=plan.pk, actor_id=user.pk, organisation_ids=sorted(newly_invited))
    return plan


TRANSITIONS = {
    # action: (allowed from, to)
    "unshare": ({ActionPlan.Status.SHARED}, ActionPlan.Status.DRAFT),
    "finalise": ({ActionPlan.Status.DRAFT, ActionPlan.Status.SHARED}, ActionPlan.Status.FINAL),
    "reopen": ({ActionPlan.Status.FINAL}, ActionPlan.Status.SHARED),
    "publish": ({ActionPlan.Status.FINAL}, ActionPlan.Status.PUBLISHED),
    "unpublish": ({ActionPlan.Status.PUBLISHED}, ActionPlan.Status.FINAL),
}


@transaction.atomic
def plan_transition(*, plan: ActionPlan, action: str, user) -> ActionPlan:
    """Move a plan along draft → shared for feedback → final → published (and back one step)."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    if action not in TRANSITIONS or plan.status not in TRANSITIONS[action][0]:
        raise InvalidTransition
    now = timezone.now()
    plan.status = TRANSITIONS[action][1]
    plan.updated_at = now
    if action == "publish":
        plan.published_at = now
    if action == "unpublish":
        plan.published_at = None
    plan.save(update_fields=["status", "updated_at", "published_at"])
    if action == "finalise":
        # A mentee city's final plan is followed up by its mentor (toolkits.checkins).
        checkins_schedule(plan=plan, final_on=timezone.localdate())
    if action in {"publish", "unpublish"}:
        # Public pages list published cases (toolkit, library, search): caches keyed on the content
        # version must not keep showing the old list.
        site_cache.retire(site_cache.CONTENT)
    if action in STATUS_NEWS:
        _notify("status", plan_id=plan.pk, actor_id=user.pk)
    return plan


# Changes the rest of the city team hears about by e-mail (sharing tells the reviewers instead).
STATUS_NEWS = {"finalise", "reopen", "publish", "unpublish"}


def plan_publish(*, plan: ActionPlan, user) -> ActionPlan:
    return plan_transition(plan=plan, action="publish", user=user)


def plan_unpublish(*, plan: ActionPlan, user) -> ActionPlan:
    return plan_transition(plan=plan, action="unpublish", user=user)


@transaction.atomic
def comment_add(*, section: PlanSection, user, body: str) -> PlanComment:
    plan = section.plan
    organisation = (
        Organisation.objects.filter(memberships__user=user)
        .filter(
            pk__in=[plan.organisation_id, *reviewer_organisations(plan=plan).values_list("pk", flat=True)]
        )
        .first()
    )
    comment = PlanComment.objects.create(
        plan=plan, section=section, author=user, author_organisation=organisation, body=body
    )
    _notify("comment", plan_id=plan.pk, actor_id=user.pk, comment_id=comment.pk)
    return comment


@transaction.atomic
def comment_resolve(*, comment: PlanComment, user) -> PlanComment:
    if comment.resolved_at is None:
        comment.resolved_at = timezone.now()
        comment.resolved_by = user
        comment.save(update_fields=["resolved_at", "resolved_by"])
        if comment.author_id and comment.author_id != user.pk:
            _notify("resolved", plan_id=comment.plan_id, actor_id=user.pk, comment_id=comment.pk)
    return comment


def download_record(*, document, request) -> DownloadEvent:
    """Count one download; the toolkit is the one the link came from (`?toolkit=`), when it offers
    the document, else the first toolkit that does."""
    links = ToolkitDocument.objects.filter(document=document)
    toolkit_id = request.GET.get("toolkit", "")
    link = links.filter(page_id=toolkit_id).first() if toolkit_id.isdigit() else None
    link = link or links.order_by("pk").first()
    city = organisation = ""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and DownloadConsent.objects.filter(user=user).exists():
        city, organisation = user.city, user.organisation
    return DownloadEvent.objects.create(
        document=document,
        document_title=document.title[:255],
        toolkit_id=link.page_id if link else None,
        city=city,
        organisation=organisation,
        counted_for=user if city or organisation else None,
    )


def download_consent_set(*, user, consent: bool) -> None:
    if consent:
        DownloadConsent.objects.get_or_create(user=user)
    else:
        DownloadConsent.objects.filter(user=user).delete()
