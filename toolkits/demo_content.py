# ruff: noqa: E501  (prose: long sentences read better unbroken)
"""The words of the toolkit demo (English and French), kept apart from the code that loads them."""

THEMES = [
    # slug, English, French
    ("migrant-entrepreneurship", "Migrant entrepreneurship", "Entrepreneuriat des migrants"),
    ("anti-discrimination", "Anti-discrimination", "Lutte contre les discriminations"),
    ("education", "Education", "Éducation"),
    ("political-participation", "Political participation", "Participation politique"),
    ("housing", "Housing", "Logement"),
]

LIBRARY = {
    "en": (
        "Toolkits",
        "City toolkits and action plans: what Brighton, Dresden, Gdańsk and Lisbon learnt about "
        "welcoming newcomers, free to download and adapt to your city.",
    ),
    "fr": (
        "Boîtes à outils",
        "Boîtes à outils et plans d'action des villes : ce que Brighton, Dresde, Gdańsk et "
        "Lisbonne ont appris sur l'accueil des nouveaux arrivants, à télécharger et adapter.",
    ),
}

ORGANISATIONS = [
    # key, name, city, country
    ("brighton", "Brighton & Hove City Council", "Brighton", "GB"),
    ("dresden", "City of Dresden", "Dresden", "DE"),
    ("gdansk", "City of Gdańsk", "Gdańsk", "PL"),
    ("lisbon", "Lisbon City Council", "Lisbon", "PT"),
]

OFFICIALS = [
    # e-mail, name, organisation key, language
    ("city@example.org", "Marta Kowalska", "gdansk", "en"),
    ("gdansk.team@example.org", "Piotr Nowak", "gdansk", "pl"),
    ("brighton@example.org", "Hannah Okafor", "brighton", "en"),
    ("dresden@example.org", "Jens Richter", "dresden", "de"),
    ("lisbon@example.org", "Inês Carvalho", "lisbon", "pt"),
]

TOOLKITS = {
    "gdansk": {
        "city": "Gdańsk",
        "country": "PL",
        "themes": ["education", "political-participation"],
        "audience": "city_officials",
        "format": "guide",
        "en": {
            "title": "Gdańsk: an immigrant integration model written with migrants",
            "summary": "How Gdańsk wrote its integration model with more than 150 residents, NGOs and migrants, "
            "and turned it into a council resolution with a budget.",
            "steps_heading": "How Gdańsk did it",
            "steps": [
                (
                    "Listen before writing",
                    "Eight thematic panels (education, housing, work, health, culture, "
                    "social care, violence prevention, local communities) met for six months.",
                ),
                (
                    "Put migrants at the table",
                    "Each panel had migrant members, paid for their time, and met in "
                    "the evening so that working people could come.",
                ),
                (
                    "Vote it, fund it",
                    "The city council adopted the model with a budget line and an "
                    "Immigrant Council that follows its implementation.",
                ),
            ],
            "case_title": "Intercultural assistants in schools",
            "case_text": "Schools with many Ukrainian pupils hired intercultural assistants who speak the pupils' "
            "languages and help teachers talk with parents.",
            "lesson": "Start with one service that everyone sees working: it builds trust for the rest.",
            "questions": ["Who in your city is not yet at the table?", "Which department will own the plan?"],
            "document": ("Gdańsk integration model: summary", "en"),
        },
        "fr": {
            "title": "Gdańsk : un modèle d'intégration écrit avec les migrants",
            "summary": "Comment Gdańsk a rédigé son modèle d'intégration avec plus de 150 habitants, associations "
            "et migrants, puis l'a fait adopter par le conseil municipal avec un budget.",
            "steps_heading": "Comment Gdańsk a procédé",
            "steps": [
                (
                    "Écouter avant d'écrire",
                    "Huit groupes thématiques (éducation, logement, travail, santé, "
                    "culture, aide sociale, prévention de la violence, quartiers) se sont réunis pendant six mois.",
                ),
                (
                    "Donner une place aux migrants",
                    "Chaque groupe comptait des membres migrants, rémunérés pour "
                    "leur temps, et se réunissait le soir pour que les personnes qui travaillent puissent venir.",
                ),
                (
                    "Voter, financer",
                    "Le conseil municipal a adopté le modèle avec une ligne budgétaire et un "
                    "Conseil des immigrés qui suit sa mise en œuvre.",
                ),
            ],
            "case_title": "Des assistants interculturels dans les écoles",
            "case_text": "Les écoles accueillant beaucoup d'élèves ukrainiens ont recruté des assistants "
            "interculturels qui parlent leurs langues et aident les enseignants à dialoguer avec "
            "les parents.",
            "lesson": "Commencez par un service dont chacun voit les effets : il crée la confiance pour la suite.",
            "questions": [
                "Qui, dans votre ville, n'est pas encore autour de la table ?",
                "Quel service portera le plan ?",
            ],
            "document": ("Modèle d'intégration de Gdańsk : synthèse", "fr"),
        },
    },
    "lisbon": {
        "city": "Lisbon",
        "country": "PT",
        "themes": ["migrant-entrepreneurship", "housing"],
        "audience": "ngos",
        "format": "case_study",
        "en": {
            "title": "Lisbon: one-stop support for migrant entrepreneurs",
            "summary": "Lisbon's local support centres help newcomers register a business, find a workspace and "
            "reach customers, with mentors from the diaspora.",
            "steps_heading": "What the centres offer",
            "steps": [
                (
                    "One desk, many services",
                    "Registration, tax number, bank account and licences explained in "
                    "Portuguese, English, French and Hindi.",
                ),
                (
                    "Mentors who have done it",
                    "Business owners with a migrant background mentor newcomers for six months.",
                ),
                (
                    "Space to start",
                    "Municipal shops in the Mouraria neighbourhood are let at reduced rent for two years.",
                ),
            ],
            "case_title": "From market stall to shop",
            "case_text": "A Nepali cook started at a weekend market, then moved into a municipal shop with a "
            "mentor's help; she now employs four people.",
            "lesson": "Pair financial support with a mentor: money alone rarely keeps a new business open.",
            "questions": [
                "Which licences are hardest for newcomers in your city?",
                "Who could mentor new entrepreneurs?",
            ],
            "document": ("Lisbon entrepreneur support: how it works", "en"),
        },
        "fr": {
            "title": "Lisbonne : un guichet unique pour les entrepreneurs migrants",
            "summary": "Les centres d'appui de Lisbonne aident les nouveaux arrivants à créer leur entreprise, "
            "trouver un local et atteindre leurs clients, avec des mentors issus de la diaspora.",
            "steps_heading": "Ce que proposent les centres",
            "steps": [
                (
                    "Un guichet, plusieurs services",
                    "Enregistrement, numéro fiscal, compte bancaire et licences "
                    "expliqués en portugais, anglais, français et hindi.",
                ),
                (
                    "Des mentors qui sont passés par là",
                    "Des entrepreneurs issus de l'immigration accompagnent "
                    "les nouveaux venus pendant six mois.",
                ),
                (
                    "Un lieu pour démarrer",
                    "Des boutiques municipales du quartier de la Mouraria sont louées à "
                    "loyer réduit pendant deux ans.",
                ),
            ],
            "case_title": "Du stand au magasin",
            "case_text": "Une cuisinière népalaise a commencé sur un marché du week-end, puis s'est installée "
            "dans une boutique municipale avec l'aide d'une mentore ; elle emploie aujourd'hui "
            "quatre personnes.",
            "lesson": "Associez l'aide financière à un mentorat : l'argent seul fait rarement durer une "
            "nouvelle entreprise.",
            "questions": [
                "Quelles licences sont les plus difficiles à obtenir dans votre ville ?",
                "Qui pourrait accompagner les nouveaux entrepreneurs ?",
            ],
            "document": ("Appui aux entrepreneurs à Lisbonne : mode d'emploi", "fr"),
        },
    },
    "dresden": {
        "city": "Dresden",
        "country": "DE",
        "themes": ["anti-discrimination"],
        "audience": "city_officials",
        "format": "checklist",
        "en": {
            "title": "Dresden: a checklist against discrimination in city services",
            "summary": "A checklist Dresden's departments use to find and remove discrimination in their own "
            "services, from the housing office to the foreigners' authority.",
            "steps_heading": "Using the checklist",
            "steps": [
                (
                    "Map the front desks",
                    "List every place where residents meet the administration, online and in person.",
                ),
                (
                    "Test with residents",
                    "Residents with a migrant background try the service and report what stopped them.",
                ),
                (
                    "Fix and report back",
                    "Each department fixes two barriers a year and reports to the "
                    "city's integration commissioner.",
                ),
            ],
            "case_title": "Appointments without a German phone number",
            "case_text": "The foreigners' authority accepted only German phone numbers for appointments; "
            "testing showed it, and the form now accepts any number and e-mail.",
            "lesson": "Small technical rules can exclude more people than any openly unfair one.",
            "questions": [
                "Where do residents first meet your administration?",
                "Who can report discrimination, and to whom?",
            ],
            "document": ("Dresden anti-discrimination checklist", "en"),
        },
        "fr": {
            "title": "Dresde : une liste de contrôle contre les discriminations dans les services municipaux",
            "summary": "Une liste de contrôle que les services de Dresde utilisent pour repérer et supprimer les "
            "discriminations dans leurs propres services, du logement au bureau des étrangers.",
            "steps_heading": "Utiliser la liste de contrôle",
            "steps": [
                (
                    "Recenser les guichets",
                    "Listez chaque lieu où les habitants rencontrent l'administration, "
                    "en ligne et sur place.",
                ),
                (
                    "Tester avec les habitants",
                    "Des habitants issus de l'immigration essaient le service et "
                    "signalent ce qui les a arrêtés.",
                ),
                (
                    "Corriger et rendre compte",
                    "Chaque service supprime deux obstacles par an et en rend compte "
                    "à la déléguée à l'intégration de la ville.",
                ),
            ],
            "case_title": "Prendre rendez-vous sans numéro allemand",
            "case_text": "Le bureau des étrangers n'acceptait que des numéros de téléphone allemands ; les tests "
            "l'ont montré, et le formulaire accepte désormais tout numéro et une adresse e-mail.",
            "lesson": "De petites règles techniques peuvent exclure davantage qu'une règle ouvertement injuste.",
            "questions": [
                "Où les habitants rencontrent-ils d'abord votre administration ?",
                "Qui peut signaler une discrimination, et à qui ?",
            ],
            "document": ("Liste de contrôle anti-discrimination de Dresde", "fr"),
        },
    },
    "brighton": {
        "city": "Brighton",
        "country": "GB",
        "themes": ["political-participation", "anti-discrimination"],
        "audience": "trainers",
        "format": "training",
        "en": {
            "title": "Brighton & Hove: training community champions",
            "summary": "Brighton & Hove trains residents from migrant communities as champions who explain "
            "council services, voter registration and their rights to their neighbours.",
            "steps_heading": "The champions programme",
            "steps": [
                (
                    "Recruit through trusted groups",
                    "Faith groups, sports clubs and community kitchens propose champions.",
                ),
                (
                    "Train in six evenings",
                    "Council services, voting rights, hate-crime reporting, and how to "
                    "run a small information session.",
                ),
                (
                    "Keep in touch",
                    "Champions meet council staff every quarter and bring back what they hear.",
                ),
            ],
            "case_title": "Registering new voters",
            "case_text": "Before local elections, champions ran sessions in eight languages; registration among "
            "EU and Commonwealth residents rose in the wards they covered.",
            "lesson": "Information travels best through people residents already trust.",
            "questions": [
                "Which communities does your council rarely hear from?",
                "What would a champion need from you?",
            ],
            "document": ("Community champions: training outline", "en"),
        },
        "fr": {
            "title": "Brighton & Hove : former des relais communautaires",
            "summary": "Brighton & Hove forme des habitants issus des communautés migrantes comme relais qui "
            "expliquent les services municipaux, l'inscription électorale et leurs droits à leurs "
            "voisins.",
            "steps_heading": "Le programme des relais",
            "steps": [
                (
                    "Recruter par des groupes de confiance",
                    "Lieux de culte, clubs sportifs et cuisines solidaires proposent des relais.",
                ),
                (
                    "Former en six soirées",
                    "Services municipaux, droit de vote, signalement des crimes de haine, "
                    "et animation d'une petite séance d'information.",
                ),
                (
                    "Garder le lien",
                    "Les relais rencontrent les agents municipaux chaque trimestre et rapportent "
                    "ce qu'ils entendent.",
                ),
            ],
            "case_title": "Inscrire de nouveaux électeurs",
            "case_text": "Avant les élections locales, les relais ont animé des séances en huit langues ; les "
            "inscriptions des résidents européens et du Commonwealth ont augmenté dans leurs "
            "quartiers.",
            "lesson": "L'information circule mieux par des personnes en qui les habitants ont déjà confiance.",
            "questions": [
                "De quelles communautés votre conseil entend-il rarement parler ?",
                "De quoi un relais aurait-il besoin de votre part ?",
            ],
            "document": ("Relais communautaires : programme de formation", "fr"),
        },
    },
}

TEMPLATE = {
    "en": {
        "title": "City action plan for inclusion",
        "intro": "The template the Cities Grow cities used: from where you stand today to actions with owners, "
        "dates and indicators. Fill it in with colleagues; a peer or mentor city can comment on each "
        "section.",
        "sections": [
            (
                "guidance",
                "Before you start",
                "<p>Read at least one toolkit from a city facing a similar "
                "challenge, and invite a colleague from another department to write with you.</p>",
            ),
            (
                "free_text",
                "Where we stand today",
                "<p>Describe the situation in two or three paragraphs: who "
                "lives in your city, what works, what does not.</p>",
            ),
            (
                "questions",
                "Guiding questions",
                "",
                ["Which groups are we not reaching?", "Who else in the city should own this plan?"],
            ),
            ("goals", "SMART goals", "<p>Specific, measurable, achievable, relevant and time-bound.</p>"),
            ("actions", "Actions", "<p>One row per action, with an owner and dates.</p>"),
            ("risks", "Risks", ""),
            (
                "assessment",
                "Self-assessment",
                "",
                [
                    "Migrants take part in designing our services.",
                    "Our departments share one integration strategy.",
                ],
            ),
        ],
    },
    "fr": {
        "title": "Plan d'action municipal pour l'inclusion",
        "intro": "Le modèle utilisé par les villes de Cities Grow : de la situation actuelle à des actions avec "
        "responsables, dates et indicateurs. Remplissez-le avec vos collègues ; une ville pair ou "
        "mentore peut commenter chaque section.",
        "sections": [
            (
                "guidance",
                "Avant de commencer",
                "<p>Lisez au moins une boîte à outils d'une ville face à un "
                "défi semblable, et invitez un collègue d'un autre service à écrire avec vous.</p>",
            ),
            (
                "free_text",
                "Où nous en sommes",
                "<p>Décrivez la situation en deux ou trois paragraphes : qui "
                "vit dans votre ville, ce qui fonctionne, ce qui ne fonctionne pas.</p>",
            ),
            (
                "questions",
                "Questions pour guider",
                "",
                [
                    "Quels groupes n'atteignons-nous pas ?",
                    "Qui d'autre dans la ville devrait porter ce plan ?",
                ],
            ),
            (
                "goals",
                "Objectifs SMART",
                "<p>Spécifiques, mesurables, atteignables, pertinents et datés.</p>",
            ),
            ("actions", "Actions", "<p>Une ligne par action, avec un responsable et des dates.</p>"),
            ("risks", "Risques", ""),
            (
                "assessment",
                "Auto-évaluation",
                "",
                [
                    "Les migrants participent à la conception de nos services.",
                    "Nos services partagent une même stratégie d'intégration.",
                ],
            ),
        ],
    },
}
