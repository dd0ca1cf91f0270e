"""Reads that feed pages and lists, in a fixed number of queries however much data there is."""

from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.db.models import (
    Case,
    Count,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, TruncMonth
from django.http import Http404
from django.utils import timezone, translation
from wagtail.models import Page

from community.selectors import exchange_latest
from core.localize import translations_for

from .cases import cases_of_toolkit
from .display import section_view
from .library import localized_themes
from .models import (
    ActionPlan,
    ActionPlanTemplatePage,
    DownloadEvent,
    Organisation,
    Pairing,
    PlanComment,
    PlanRevision,
    PlanSection,
    Theme,
    ToolkitPage,
    ToolkitRelatedPage,
)


def toolkit_details(*, toolkit: ToolkitPage, request=None) -> dict:
    # Per source (translation key), like the library; read with the documents, as subqueries.
    events = DownloadEvent.objects.filter(toolkit__translation_key=toolkit.translation_key)
    per_document = (
        events.filter(document_id=OuterRef("document_id")).values("document_id").annotate(n=Count("pk"))
    )
    every_document = events.values("toolkit__translation_key").annotate(n=Count("pk"))
    links = toolkit.document_links.select_related("document", "document__collection").order_by("sort_order")
    if isinstance(links, QuerySet):
        documents = list(
            links.annotate(
                download_count=Coalesce(Subquery(per_document.values("n")), 0),
                download_total=Coalesce(Subquery(every_document.values("n")), 0),
            )
        )
        # Downloads of documents the toolkit no longer offers still count in its total.
        download_total = documents[0].download_total if documents else events.count()
    else:
        # A preview: the editor's unsaved links (django-modelcluster's in-memory rows) cannot be
        # annotated; their counts come in one query of their own.
        documents = list(links)
        counts = dict(
            events.values_list("document_id").annotate(n=Count("pk")).values_list("document_id", "n")
        )
        for link in documents:
            link.download_count = counts.get(link.document_id, 0)
        download_total = sum(counts.values())
    # Every language version lists the same documents (wagtail-localize syncs them from the source):
    # the reader's language first, the others in the editor's order.
    reader = translation.get_language()
    documents.sort(key=lambda link: link.language != reader)
    themes = localized_themes(request)
    own_themes = [themes.get(t.translation_key, t) for t in toolkit.themes.all()]
    user = getattr(request, "user", None)
    # Only a signed-in reader of the exchange gets its latest questions; anonymous readers a link per
    # theme (to sign in), so the page cached whole for them never holds a question and costs no query.
    latest = exchange_latest(user=user, theme_keys=[t.translation_key for t in own_themes]) if user else None
    related = [link.target for link in toolkit.related_links.select_related("target__content_type")]
    localized = translations_for(related, request)
    related_pages = [localized[p.pk] for p in related if p.pk in localized]
    templates = [p for p in related_pages if p.specific_class is ActionPlanTemplatePage]
    return {
        "documents": documents,
        "download_total": download_total,
        "theme_names": [t.name for t in own_themes],
        "exchange": [{"theme": t, "threads": (latest or {}).get(t.translation_key, [])} for t in own_themes],
        "exchange_reader": latest is not None,
        "partner_organisations": list(toolkit.organisations.all()),
        "related_templates": templates,
        "related_courses": [p for p in related_pages if p not in templates],
        "published_cases": cases_of_toolkit(toolkit),
    }


def template_details(*, template: ActionPlanTemplatePage, request=None) -> dict:
    user = getattr(request, "user", None)
    organisations = (
        organisations_of(user) if user is not None and user.is_authenticated else Organisation.objects.none()
    )
    source_keys = Page.objects.filter(translation_key=template.translation_key).values("pk")
    return {
        "my_organisations": list(organisations),
        "published_cases": list(
            ActionPlan.objects.filter(status=ActionPlan.Status.PUBLISHED, template__in=source_keys)
            .select_related("organisation")
            .order_by("-published_at")[:20]
        ),
    }


# --- Plans --------------------------------------------------------------------------------------------
def organisations_of(user):
    return Organisation.objects.filter(memberships__user=user).order_by("name")


@dataclass(frozen=True)
class PlanAccess:
    read: bool = False
    edit: bool = False
    comment: bool = False
    manage: bool = False
    role: str = ""


def plan_access(*, user, plan: ActionPlan) -> PlanAccess:
    """What `user` may do with `plan`. Drafts are for the city team (and staff) only; once shared,
    reviewers (invited organisations and an active mentor) read and comment but never edit."""
    if not user.is_authenticated:
        return PlanAccess()
    if plan.organisation.memberships.filter(user=user).exists():
        editable = plan.is_editable
        return PlanAccess(
            read=True, edit=editable, comment=plan.status != plan.Status.PUBLISHED, manage=True, role="team"
        )
    commentable = plan.status in {plan.Status.SHARED, plan.Status.FINAL}
    if (
        plan.status != plan.Status.DRAFT
        and reviewer_organisations(plan=plan).filter(memberships__user=user).exists()
    ):
        return PlanAccess(read=True, comment=commentable, role="reviewer")
    if sees_every_plan(user):
        return PlanAccess(read=True, role="staff")
    return PlanAccess()


def sees_every_plan(user) -> bool:
    """Staff read every plan and the download statistics. Being in the Editors group (Wagtail admin
    access) is not enough: editors author content, not cities' drafts or people's cities."""
    return user.is_authenticated and user.is_staff


def readable_plans(*, user):
    """The plans `user` may read, by the rule plan_access applies to one plan: their city team's, the
    non-draft plans shared with or mentored by their organisation, and, for staff, all. Every listing
    and report of plans starts from this, so none shows a plan its page would answer 404 for."""
    if not user.is_authenticated:
        return ActionPlan.objects.none()
    if sees_every_plan(user):
        return ActionPlan.objects.all()
    mine = Organisation.objects.filter(memberships__user=user).values("pk")
    mentees = Pairing.objects.active().filter(mentor__in=mine).values("mentee")
    reviewing = ~Q(status=ActionPlan.Status.DRAFT) & (
        Q(shares__organisation__in=mine) | Q(organisation__in=mentees)
    )
    matching = ActionPlan.objects.filter(Q(organisation__in=mine) | reviewing).values("pk")
    return ActionPlan.objects.filter(pk__in=matching)


def reviewer_organisations(*, plan: ActionPlan):
    """Organisations invited to comment, and any mentor currently paired with the plan's city."""
    mentors = Pairing.objects.active().filter(mentee=plan.organisation_id).values("mentor")
    return Organisation.objects.filter(Q(pk__in=plan.shares.values("organisation")) | Q(pk__in=mentors))


def plan_for(*, user, public_id, need: str = "read") -> tuple[ActionPlan, PlanAccess]:
    """The plan and what the user may do, or 404 for anyone without `need`: a plan's existence is
    not revealed to people who may not read it."""
    try:
        plan = ActionPlan.objects.select_related("organisation", "template", "toolkit").get(
            public_id=public_id
        )
    except (ActionPlan.DoesNotExist, ValueError) as error:
        raise Http404 from error
    access = plan_access(user=user, plan=plan)
    if not access.read or not getattr(access, need):
        raise Http404
    return plan, access


def plan_sections(*, plan: ActionPlan) -> list[PlanSection]:
    sections = list(
        plan.sections.select_related("updated_by").annotate(
            open_comments=Count("comments", filter=Q(comments__resolved_at__isnull=True))
        )
    )
    for section in sections:
        section.plan = plan  # the definition is read from the plan already in memory
    return sections


def section_comments(*, section: PlanSection) -> list[PlanComment]:
    return list(section.comments.select_related("author", "author_organisation", "resolved_by"))


def my_plans(*, user) -> dict:
    own = (
        ActionPlan.objects.filter(organisation__memberships__user=user)
        .select_related("organisation")
        .distinct()
    )
    mine = set(organisations_of(user).values_list("pk", flat=True))
    mentees = Pairing.objects.active().filter(mentor__in=mine).values("mentee")
    to_review = (
        ActionPlan.objects.exclude(status=ActionPlan.Status.DRAFT)
        .exclude(organisation__in=mine)
        .filter(Q(shares__organisation__in=mine) | Q(organisation__in=mentees))
        .select_related("organisation")
        .distinct()
    )
    return {"own": list(own), "to_review": list(to_review)}


def plan_themes(*, plan: ActionPlan, request=None) -> list[Theme]:
    """The themes of the plan's toolkit or, for a plan started from a template alone, of the toolkits
    that offer its template (in any language): the exchanges its team may want to ask in."""
    tagged = ToolkitPage.themes.through.objects
    if plan.toolkit_id:
        tagged = tagged.filter(toolkitpage_id=plan.toolkit_id)
    else:
        offering = ToolkitRelatedPage.objects.filter(target__translation_key=plan.template.translation_key)
        tagged = tagged.filter(toolkitpage_id__in=offering.values("page_id"))
    keys = set(
        Theme.objects.filter(pk__in=tagged.values("theme_id")).values_list("translation_key", flat=True)
    )
    themes = localized_themes(request)
    return sorted((themes[key] for key in keys if key in themes), key=lambda theme: theme.name.casefold())


def published_case(*, public_id) -> ActionPlan:
    try:
        return ActionPlan.objects.select_related("organisation", "template", "toolkit").get(
            public_id=public_id, status=ActionPlan.Status.PUBLISHED
        )
    except (ActionPlan.DoesNotExist, ValueError) as error:
        raise Http404 from error


def download_report_rows():
    """Downloads per month, toolkit, document, city and organisation, newest month first.

    A toolkit is counted once per source (its translation key), whichever language's alias or
    translation was downloaded through, under its title in the site's default language."""
    return (
        DownloadEvent.objects.annotate(
            month=TruncMonth("downloaded_at", tzinfo=timezone.get_current_timezone()),
            toolkit_key=F("toolkit__translation_key"),
        )
        .values("month", "toolkit_key", "document_title", "city", "organisation")
        .annotate(downloads=Count("pk"), toolkit_title=Subquery(_source_titles(OuterRef("toolkit_key"))))
        .order_by("-month", "toolkit_title", "toolkit_key", "document_title", "city", "organisation")
    )


def _source_titles(translation_key):
    """The title of the toolkit with `translation_key` that has words of its own, the default
    language's first."""
    return (
        ToolkitPage.objects.filter(translation_key=translation_key, alias_of__isnull=True)
        .annotate(
            preferred=Case(
                When(locale__language_code=settings.LANGUAGE_CODE, then=Value(0)), default=Value(1)
            )
        )
        .order_by("preferred", "pk")
        .values("title")[:1]
    )


def report_toolkits():
    """Each toolkit once, for the report's filter: its default-language page, or the page with words of
    its own when it was never written in the default language."""
    real = ToolkitPage.objects.filter(alias_of__isnull=True)
    in_default = real.filter(locale__language_code=settings.LANGUAGE_CODE)
    return real.filter(
        Q(locale__language_code=settings.LANGUAGE_CODE)
        | ~Q(translation_key__in=in_default.values("translation_key"))
    ).order_by("title", "pk")


def plan_revisions(*, plan: ActionPlan, limit: int = 200):
    revisions = list(
        PlanRevision.objects.filter(section__plan=plan).select_related("author", "section")[:limit]
    )
    for revision in revisions:
        revision.section.plan = plan
        # Shown through the same view as the plan itself, with the content as it was then.
        revision.view = section_view(
            SimpleNamespace(
                definition=revision.section.definition, content=revision.content, key=revision.section.key
            )
        )
    return revisions


def localized_page(page, request=None):
    """The page in the visitor's language when it is live, else the page itself if live, else None."""
    if page is None:
        return None
    return translations_for([page], request).get(page.pk)
