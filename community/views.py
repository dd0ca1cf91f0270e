"""The discussion pages: thin, every write through services, every object found through access."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from learning.models import Cohort, CoursePage, Enrolment, LessonPage
from learning.selectors import learning_enrolment, lesson_course
from learning.workspace.permissions import is_staff_for_cohorts
from toolkits.models import Theme

from . import selectors, services
from .access import may_read_exchange, readable_space, space_access
from .exceptions import CommunityError
from .forms import ModerationForm, PostForm, ReportForm, SearchForm, ThreadForm
from .models import Block, Post, Report, Thread


def _thread(user, pk):
    thread = Thread.objects.select_related("space__cohort", "author").filter(pk=pk).first()
    if thread is None:
        raise Http404
    access = space_access(user=user, space=thread.space)
    if not access.read:
        raise Http404
    return thread, access


def _post(user, pk):
    post = Post.objects.select_related("thread__space__cohort", "author").filter(pk=pk).first()
    if post is None:
        raise Http404
    access = space_access(user=user, space=post.thread.space)
    if not access.read:
        raise Http404
    return post, access


@login_required
def cohort_space(request, pk):
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
    member = (
        is_staff_for_cohorts(request.user)
        or cohort.trainers.filter(pk=request.user.pk).exists()
        or Enrolment.objects.filter(user=request.user, cohort=cohort, status__in=Enrolment.LEARNING).exists()
    )
    if not member:
        raise Http404
    return redirect(services.cohort_space(cohort=cohort))


@login_required
def lesson_space(request, pk):
    """A lesson's questions: the trainee's cohort's space (or the course's shared one); a trainer of
    several cohorts of the course chooses which cohort's questions to read."""
    lesson = LessonPage.objects.live().filter(pk=pk).first()
    course = lesson and lesson_course(lesson, request)
    if course is None:
        raise Http404
    # Read fresh rather than from the cached copy: the choice of space follows the course's setting at once.
    course.lesson_questions_shared = (
        CoursePage.objects.filter(pk=course.pk).values_list("lesson_questions_shared", flat=True).get()
    )
    enrolment = learning_enrolment(user=request.user, course=course)
    cohorts = [] if enrolment else selectors.lesson_space_cohorts(user=request.user, course=course)
    if enrolment is None and not cohorts:
        raise Http404
    if enrolment is not None or course.lesson_questions_shared:
        cohort = enrolment.cohort if enrolment else None
    else:
        chosen = request.GET.get("cohort", "")
        cohort = next((c for c in cohorts if str(c.pk) == chosen), cohorts[0] if len(cohorts) == 1 else None)
        if cohort is None:
            context = {"lesson": lesson, "cohorts": cohorts}
            return TemplateResponse(request, "community/choose_cohort.html", context)
    return redirect(services.lesson_space(course=course, lesson=lesson, cohort=cohort))


@login_required
def exchange_index(request):
    """The cities' exchange: its themes, for the members of city and partner organisations and staff."""
    if not may_read_exchange(request.user):
        raise Http404
    context = {"themes": selectors.exchange_themes()}
    return TemplateResponse(request, "community/exchange.html", context)


@login_required
def exchange(request, theme):
    """The exchange on one theme, found by the theme's slug (the same in every language)."""
    found = Theme.objects.filter(slug=theme).first()
    if found is None or not may_read_exchange(request.user):
        raise Http404
    return redirect(services.exchange_space(theme=found))


def _titles(space) -> dict:
    return {
        "space_lesson_title": selectors.space_lesson_title(space),
        "space_theme_name": selectors.space_theme_name(space),
    }


def _space_page(request, space, access, *, form=None, status=200):
    search = SearchForm(request.GET or None)
    q = search.cleaned_data["q"] if search.is_valid() else ""
    context = {
        "space": space,
        **_titles(space),
        "access": access,
        "threads": selectors.space_threads(space=space, user=request.user, q=q),
        "search": search,
        "q": q,
        "form": form or ThreadForm(moderator=access.moderate),
        "blocks": Block.objects.filter(space=space).select_related("user") if access.moderate else [],
    }
    return TemplateResponse(request, "community/space.html", context, status=status)


@login_required
def space(request, pk):
    space, access = readable_space(user=request.user, pk=pk)
    return _space_page(request, space, access)


@login_required
@require_POST
def thread_create(request, pk):
    space, access = readable_space(user=request.user, pk=pk)
    form = ThreadForm(request.POST, moderator=access.moderate)
    if form.is_valid():
        try:
            thread = services.thread_create(
                space=space, author=request.user, access=access, **form.cleaned_data
            )
        except CommunityError as error:
            form.add_error(None, error.message)
        else:
            return redirect(thread)
    return _space_page(request, space, access, form=form, status=400 if form.errors else 200)


def _thread_page(request, thread, access, *, form=None, status=200, page_number=None):
    posts, held_back = selectors.thread_posts(
        thread=thread, user=request.user, access=access, page_number=page_number or request.GET.get("page")
    )
    if form is None:
        quote = request.GET.get("quote", "")
        form = PostForm(initial={"quote": quote} if quote.isdigit() else None)
    # The quoted post may be on another page than the one shown (a reply sent back with an error shows
    # the last page): it is read on its own.
    chosen = form["quote"].value() or ""
    quoting = next((p for p in posts if str(p.pk) == str(chosen)), None) or (
        chosen and selectors.readable_post(thread=thread, user=request.user, access=access, pk=chosen)
    )
    context = {
        "thread": thread,
        "space": thread.space,
        **_titles(thread.space),
        "access": access,
        "posts": posts,
        "held_back": held_back,
        "form": form,
        "quoting": quoting or None,
        "moderation_form": ModerationForm() if access.moderate else None,
    }
    if status == 200:
        # Read up to the last post shown: a reader who stopped on an earlier page has the rest unread.
        shown = list(posts)
        last = thread.last_post_at if not posts.has_next() or not shown else shown[-1].created_at
        services.thread_mark_read(thread=thread, user=request.user, up_to=last)
    return TemplateResponse(request, "community/thread.html", context, status=status)


@login_required
def thread(request, pk):
    thread, access = _thread(request.user, pk)
    return _thread_page(request, thread, access)


@login_required
def post(request, pk):
    """A post's permanent address (replies, notifications, links people share): the page of its thread
    that holds it, for this reader, at the post."""
    found, access = _post(request.user, pk)
    number = selectors.post_page_number(post=found, user=request.user, access=access)
    url = found.thread.get_absolute_url()
    if number is None:  # a Q&A answer the reader may read once they have answered
        return redirect(url)
    return redirect(f"{url}?page={number}#post-{found.pk}" if number > 1 else f"{url}#post-{found.pk}")


@login_required
@require_POST
def reply(request, pk):
    thread, access = _thread(request.user, pk)
    form = PostForm(request.POST)
    if form.is_valid():
        quote = Post.objects.filter(pk=form.cleaned_data["quote"], thread=thread).first()
        try:
            post = services.post_create(
                thread=thread, author=request.user, body=form.cleaned_data["body"], quote=quote, access=access
            )
        except CommunityError as error:
            form.add_error(None, error.message)
        else:
            return redirect(post.get_absolute_url())
    # The reply form follows the latest posts: the page it is sent back on is the last one.
    return _thread_page(request, thread, access, form=form, status=400, page_number="last")


@login_required
@require_POST
def pin(request, pk):
    thread, access = _thread(request.user, pk)
    if not access.moderate:
        raise Http404
    services.thread_pin(thread=thread, moderator=request.user, pinned=request.POST.get("pinned") == "1")
    return redirect(thread.space)


@login_required
@require_POST
def helpful(request, pk):
    post, _access = _post(request.user, pk)
    if post.hidden_at:
        raise Http404
    services.helpful_mark(post=post, user=request.user)
    return redirect(post.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def report(request, pk):
    post, _access = _post(request.user, pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.post_report(post=post, reporter=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you. A moderator will look at this post."))
        return redirect(post.get_absolute_url())
    status = 400 if form.errors else 200
    return TemplateResponse(request, "community/report.html", {"post": post, "form": form}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def moderate(request, pk):
    post, access = _post(request.user, pk)
    if not access.moderate:
        raise Http404
    form = ModerationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        note = form.cleaned_data["note"]
        if post.hidden_at:
            services.post_restore(post=post, moderator=request.user, note=note)
            messages.success(request, _("The post is shown again."))
        else:
            services.post_hide(post=post, moderator=request.user, note=note)
            messages.success(request, _("The post is hidden."))
        return redirect(post.get_absolute_url())
    status = 400 if form.errors else 200
    return TemplateResponse(request, "community/moderate.html", {"post": post, "form": form}, status=status)


@login_required
@require_POST
def block(request, pk):
    space, access = readable_space(user=request.user, pk=pk)
    if not access.moderate:
        raise Http404
    person = (
        get_user_model().objects.filter(pk=request.POST.get("user", "") or 0).first()
        if (request.POST.get("user", "").isdigit())
        else None
    )
    if person is None:
        raise Http404
    try:
        if request.POST.get("unblock"):
            services.person_unblock(space=space, user=person, moderator=request.user)
            messages.success(request, _("%(name)s can post here again.") % {"name": person.display_name})
        else:
            services.person_block(space=space, user=person, moderator=request.user)
            messages.success(request, _("%(name)s can no longer post here.") % {"name": person.display_name})
    except CommunityError as error:
        messages.error(request, error.message)
    return redirect(space)


@login_required
def reports(request):
    """The reports waiting for the person as a moderator (an empty list for everyone else)."""
    return TemplateResponse(
        request, "community/reports.html", {"reports": selectors.open_reports(user=request.user)}
    )


@login_required
@require_POST
def report_dismiss(request, pk):
    found = Report.objects.select_related("post__thread__space").filter(pk=pk).first()
    if found is None or not space_access(user=request.user, space=found.post.thread.space).moderate:
        raise Http404
    services.report_dismiss(report=found, moderator=request.user)
    messages.success(request, _("The report is closed; the post stays as it was."))
    return redirect("community:reports")
