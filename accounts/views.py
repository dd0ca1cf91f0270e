from allauth.account.decorators import reauthentication_required
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import FileResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_info, gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.generic import UpdateView

from core.language import remember_language

from . import consent as legal
from . import data_export as exports
from . import language_offer as offer
from . import services
from .export_links import download_path
from .forms import AccountDeleteForm, ConsentForm, LanguageOfferForm, ProfileForm


class ProfileView(LoginRequiredMixin, UpdateView):
    form_class = ProfileForm
    template_name = "accounts/profile.html"

    def get_object(self, queryset=None):
        return self.request.user

    def form_valid(self, form):
        user = form.save()
        # Changing one's language moves the interface to it at once, and remembers it for later visits.
        with translation.override(user.language):
            messages.success(self.request, gettext("Your profile has been saved."))
            response = HttpResponseRedirect(reverse("accounts:profile"))
        remember_language(response, user.language)
        return response


@login_required
@require_POST
def language_offer(request):
    """Answers the offer made after a language switch; only ever changes the requester's own profile."""
    form = LanguageOfferForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(request, "400.html", status=400)
    language = form.cleaned_data["language"]
    accepted = form.cleaned_data["answer"] == LanguageOfferForm.ACCEPT
    if accepted:
        services.user_language_set(user=request.user, language=language)
        with translation.override(language):
            name = get_language_info(language)["name_local"]
            text = gettext("Your e-mails and certificates will be in %(language)s.")
            messages.success(request, text % {"language": name})
    offer.offer_answered(request, declined=not accepted)
    next_url = form.cleaned_data["next"]
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = f"/{translation.get_language()}/"
    return HttpResponseRedirect(next_url)


def _privacy_page(request, delete_form) -> TemplateResponse:
    export = exports.data_export_latest(user=request.user)
    ready = export is not None and exports.data_export_downloadable(export=export)
    context = {
        "delete_form": delete_form,
        "export": export,
        "export_url": download_path(export) if ready else None,
        "export_days": settings.DATA_EXPORT_DAYS,
    }
    return TemplateResponse(request, "accounts/privacy.html", context)


@never_cache
@login_required
def privacy(request):
    return _privacy_page(request, AccountDeleteForm())


@login_required
@require_POST
@reauthentication_required
def data_export(request):
    """Asks for the archive (after the password again: it holds everything about the person)."""
    _export, queued = exports.data_export_request(user=request.user)
    if queued:
        messages.success(
            request, gettext("Your data is being prepared. We will e-mail you a link to download it.")
        )
    else:
        messages.info(
            request,
            gettext(
                "Your data is already being prepared: asking again does not start another one. "
                "We will e-mail you a link to download it."
            ),
        )
    return HttpResponseRedirect(reverse("accounts:privacy"))


@never_cache
@login_required
@require_GET
def data_export_download(request, token):
    """The e-mailed link: only its owner, signed in, gets the file; 410 once it expired or was replaced."""
    export = exports.data_export_for_link(token=token, user=request.user)
    if not exports.data_export_downloadable(export=export):
        return TemplateResponse(request, "accounts/data_export_gone.html", {"export": export}, status=410)
    # Streamed from storage (disk or bucket) in chunks, never read into memory whole.
    response = FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=f"my-data-{timezone.localtime(export.ready_at):%Y-%m-%d}.zip",
        content_type="application/zip",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@reauthentication_required
def account_delete(request):
    """Deleting an account asks for the password again (allauth's reauthentication) and a confirmation."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return _privacy_page(request, form)
    user = request.user
    logout(request)
    services.user_erase(user=user)
    messages.success(request, gettext("Your account and your data have been deleted."))
    return HttpResponseRedirect(f"/{translation.get_language()}/")


@never_cache
@login_required
def consent(request):
    """What changed in the privacy notice or the terms, and the box to accept them (accounts.consent)."""
    versions = legal.pending_versions(request.user)
    next_url = legal.safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if not versions:
        return HttpResponseRedirect(next_url)
    posted = request.method == "POST"
    form = ConsentForm(request.POST if posted else None, versions=versions, initial={"next": next_url})
    if posted and form.is_valid():
        services.legal_accept(user=request.user, versions=versions, language=translation.get_language())
        legal.remember_accepted(request)
        return HttpResponseRedirect(next_url)
    if posted and form.non_field_errors():
        # A newer version came out while the page was open: show it, with an unticked box.
        messages.warning(request, form.non_field_errors()[0])
        form = ConsentForm(versions=versions, initial={"next": next_url})
    context = {
        "form": form,
        "versions": [legal.in_reader_language(version) for version in versions],
        "accepted_before": legal.accepted_before(request.user),
    }
    return TemplateResponse(request, "accounts/consent.html", context)
