"""Writes that change enrolments, progress and attendance. Each is one transaction.

Capacity is protected by locking the cohort row (`select_for_update`): every change that can take or free
a seat in a cohort queues behind the same lock, so two requests can never both take the last seat. On
SQLite, transactions start IMMEDIATE (see settings), which serialises writers the same way.
"""

import secrets
import uuid
from collections.abc import Mapping
from functools import partial

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from . import exceptions, grading, notices, rules
from .models import (
    Attendance,
    Cohort,
    Enrolment,
    LessonPage,
    LessonProgress,
    LiveSession,
    QuizAttempt,
    Reflection,
)
from .signals import course_completed
from .tasks import send_enrolment_email, send_revision_email

Status = Enrolment.Status


def _notify(enrolment: Enrolment, kind: str) -> None:
    transaction.on_commit(partial(send_enrolment_email.enqueue, enrolment_id=enrolment.pk, kind=kind))


def _locked_cohort(cohort: Cohort) -> Cohort:
    return Cohort.objects.select_for_update().get(pk=cohort.pk)


def _seats_taken(cohort: Cohort) -> int:
    return cohort.enrolments.filter(status__in=Enrolment.LEARNING).count()


def _has_free_seat(cohort: Cohort) -> bool:
    return cohort.capacity is None or _seats_taken(cohort) < cohort.capacity


def _set_status(enrolment: Enrolment, status: str) -> None:
    enrolment.status = status
    enrolment.status_changed_at = timezone.now()
    enrolment.save(update_fields=["status", "status_changed_at"])


@transaction.atomic
def enrolment_create(*, user, cohort: Cohort, invite_code: str = "", by_trainer: bool = False) -> Enrolment:
    """Enrol `user` in `cohort` following its mode; a request, a waitlist place or a seat.

    Asking again is harmless: an existing request, waitlist place or seat is returned unchanged.
    A trainer or staff member enrolling someone skips the mode, the code and the prerequisites, but
    never the capacity: a full cohort puts them on the waitlist.
    """
    cohort = _locked_cohort(cohort)
    enrolment = Enrolment.objects.filter(user=user, cohort=cohort).first()
    if enrolment and enrolment.status != Status.WITHDRAWN:
        if enrolment.status == Status.REJECTED:
            raise exceptions.RequestRejected
        return enrolment

    course_key = Cohort.objects.values_list("course__translation_key", flat=True).get(pk=cohort.pk)
    _check_no_other_place(user, cohort, course_key)
    if not by_trainer:
        _check_may_join(user, cohort, invite_code)

    if cohort.enrolment_mode == Cohort.Mode.APPROVAL and not by_trainer:
        status, email = Status.PENDING, "requested"
    elif _has_free_seat(cohort):
        status, email = Status.ACTIVE, "confirmed"
    elif cohort.waitlist or by_trainer:
        status, email = Status.WAITLISTED, "waitlisted"
    else:
        raise exceptions.CohortFull

    try:
        # Two cohorts of one course are two different locks: the database's constraint settles a
        # person pressing "enrol" in both at once.
        with transaction.atomic():
            if enrolment is None:
                enrolment = Enrolment.objects.create(
                    user=user, cohort=cohort, course_key=course_key, status=status
                )
            else:
                _set_status(enrolment, status)
    except IntegrityError as error:
        raise exceptions.AlreadyInCourse from error
    _notify(enrolment, email)
    return enrolment


def _check_no_other_place(user, cohort: Cohort, course_key) -> None:
    """A person holds one place per course: a second cohort of it (any language) is refused."""
    other = (
        Enrolment.objects.filter(user=user, course_key=course_key, status__in=Enrolment.CURRENT)
        .exclude(cohort=cohort)
        .values_list("status", flat=True)
        .first()
    )
    if other == Status.COMPLETED:
        raise exceptions.AlreadyCompleted
    if other is not None:
        raise exceptions.AlreadyInCourse


def _check_may_join(user, cohort: Cohort, invite_code: str) -> None:
    if cohort.enrolment_mode == Cohort.Mode.CLOSED:
        raise exceptions.CohortClosed
    if cohort.enrolment_mode == Cohort.Mode.INVITE and not secrets.compare_digest(
        invite_code.strip().encode(), cohort.invite_code.encode()
    ):
        raise exceptions.WrongInviteCode
    if rules.missing_prerequisites(user=user, course=cohort.course):
        raise exceptions.PrerequisitesMissing


@transaction.atomic
def enrolment_approve(*, enrolment: Enrolment) -> Enrolment:
    """Accept a request: a seat if one is free, otherwise the waitlist (or refuse when there is none)."""
    cohort = _locked_cohort(enrolment.cohort)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status not in (Status.PENDING, Status.WAITLISTED):
        raise exceptions.InvalidTransition
    if _has_free_seat(cohort):
        _set_status(enrolment, Status.ACTIVE)
        _notify(enrolment, "approved")
        notices.place_given(enrolment)
    elif enrolment.status == Status.PENDING and cohort.waitlist:
        _set_status(enrolment, Status.WAITLISTED)
        _notify(enrolment, "waitlisted")
    else:
        raise exceptions.CohortFull
    return enrolment


@transaction.atomic
def enrolment_reject(*, enrolment: Enrolment) -> Enrolment:
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status not in (Status.PENDING, Status.WAITLISTED):
        raise exceptions.InvalidTransition
    _set_status(enrolment, Status.REJECTED)
    _notify(enrolment, "rejected")
    return enrolment


@transaction.atomic
def enrolment_withdraw(*, enrolment: Enrolment) -> Enrolment:
    """Leave a cohort; a freed seat goes to the first person on the waitlist."""
    cohort = _locked_cohort(enrolment.cohort)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if enrolment.status not in (Status.PENDING, Status.WAITLISTED, Status.ACTIVE):
        raise exceptions.InvalidTransition
    _set_status(enrolment, Status.WITHDRAWN)
    waitlist_promote(cohort=cohort)
    return enrolment


@transaction.atomic
def cohort_update(*, cohort: Cohort, changes: dict, trainers=None) -> Cohort:
    """Change a cohort's settings. Capacity never drops below the seats already taken, and seats it
    adds go to the waitlist first, in its order; the course stays once anyone has enrolled. `trainers`,
    when given, replaces the cohort's trainers.
    """
    cohort = _locked_cohort(cohort)
    capacity = changes.get("capacity", cohort.capacity)
    taken = _seats_taken(cohort)
    if capacity is not None and capacity < taken:
        raise exceptions.CapacityBelowSeatsTaken(taken)
    course = changes.get("course")
    # Enrolments, progress and certificates belong to the cohort's course: they cannot move with it.
    if course is not None and course.pk != cohort.course_id and cohort.enrolments.exists():
        raise exceptions.CohortCourseLocked
    for name, value in changes.items():
        setattr(cohort, name, value)
    cohort.save(update_fields=list(changes))
    if trainers is not None:
        cohort.trainers.set(trainers)
    waitlist_promote(cohort=cohort)
    return cohort


def waitlist_promote(*, cohort: Cohort) -> list[Enrolment]:
    """Give free seats to the waitlist, first come first served. Call with the cohort row locked."""
    promoted = []
    waiting = cohort.enrolments.filter(status=Status.WAITLISTED).order_by("status_changed_at", "pk")
    for enrolment in waiting:
        if not _has_free_seat(cohort):
            break
        _set_status(enrolment, Status.ACTIVE)
        _notify(enrolment, "promoted")
        notices.place_given(enrolment)
        promoted.append(enrolment)
    return promoted


def _touch(enrolment: Enrolment) -> None:
    # Last activity shows only to trainers: no cached page shows it, so it retires nothing (apps.py).
    Enrolment.objects.filter(pk=enrolment.pk).update(last_activity_at=timezone.now())


def _record_progress(enrolment: Enrolment, lesson: LessonPage) -> LessonProgress:
    progress, _created = LessonProgress.objects.get_or_create(
        enrolment=enrolment,
        lesson_key=lesson.translation_key,
        defaults={"lesson": lesson, "completed_at": timezone.now()},
    )
    return progress


@transaction.atomic
def lesson_complete(*, enrolment: Enrolment, lesson: LessonPage) -> LessonProgress:
    """Mark a lesson done. Twice is a no-op. A lesson with activities completes through them."""
    _require_learning(enrolment)
    if not rules.activities_done(enrolment=enrolment, lesson=lesson):
        raise exceptions.LessonNotFinished
    progress = _record_progress(enrolment, lesson)
    _touch(enrolment)
    enrolment_evaluate(enrolment=enrolment)
    return progress


def _require_learning(enrolment: Enrolment) -> None:
    if enrolment.status not in Enrolment.LEARNING:
        raise exceptions.NotEnrolled


def _complete_if_activities_done(enrolment: Enrolment, lesson: LessonPage) -> None:
    if rules.activities_done(enrolment=enrolment, lesson=lesson):
        _record_progress(enrolment, lesson)
        enrolment_evaluate(enrolment=enrolment)


@transaction.atomic
def quiz_submit(
    *,
    enrolment: Enrolment,
    lesson: LessonPage,
    quiz_id: str,
    data: Mapping,
    attempt_number: int,
    submission_id: uuid.UUID | None = None,
) -> tuple[QuizAttempt, grading.QuizResult]:
    """Grade a submission on the server and record it as attempt `attempt_number`.

    The number comes from the form the trainee saw: a replayed or double-clicked submission carries a
    number already used and is refused by the unique constraint, so it never uses up an attempt. A
    submission sent from a phone's offline queue also carries the id the phone gave it: sent again (its
    first answer lost on the way back), it returns the attempt it already made, graded as it was.
    """
    _require_learning(enrolment)
    quiz = rules.quiz_block(lesson, quiz_id)
    chosen = grading.parse_answers(quiz, data)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if submission_id is not None:
        earlier = QuizAttempt.objects.filter(
            enrolment=enrolment,
            lesson_key=lesson.translation_key,
            quiz_id=quiz_id,
            submission_id=submission_id,
        ).first()
        if earlier is not None:
            recorded = {int(number): tuple(indexes) for number, indexes in earlier.answers.items()}
            return earlier, grading.grade(quiz, recorded)
    used = QuizAttempt.objects.filter(
        enrolment=enrolment, lesson_key=lesson.translation_key, quiz_id=quiz_id
    ).count()
    if attempt_number <= used:
        raise exceptions.StaleSubmission
    if attempt_number != used + 1:
        raise grading.InvalidAnswers("attempt number out of sequence")
    if quiz["max_attempts"] and used >= quiz["max_attempts"]:
        raise exceptions.AttemptsExhausted
    result = grading.grade(quiz, chosen)
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                enrolment=enrolment,
                lesson=lesson,
                lesson_key=lesson.translation_key,
                quiz_id=quiz_id,
                number=attempt_number,
                answers=result.answers,
                score=result.score,
                passed=result.passed,
                submission_id=submission_id,
            )
    except IntegrityError as error:
        raise exceptions.StaleSubmission from error
    _touch(enrolment)
    if result.passed:
        _complete_if_activities_done(enrolment, lesson)
    return attempt, result


@transaction.atomic
def reflection_submit(*, enrolment: Enrolment, lesson: LessonPage, prompt_id: str, text: str) -> Reflection:
    """Save a trainee's answer to a reflection prompt; it can be edited until a trainer accepts it."""
    _require_learning(enrolment)
    rules.reflection_block(lesson, prompt_id)
    reflection = (
        Reflection.objects.select_for_update()
        .filter(enrolment=enrolment, lesson_key=lesson.translation_key, prompt_id=prompt_id)
        .first()
    )
    if reflection and reflection.status == Reflection.Status.ACCEPTED:
        raise exceptions.ReflectionLocked
    if reflection is None:
        reflection = Reflection(
            enrolment=enrolment, lesson=lesson, lesson_key=lesson.translation_key, prompt_id=prompt_id
        )
    reflection.text = text
    reflection.status = Reflection.Status.SUBMITTED
    reflection.submitted_at = timezone.now()
    reflection.save()
    _touch(enrolment)
    _complete_if_activities_done(enrolment, lesson)
    return reflection


@transaction.atomic
def reflection_review(*, reflection: Reflection, reviewer, accepted: bool, feedback: str) -> Reflection:
    reflection.status = Reflection.Status.ACCEPTED if accepted else Reflection.Status.REVISION
    reflection.feedback = feedback
    reflection.reviewed_by = reviewer
    reflection.reviewed_at = timezone.now()
    reflection.save(update_fields=["status", "feedback", "reviewed_by", "reviewed_at"])
    notices.reflection_reviewed(reflection, reviewer)
    if not accepted:
        # An acceptance needs no e-mail (the lesson page shows it); a revision asks the trainee to act.
        transaction.on_commit(partial(send_revision_email.enqueue, reflection_id=reflection.pk))
    return reflection


@transaction.atomic
def attendance_record(*, session: LiveSession, enrolment: Enrolment, present: bool) -> Attendance:
    if enrolment.cohort_id != session.cohort_id:
        raise exceptions.InvalidTransition
    attendance, _created = Attendance.objects.update_or_create(
        session=session, enrolment=enrolment, defaults={"present": present}
    )
    enrolment_evaluate(enrolment=enrolment)
    return attendance


@transaction.atomic
def enrolment_sign_off(*, enrolment: Enrolment, trainer) -> Enrolment:
    """A trainer confirms the trainee met the course's expectations (for courses that require it)."""
    Enrolment.objects.filter(pk=enrolment.pk, signed_off_at__isnull=True).update(
        signed_off_at=timezone.now(), signed_off_by=trainer
    )
    enrolment.refresh_from_db()
    enrolment_evaluate(enrolment=enrolment)
    return enrolment


def enrolment_evaluate(*, enrolment: Enrolment) -> bool:
    """Complete the enrolment if the course's rules are met; True only for the call that completed it.

    The conditional UPDATE makes completion happen exactly once even when two requests finish the last
    lesson together, and `course_completed` is sent only after the transaction commits.
    """
    if enrolment.status != Status.ACTIVE or not rules.completion_met(enrolment=enrolment):
        return False
    now = timezone.now()
    completed = Enrolment.objects.filter(Q(pk=enrolment.pk), Q(status=Status.ACTIVE)).update(
        status=Status.COMPLETED, completed_at=now, status_changed_at=now
    )
    if not completed:
        return False
    enrolment.status, enrolment.completed_at = Status.COMPLETED, now
    transaction.on_commit(partial(course_completed.send, sender=Enrolment, enrolment=enrolment))
    return True
