"""A lively conversation in the demo cohort "Brussels and online": threads in English, French and Arabic,
quotes, a trainer's answers, helpful marks, a pinned welcome, a reported post a trainer hid, and a question
about a lesson; and the cities' exchange, where Gdańsk, Lisbon, Dresden and Brighton ask each other on two
themes. Written through the community's services; loading again changes nothing."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import User
from community import services
from community.models import Post, Thread
from learning.models import Cohort, LessonPage
from toolkits.models import Theme

from .data import read


def _thread(space, spec: dict, trainer) -> bool:
    if Thread.objects.filter(space=space, title=spec["title"]).exists():
        return False
    people = {email: User.objects.get(email=email) for email in {p["by"] for p in spec["posts"]}}
    first, *replies = spec["posts"]
    thread = services.thread_create(
        space=space, author=people[first["by"]], title=spec["title"], body=first["text"], rate_limited=False
    )
    posts = [thread.posts.get()]
    for reply in replies:
        quote = posts[reply["quote"]] if "quote" in reply else None
        posts.append(
            services.post_create(
                thread=thread, author=people[reply["by"]], body=reply["text"], quote=quote, rate_limited=False
            )
        )
    # Spread the conversation over the days it took, an hour or so between replies.
    start = timezone.now() - timedelta(days=spec["days_ago"])
    for number, (post, post_spec) in enumerate(zip(posts, spec["posts"], strict=True)):
        Post.objects.filter(pk=post.pk).update(created_at=start + timedelta(hours=3 * number))
        for email in post_spec.get("helpful", []):
            services.helpful_mark(post=post, user=User.objects.get(email=email))
        if "reported_by" in post_spec:
            reporter = User.objects.get(email=post_spec["reported_by"])
            services.post_report(post=post, reporter=reporter, reason=post_spec["reason"])
            services.post_hide(post=post, moderator=trainer, note=post_spec["hidden"])
    Thread.objects.filter(pk=thread.pk).update(
        created_at=start,
        last_post_at=start + timedelta(hours=3 * (len(posts) - 1)),
        pinned=spec.get("pinned", False),
    )
    return True


def load(stdout) -> None:
    plan = read("discussions")
    cohort = Cohort.objects.select_related("course").get(
        course__slug=plan["cohort"]["course"], title__startswith=plan["cohort"]["label"]
    )
    trainer = cohort.trainers.first()
    space = services.cohort_space(cohort=cohort)
    made = sum(_thread(space, spec, trainer) for spec in plan["threads"])
    lesson = LessonPage.objects.get(slug=plan["lesson_questions"]["lesson"], locale__language_code="en")
    questions = services.lesson_space(course=cohort.course, lesson=lesson, cohort=cohort)
    made += sum(_thread(questions, spec, trainer) for spec in plan["lesson_questions"]["threads"])
    stdout.write(f"  community: {made} new discussion threads in “{cohort.title}”")
    exchanged = 0
    for group in plan["cities_exchange"]:
        theme = Theme.objects.filter(slug=group["theme"]).order_by("pk").first()
        space = services.exchange_space(theme=theme)
        # Nothing in the exchange is hidden: no moderator is needed to write it.
        exchanged += sum(_thread(space, spec, None) for spec in group["threads"])
    stdout.write(f"  community: {exchanged} new questions in the cities' exchange")
