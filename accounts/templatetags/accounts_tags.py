from django import template
from django.utils.translation import get_language_info

from accounts.language_offer import offered_language

register = template.Library()


@register.inclusion_tag("accounts/includes/language_offer.html", takes_context=True)
def language_offer(context):
    """The offer to make the language just switched to the profile's (nothing for anyone else)."""
    request = context.get("request")
    language = offered_language(request) if request is not None else None
    if language is None:
        return {"language": None}
    return {
        "language": language,
        "name": get_language_info(language)["name_local"],
        "next": request.get_full_path(),
    }
