"""What the notification pages read, each in a fixed number of queries whatever the number of rows."""

from django.core.paginator import Paginator

from .models import DEFAULT_DELIVERY, Kind, Notification, Preference

PER_PAGE = 20
# The header counts up to this many and then says "99+": the count stops early on a long unread list.
COUNT_CAP = 100


def unread_count(*, user) -> int:
    """One COUNT over at most COUNT_CAP rows of the (recipient, read_at) index."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True)[:COUNT_CAP].count()


def notifications_page(*, user, number):
    """One page of the person's notifications, newest first: a count and one query for the rows (their
    actors joined), whatever their number."""
    rows = Notification.objects.filter(recipient=user).select_related("actor").order_by("-created_at", "-pk")
    return Paginator(rows, PER_PAGE).get_page(number)


def deliveries(*, user) -> dict[str, str]:
    """How the person hears of each kind: their choice, else the default. One query."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, DEFAULT_DELIVERY[kind]) for kind in Kind.values}
