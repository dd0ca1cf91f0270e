from types import SimpleNamespace

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.utils import get_login_redirect_url
from django.utils import translation

from home.models import organisation_name
from outbox import services as outbox


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.display_name = form.cleaned_data["display_name"]
        user.language = form.cleaned_data.get("language") or translation.get_language()
        if commit:
            user.save()
        return user

    def send_mail(self, template_prefix, email, context):
        # Mail goes out in the recipient's language, not in whatever language the sender is browsing in.
        user = context.get("user")
        language = getattr(user, "language", None) or translation.get_language()
        # allauth signs its mails with "the site": ours is the organisation, not a host name.
        site = SimpleNamespace(name=organisation_name(self.request), domain=self.request.get_host())
        with translation.override(language):
            message = self.render_mail(
                template_prefix,
                email,
                {"request": self.request, "email": email, **context, "current_site": site},
            )
        # Through the outbox and the task queue: a mail outage must not fail signup or a password reset.
        outbox.email_send_message(message=message, kind=template_prefix, language=language)

    def _get_login_attempts_cache_key(self, request, **credentials):
        # allauth counts failed logins per account ("5/5m/key"): anyone who knows a trainer's address
        # could then lock them out by typing wrong passwords. Counting per account *and* address means
        # guessing is still stopped after five tries, but only for the one who guesses; the per-address
        # limit ("10/m/ip") still holds across accounts.
        return (
            f"{super()._get_login_attempts_cache_key(request, **credentials)}:{self.get_client_ip(request)}"
        )

    def post_login(self, request, user, *, redirect_url, signup, **kwargs):
        # allauth writes "Successfully signed in as …" after choosing where to go, in the language of
        # the page that was posted; the next page, which shows it, may be in the person's own language
        # (below). The message is written in the language of the page that will show it.
        target = get_login_redirect_url(request, redirect_url, signup=signup)
        with translation.override(translation.get_language_from_path(target) or translation.get_language()):
            return super().post_login(request, user, redirect_url=target, signup=signup, **kwargs)

    def get_logout_redirect_url(self, request):
        # allauth's default, "/", picks a language from the cookie or the browser, which may not be the
        # one "You have signed out." was just written in: stay in the page's language.
        return f"/{translation.get_language()}/"

    def get_login_redirect_url(self, request):
        # Land people in their own language after logging in, unless they were heading somewhere.
        with translation.override(request.user.language or translation.get_language()):
            return super().get_login_redirect_url(request)
