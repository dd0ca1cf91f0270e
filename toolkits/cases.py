"""Reads that make published cases findable: on their toolkit's page, in the library and in site
search. Published plans are public by definition; nothing else about a plan is read here."""

from django.db.models import Q

from .models import ActionPlan

LISTED = 10


def _published():
    return ActionPlan.objects.filter(status=ActionPlan.Status.PUBLISHED).select_related("organisation")


def cases_of_toolkit(toolkit, limit: int = 20) -> list[ActionPlan]:
    """Plans published from `toolkit`, in any of its languages (a plan points at the copy it started
    from)."""
    return list(
        _published()
        .filter(toolkit__translation_key=toolkit.translation_key)
        .order_by("-published_at")[:limit]
    )


def recent_cases(limit: int = LISTED) -> list[ActionPlan]:
    return list(_published().order_by("-published_at")[:limit])


def search_cases(query: str, limit: int = LISTED) -> list[ActionPlan]:
    """Cases whose title, city or organisation holds every word of `query`."""
    matches = _published()
    for word in query.split()[:10]:
        matches = matches.filter(
            Q(title__icontains=word)
            | Q(organisation__city__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return list(matches.order_by("-published_at")[:limit])
