from django.utils.translation import gettext_lazy as _


class CommunityError(Exception):
    """A refusal the person can understand: the view shows `message` and keeps what they typed."""

    message = _("This could not be done.")


class PostingBlocked(CommunityError):
    message = _("A moderator has stopped you from posting in this space. You can still read it.")


class RateLimited(CommunityError):
    message = _("You have posted a lot in a short time. Please wait a few minutes before posting again.")


class NotAllowed(CommunityError):
    message = _("Only the space's moderators can do this.")
