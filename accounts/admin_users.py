"""The Wagtail admin's user screens, fitted to a user with one display name and no username.

People from 50 nationalities do not all have a "first" and a "last" name, so the model has a display
name and a separate name for certificates; Wagtail's default forms ask for first and last name.
"""

from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet as WagtailUserViewSet


class AdminUserCreationForm(UserCreationForm):
    first_name = None
    last_name = None

    class Meta(UserCreationForm.Meta):
        fields = {"email", "display_name", "is_superuser", "groups"}


class AdminUserEditForm(UserEditForm):
    first_name = None
    last_name = None

    class Meta(UserEditForm.Meta):
        fields = {"email", "display_name", "is_active", "is_superuser", "groups"}


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return AdminUserEditForm if for_update else AdminUserCreationForm
