"""What editors publish in Wagtail itself, declared to the cache registry (core.site_cache): every write
of these retires the cached pages, fragments, routes and header once it commits. Each app registers its
own models (home its footer, learning its topics...)."""

from django.db.models.signals import post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

from . import site_cache

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

# Filled in by Wagtail on first use with `save(update_fields=[...])`: see connect().
FILE_BOOKKEEPING = {"file_size", "file_hash"}


def _page_event(**_kwargs):
    site_cache.retire(site_cache.CONTENT)


def _sync_trees_unless_raw(sender, instance, raw=False, **_kwargs):
    # Loading rows as they are (fixtures, a test database restored after a flush) must not run the tree
    # synchronisation: the locales and pages it reads may not be loaded yet.
    if not raw:
        instance.sync_trees()


def _sync_trees_on_real_saves() -> None:
    """wagtail-localize synchronises the page trees on every save of a LocaleSynchronization, raw ones
    included; ours does the same except for raw saves."""
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    post_save.connect(
        _sync_trees_unless_raw, sender=LocaleSynchronization, weak=False, dispatch_uid="core-sync-trees"
    )


def connect() -> None:
    _sync_trees_on_real_saves()
    site_cache.connect()
    site_cache.register(Page, ignore_fields=PAGE_BOOKKEEPING)
    for model in (Site, Locale, PageViewRestriction):
        site_cache.register(model)
    # A replaced document or image gets a new URL (Wagtail deletes the old renditions), so a cached
    # block that links to the old one would show a dead link: they retire the content like a page.
    # Wagtail records a file's size and hash the first time something asks for them (a reader's page
    # showing a document's size, the admin's edit view): the same file, nothing shown changes.
    image_model = get_image_model()
    for model in (get_document_model(), image_model):
        site_cache.register(model, ignore_fields=FILE_BOOKKEEPING)
    # A rendition is made while the page that shows it is rendered, so that page's HTML already has its
    # URL, and no entry built before can show a rendition that did not exist: its creation retires
    # nothing (it used to retire every cached page, the one just built included, on each first view of
    # an image). Its deletion does: entries that show its URL would show a dead link.
    site_cache.register(image_model.get_rendition_model(), creation_retires=False)
    # Publishing saves the page, but a move is done with queryset updates: Wagtail's signals say when.
    for signal, name in (
        (page_published, "published"),
        (page_unpublished, "unpublished"),
        (post_page_move, "moved"),
    ):
        signal.connect(_page_event, weak=False, dispatch_uid=f"site-cache-page-{name}")
