from django.utils.translation import gettext_lazy as _


class NetworkError(Exception):
    """A refusal the person can understand: the view shows `message` with `status`, keeping the text."""

    message = _("This could not be done.")
    status = 400


class NotListed(NetworkError):
    message = _("This person is not in the directory.")
    status = 404


class MessagingBlocked(NetworkError):
    message = _("This person does not accept messages from you.")
    status = 403


class YouBlocked(NetworkError):
    message = _("You have blocked this person. Unblock them first if you want to write to them.")
    status = 403


class FormerMember(NetworkError):
    message = _("This member has left the platform: they can no longer receive messages.")
    status = 403


class NotYourself(NetworkError):
    message = _("You cannot send a message to yourself.")
    status = 400


class RateLimited(NetworkError):
    message = _("You have sent many messages in a short time. Please wait a while before sending another.")
    status = 429
