"""The demo site: its home page, about, privacy and terms pages in English and French (translated
through wagtail-localize, demo.localize), and the footer (demo/data/pages.json)."""

from django.utils.text import slugify
from wagtail.models import Page, Site

from home.models import FooterSettings, HomePage, StandardPage

from .data import locales, publish, read, stable_block_ids
from .localize import translation_save


def _standard_page(parent: Page, texts: dict, *, slug: str) -> StandardPage:
    page = parent.get_children().type(StandardPage).filter(slug=slug).specific().first()
    if page is None:
        page = StandardPage(title=texts["title"], slug=slug, locale=parent.locale)
        parent.add_child(instance=page)
    return publish(_fill_standard(page, texts))


def _fill_standard(page: StandardPage, texts: dict) -> StandardPage:
    page.title, page.intro = texts["title"], texts["intro"]
    page.body = [("paragraph", f"<p>{texts['paragraph']}</p>")]
    return stable_block_ids(page, f"standard/{page.slug}")


def _fill_home(home: HomePage, texts: dict, about: StandardPage) -> HomePage:
    home.title = texts["title"]
    home.hero_heading = texts["hero_heading"]
    home.hero_intro = texts["hero_intro"]
    home.hero_links = [("link", {"page": about, "label": texts["about"]["title"]})]
    home.body = [
        (
            "cards",
            {
                "heading": texts["programmes_heading"],
                "intro": texts["programmes_intro"],
                "cards": texts["cards"],
            },
        ),
        ("figures", {"heading": texts["figures_heading"], "figures": texts["figures"]}),
    ]
    return stable_block_ids(home, "home")


def load(stdout) -> None:
    data = read("pages")
    english, french = locales()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name = data["hostname"], data["port"], data["site_name"]
    site.save()
    home_en = HomePage.objects.get(locale=english)
    texts_en, texts_fr = data["home"]["en"], data["home"]["fr"]

    about_en = _standard_page(home_en, texts_en["about"], slug="about")
    privacy_en = _standard_page(home_en, texts_en["privacy"], slug="privacy")
    terms_en = _standard_page(home_en, texts_en["terms"], slug="terms")
    # Children were added through other instances since this one was loaded: publishing a stale tree
    # position (numchild) would hide them from routing.
    home_en.refresh_from_db(fields=["numchild"])
    publish(_fill_home(home_en, texts_en, about_en))

    # The home page first: the others are its children. Its slug is the one wagtail-localize gives a
    # root-level copy; it appears in no address.
    home_fr = HomePage(slug=f"{home_en.slug}-{french.language_code}")
    translation_save(
        source_instance=home_en, translated=_fill_home(home_fr, texts_fr, about_en), locale=french
    )
    for page, texts in (
        (about_en, texts_fr["about"]),
        (privacy_en, texts_fr["privacy"]),
        (terms_en, texts_fr["terms"]),
    ):
        translated = _fill_standard(StandardPage(slug=slugify(texts["title"])), texts)
        translation_save(source_instance=page, translated=translated, locale=french)

    footer = FooterSettings.for_site(site)
    for name, value in data["footer"].items():
        setattr(footer, name, value)
    footer.links = [("link", {"page": page, "label": ""}) for page in (about_en, privacy_en, terms_en)]
    footer.save()
    stdout.write("  home: home, about, privacy and terms pages in English and French; footer")
