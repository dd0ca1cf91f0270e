"""The directory, a person's settings and their messages: thin views, every write through services.

Everything here is for signed-in people only; a profile nobody may see and a conversation one is not
part of answer 404, whoever asks (trainers and staff included: messages are private)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Locale

from core.localize import active_locale
from learning.completed_courses import course_titles
from learning.models import Topic
from toolkits.models import Theme

from . import selectors, services
from .exceptions import NetworkError
from .forms import DirectoryFilterForm, DirectorySettingsForm, MessageForm
from .models import DirectoryProfile, PersonBlock


def _choices(model, locale) -> list[tuple[int, str]]:
    """The default language's topics or themes (what profiles refer to), named in the reader's language."""
    rows = list(model.objects.filter(locale=Locale.get_default()))
    names = selectors.localized_names(model, rows, locale)
    return sorted(((row.pk, names[row.pk]) for row in rows), key=lambda choice: choice[1].casefold())


@login_required
def directory(request):
    locale = active_locale(request)
    topics, themes = _choices(Topic, locale), _choices(Theme, locale)
    courses = sorted(course_titles(locale=locale).items(), key=lambda item: item[1].casefold())
    form = DirectoryFilterForm(request.GET or None, topics=topics, themes=themes, courses=courses)
    filters = form.filters()
    page = selectors.directory_page(
        viewer=request.user, filters=filters, page_number=request.GET.get("page", "1")[:6], locale=locale
    )
    # Page links carry the filters in effect, each encoded: a city is whatever the person typed.
    query = "".join(f"{urlencode({name: value})}&" for name, value in sorted(filters.items()))
    context = {
        "form": DirectoryFilterForm(initial=filters, topics=topics, themes=themes, courses=courses),
        "page": page,
        "filtered": bool(filters),
        "query": query,
        "listed": DirectoryProfile.objects.filter(user=request.user, listed=True).exists(),
    }
    return TemplateResponse(request, "network/directory.html", context)


def _person_page(request, profile, *, form=None, status=200, refusal=""):
    locale = active_locale(request)
    card = selectors.cards(
        selectors.with_card_data(DirectoryProfile.objects.filter(pk=profile.pk)),
        viewer=request.user,
        locale=locale,
    )[0]
    context = {
        "profile": profile,
        "card": card,
        "form": form or MessageForm(),
        "conversation": None if card.is_you else selectors.conversation_between(request.user, profile.user),
        "refusal": refusal,
    }
    return TemplateResponse(request, "network/person.html", context, status=status)


@login_required
def person(request, public_id):
    return _person_page(request, selectors.person(viewer=request.user, public_id=public_id))


def _refused(request, error: NetworkError):
    return TemplateResponse(request, "network/refused.html", {"refusal": error.message}, status=error.status)


@login_required
@require_POST
def message_start(request, public_id):
    # Found whether or not a block stands between the two: someone they blocked, who still has the page
    # open, is told plainly that their message cannot be sent (403), and sees nothing more of the person.
    profile = selectors.listed_person(public_id=public_id)
    form = MessageForm(request.POST)
    try:
        services.check_may_write(sender=request.user, recipient=profile.user)
    except NetworkError as error:
        return _refused(request, error)
    if not form.is_valid():
        return _person_page(request, profile, form=form, status=400)
    try:
        message = services.conversation_start(
            sender=request.user, recipient=profile.user, body=form.cleaned_data["body"]
        )
    except NetworkError as error:
        return _person_page(request, profile, form=form, status=error.status, refusal=error.message)
    messages.success(request, _("Your message is sent."))
    return redirect(message.get_absolute_url())


@login_required
@require_POST
def person_block(request, public_id):
    profile = selectors.listed_person(public_id=public_id)
    return _block(request, profile.user, next_url=redirect("network:directory"))


def _block(request, other, *, next_url):
    if other is None:
        return next_url
    try:
        if request.POST.get("unblock"):
            services.person_unblock(blocker=request.user, blocked=other)
            messages.success(request, _("You unblocked this person: you can write to each other again."))
        else:
            services.person_block(blocker=request.user, blocked=other)
            messages.success(
                request,
                _(
                    "You blocked this person: they cannot write to you, and you do not see each other in the "
                    "directory."
                ),
            )
    except NetworkError as error:
        return _refused(request, error)
    return next_url


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request):
    profile = services.profile_get_or_create(user=request.user)
    locale = active_locale(request)
    choices = {"topics": _choices(Topic, locale), "themes": _choices(Theme, locale)}
    if request.method == "POST":
        form = DirectorySettingsForm(request.POST, **choices)
        if form.is_valid():
            data = form.cleaned_data
            services.profile_update(
                user=request.user,
                listed=data["listed"],
                shown=form.shown(),
                languages=data["languages"],
                topics=data["topics"],
                themes=data["themes"],
                bio=data["bio"],
            )
            messages.success(request, _("Your directory settings are saved."))
            return redirect("network:settings")
    else:
        form = DirectorySettingsForm(initial=DirectorySettingsForm.initial_of(profile), **choices)
    preview = selectors.cards(
        selectors.with_card_data(DirectoryProfile.objects.filter(pk=profile.pk)),
        viewer=request.user,
        locale=locale,
    )[0]
    blocked = (
        PersonBlock.objects.filter(blocker=request.user).select_related("blocked").order_by("created_at")
    )
    context = {"form": form, "profile": profile, "preview": preview, "blocked": blocked}
    return TemplateResponse(request, "network/settings.html", context, status=400 if form.errors else 200)


@login_required
def inbox(request):
    page = selectors.inbox(user=request.user, page_number=request.GET.get("page", "1")[:6])
    return TemplateResponse(request, "network/inbox.html", {"page": page})


def _conversation_page(request, conversation, *, form=None, status=200, refusal=""):
    other = conversation.second if conversation.first_id == request.user.pk else conversation.first
    block = services.block_between(request.user, other) if other else None
    context = {
        "conversation": conversation,
        "other": other,
        "other_profile": DirectoryProfile.objects.filter(user=other, listed=True).first() if other else None,
        "messages_list": selectors.conversation_messages(conversation),
        "form": form or MessageForm(),
        "i_blocked": block is not None and block.blocker_id == request.user.pk,
        "blocked_me": block is not None and block.blocker_id != request.user.pk,
        "refusal": refusal,
    }
    if status == 200:
        services.conversation_mark_read(conversation=conversation, user=request.user)
    return TemplateResponse(request, "network/conversation.html", context, status=status)


@login_required
def conversation(request, public_id):
    found = selectors.participant_conversation(user=request.user, public_id=public_id)
    return _conversation_page(request, found)


@login_required
@require_POST
def reply(request, public_id):
    found = selectors.participant_conversation(user=request.user, public_id=public_id)
    form = MessageForm(request.POST)
    if not form.is_valid():
        return _conversation_page(request, found, form=form, status=400)
    try:
        message = services.message_send(
            conversation=found, sender=request.user, body=form.cleaned_data["body"]
        )
    except NetworkError as error:
        return _conversation_page(request, found, form=form, status=error.status, refusal=error.message)
    return redirect(message.get_absolute_url())


@login_required
@require_POST
def conversation_block(request, public_id):
    found = selectors.participant_conversation(user=request.user, public_id=public_id)
    other = found.second if found.first_id == request.user.pk else found.first
    return _block(request, other, next_url=redirect(found))


@login_required
@require_POST
def block_remove(request, pk):
    """Unblock someone from the settings page: a person one blocked may have left the directory since."""
    block = get_object_or_404(PersonBlock.objects.select_related("blocked"), pk=pk, blocker=request.user)
    services.person_unblock(blocker=request.user, blocked=block.blocked)
    messages.success(request, _("You unblocked this person: you can write to each other again."))
    return redirect("network:settings")
