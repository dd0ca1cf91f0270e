"""Texts of the demo courses, in English and French. `T(en, fr)` marks a translated string.

Each lesson's `blocks` are (block type, value) pairs; values hold `T` strings that `learning.demo`
resolves for each language, so both language versions share one structure and the same block ids.
"""

from typing import NamedTuple


class T(NamedTuple):
    en: str
    fr: str


def localise(value, language: str):
    """The value with every `T` replaced by its text in `language`."""
    if isinstance(value, T):
        return getattr(value, language)
    if isinstance(value, dict):
        return {key: localise(item, language) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [localise(item, language) for item in value]
    return value


def answer(en: str, fr: str, *, correct: bool = False, feedback: T | None = None) -> dict:
    return {"text": T(en, fr), "correct": correct, "feedback": feedback or T("", "")}


VIDEO_URL = "https://www.youtube.com/watch?v=Qm4vE8kR2tA"
VIDEO_ID = "Qm4vE8kR2tA"

TOPICS = {
    "participation": T("Political participation", "Participation politique"),
    "discrimination": T("Anti-discrimination", "Lutte contre les discriminations"),
    "leadership": T("Leadership", "Leadership"),
}

CATALOGUE = {
    "slug": T("courses", "formations"),
    "title": T("Courses", "Formations"),
    "intro": T(
        "Trainings for migrant and refugee leaders, community organisers and the people who work with "
        "them: democratic participation, voter registration and equal treatment, taught by practitioners.",
        "Des formations pour les leaders migrants et réfugiés, les organisateurs communautaires et celles "
        "et ceux qui travaillent avec eux : participation démocratique, inscription sur les listes "
        "électorales et égalité de traitement, animées par des praticiens.",
    ),
}

# Course 1: democracy summit ---------------------------------------------------------------------

SUMMIT = {
    "slug": T("democracy-summit-training", "formation-sommet-de-la-democratie"),
    "title": T(
        "European Democracy Summit: training for migrant and refugee leaders",
        "Sommet européen de la démocratie : formation pour leaders migrants et réfugiés",
    ),
    "summary": T(
        "Six lessons and two live sessions to prepare migrant and refugee leaders to speak with "
        "decision-makers, tell their community's story and leave the summit with a plan for action.",
        "Six leçons et deux sessions en direct pour préparer les leaders migrants et réfugiés à dialoguer "
        "avec les décideurs, raconter l'histoire de leur communauté et repartir du sommet avec un plan "
        "d'action.",
    ),
    "description": T(
        "<p>Since 2019, leaders from more than fifty nationalities have taken part in our European "
        "Democracy Summits. This training is the preparation they asked for: how the European Union and "
        "your city make decisions, what rights you have as a resident who is not (yet) a citizen, and how "
        "to turn your experience into a message that decision-makers remember.</p>"
        "<h2>How it works</h2><ul><li>Two modules, six lessons, about two hours a week.</li>"
        "<li>Two live sessions with your cohort and your trainer, online or in Brussels.</li>"
        "<li>Short quizzes and written reflections; your trainer answers each reflection.</li></ul>"
        "<p>You finish the course when you have completed every lesson, attended most live sessions and "
        "your trainer has signed off your action plan.</p>",
        "<p>Depuis 2019, des leaders de plus de cinquante nationalités ont participé à nos Sommets "
        "européens de la démocratie. Cette formation est la préparation qu'ils nous ont demandée : comment "
        "l'Union européenne et votre ville prennent leurs décisions, quels droits vous avez en tant que "
        "résident qui n'est pas (encore) citoyen, et comment faire de votre expérience un message dont les "
        "décideurs se souviennent.</p>"
        "<h2>Comment ça marche</h2><ul><li>Deux modules, six leçons, environ deux heures par semaine."
        "</li><li>Deux sessions en direct avec votre cohorte et votre formateur, en ligne ou à Bruxelles."
        "</li><li>De courts quiz et des réflexions écrites ; votre formateur répond à chaque réflexion."
        "</li></ul><p>Vous terminez la formation lorsque vous avez suivi toutes les leçons, participé à "
        "la plupart des sessions en direct et que votre formateur a validé votre plan d'action.</p>",
    ),
    "outcomes": [
        T(
            "Explain who decides what at local, national and European level",
            "Expliquer qui décide quoi aux niveaux local, national et européen",
        ),
        T(
            "Know the political rights of non-citizen residents in your country",
            "Connaître les droits politiques des résidents non citoyens dans votre pays",
        ),
        T(
            "Present your community's priorities to a decision-maker in three minutes",
            "Présenter les priorités de votre communauté à un décideur en trois minutes",
        ),
        T(
            "Leave the summit with a concrete, dated action plan",
            "Repartir du sommet avec un plan d'action concret et daté",
        ),
    ],
    "topic": "leadership",
    "level": "intermediate",
    "format": "cohort",
    "hours": 12,
    "weeks": 6,
    "min_attendance": 50,
    "requires_signoff": True,
    "certificate_enabled": True,
    "modules": [
        {
            "slug": T("your-voice-in-european-democracy", "votre-voix-dans-la-democratie-europeenne"),
            "title": T("Your voice in European democracy", "Votre voix dans la démocratie européenne"),
            "intro": T(
                "Where decisions are made and what rights you have to take part in them.",
                "Où se prennent les décisions et quels droits vous avez pour y prendre part.",
            ),
            "lessons": [
                {
                    "slug": T("who-decides-what", "qui-decide-quoi"),
                    "title": T("Who decides what in Europe", "Qui décide quoi en Europe"),
                    "intro": T(
                        "A map of the places where decisions about your daily life are made.",
                        "Une carte des lieux où se prennent les décisions sur votre vie quotidienne.",
                    ),
                    "minutes": 30,
                    "blocks": [
                        (
                            "text",
                            T(
                                "<p>Housing, schools, public transport and the recognition of your diploma "
                                "are decided at different levels. Your municipality runs schools and "
                                "local services; your region or national government sets the rules on "
                                "residence, work permits and citizenship; the European Union agrees on "
                                "common rules, such as the directives that forbid discrimination based "
                                "on racial or ethnic origin.</p>"
                                "<h2>Three questions to ask about any problem</h2>"
                                "<ol><li>Who has the power to change this?</li>"
                                "<li>Who advises or influences them?</li>"
                                "<li>When is the next decision due?</li></ol>",
                                "<p>Le logement, l'école, les transports publics et la reconnaissance de "
                                "votre diplôme sont décidés à des niveaux différents. Votre commune gère "
                                "les écoles et les services locaux ; votre région ou votre gouvernement "
                                "national fixe les règles sur le séjour, le permis de travail et la "
                                "nationalité ; l'Union européenne adopte des règles communes, comme les "
                                "directives qui interdisent la discrimination fondée sur l'origine raciale "
                                "ou ethnique.</p>"
                                "<h2>Trois questions à poser pour chaque problème</h2>"
                                "<ol><li>Qui a le pouvoir de changer cela ?</li>"
                                "<li>Qui le conseille ou l'influence ?</li>"
                                "<li>Quand la prochaine décision sera-t-elle prise ?</li></ol>",
                            ),
                        ),
                        (
                            "video",
                            {
                                "video": VIDEO_URL,
                                "title": T(
                                    "Leaders at the 2024 European Democracy Summit",
                                    "Des leaders au Sommet européen de la démocratie 2024",
                                ),
                                "transcript": T(
                                    "<p><b>Narrator:</b> Seventy-six leaders, fifty nationalities, one week "
                                    "in Brussels.</p><p><b>Participant:</b> I came to speak about the "
                                    "children in our neighbourhood who wait a year for a school place. For "
                                    "the first time, a member of the European Parliament asked me for "
                                    "the figures.</p><p><b>Trainer:</b> We prepare together before the "
                                    "summit, so that every minute with a decision-maker counts.</p>",
                                    "<p><b>Narratrice :</b> Soixante-seize leaders, cinquante "
                                    "nationalités, une semaine à Bruxelles.</p><p><b>Participante :</b> "
                                    "Je suis venue parler des enfants de notre quartier qui attendent un "
                                    "an une place à l'école. Pour la première fois, un député européen "
                                    "m'a demandé les chiffres.</p><p><b>Formateur :</b> Nous nous "
                                    "préparons ensemble avant le sommet, pour que chaque minute avec un "
                                    "décideur compte.</p>",
                                ),
                            },
                        ),
                        (
                            "callout",
                            {
                                "kind": "tip",
                                "heading": T("Start with one problem", "Commencez par un seul problème"),
                                "text": T(
                                    "<p>Choose one problem your community faces and keep it in mind during "
                                    "the whole course: every lesson will ask you to come back to it.</p>",
                                    "<p>Choisissez un problème que vit votre communauté et gardez-le en tête "
                                    "pendant toute la formation : chaque leçon vous demandera d'y "
                                    "revenir.</p>",
                                ),
                            },
                        ),
                    ],
                },
                {
                    "slug": T("political-rights-of-residents", "droits-politiques-des-residents"),
                    "title": T(
                        "Political rights of residents who are not citizens",
                        "Les droits politiques des résidents non citoyens",
                    ),
                    "intro": T(
                        "Voting, petitions, consultations: what the law already allows.",
                        "Vote, pétitions, consultations : ce que la loi permet déjà.",
                    ),
                    "minutes": 40,
                    "blocks": [
                        (
                            "text",
                            T(
                                "<p>Every citizen of an EU country living in another EU country can vote "
                                "and stand as a candidate in municipal and European elections where "
                                "they live. In Belgium, residents from outside the EU can vote in "
                                "municipal elections after five years of legal residence, if they "
                                "register. Many other countries give no vote at all to non-EU "
                                "residents, as the Migrant Integration Policy Index shows.</p>"
                                "<p>Voting is not the only right. Only EU citizens can sign a European "
                                "Citizens' Initiative, but anyone who lives in the EU can petition the "
                                "European Parliament, and most cities hold public consultations open to "
                                "every resident.</p>",
                                "<p>Tout citoyen d'un pays de l'UE qui vit dans un autre pays de l'UE peut "
                                "voter et se présenter aux élections communales et européennes là où il "
                                "vit. En Belgique, les résidents hors UE peuvent voter aux élections "
                                "communales après cinq ans de séjour légal, s'ils s'inscrivent. Beaucoup "
                                "d'autres pays ne donnent aucun droit de vote aux résidents hors UE, "
                                "comme le montre l'indice MIPEX des politiques d'intégration.</p>"
                                "<p>Le vote n'est pas le seul droit. Seuls les citoyens de l'UE peuvent "
                                "signer une initiative citoyenne européenne, mais toute personne qui vit "
                                "dans l'UE peut adresser une pétition au Parlement européen, et la "
                                "plupart des villes organisent des consultations ouvertes à tous les "
                                "résidents.</p>",
                            ),
                        ),
                        (
                            "quiz",
                            {
                                "heading": T("Check your rights", "Vérifiez vos droits"),
                                "pass_mark": 60,
                                "max_attempts": 3,
                                "questions": [
                                    {
                                        "text": T(
                                            "A Senegalese citizen has lived legally in Brussels for six "
                                            "years. Can she vote in the municipal elections?",
                                            "Une citoyenne sénégalaise vit légalement à Bruxelles depuis "
                                            "six ans. Peut-elle voter aux élections communales ?",
                                        ),
                                        "multiple": False,
                                        "answers": [
                                            answer(
                                                "Yes, if she registers first",
                                                "Oui, si elle s'inscrit d'abord",
                                                correct=True,
                                                feedback=T(
                                                    "Right: after five years of residence, registration "
                                                    "opens the vote.",
                                                    "Exact : après cinq ans de séjour, l'inscription "
                                                    "ouvre le droit de vote.",
                                                ),
                                            ),
                                            answer(
                                                "No, only EU citizens can vote",
                                                "Non, seuls les citoyens de l'UE peuvent voter",
                                                feedback=T(
                                                    "Not in Belgian municipal elections.",
                                                    "Pas aux élections communales belges.",
                                                ),
                                            ),
                                            answer(
                                                "Yes, she is registered automatically",
                                                "Oui, elle est inscrite automatiquement",
                                                feedback=T(
                                                    "Registration is not automatic for non-Belgians.",
                                                    "L'inscription n'est pas automatique pour les "
                                                    "non-Belges.",
                                                ),
                                            ),
                                        ],
                                    },
                                    {
                                        "text": T(
                                            "Which of these can any resident of the EU do, citizen or not?",
                                            "Que peut faire tout résident de l'UE, citoyen ou non ?",
                                        ),
                                        "multiple": True,
                                        "answers": [
                                            answer(
                                                "Petition the European Parliament",
                                                "Adresser une pétition au Parlement européen",
                                                correct=True,
                                            ),
                                            answer(
                                                "Take part in a public consultation of their city",
                                                "Participer à une consultation publique de sa ville",
                                                correct=True,
                                            ),
                                            answer(
                                                "Vote in national parliamentary elections",
                                                "Voter aux élections législatives nationales",
                                                feedback=T(
                                                    "National elections are for citizens only.",
                                                    "Les élections nationales sont réservées aux citoyens.",
                                                ),
                                            ),
                                        ],
                                    },
                                    {
                                        "text": T(
                                            "Where can you compare the political participation rights of "
                                            "migrants across countries?",
                                            "Où comparer les droits de participation politique des "
                                            "migrants entre pays ?",
                                        ),
                                        "multiple": False,
                                        "answers": [
                                            answer(
                                                "The Migrant Integration Policy Index (MIPEX)",
                                                "L'indice des politiques d'intégration des migrants (MIPEX)",
                                                correct=True,
                                            ),
                                            answer(
                                                "The European Equality Law Review",
                                                "La revue European Equality Law Review",
                                                feedback=T(
                                                    "It covers equality law, not political participation.",
                                                    "Elle traite du droit de l'égalité, pas de la "
                                                    "participation politique.",
                                                ),
                                            ),
                                        ],
                                    },
                                ],
                            },
                        ),
                    ],
                },
                {
                    "slug": T("telling-your-communitys-story", "raconter-l-histoire-de-votre-communaute"),
                    "title": T("Telling your community's story", "Raconter l'histoire de votre communauté"),
                    "intro": T(
                        "From a personal experience to a message that moves a decision-maker.",
                        "D'une expérience personnelle à un message qui fait bouger un décideur.",
                    ),
                    "minutes": 45,
                    "blocks": [
                        (
                            "text",
                            T(
                                "<p>Decision-makers hear many figures and few stories. A good story is "
                                "short, true and ends with a request. Use three parts: <b>the person</b> "
                                "(who is affected, in one sentence), <b>the obstacle</b> (what stands in "
                                "their way, with one figure that shows it is not an isolated case) and "
                                "<b>the change</b> (what exactly you ask this person to do).</p>"
                                "<blockquote>“Samira waited fourteen months for her nursing diploma to "
                                "be recognised. Two hundred nurses in our city are in the same situation. "
                                "Will you ask the minister for a fast track?”</blockquote>",
                                "<p>Les décideurs entendent beaucoup de chiffres et peu d'histoires. Une "
                                "bonne histoire est courte, vraie et se termine par une demande. Utilisez "
                                "trois parties : <b>la personne</b> (qui est concerné, en une phrase), "
                                "<b>l'obstacle</b> (ce qui bloque, avec un chiffre qui montre que ce "
                                "n'est pas un cas isolé) et <b>le changement</b> (ce que vous demandez "
                                "précisément à votre interlocuteur).</p>"
                                "<blockquote>« Samira a attendu quatorze mois la reconnaissance de son "
                                "diplôme d'infirmière. Deux cents infirmières de notre ville sont dans la "
                                "même situation. Demanderez-vous au ministre une procédure accélérée ? "
                                "»</blockquote>",
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "warning",
                                "heading": T("Ask for consent", "Demandez le consentement"),
                                "text": T(
                                    "<p>Never tell someone else's story without their permission, and "
                                    "change names and details when telling it could put them at risk.</p>",
                                    "<p>Ne racontez jamais l'histoire de quelqu'un sans son accord, et "
                                    "changez les noms et les détails si la raconter peut le mettre en "
                                    "danger.</p>",
                                ),
                            },
                        ),
                        (
                            "reflection",
                            {
                                "prompt": T(
                                    "Write your community's story in three parts: the person, the "
                                    "obstacle and the change you ask for. Who is the decision-maker you "
                                    "want to tell it to?",
                                    "Écrivez l'histoire de votre communauté en trois parties : la "
                                    "personne, l'obstacle et le changement que vous demandez. À quel "
                                    "décideur voulez-vous la raconter ?",
                                ),
                                "guidance": T(
                                    "Keep it under 200 words. Your trainer will answer with suggestions "
                                    "before the first live session.",
                                    "Restez sous les 200 mots. Votre formateur vous répondra avec des "
                                    "suggestions avant la première session en direct.",
                                ),
                                "min_words": 40,
                            },
                        ),
                    ],
                },
            ],
        },
        {
            "slug": T("from-summit-to-action", "du-sommet-a-l-action"),
            "title": T("From summit to action", "Du sommet à l'action"),
            "intro": T(
                "Meeting decision-makers, building alliances and planning what comes next.",
                "Rencontrer les décideurs, construire des alliances et planifier la suite.",
            ),
            "lessons": [
                {
                    "slug": T("meeting-decision-makers", "rencontrer-les-decideurs"),
                    "title": T("Meeting decision-makers", "Rencontrer les décideurs"),
                    "intro": T(
                        "Prepare, practise and follow up a meeting that lasts ten minutes.",
                        "Préparer, répéter et assurer le suivi d'une rencontre de dix minutes.",
                    ),
                    "minutes": 30,
                    "blocks": [
                        (
                            "text",
                            T(
                                "<p>Meetings at a summit are short. Prepare a one-page brief: who you "
                                "are, your community's problem, the evidence, and one request. Find out "
                                "what the person has already said or voted on the subject: start from "
                                "what you agree on.</p><h3>After the meeting</h3><p>Send a thank-you "
                                "e-mail the same day that repeats your request and offers to send "
                                "more information. Most change happens in the follow-up.</p>",
                                "<p>Les rencontres lors d'un sommet sont courtes. Préparez une note d'une "
                                "page : qui vous êtes, le problème de votre communauté, les données, et "
                                "une demande. Renseignez-vous sur ce que la personne a déjà dit ou voté "
                                "sur le sujet : partez de ce sur quoi vous êtes d'accord.</p>"
                                "<h3>Après la rencontre</h3><p>Envoyez le jour même un e-mail de "
                                "remerciement qui rappelle votre demande et propose d'envoyer davantage "
                                "d'informations. L'essentiel du changement se joue dans le suivi.</p>",
                            ),
                        ),
                        (
                            "live_session",
                            {
                                "heading": T(
                                    "Practice session: three minutes to convince",
                                    "Session d'entraînement : trois minutes pour convaincre",
                                ),
                                "description": T(
                                    "In pairs, you present your story to a trainer playing a member of "
                                    "the European Parliament, then receive feedback from the group.",
                                    "En binôme, vous présentez votre histoire à un formateur qui joue le "
                                    "rôle d'un député européen, puis le groupe vous fait ses retours.",
                                ),
                            },
                        ),
                    ],
                },
                {
                    "slug": T("building-coalitions", "construire-des-coalitions"),
                    "title": T("Building coalitions", "Construire des coalitions"),
                    "intro": T(
                        "Why you go further with trade unions, parents' associations and city officials.",
                        "Pourquoi on va plus loin avec les syndicats, les associations de parents et les "
                        "agents municipaux.",
                    ),
                    "minutes": 30,
                    "blocks": [
                        (
                            "text",
                            T(
                                "<p>A request carried by one association is easy to ignore; the same "
                                "request signed by a union, a parents' association and a faith group is "
                                "not. List the organisations that share your goal, even for different "
                                "reasons, and agree on a common message before you agree on "
                                "everything else.</p><ul><li>Who gains if the problem is solved?</li>"
                                "<li>Who already has access to the decision-maker?</li><li>What can "
                                "each partner give: time, a room, a newsletter, a name?</li></ul>",
                                "<p>Une demande portée par une seule association est facile à ignorer ; "
                                "la même demande signée par un syndicat, une association de parents et "
                                "un groupe confessionnel ne l'est pas. Listez les organisations qui "
                                "partagent votre objectif, même pour d'autres raisons, et mettez-vous "
                                "d'accord sur un message commun avant de vous accorder sur tout le "
                                "reste.</p><ul><li>Qui gagne si le problème est résolu ?</li><li>Qui a "
                                "déjà accès au décideur ?</li><li>Que peut apporter chaque partenaire : "
                                "du temps, une salle, une lettre d'information, un nom ?</li></ul>",
                            ),
                        ),
                        (
                            "callout",
                            {
                                "kind": "info",
                                "heading": T("An example from Lisbon", "Un exemple de Lisbonne"),
                                "text": T(
                                    "<p>In the Cities Grow project, migrant business owners and the city's "
                                    "economic department wrote an action plan together: the city gained "
                                    "contacts, the entrepreneurs gained a seat at the table.</p>",
                                    "<p>Dans le projet Cities Grow, des entrepreneurs migrants et le service "
                                    "économique de la ville ont rédigé ensemble un plan d'action : la ville "
                                    "a gagné des contacts, les entrepreneurs une place à la table.</p>",
                                ),
                            },
                        ),
                    ],
                },
                {
                    "slug": T("your-action-plan", "votre-plan-d-action"),
                    "title": T("Your action plan", "Votre plan d'action"),
                    "intro": T(
                        "What you will do in the six months after the summit, and with whom.",
                        "Ce que vous ferez dans les six mois qui suivent le sommet, et avec qui.",
                    ),
                    "minutes": 60,
                    "blocks": [
                        (
                            "text",
                            T(
                                "<p>A good action plan fits on one page: one goal, three steps, a date "
                                "for each step and the name of the person responsible. Add how you "
                                "will know that it worked: a meeting obtained, a motion tabled, a number "
                                "of people registered to vote.</p>",
                                "<p>Un bon plan d'action tient sur une page : un objectif, trois étapes, "
                                "une date pour chacune et le nom de la personne responsable. Ajoutez "
                                "comment vous saurez que cela a marché : une rencontre obtenue, une "
                                "motion déposée, un nombre de personnes inscrites sur les listes.</p>",
                            ),
                        ),
                        (
                            "reflection",
                            {
                                "prompt": T(
                                    "Share your action plan: your goal, three dated steps, your partners "
                                    "and how you will measure success.",
                                    "Partagez votre plan d'action : votre objectif, trois étapes datées, "
                                    "vos partenaires et la façon dont vous mesurerez la réussite.",
                                ),
                                "guidance": T(
                                    "Your trainer signs off the course once your plan is realistic.",
                                    "Votre formateur valide la formation lorsque votre plan est réaliste.",
                                ),
                                "min_words": 80,
                            },
                        ),
                    ],
                },
            ],
        },
    ],
}

# Course 2: voter registration -------------------------------------------------------------------

VOTER = {
    "slug": T("inclusive-voter-registration-campaigns", "campagnes-inclusives-d-inscription-electorale"),
    "title": T(
        "Running inclusive voter-registration campaigns",
        "Mener des campagnes inclusives d'inscription électorale",
    ),
    "summary": T(
        "Learn from VoteBrussels, which doubled the registration of non-Belgian voters: who can register, "
        "how to reach them in their languages and places, and how to measure what worked.",
        "Apprenez de VoteBrussels, qui a doublé l'inscription des électeurs non belges : qui peut "
        "s'inscrire, comment les atteindre dans leurs langues et leurs lieux de vie, et comment mesurer "
        "ce qui a marché.",
    ),
    "description": T(
        "<p>Non-national residents who can vote in local elections often do not know it, and registration "
        "forms, deadlines and offices put many off. This course shares the methods of our VoteBrussels and "
        "VoteEuropa campaigns so that associations, cities and volunteers can run their own.</p>"
        "<p>Five lessons online, one live clinic where you plan your own campaign with a trainer.</p>",
        "<p>Les résidents étrangers qui peuvent voter aux élections locales l'ignorent souvent, et les "
        "formulaires, délais et guichets en découragent beaucoup. Cette formation partage les méthodes de "
        "nos campagnes VoteBrussels et VoteEuropa pour que associations, villes et bénévoles puissent mener "
        "les leurs.</p><p>Cinq leçons en ligne, un atelier en direct pour planifier votre propre campagne "
        "avec un formateur.</p>",
    ),
    "outcomes": [
        T(
            "Identify who can register to vote in local and European elections",
            "Identifier qui peut s'inscrire pour voter aux élections locales et européennes",
        ),
        T(
            "Plan outreach in the languages and places of the voters you want to reach",
            "Planifier une campagne dans les langues et les lieux des électeurs visés",
        ),
        T("Measure the results of a registration campaign", "Mesurer les résultats d'une campagne"),
    ],
    "topic": "participation",
    "level": "introductory",
    "format": "blended",
    "hours": 8,
    "weeks": 4,
    "min_attendance": 50,
    "requires_signoff": False,
    "certificate_enabled": True,
    "lessons": [
        {
            "slug": T("who-can-register", "qui-peut-s-inscrire"),
            "title": T("Who can register, and who does", "Qui peut s'inscrire, et qui le fait"),
            "intro": T(
                "The gap between the right to vote and its use.",
                "L'écart entre le droit de vote et son usage.",
            ),
            "minutes": 25,
            "blocks": [
                (
                    "text",
                    T(
                        "<p>In Brussels, about a third of adult residents are not Belgian. Before the "
                        "VoteBrussels campaign, fewer than one in five of those who could vote in municipal "
                        "elections had registered. The reasons are familiar: people did not know they had "
                        "the right, the form was only in French and Dutch, and the deadline came months "
                        "before the election.</p><p>A campaign closes that gap by answering three "
                        "questions for each voter: <i>Can I?</i>, <i>How?</i> and <i>Why should I?</i></p>",
                        "<p>À Bruxelles, environ un tiers des résidents adultes ne sont pas belges. Avant la "
                        "campagne VoteBrussels, moins d'un sur cinq de ceux qui pouvaient voter aux "
                        "élections communales s'était inscrit. Les raisons sont connues : les gens "
                        "ignoraient leur droit, le formulaire n'existait qu'en français et en néerlandais, "
                        "et la date limite tombait des mois avant l'élection.</p><p>Une campagne réduit cet "
                        "écart en répondant à trois questions pour chaque électeur : <i>Est-ce que je "
                        "peux ?</i>, <i>Comment ?</i> et <i>Pourquoi le ferais-je ?</i></p>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": T("Check the deadline first", "Vérifiez d'abord la date limite"),
                        "text": T(
                            "<p>In Belgium, non-Belgians must register by 31 July of the election year. "
                            "Plan your campaign backwards from that date.</p>",
                            "<p>En Belgique, les non-Belges doivent s'inscrire avant le 31 juillet de "
                            "l'année de l'élection. Planifiez votre campagne à rebours depuis cette "
                            "date.</p>",
                        ),
                    },
                ),
            ],
        },
        {
            "slug": T("reaching-diverse-voters", "atteindre-des-electeurs-divers"),
            "title": T("Reaching diverse voters", "Atteindre des électeurs divers"),
            "intro": T(
                "Go where people already are, and speak their languages.",
                "Aller là où les gens sont déjà, et parler leurs langues.",
            ),
            "minutes": 35,
            "blocks": [
                (
                    "text",
                    T(
                        "<p>The most effective messengers are people the voters already trust: "
                        "shopkeepers, imams and priests, football coaches, parents at the school gate. "
                        "Train them as <b>ambassadors</b> and give them a short script, translated leaflets "
                        "and a registration form they can fill in with the person on the spot.</p>"
                        "<ul><li>Markets and community festivals on weekends</li><li>Language classes "
                        "and integration courses</li><li>Consulates and diaspora media</li></ul>",
                        "<p>Les messagers les plus efficaces sont des personnes en qui les électeurs ont "
                        "déjà confiance : commerçants, imams et prêtres, entraîneurs de football, parents à "
                        "la sortie de l'école. Formez-les comme <b>ambassadeurs</b> et donnez-leur un court "
                        "argumentaire, des dépliants traduits et un formulaire d'inscription à remplir sur "
                        "place avec la personne.</p><ul><li>Marchés et fêtes de quartier le week-end</li>"
                        "<li>Cours de langue et parcours d'intégration</li><li>Consulats et médias de la "
                        "diaspora</li></ul>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "tip",
                        "heading": T("Translate the whole journey", "Traduisez tout le parcours"),
                        "text": T(
                            "<p>A translated leaflet is not enough if the form and the town-hall desk "
                            "remain monolingual: offer to come along to the town hall.</p>",
                            "<p>Un dépliant traduit ne suffit pas si le formulaire et le guichet de la "
                            "commune restent unilingues : proposez d'accompagner les gens à la "
                            "commune.</p>",
                        ),
                    },
                ),
            ],
        },
        {
            "slug": T("rules-and-deadlines-quiz", "regles-et-delais-quiz"),
            "title": T("Rules and deadlines", "Règles et délais"),
            "intro": T(
                "Test what you know before you brief your volunteers.",
                "Testez vos connaissances avant de briefer vos bénévoles.",
            ),
            "minutes": 20,
            "blocks": [
                (
                    "text",
                    T(
                        "<p>Volunteers must give correct information: a voter who registers too late or "
                        "with the wrong document loses trust in the whole campaign. Check these rules "
                        "with your local electoral office before training your ambassadors.</p>",
                        "<p>Les bénévoles doivent donner une information exacte : un électeur qui "
                        "s'inscrit trop tard ou avec le mauvais document perd confiance dans toute la "
                        "campagne. Vérifiez ces règles auprès de votre service électoral avant de former "
                        "vos ambassadeurs.</p>",
                    ),
                ),
                (
                    "quiz",
                    {
                        "heading": T("Rules of registration", "Les règles de l'inscription"),
                        "pass_mark": 70,
                        "max_attempts": 3,
                        "questions": [
                            {
                                "text": T(
                                    "Who can register to vote in Belgian municipal elections?",
                                    "Qui peut s'inscrire pour voter aux élections communales belges ?",
                                ),
                                "multiple": True,
                                "answers": [
                                    answer(
                                        "EU citizens living in Belgium",
                                        "Les citoyens de l'UE résidant en Belgique",
                                        correct=True,
                                    ),
                                    answer(
                                        "Non-EU residents after five years of legal residence",
                                        "Les résidents hors UE après cinq ans de séjour légal",
                                        correct=True,
                                    ),
                                    answer(
                                        "Tourists staying more than three months",
                                        "Les touristes qui séjournent plus de trois mois",
                                        feedback=T(
                                            "Only residents registered in the municipality can vote.",
                                            "Seuls les résidents inscrits dans la commune peuvent voter.",
                                        ),
                                    ),
                                ],
                            },
                            {
                                "text": T(
                                    "What works best to reach first-time voters?",
                                    "Qu'est-ce qui marche le mieux pour atteindre les primo-votants ?",
                                ),
                                "multiple": False,
                                "answers": [
                                    answer(
                                        "A trusted person from their community",
                                        "Une personne de confiance de leur communauté",
                                        correct=True,
                                        feedback=T(
                                            "Yes: trust matters more than the medium.",
                                            "Oui : la confiance compte plus que le support.",
                                        ),
                                    ),
                                    answer(
                                        "A letter from the town hall",
                                        "Une lettre de la commune",
                                        feedback=T(
                                            "Useful, but official letters are often left unopened.",
                                            "Utile, mais les courriers officiels restent souvent fermés.",
                                        ),
                                    ),
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": T("live-clinic-plan-your-campaign", "atelier-planifier-votre-campagne"),
            "title": T("Live clinic: plan your campaign", "Atelier en direct : planifier votre campagne"),
            "intro": T(
                "Bring your calendar, your partners and your questions.",
                "Apportez votre calendrier, vos partenaires et vos questions.",
            ),
            "minutes": 90,
            "blocks": [
                (
                    "text",
                    T(
                        "<p>Before the clinic, draw a timeline from today to the registration deadline and "
                        "mark the community events where you can be present. During the clinic, each "
                        "participant presents their plan in five minutes and the group helps solve one "
                        "obstacle.</p>",
                        "<p>Avant l'atelier, tracez une frise de aujourd'hui jusqu'à la date limite "
                        "d'inscription et notez les événements communautaires où vous pouvez être présent. "
                        "Pendant l'atelier, chacun présente son plan en cinq minutes et le groupe aide à "
                        "lever un obstacle.</p>",
                    ),
                ),
                (
                    "live_session",
                    {
                        "heading": T("Campaign clinic", "Atelier de campagne"),
                        "description": T(
                            "Ninety minutes with a trainer from the VoteBrussels team and the other "
                            "participants of your cohort.",
                            "Quatre-vingt-dix minutes avec un formateur de l'équipe VoteBrussels et les "
                            "autres participants de votre cohorte.",
                        ),
                    },
                ),
            ],
        },
        {
            "slug": T("measuring-results", "mesurer-les-resultats"),
            "title": T("Measuring results", "Mesurer les résultats"),
            "intro": T(
                "Count what matters and learn for the next election.",
                "Compter ce qui compte et apprendre pour la prochaine élection.",
            ),
            "minutes": 30,
            "blocks": [
                (
                    "text",
                    T(
                        "<p>Ask your municipality for the number of registered non-national voters before "
                        "and after the campaign, by nationality if possible. Keep your own count of "
                        "conversations, forms filled in and people accompanied to the town hall: together "
                        "they show which activities actually led to registrations.</p>",
                        "<p>Demandez à votre commune le nombre d'électeurs étrangers inscrits avant et "
                        "après la campagne, par nationalité si possible. Tenez votre propre décompte des "
                        "conversations, formulaires remplis et personnes accompagnées à la commune : "
                        "ensemble, ils montrent quelles activités ont réellement mené à des "
                        "inscriptions.</p>",
                    ),
                ),
                (
                    "reflection",
                    {
                        "prompt": T(
                            "Which group of voters will your campaign reach first, through which "
                            "messengers, and how will you know that it worked?",
                            "Quel groupe d'électeurs votre campagne atteindra-t-elle d'abord, par quels "
                            "messagers, et comment saurez-vous que cela a marché ?",
                        ),
                        "guidance": T(
                            "Name real places and partners; your trainer will comment on your plan.",
                            "Citez des lieux et des partenaires réels ; votre formateur commentera votre "
                            "plan.",
                        ),
                        "min_words": 50,
                    },
                ),
            ],
        },
    ],
}

# Course 3: self-paced basics --------------------------------------------------------------------

SPEAK_UP = {
    "slug": T("speaking-up-against-discrimination", "reagir-face-aux-discriminations"),
    "title": T(
        "Speaking up against discrimination: the basics",
        "Réagir face aux discriminations : les bases",
    ),
    "summary": T(
        "A short self-paced course: recognise discrimination, know what the law says and where to turn.",
        "Une courte formation à votre rythme : reconnaître une discrimination, savoir ce que dit la loi et "
        "à qui s'adresser.",
    ),
    "description": T(
        "<p>Three lessons to take at your own pace, drawing on twenty years of comparative analysis of "
        "non-discrimination law in Europe.</p>",
        "<p>Trois leçons à suivre à votre rythme, nourries de vingt ans d'analyse comparée du droit de la "
        "non-discrimination en Europe.</p>",
    ),
    "outcomes": [
        T(
            "Recognise direct and indirect discrimination",
            "Reconnaître la discrimination directe et indirecte",
        ),
        T("Know where to report discrimination", "Savoir où signaler une discrimination"),
    ],
    "topic": "discrimination",
    "level": "introductory",
    "format": "self_paced",
    "hours": 2,
    "weeks": None,
    "min_attendance": 0,
    "requires_signoff": False,
    "certificate_enabled": True,
    "lessons": [
        {
            "slug": T("what-is-discrimination", "qu-est-ce-qu-une-discrimination"),
            "title": T("What counts as discrimination", "Ce qui constitue une discrimination"),
            "intro": T("Direct, indirect, harassment.", "Directe, indirecte, harcèlement."),
            "minutes": 20,
            "blocks": [
                (
                    "text",
                    T(
                        "<p><b>Direct discrimination</b> is treating someone less favourably because of "
                        "their ethnic origin, religion, disability, age, sex or sexual orientation: a "
                        "landlord who refuses tenants “of foreign origin”. <b>Indirect discrimination</b> "
                        "is a neutral rule that puts one group at a particular disadvantage without good "
                        "reason: a job advert that requires “native speaker” for a warehouse job.</p>",
                        "<p>La <b>discrimination directe</b> consiste à traiter quelqu'un moins bien en "
                        "raison de son origine ethnique, sa religion, son handicap, son âge, son sexe ou "
                        "son orientation sexuelle : un propriétaire qui refuse les locataires « d'origine "
                        "étrangère ». La <b>discrimination indirecte</b> est une règle neutre qui "
                        "désavantage particulièrement un groupe sans raison valable : une offre d'emploi "
                        "qui exige d'être « de langue maternelle » pour travailler dans un entrepôt.</p>",
                    ),
                ),
                (
                    "callout",
                    {
                        "kind": "info",
                        "heading": T("It is the law everywhere in the EU", "C'est la loi partout dans l'UE"),
                        "text": T(
                            "<p>The Racial Equality Directive has protected everyone in the EU since 2000, "
                            "whatever their nationality or residence status.</p>",
                            "<p>La directive sur l'égalité raciale protège toute personne dans l'UE depuis "
                            "2000, quels que soient sa nationalité ou son statut de séjour.</p>",
                        ),
                    },
                ),
            ],
        },
        {
            "slug": T("where-to-turn", "a-qui-s-adresser"),
            "title": T("Where to turn", "À qui s'adresser"),
            "intro": T(
                "Equality bodies, NGOs and the courts.",
                "Organismes de promotion de l'égalité, ONG et tribunaux.",
            ),
            "minutes": 20,
            "blocks": [
                (
                    "text",
                    T(
                        "<p>Every EU country has an <b>equality body</b> that gives free advice to victims "
                        "of discrimination; in Belgium it is Unia. Write down what happened, when, who was "
                        "there, and keep messages or adverts: evidence collected early makes a complaint "
                        "much stronger.</p>",
                        "<p>Chaque pays de l'UE dispose d'un <b>organisme de promotion de l'égalité</b> qui "
                        "conseille gratuitement les victimes ; en Belgique, c'est Unia. Notez ce qui s'est "
                        "passé, quand, qui était présent, et gardez messages ou annonces : des preuves "
                        "réunies tôt renforcent beaucoup une plainte.</p>",
                    ),
                ),
                (
                    "quiz",
                    {
                        "heading": T("Quick check", "Vérification rapide"),
                        "pass_mark": 50,
                        "max_attempts": 0,
                        "questions": [
                            {
                                "text": T(
                                    "A gym refuses women who wear a headscarf. What is it?",
                                    "Une salle de sport refuse les femmes qui portent un foulard. De quoi "
                                    "s'agit-il ?",
                                ),
                                "multiple": False,
                                "answers": [
                                    answer(
                                        "Likely discrimination based on religion",
                                        "Probablement une discrimination fondée sur la religion",
                                        correct=True,
                                    ),
                                    answer(
                                        "A private matter the law does not cover",
                                        "Une affaire privée que la loi ne couvre pas",
                                        feedback=T(
                                            "Access to services is covered in most countries.",
                                            "L'accès aux services est couvert dans la plupart des pays.",
                                        ),
                                    ),
                                ],
                            },
                            {
                                "text": T(
                                    "What helps a complaint?",
                                    "Qu'est-ce qui aide une plainte ?",
                                ),
                                "multiple": True,
                                "answers": [
                                    answer(
                                        "Written notes made soon after",
                                        "Des notes écrites peu après",
                                        correct=True,
                                    ),
                                    answer("Names of witnesses", "Le nom des témoins", correct=True),
                                    answer(
                                        "Waiting a year to calm down",
                                        "Attendre un an pour se calmer",
                                        feedback=T("Deadlines may apply.", "Des délais peuvent s'appliquer."),
                                    ),
                                ],
                            },
                        ],
                    },
                ),
            ],
        },
        {
            "slug": T("speaking-up-safely", "reagir-en-securite"),
            "title": T("Speaking up safely", "Réagir en sécurité"),
            "intro": T("What a witness can do.", "Ce qu'un témoin peut faire."),
            "minutes": 20,
            "blocks": [
                (
                    "text",
                    T(
                        "<p>As a witness you can <b>distract</b> (interrupt the situation), <b>delegate</b> "
                        "(ask someone with authority to act), <b>document</b> (note or film if the person "
                        "agrees) and <b>support</b> the person afterwards. Your safety comes first.</p>",
                        "<p>Comme témoin, vous pouvez <b>détourner</b> (interrompre la situation), "
                        "<b>déléguer</b> (demander à une personne en autorité d'agir), <b>documenter</b> "
                        "(noter ou filmer si la personne est d'accord) et <b>soutenir</b> la personne "
                        "ensuite. Votre sécurité passe d'abord.</p>",
                    ),
                ),
                (
                    "reflection",
                    {
                        "prompt": T(
                            "Think of a situation of discrimination you witnessed. What could you have "
                            "done, and what would you do now?",
                            "Pensez à une situation de discrimination dont vous avez été témoin. Qu'auriez-"
                            "vous pu faire, et que feriez-vous aujourd'hui ?",
                        ),
                        "guidance": T("A few sentences are enough.", "Quelques phrases suffisent."),
                        "min_words": 25,
                    },
                ),
            ],
        },
    ],
}

COURSES = {"summit": SUMMIT, "voter": VOTER, "speak_up": SPEAK_UP}

# Trainees --------------------------------------------------------------------------------------

TRAINEES = [
    ("yusuf@example.org", "Yusuf Ahmadi", "en", "Antwerp", "BE", "AF", "Afghan Youth Network Belgium"),
    ("fatima@example.org", "Fatima Zahra Benali", "fr", "Liège", "BE", "MA", "Femmes en Mouvement"),
    ("samuel@example.org", "Samuel Tesfaye", "en", "Amsterdam", "NL", "ER", "Eritrean Community Netherlands"),
    ("olena@example.org", "Olena Kovalenko", "en", "Gdańsk", "PL", "UA", "Ukrainian House Gdańsk"),
    ("karim@example.org", "Karim Haddad", "ar", "Berlin", "DE", "SY", "Syrian Civil Society Berlin"),
    ("ngozi@example.org", "Ngozi Okafor", "en", "Dublin", "IE", "NG", "Migrant Women's Forum Dublin"),
    ("aissatou@example.org", "Aïssatou Bah", "fr", "Brussels", "BE", "GN", "Maison des Femmes de Schaerbeek"),
    ("reza@example.org", "Reza Karimi", "en", "Lisbon", "PT", "IR", "Casa do Brasil de Lisboa"),
    ("leila@example.org", "Leila Mansour", "ar", "Marseille", "FR", "LB", "Collectif Voix Citoyennes"),
    ("hamid@example.org", "Hamid Nouri", "fr", "Brussels", "BE", "DZ", "Vote & Voix Bruxelles"),
    ("grace@example.org", "Grace Mensah", "en", "Dresden", "DE", "GH", "African Diaspora Saxony"),
    # Her name on certificates is in Arabic script, as is her interface: the certificate shows both.
    ("nour@example.org", "نور الهدى الخطيب", "ar", "Brussels", "BE", "SY", "Jeunes Syriens de Bruxelles"),
]

# What trainees wrote in reflections, by the lesson's English slug.
REFLECTIONS = {
    "telling-your-communitys-story": {
        "trainee@example.org": (
            "La personne : Mariama, 34 ans, arrivée de Conakry il y a six ans, aide-soignante le jour et "
            "bénévole le soir dans notre association. L'obstacle : elle a le droit de voter aux élections "
            "communales de Schaerbeek depuis l'an dernier, mais personne ne le lui a dit, et le formulaire "
            "n'existe qu'en français et en néerlandais juridiques. Dans notre quartier, moins d'une femme "
            "sur dix qui pourrait voter est inscrite. Le changement : je demande à l'échevine de la "
            "participation de traduire le formulaire en peul, en arabe et en anglais et d'ouvrir un guichet "
            "le samedi matin avant le 31 juillet."
        ),
        "karim@example.org": (
            "The person: Abu Omar, a pharmacist from Aleppo who now packs parcels in a warehouse in "
            "Neukölln. The obstacle: the recognition of his diploma has been waiting for nineteen months, "
            "and about four hundred Syrian health professionals in Berlin are stuck in the same queue. The "
            "change: I want to ask the Senator for Health to publish the average waiting time and to set up "
            "a fast track for professions where the city has shortages. I will tell this story to our "
            "member of the Berlin House of Representatives at her next office hour."
        ),
        "ngozi@example.org": (
            "The person: my neighbour Blessing, a mother of three who cleans offices at night. The obstacle: "
            "she cannot attend parent meetings at her children's school because they are always at 6 pm and "
            "nobody translates. Many parents in our estate say the same. The change: I ask the school board "
            "to hold one meeting a term on Saturday morning with volunteer interpreters, starting in "
            "January. I will present this to the chair of the board with two other mothers."
        ),
    },
    "measuring-results": {
        "nour@example.org": (
            "سنبدأ بالشباب السوريين في مولنبيك وسكاربيك الذين يحق لهم التصويت في الانتخابات البلدية "
            "ولا يعرفون ذلك. سيكون السفراء خمسة متطوعين من نادي كرة القدم الذي نديره، "
            "لأن الشباب يثقون بهم. سنقيم طاولة تسجيل بعد المباريات يوم الأحد، "
            "وسنعرف أننا نجحنا إذا سجّل ستون شابًا قبل نهاية تموز."
        ),
        "trainee@example.org": (
            "Notre campagne visera d'abord les femmes guinéennes et sénégalaises de Schaerbeek qui "
            "fréquentent nos cours d'alphabétisation : environ 120 femmes, dont la moitié peut voter. Les "
            "messagères seront trois formatrices qu'elles connaissent déjà et deux commerçantes de la "
            "chaussée de Haecht. Nous remplirons les formulaires pendant les cours et accompagnerons les "
            "femmes à la commune le samedi. Nous saurons que cela a marché si 40 femmes sont inscrites au "
            "31 juillet : nous compterons les formulaires remplis et demanderons à la commune le chiffre "
            "officiel."
        ),
        "grace@example.org": (
            "We will start with Ghanaian and Nigerian church communities in Dresden, because pastors are the "
            "people our members trust most. Two volunteers per church will be trained as ambassadors and "
            "will have forms after the Sunday service. Success means 60 new registrations before the "
            "deadline and at least one church asking to run it again next time."
        ),
        "leila@example.org": (
            "Je commencerai par les étudiants libanais et syriens de l'université d'Aix-Marseille, en "
            "passant par les associations étudiantes et le groupe WhatsApp de la communauté. Les "
            "messagers seront deux étudiants déjà engagés. Nous saurons que cela a marché si le nombre "
            "d'inscrits européens du quartier augmente, et nous ferons un court questionnaire à la fin."
        ),
        "samuel@example.org": (
            "My campaign will reach Eritrean and Ethiopian residents in Amsterdam Nieuw-West through the "
            "Saturday language school and two community radio programmes. Ambassadors are three parents "
            "from the school. I will count the conversations and forms, and ask the municipality for the "
            "numbers of registered non-Dutch voters in the district before and after."
        ),
    },
    "speaking-up-safely": {
        "karim@example.org": (
            "On the tram a man shouted at a woman in a headscarf. Nobody moved, including me. Today I would "
            "stand next to her, ask her if she is all right and, if she wants, help her report it."
        ),
    },
}

FEEDBACK = {
    "trainee@example.org": (
        "Très beau plan, concret et chiffré. Pensez à prévenir la commune de votre venue le samedi : un "
        "guichet averti traite les formulaires deux fois plus vite."
    ),
    "grace@example.org": "Clear and realistic. Ask the pastors to announce the deadline twice, not once.",
    "leila@example.org": "Bonne idée de passer par les étudiants ; précisez les dates de vos permanences.",
    "karim@example.org": "Thank you for sharing this. Delegating to the tram driver is also an option.",
}
