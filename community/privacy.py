"""The discussions' share of a person's data. Erasure keeps every thread readable for the others: the
person's posts and thread titles stay, signed "a former member"; everything else about them goes."""

from django.utils.translation import gettext_lazy as _

from .models import Block, Helpful, Post, ReadMark, Report, Thread

EXPORT_DESCRIPTION = _(
    "Your discussions: the threads you started, your posts and replies (in the cities' exchange, with the "
    "organisation you wrote for), the posts you marked helpful and the posts you reported."
)

PERSONAL_DATA = {
    "community.Thread": "exported; the title stays, unsigned (in the cities' exchange, still its city's)",
    "community.Post": (
        "exported; the text stays in its thread, signed 'a former member' (in the cities' exchange, with "
        "the organisation it was written for: the city's answer, not the person's)"
    ),
    "community.Helpful": "exported; deleted with the account (the post's count stays)",
    "community.ReadMark": "deleted with the account",
    "community.Report": "exported; the reporter is unset (moderators keep the report)",
    "community.ModerationNote": "a moderator's note stays, unsigned",
    "community.Block": "deleted with the account, whether blocked or blocking",
}


def _written_for(item) -> dict:
    """In the cities' exchange, the organisation a thread or post was written for."""
    return {"written_for": item.organisation.name} if item.organisation_id else {}


def export_user_data(user) -> dict:
    posts = (
        Post.objects.filter(author=user).select_related("thread", "organisation").order_by("created_at", "pk")
    )
    threads = Thread.objects.filter(author=user).select_related("organisation").order_by("created_at", "pk")
    return {
        "discussion_threads": [
            {"title": t.title, "started": t.created_at.isoformat(), **_written_for(t)} for t in threads
        ],
        "discussion_posts": [
            {
                "thread": p.thread.title,
                **_written_for(p),
                "text": p.body,
                "posted": p.created_at.isoformat(),
                "hidden_by_a_moderator": p.hidden_at is not None,
            }
            for p in posts
        ],
        "posts_marked_helpful": list(Helpful.objects.filter(user=user).values_list("post_id", flat=True)),
        "reports_made": [
            {
                "post": r.post_id,
                "reason": r.reason,
                "details": r.details,
                "reported": r.created_at.isoformat(),
            }
            for r in Report.objects.filter(reporter=user).order_by("created_at", "pk")
        ],
    }


def erase_user_data(user) -> None:
    # Posts and threads lose their author through SET_NULL as the account goes; the reporter likewise,
    # but the details a person typed in a report are theirs, so they go now.
    Report.objects.filter(reporter=user).update(details="")
    Helpful.objects.filter(user=user).delete()
    ReadMark.objects.filter(user=user).delete()
    Block.objects.filter(user=user).delete()
