"""Demo pages: the home page, about and privacy pages, in English and French, and the footer."""

from django.utils.text import slugify
from wagtail.models import Locale, Page, Site

from .models import FooterSettings, HomePage, StandardPage

HOME = {
    "en": {
        "title": "Home",
        "hero_heading": "Learn together, act together",
        "hero_intro": (
            "Trainings for migrant and refugee leaders, and toolkits that help European cities learn "
            "from each other on integration and anti-discrimination."
        ),
        "programmes_heading": "What you can do here",
        "programmes_intro": "One platform for three kinds of learning.",
        "cards": [
            (
                "Train as a leader",
                "Courses and democracy summits for migrant and refugee leaders: follow lessons, "
                "join live sessions and earn a certificate anyone can verify.",
            ),
            (
                "Learn from other cities",
                "City toolkits and action plans from Brighton, Dresden, Gdańsk and Lisbon, "
                "free to download and adapt.",
            ),
            (
                "Run a training",
                "Trainers run cohorts, follow progress and attendance, and give feedback on reflections.",
            ),
        ],
        "figures_heading": "Our work in numbers",
        "figures": [
            ("76", "migrant and refugee leaders trained in European Democracy Summits"),
            ("50", "nationalities among those leaders"),
            ("4", "cities that wrote toolkits and action plans together"),
            ("500+", "stakeholders mobilised on inclusive education"),
        ],
        "about": (
            "About us",
            "An independent think-and-do tank in Brussels working on integration, migration and "
            "anti-discrimination since 1995.",
            "We gather and share evidence, create opportunities for dialogue and mutual learning, and "
            "train the people who make inclusive societies happen: migrant and refugee leaders, city "
            "officials and civil society.",
        ),
        "privacy": (
            "Privacy",
            "What we keep about you, why, and how to get it removed.",
            "We keep your e-mail address, the name you choose and your learning progress so that we can "
            "run your courses and issue certificates. Your nationality is optional and private unless you "
            "decide to show it. You can correct your profile at any time, and ask us to delete your account.",
        ),
        "signup": "Create your account",
        "login": "Log in",
    },
    "fr": {
        "title": "Accueil",
        "hero_heading": "Apprendre ensemble, agir ensemble",
        "hero_intro": (
            "Des formations pour les leaders migrants et réfugiés, et des boîtes à outils qui aident les "
            "villes européennes à apprendre les unes des autres en matière d'intégration et de lutte "
            "contre les discriminations."
        ),
        "programmes_heading": "Ce que vous pouvez faire ici",
        "programmes_intro": "Une plateforme pour trois façons d'apprendre.",
        "cards": [
            (
                "Se former comme leader",
                "Des cours et des sommets de la démocratie pour les leaders migrants et réfugiés : suivez "
                "les leçons, participez aux sessions en direct et obtenez un certificat vérifiable.",
            ),
            (
                "Apprendre des autres villes",
                "Les boîtes à outils et plans d'action de Brighton, Dresde, Gdańsk et Lisbonne, "
                "à télécharger et à adapter librement.",
            ),
            (
                "Animer une formation",
                "Les formateurs gèrent leurs cohortes, suivent la progression et la présence, et "
                "commentent les réflexions.",
            ),
        ],
        "figures_heading": "Notre travail en chiffres",
        "figures": [
            ("76", "leaders migrants et réfugiés formés lors des Sommets européens de la démocratie"),
            ("50", "nationalités parmi ces leaders"),
            ("4", "villes qui ont rédigé ensemble boîtes à outils et plans d'action"),
            ("500+", "acteurs mobilisés pour une éducation inclusive"),
        ],
        "about": (
            "À propos",
            "Un think-and-do tank indépendant basé à Bruxelles, actif depuis 1995 sur l'intégration, "
            "la migration et la lutte contre les discriminations.",
            "Nous rassemblons et partageons des données, créons des espaces de dialogue et d'apprentissage "
            "mutuel, et formons celles et ceux qui font vivre des sociétés inclusives : leaders migrants "
            "et réfugiés, agents municipaux et société civile.",
        ),
        "privacy": (
            "Vie privée",
            "Ce que nous conservons à votre sujet, pourquoi, et comment le faire supprimer.",
            "Nous conservons votre adresse e-mail, le nom que vous choisissez et votre progression afin de "
            "gérer vos formations et de délivrer vos certificats. Votre nationalité est facultative et "
            "reste privée, sauf si vous décidez de l'afficher. Vous pouvez corriger votre profil à tout "
            "moment et nous demander de supprimer votre compte.",
        ),
        "signup": "Créer votre compte",
        "login": "Se connecter",
    },
}


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _standard_page(parent: Page, texts: tuple[str, str, str], *, slug: str) -> StandardPage:
    title, intro, paragraph = texts
    page = parent.get_children().type(StandardPage).filter(slug=slug).specific().first()
    if page is None:
        page = StandardPage(title=title, slug=slug, locale=parent.locale)
        parent.add_child(instance=page)
    page.title, page.intro = title, intro
    page.body = [("paragraph", f"<p>{paragraph}</p>")]
    _publish(page)
    return page


def _translation(page: Page, locale: Locale) -> Page:
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    return page.copy_for_translation(locale, copy_parents=True).specific


def _fill_home(home: HomePage, texts: dict, about: StandardPage) -> None:
    # Children were added through other instances since this one was loaded: publishing a stale tree
    # position (numchild) would hide them from routing.
    home.refresh_from_db(fields=["numchild"])
    home.title = texts["title"]
    home.hero_heading = texts["hero_heading"]
    home.hero_intro = texts["hero_intro"]
    home.hero_links = [("link", {"page": about, "label": texts["about"][0]})]
    home.body = [
        (
            "cards",
            {
                "heading": texts["programmes_heading"],
                "intro": texts["programmes_intro"],
                "cards": [{"heading": h, "text": t} for h, t in texts["cards"]],
            },
        ),
        (
            "figures",
            {
                "heading": texts["figures_heading"],
                "figures": [{"value": v, "caption": c} for v, c in texts["figures"]],
            },
        ),
    ]
    _publish(home)


def load(stdout) -> None:
    english = Locale.objects.get(language_code="en")
    french, _created = Locale.objects.get_or_create(language_code="fr")
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name = "localhost", 80, "Mutual Learning"
    site.save()
    home_en = HomePage.objects.get(locale=english)

    about_en = _standard_page(home_en, HOME["en"]["about"], slug="about")
    privacy_en = _standard_page(home_en, HOME["en"]["privacy"], slug="privacy")
    _fill_home(home_en, HOME["en"], about_en)

    home_fr = _translation(home_en, french)
    about_fr = _translation(about_en, french)
    privacy_fr = _translation(privacy_en, french)
    for page, texts in ((about_fr, HOME["fr"]["about"]), (privacy_fr, HOME["fr"]["privacy"])):
        page.title, page.intro = texts[0], texts[1]
        page.slug = slugify(texts[0])
        page.body = [("paragraph", f"<p>{texts[2]}</p>")]
        _publish(page)
    _fill_home(home_fr, HOME["fr"], about_fr)

    footer = FooterSettings.for_site(site)
    footer.organisation_name = "Migration Policy Group"
    footer.address = "Rue Belliard 205\n1040 Brussels, Belgium"
    footer.email = "info@example.org"
    footer.phone = "+32 2 230 59 30"
    footer.website = "https://www.migpolgroup.com/"
    footer.links = [("link", {"page": about_en, "label": ""}), ("link", {"page": privacy_en, "label": ""})]
    footer.save()
    stdout.write("  home: home, about and privacy pages in English and French; footer")
