"""What the notification pages read, each in a fixed number of queries whatever the number of rows."""

from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce

from .models import DEFAULT_DELIVERY, Kind, Notification, Preference

PER_PAGE = 20
# The header counts up to this many and then says "99+": the count stops early on a long unread list.
COUNT_CAP = 100


def unread_count(*, user) -> int:
    """One COUNT over at most COUNT_CAP rows of the (recipient, read_at) index; none at all when the
    signed-in user was read with it (accounts.backends, through `unread_count_expression`)."""
    known = getattr(user, "unread_notifications", None)
    if known is not None:
        return known
    return Notification.objects.filter(recipient=user, read_at__isnull=True)[:COUNT_CAP].count()


def unread_count_expression():
    """The unread count of the user row it annotates, as a subquery on the (recipient, read_at) index:
    the header's number comes with the query that loads the signed-in person, fresh on every request."""
    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(unread, output_field=IntegerField()), Value(0))


def notifications_page(*, user, number):
    """One page of the person's notifications, newest first: a count and one query for the rows (their
    actors joined), whatever their number."""
    rows = Notification.objects.filter(recipient=user).select_related("actor").order_by("-created_at", "-pk")
    return Paginator(rows, PER_PAGE).get_page(number)


def deliveries(*, user) -> dict[str, str]:
    """How the person hears of each kind: their choice, else the default. One query."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, DEFAULT_DELIVERY[kind]) for kind in Kind.values}
