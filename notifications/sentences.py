"""What each notification says, in the active language: made when it is shown, never stored, so the
centre and the e-mails speak the reader's language whatever language the actor wrote in."""

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .models import Kind, Notification


def _template(kind: str) -> str:
    # %(actor)s is the display name of whoever did it, %(title)s the snapshot (a thread's title, a
    # lesson's, a course's, a cohort's).
    return {
        Kind.REPLY: _("%(actor)s replied in “%(title)s”"),
        Kind.ANSWER: _("%(actor)s, a trainer, answered in your thread “%(title)s”"),
        Kind.MENTION: _("%(actor)s mentioned you in “%(title)s”"),
        Kind.REFLECTION_REVIEWED: _("%(actor)s reviewed your reflection in “%(title)s”"),
        Kind.REQUEST_APPROVED: _("A place for you in “%(title)s”"),
        Kind.CERTIFICATE_ISSUED: _("Your certificate for “%(title)s” is ready"),
        Kind.CHECKIN_DUE: _("A check-in is due: “%(title)s”"),
        Kind.CHECKIN_SUBMITTED: _("%(actor)s recorded a check-in: “%(title)s”"),
        Kind.CHECKIN_COMMENT: _("%(actor)s commented on the check-in “%(title)s”"),
        Kind.SESSION_REMINDER: _("A live session starts soon: “%(title)s”"),
        Kind.MESSAGE: _("%(actor)s sent you a message"),
    }.get(kind, "%(title)s")


def actor_name(notification: Notification) -> str:
    """Only the display name a person chose, as the discussions show it; never an address."""
    if notification.actor_id is None:
        return pgettext("notification actor", "A former member")
    return notification.actor.display_name or pgettext("notification actor", "A member")


def sentence(notification: Notification) -> str:
    """Plain text (an e-mail's text part); escaped wherever it is put in HTML."""
    return _template(notification.kind) % {"actor": actor_name(notification), "title": notification.snapshot}


def sentence_html(notification: Notification) -> SafeString:
    """The sentence with what people typed escaped and isolated (`<bdi dir="auto">`): an Arabic thread
    title inside a French sentence keeps its own direction and cannot reorder the words around it."""
    values = {
        "actor": format_html('<bdi dir="auto">{}</bdi>', actor_name(notification)),
        "title": format_html('<bdi dir="auto">{}</bdi>', notification.snapshot),
    }
    return mark_safe(conditional_escape(_template(notification.kind)) % values)  # noqa: S308 (escaped above)
