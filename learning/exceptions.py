"""What can go wrong when a trainee acts: each carries the message the trainee reads."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class LearningError(Exception):
    message = _("This action is not possible.")
    status = 409

    def __init__(self, message=None):
        super().__init__(message or self.message)
        if message:
            self.message = message


class CohortClosed(LearningError):
    message = _("This cohort is not taking enrolments.")


class CohortFull(LearningError):
    message = _("This cohort is full and has no waitlist.")


class WrongInviteCode(LearningError):
    message = _("This invitation code is not valid for this cohort. Check it and try again.")
    status = 400


class PrerequisitesMissing(LearningError):
    message = _("Complete the prerequisite courses before enrolling in this one.")


class RequestRejected(LearningError):
    message = _("Your request to join this cohort was not accepted. Please contact the trainers.")
    status = 403


class AlreadyInCourse(LearningError):
    message = _(
        "You already have a place in another cohort of this course. Leave that cohort first if you "
        "want to change."
    )


class AlreadyCompleted(LearningError):
    message = _("You have already completed this course.")


class NotEnrolled(LearningError):
    message = _("Enrol in the course to follow its lessons.")
    status = 403


class InvalidTransition(LearningError):
    message = _("This enrolment cannot change in that way.")


class AttemptsExhausted(LearningError):
    message = _("You have used every attempt allowed for this quiz.")


class StaleSubmission(LearningError):
    message = _("This quiz attempt was already submitted. Your results are below.")


class LessonNotFinished(LearningError):
    message = _(
        "Finish this lesson's quizzes and reflections first: it completes by itself when they are done."
    )


class ReflectionLocked(LearningError):
    message = _("Your reflection has been accepted and can no longer be changed.")


class NotCompleted(LearningError):
    message = _("A certificate is issued only once the course is completed.")
    status = 409


class CertificatesDisabled(LearningError):
    message = _("This course does not award certificates.")
    status = 409


class CertificateNotValid(LearningError):
    message = _("This certificate has already been revoked.")
    status = 409


class CohortCourseLocked(LearningError):
    message = _("People have enrolled in this cohort: its course can no longer change.")
    status = 409


class CapacityBelowSeatsTaken(LearningError):
    status = 422

    def __init__(self, taken: int):
        super().__init__(
            ngettext(
                "%(count)d seat is already taken: the capacity cannot be lower.",
                "%(count)d seats are already taken: the capacity cannot be lower.",
                taken,
            )
            % {"count": taken}
        )
