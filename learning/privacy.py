"""The learning app's share of a person's data: enrolments, progress, answers, reflections, attendance,
certificates."""

from django.db import transaction
from django.utils import timezone

from .certificates import page_cache
from .models import (
    Attendance,
    Certificate,
    CohortInvitation,
    Enrolment,
    LessonProgress,
    QuizAttempt,
    Reflection,
)

# Every model of this app that points at a person, and what happens to it (tests/accounts/test_privacy_
# registry.py fails when a model linked to the user model is missing here).
PERSONAL_DATA = {
    "learning.Enrolment": "exported; deleted with the account, with its progress, quiz attempts, "
    "reflections and attendance",
    "learning.Certificate": "exported; kept in the register, revoked, without the name or the PDF",
    "learning.Reflection": "the reviewing trainer is unset when the trainer's account goes",
    "learning.Cohort": "a trainer leaves the cohorts they ran",
    "learning.CoursePage": "a trainer leaves the courses they are named on",
    "learning.CohortMessage": "the person leaves the recipients; a trainer's messages stay, unsigned",
    "learning.CohortInvitation": "invitations to the person's addresses are deleted; invitations a trainer "
    "sent stay, unsigned",
    "learning.CourseIndexPage": "page authorship only, unset",
    "learning.ModulePage": "page authorship only, unset",
    "learning.LessonPage": "page authorship only, unset",
}


def export_user_data(user) -> dict:
    enrolments = Enrolment.objects.filter(user=user).select_related("cohort__course")
    return {
        "enrolments": [
            {
                "course": enrolment.cohort.course.title,
                "cohort": enrolment.cohort.localized_title,
                "status": enrolment.status,
                "requested": enrolment.created_at.isoformat(),
                "completed": enrolment.completed_at.isoformat() if enrolment.completed_at else None,
                "lessons_completed": [
                    {"lesson": p.lesson.title, "completed": p.completed_at.isoformat()}
                    for p in LessonProgress.objects.filter(enrolment=enrolment).select_related("lesson")
                ],
                "quiz_attempts": [
                    {
                        "lesson": a.lesson.title,
                        "attempt": a.number,
                        "answers": a.answers,
                        "score": a.score,
                        "passed": a.passed,
                        "submitted": a.submitted_at.isoformat(),
                    }
                    for a in QuizAttempt.objects.filter(enrolment=enrolment).select_related("lesson")
                ],
                "reflections": [
                    {
                        "lesson": r.lesson.title,
                        "text": r.text,
                        "status": r.status,
                        "feedback": r.feedback,
                        "submitted": r.submitted_at.isoformat(),
                    }
                    for r in Reflection.objects.filter(enrolment=enrolment).select_related("lesson")
                ],
                "attendance": [
                    {
                        "session": a.session.title,
                        "starts": a.session.starts_at.isoformat(),
                        "present": a.present,
                    }
                    for a in Attendance.objects.filter(enrolment=enrolment).select_related("session")
                ],
            }
            for enrolment in enrolments
        ],
        "certificates": [
            {
                "code": c.code,
                "status": c.status,
                "name_on_certificate": c.learner_name,
                "course": c.course_title,
                "cohort": c.cohort_title,
                "hours": c.hours,
                "completed_on": c.completed_on.isoformat(),
                "issued": c.issued_at.isoformat(),
                "issuer": c.issuer_name,
                "language": c.language,
                "revoked": c.revoked_at.isoformat() if c.revoked_at else None,
                "revocation_reason": c.revocation_reason,
            }
            for c in Certificate.objects.filter(enrolment__user=user).order_by("issued_at", "pk")
        ],
    }


@transaction.atomic
def erase_user_data(user) -> None:
    """Progress, answers and reflections are deleted with the enrolments (CASCADE from the user).

    Certificates are anonymised, not deleted: copies of them may circulate (printed, in a wallet, on a
    profile), and a code that suddenly answered "unknown" would look like a forgery. So each keeps its code
    and its status-list position, is revoked as "withdrawn at the holder's request" (the signed credential
    then reads revoked too), loses the name and its PDF, and is detached from the enrolment. The course,
    dates and issuer stay: they say nothing about who the person was.
    """
    addresses = {user.email, *user.emailaddress_set.values_list("email", flat=True)}
    for address in addresses:
        CohortInvitation.objects.filter(email__iexact=address).delete()
    now = timezone.now()
    for certificate in Certificate.objects.select_for_update().filter(enrolment__user=user):
        if certificate.pdf:
            certificate.pdf.delete(save=False)
        if certificate.status == Certificate.Status.VALID:
            certificate.status = Certificate.Status.REVOKED
            certificate.revoked_at = now
            certificate.revocation_reason = Certificate.Reason.ERASED
        certificate.learner_name = ""
        # The hashed e-mail too: with the address, anyone could still tie the certificate to the person.
        certificate.recipient_salt = ""
        certificate.recipient_hash = ""
        certificate.revocation_note = ""
        certificate.enrolment = None
        certificate.save()
        page_cache.forget(certificate.code)
