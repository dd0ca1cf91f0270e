"""The notifications centre, the preferences and the unsubscribe page: thin, every write a service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .forms import PreferencesForm
from .links import reader_url
from .models import Kind, Notification
from .sentences import sentence_html
from .unsubscribe import DIGEST, BadToken, read_token


@login_required
def centre(request):
    page = selectors.notifications_page(user=request.user, number=request.GET.get("page"))
    for notification in page:
        notification.html = sentence_html(notification)
    return TemplateResponse(request, "notifications/centre.html", {"items": page})


@login_required
def open_notification(request, pk):
    """Marks the notification read and goes to what it is about, in the reader's language."""
    notification = (
        Notification.objects.select_related("target_page").filter(pk=pk, recipient=request.user).first()
    )
    if notification is None:  # someone else's is not there for this person
        raise Http404
    services.notification_open(notification=notification)
    url = reader_url(
        target_path=notification.target_path, target_page=notification.target_page, request=request
    )
    if not url:
        messages.info(request, _("What this notification was about is no longer there."))
        return redirect("notifications:centre")
    return redirect(url)


@login_required
@require_POST
def mark_all_read(request):
    marked = services.notifications_mark_read(recipient=request.user)
    if marked:
        messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:centre")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    form = PreferencesForm(request.POST or None, current=selectors.deliveries(user=request.user))
    if request.method == "POST" and form.is_valid():
        services.preferences_save(user=request.user, deliveries=form.cleaned_data)
        messages.success(request, _("Your choices are saved."))
        return redirect("notifications:preferences")
    status = 400 if form.errors else 200
    return TemplateResponse(request, "notifications/preferences.html", {"form": form}, status=status)


# Mail programs press the one-click button with a bare POST (RFC 8058): no session, no CSRF token. The
# signed token is what proves the request, and all it can do is stop an e-mail.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        user, kind = read_token(token)
    except BadToken:
        return TemplateResponse(request, "notifications/unsubscribe_invalid.html", status=400)
    what = _("the daily e-mail") if kind == DIGEST else Kind(kind).label
    context = {"what": what, "done": False}
    if request.method == "POST":
        services.preference_unsubscribe(user=user, kind=kind)
        context["done"] = True
    response = TemplateResponse(request, "notifications/unsubscribe.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
