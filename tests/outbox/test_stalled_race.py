"""Two hosts' cron sweeps running at the same moment on PostgreSQL: each stalled e-mail is queued again
by one of them only (rows locked, locked ones skipped), and delivered once."""

from django.core import mail

from outbox import services
from outbox.models import OutgoingEmail
from tests.races import RACE, in_parallel

from .test_stalled_sending import LOCMEM, stalled

pytestmark = RACE


def test_parallel_sweeps_requeue_each_stalled_mail_exactly_once(settings):
    settings.MAILERS = LOCMEM
    emails = [stalled(f"person{i}@example.org") for i in range(12)]

    requeued = in_parallel(4, lambda i: services.email_requeue_stalled())

    every = sorted(pk for ids in requeued for pk in ids)
    assert every == sorted(email.pk for email in emails)  # each once, none twice
    assert sorted(m.to[0] for m in mail.outbox) == sorted(email.to for email in emails)
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {OutgoingEmail.Status.SENT}
