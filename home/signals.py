from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import FooterSettings
from .site_cache import bump_content_version


def _bump_for_pages(sender, **kwargs):
    if issubclass(sender, Page):
        bump_content_version()


def _bump_for_new_alias(sender, instance, created, **kwargs):
    # wagtail-localize's tree synchronisation makes live aliases of published pages without publishing
    # anything: the addresses they answer in each language change all the same.
    if created and issubclass(sender, Page) and instance.alias_of_id and instance.live:
        bump_content_version()


def connect() -> None:
    page_published.connect(bump_content_version, dispatch_uid="home-bump-published")
    page_unpublished.connect(bump_content_version, dispatch_uid="home-bump-unpublished")
    post_page_move.connect(bump_content_version, dispatch_uid="home-bump-moved")  # URLs change
    post_delete.connect(_bump_for_pages, dispatch_uid="home-bump-page-deleted")
    post_save.connect(_bump_for_new_alias, dispatch_uid="home-bump-alias-created")
    for model in (FooterSettings, Site, PageViewRestriction):
        post_save.connect(
            bump_content_version, sender=model, dispatch_uid=f"home-bump-{model.__name__}-saved"
        )
        post_delete.connect(
            bump_content_version, sender=model, dispatch_uid=f"home-bump-{model.__name__}-deleted"
        )
