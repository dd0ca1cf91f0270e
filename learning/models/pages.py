"""The course catalogue, courses, modules and lessons: content edited, previewed and translated in Wagtail.

A page's context is built from the app's reads (selectors, the catalogue, forms), and those reads query
these page classes: the one import that goes the other way is made when a page is served, inside
`get_context` and `serve`, so that every other module imports at its top. (Wagtail calls these methods
on the model; the reads cannot come first, as they name the classes this module defines.)
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import BaseTranslatableField

from core.localize import content_locale_id
from core.site_cache import RetiringQuerySet
from core.view_restrictions import ViewRestrictionShortcutMixin

from ..blocks import LessonBlock, OutcomeBlock


@register_snippet
class Topic(TranslatableMixin, models.Model):
    """A theme of the catalogue (political participation, anti-discrimination...), translated like pages."""

    name = models.CharField(_("name"), max_length=80)

    panels = [FieldPanel("name")]

    objects = RetiringQuerySet.as_manager()  # names show in the cached catalogue

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


class CourseIndexPage(ViewRestrictionShortcutMixin, Page):
    """The catalogue: every course in the visitor's language, filtered and searched without JavaScript."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["learning.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from ..catalogue import catalogue_page, topic_choices
        from ..forms import CatalogueFilterForm

        context = super().get_context(request, *args, **kwargs)
        # The catalogue of a language it is not translated into lists aliases of the courses, whose
        # topics are their source's: offer those.
        topics = topic_choices(content_locale_id(self, request), request)
        form = CatalogueFilterForm(request.GET or None, topics=topics)
        page_number = request.GET.get("page", "1")[:6]
        # The form shows the filters in effect (invalid values are dropped, not reported), so its HTML is
        # the same for everyone asking for the same filters and the template caches it.
        context["filter_form"] = CatalogueFilterForm(initial=form.filters(), topics=topics)
        # The listing is the same for everyone who asks for the same filters: the template caches it
        # (with the content and the seats, see core.site_cache), and the queries only run when it misses.
        context["courses"] = SimpleLazyObject(
            lambda: catalogue_page(index=self, form=form, page_number=page_number)
        )
        filters = sorted(form.filters().items())
        # Page links carry the valid filters only: a visitor's other parameters never reach the cache.
        context["filter_query"] = "".join(f"{urlencode({name: value})}&" for name, value in filters)
        # A free-text search is not cached: what anyone may type must not fill the cache. The date is in
        # the key: a cohort that ended yesterday leaves the listing today, with no write to retire it.
        searching = bool(form.filters().get("q"))
        context["filter_key"] = None if searching else context["filter_query"]
        context["listing_key"] = None if searching else f"{filters}:{page_number}:{timezone.localdate()}"
        return context


class CoursePage(ViewRestrictionShortcutMixin, Page):
    """A course: its public description, its lessons as children, and the rules for completing it."""

    class Level(models.TextChoices):
        INTRODUCTORY = "introductory", _("Introductory")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    class Format(models.TextChoices):
        SELF_PACED = "self_paced", _("Self-paced")
        COHORT = "cohort", _("Cohort-based")
        BLENDED = "blended", _("Live and blended")

    summary = models.TextField(_("summary"), max_length=600)
    description = RichTextField(
        _("description"), blank=True, features=["h2", "h3", "bold", "italic", "ul", "ol", "link"]
    )
    outcomes = StreamField(OutcomeBlock(), verbose_name=_("learning outcomes"), blank=True)
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    level = models.CharField(_("level"), max_length=20, choices=Level, default=Level.INTRODUCTORY)
    format = models.CharField(_("format"), max_length=20, choices=Format, default=Format.COHORT)
    language = models.CharField(
        _("language of instruction"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    hours = models.PositiveSmallIntegerField(_("hours of learning"))
    weeks = models.PositiveSmallIntegerField(_("duration in weeks"), null=True, blank=True)
    trainers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("trainers"), blank=True, related_name="+"
    )
    prerequisites = ParentalManyToManyField(
        "self",
        verbose_name=_("prerequisites"),
        blank=True,
        symmetrical=False,
        related_name="+",
        help_text=_("Courses a trainee must have completed before enrolling."),
    )
    min_attendance = models.PositiveSmallIntegerField(
        _("minimum attendance at live sessions (%)"),
        default=0,
        help_text=_("Share of the cohort's past live sessions a trainee must attend to complete."),
    )
    requires_signoff = models.BooleanField(_("a trainer must sign off completion"), default=False)
    certificate_enabled = models.BooleanField(_("award a certificate"), default=True)
    certificate_design = models.ForeignKey(
        "certificates.CertificateDesign",
        verbose_name=_("certificate design"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty for the default design."),
    )
    certificate_criteria = models.TextField(
        _("what a certificate holder did"),
        max_length=2000,
        blank=True,
        help_text=_(
            "The criteria printed in the digital badge: what someone had to do to earn it (lessons, "
            "assignments, attendance). Plain text; written for employers who read the badge."
        ),
    )
    # Read by the community app: one questions space per lesson for each cohort, or one for the whole course.
    lesson_questions_shared = models.BooleanField(
        _("one questions space per lesson for all cohorts"),
        default=False,
        help_text=_(
            "Leave unticked to give each cohort its own questions about each lesson; tick it to let everyone "
            "taking the course, in any cohort, ask and answer together."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("outcomes"),
        MultiFieldPanel(
            [
                FieldPanel("topic"),
                FieldPanel("level"),
                FieldPanel("format"),
                FieldPanel("language"),
                FieldPanel("hours"),
                FieldPanel("weeks"),
                FieldPanel("trainers"),
                FieldPanel("prerequisites"),
            ],
            heading=_("About the course"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("min_attendance"),
                FieldPanel("requires_signoff"),
                FieldPanel("certificate_enabled"),
                FieldPanel("certificate_design"),
                FieldPanel("certificate_criteria"),
            ],
            heading=_("Completion rules"),
            help_text=_("Required lessons are chosen on each lesson; quizzes set their own pass mark."),
        ),
        MultiFieldPanel([FieldPanel("lesson_questions_shared")], heading=_("Discussions")),
    ]
    # wagtail-localize copies a field with choices from the source on every Translate and Sync, so a
    # French course said it was taught in English. Each translation keeps its own language instead: it
    # gets its locale's language when the translation is made (learning.course_language), and a Sync
    # leaves an editor's choice alone.
    override_translatable_fields = [BaseTranslatableField("language")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("outcomes"),
        index.FilterField("level"),
        index.FilterField("format"),
        index.FilterField("language"),
        index.FilterField("topic_id"),
    ]
    parent_page_types = ["learning.CourseIndexPage"]
    subpage_types = ["learning.ModulePage", "learning.LessonPage"]

    class Meta:
        verbose_name = _("course")

    def get_context(self, request, *args, **kwargs):
        from ..course_page import course_detail

        context = super().get_context(request, *args, **kwargs)
        context.update(course_detail(course=self, user=request.user, request=request))
        return context


class ModulePage(ViewRestrictionShortcutMixin, Page):
    """A group of lessons inside a course, shown as a section of the course outline."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["learning.CoursePage"]
    subpage_types = ["learning.LessonPage"]

    class Meta:
        verbose_name = _("module")

    def serve(self, request, *args, **kwargs):
        # A module has no content of its own: its place is the course outline.
        return redirect(self.get_parent().get_url(request) + "#outline")


class LessonPage(ViewRestrictionShortcutMixin, Page):
    """A lesson: teaching content with quizzes, reflections and live sessions, open to enrolled trainees."""

    intro = models.TextField(_("introduction"), max_length=600, blank=True)
    body = StreamField(LessonBlock(), verbose_name=_("body"))
    minutes = models.PositiveSmallIntegerField(_("estimated minutes"), null=True, blank=True)
    required = models.BooleanField(
        _("required to complete the course"),
        default=True,
        help_text=_("Optional lessons count towards progress but not towards completion."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("minutes"), FieldPanel("required")], heading=_("Progress")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["learning.CoursePage", "learning.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    def serve(self, request, *args, **kwargs):
        from ..selectors import lesson_access

        access = lesson_access(lesson=self, user=request.user, request=request)
        if not access.allowed:
            if not request.user.is_authenticated:
                # Not a cycle: auth's views import its forms, which need the user model loaded, and this
                # module is imported while the models are still being loaded.
                from django.contrib.auth.views import redirect_to_login

                return redirect_to_login(request.get_full_path())
            context = {
                "message": _("This lesson is open to the trainees enrolled in the course."),
                "course": access.course,
            }
            return TemplateResponse(request, "learning/refused.html", context, status=403)
        request.lesson_access = access
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from ..selectors import lesson_access, lesson_detail

        context = super().get_context(request, *args, **kwargs)
        # serve() has checked access already; previews in the admin come here directly.
        access = getattr(request, "lesson_access", None) or lesson_access(lesson=self, user=request.user)
        context.update(lesson_detail(lesson=self, access=access, request=request))
        # A refused action shows its reason, and a reflection sent back keeps its text (see views).
        context["lesson_errors"] = getattr(request, "lesson_errors", {})
        context["lesson_forms"] = getattr(request, "lesson_forms", {})
        return context
