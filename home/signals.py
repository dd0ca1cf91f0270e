"""What editors publish, declared to the cache registry (home.site_cache): every write of these retires
the cached pages, fragments, routes and header once it commits."""

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import site_cache
from .models import FooterSettings

# A page's own save also records a new draft or a lock: nothing a visitor sees changes.
PAGE_BOOKKEEPING = {
    COMMENTS_RELATION_NAME,
    "latest_revision_created_at",
    "draft_title",
    "latest_revision",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
}


def _page_event(**_kwargs):
    site_cache.retire(site_cache.CONTENT)


def connect() -> None:
    site_cache.connect()
    site_cache.register(Page, ignore_fields=PAGE_BOOKKEEPING)
    # A replaced document or image gets a new URL (Wagtail deletes the old renditions), so a cached
    # block that links to the old one would show a dead link: they retire the content like a page.
    image_model = get_image_model()
    for model in (FooterSettings, Site, Locale, PageViewRestriction, get_document_model(), image_model):
        site_cache.register(model)
    site_cache.register(image_model.get_rendition_model())
    # Publishing saves the page, but a move is done with queryset updates: Wagtail's signals say when.
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
    ):
        signal.connect(_page_event, weak=False, dispatch_uid=f"site-cache-page-{name}")
