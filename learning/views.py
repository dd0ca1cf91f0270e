"""Thin views: read the request, call a service, turn a refusal into a message with a 4xx status.

Lesson actions answer with the lesson page itself (after a redirect on success, or with the error shown
next to the quiz or reflection on refusal), so the same response serves a plain form post and htmx,
which swaps only the part of the page that changed.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST
from django_htmx.http import HttpResponseClientRedirect

from core.localize import translations_for
from core.offline import offline_key

from . import completion, exceptions, grading, offline, revisions, rules, selectors, services
from .calendar import sessions_ics
from .forms import EnrolForm, ReflectionForm
from .models import Cohort, CoursePage, Enrolment, LessonPage, LiveSession
from .my_learning import dashboard as my_learning
from .my_learning import runs_cohorts


def _in_current_language(page, request):
    return translations_for([page], request).get(page.pk, page)


@login_required
@require_GET
def dashboard(request):
    context = my_learning(user=request.user, request=request)
    context["is_trainer"] = runs_cohorts(request.user)
    context["to_revise"] = revisions.reflections_to_revise(user=request.user, request=request)
    return render(request, "learning/dashboard.html", context)


@login_required
def enrol(request, pk):
    """GET shows the cohort and, for invitation cohorts, asks for the code; POST enrols."""
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk, course__live=True)
    course = _in_current_language(cohort.course, request)
    form = EnrolForm(request.POST if request.method == "POST" else None)
    if request.method != "POST" or not form.is_valid():
        return TemplateResponse(
            request, "learning/enrol.html", {"cohort": cohort, "course": course, "form": form}
        )
    try:
        enrolment = services.enrolment_create(
            user=request.user, cohort=cohort, invite_code=form.cleaned_data["invite_code"]
        )
    except exceptions.WrongInviteCode as error:
        form.add_error("invite_code", str(error.message))
        return TemplateResponse(
            request,
            "learning/enrol.html",
            {"cohort": cohort, "course": course, "form": form},
            status=error.status,
        )
    except exceptions.LearningError as error:
        context = {"cohort": cohort, "course": course, "form": form, "refusal": error.message}
        return TemplateResponse(request, "learning/enrol.html", context, status=error.status)
    messages.success(request, _enrolment_message(enrolment))
    return redirect(course.get_url(request) or reverse("learning:dashboard"))


def _enrolment_message(enrolment: Enrolment) -> str:
    return {
        Enrolment.Status.ACTIVE: _("You are enrolled. Welcome! You can start the first lesson now."),
        Enrolment.Status.COMPLETED: _("You have already completed this course."),
        Enrolment.Status.PENDING: _(
            "Your request was sent. A trainer will answer it, and we will e-mail you."
        ),
        Enrolment.Status.WAITLISTED: _(
            "The cohort is full: you are on the waitlist and will get an e-mail when a seat is free."
        ),
    }[enrolment.status]


@login_required
@require_POST
def withdraw(request, pk):
    enrolment = get_object_or_404(Enrolment.objects.select_related("cohort"), pk=pk, user=request.user)
    try:
        services.enrolment_withdraw(enrolment=enrolment)
    except exceptions.LearningError as error:
        messages.error(request, error.message)
        return redirect("learning:dashboard")
    messages.success(request, _("You have left %(cohort)s.") % {"cohort": enrolment.cohort.localized_title})
    return redirect("learning:dashboard")


def _lesson_and_enrolment(request, pk):
    """The live lesson and the user's enrolment in its course; 404 for an unknown lesson, 403 otherwise."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=pk)
    # Only the enrolment, fresh from the database: the write that follows must not act on a cached copy.
    course = selectors.lesson_course(lesson, request)
    enrolment = selectors.learning_enrolment(user=request.user, course=course) if course else None
    if enrolment is None:
        raise exceptions.NotEnrolled
    return lesson, enrolment


def _lesson_page(request, lesson, *, status, errors=None, forms=None):
    """The lesson page with `errors` ({block id: message}) and bound `forms` shown next to their block."""
    request.lesson_errors = errors or {}
    request.lesson_forms = forms or {}
    response = lesson.serve(request)
    response.status_code = status
    return response


def _back_to(request, lesson, anchor=""):
    return redirect(lesson.get_url(request) + (f"#{anchor}" if anchor else ""))


def _saved_by_someone_else(request) -> bool:
    """A form queued offline names whose session saved it (js/offline.js sends the page's offline key).
    Sent later in another person's session (a shared phone, a page left open while someone else signed
    in), it must not count as theirs."""
    saved_by = request.POST.get("offline_user")
    return saved_by is not None and not constant_time_compare(saved_by, offline_key(request.user))


def lesson_action(view):
    """Login required, POST only; refusals become the lesson page with the reason and a 4xx."""

    @login_required
    @require_POST
    def wrapper(request, pk, **kwargs):
        if _saved_by_someone_else(request):
            message = _(
                "This was saved on this device by someone else, before you signed in. It was not sent."
            )
            return render(request, "learning/refused.html", {"message": message}, status=409)
        try:
            lesson, enrolment = _lesson_and_enrolment(request, pk)
        except exceptions.NotEnrolled as error:
            return render(request, "learning/refused.html", {"message": error.message}, status=error.status)
        finished_before = enrolment.status == Enrolment.Status.COMPLETED
        try:
            response = view(request, lesson, enrolment, **kwargs)
            if response.status_code == 302 and not finished_before:
                return _completion_moment(request, enrolment) or response
            return response
        except rules.UnknownActivity as error:
            raise Http404 from error
        except grading.InvalidAnswers:
            message = _(
                "Your answers did not match this quiz's questions. Nothing was saved: please answer again."
            )
            return _lesson_page(
                request, lesson, status=400, errors={kwargs.get("block_id", "lesson"): message}
            )
        except exceptions.LearningError as error:
            return _lesson_page(
                request, lesson, status=error.status, errors={kwargs.get("block_id", "lesson"): error.message}
            )

    return wrapper


def _completion_moment(request, enrolment):
    """The action that completed the course leads to the page that marks it, not back to the lesson.

    The service may have re-read the enrolment under a lock, so its status is read again here. htmx
    would swap the new page into the lesson's frame: it is told to navigate instead."""
    if not Enrolment.objects.filter(pk=enrolment.pk, status=Enrolment.Status.COMPLETED).exists():
        return None
    url = reverse("learning:completed", args=[enrolment.pk])
    if request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@login_required
@require_GET
def completed(request, pk):
    context = {"completion": completion.completion(user=request.user, enrolment_pk=pk, request=request)}
    return render(request, "learning/completed.html", context)


@lesson_action
def lesson_complete(request, lesson, enrolment):
    services.lesson_complete(enrolment=enrolment, lesson=lesson)
    return _back_to(request, lesson, "lesson-status")


@lesson_action
def quiz_submit(request, lesson, enrolment, block_id):
    try:
        number = int(request.POST.get("attempt", ""))
        # Made by the phone for a submission it queued offline (js/offline.js): a resend finds its attempt.
        submission = request.POST.get("submission_id", "")
        submission_id = uuid.UUID(submission) if submission else None
    except ValueError as error:
        raise grading.InvalidAnswers("no attempt number or a malformed submission id") from error
    services.quiz_submit(
        enrolment=enrolment,
        lesson=lesson,
        quiz_id=block_id,
        data=request.POST,
        attempt_number=number,
        submission_id=submission_id,
    )
    return _back_to(request, lesson, f"result-{block_id}")


@lesson_action
def reflection_submit(request, lesson, enrolment, block_id):
    prompt = rules.reflection_block(lesson, block_id)
    form = ReflectionForm(request.POST, min_words=prompt["min_words"], block_id=block_id)
    if not form.is_valid():
        return _lesson_page(request, lesson, status=422, forms={block_id: form})
    services.reflection_submit(
        enrolment=enrolment, lesson=lesson, prompt_id=block_id, text=form.cleaned_data["text"]
    )
    return _back_to(request, lesson, f"block-{block_id}")


def _ics_response(content: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _can_see_cohort(user, cohort: Cohort) -> bool:
    return (
        cohort.enrolments.filter(user=user, status__in=Enrolment.LEARNING).exists()
        or cohort.trainers.filter(pk=user.pk).exists()
        or user.has_perm("learning.view_cohort")
    )


@login_required
@require_GET
def session_ics(request, uid):
    session = get_object_or_404(LiveSession.objects.select_related("cohort"), uid=uid)
    if not _can_see_cohort(request.user, session.cohort):
        raise Http404
    return _ics_response(sessions_ics([session], calendar_name=session.cohort.localized_title), "session.ics")


@login_required
@require_GET
def cohort_ics(request, pk):
    cohort = get_object_or_404(Cohort, pk=pk)
    if not _can_see_cohort(request.user, cohort):
        raise Http404
    return _ics_response(
        sessions_ics(cohort.sessions.all(), calendar_name=cohort.localized_title), "sessions.ics"
    )


@login_required
@require_GET
def offline_copy(request, pk):
    """What "Keep for offline" stores for this course; only for the trainee's own enrolment (404 else)."""
    course = get_object_or_404(CoursePage.objects.live(), pk=pk)
    if selectors.learning_enrolment(user=request.user, course=course) is None:
        raise Http404
    data = offline.offline_copy(course=course, request=request)
    data["key"] = offline_key(request.user)
    response = JsonResponse(data)
    response["Cache-Control"] = "private, no-store"
    return response
