from network import services
from tests.factories import UserFactory


def listed_person(*, show=(), languages=(), topics=(), themes=(), bio="", **user_fields):
    """A person in the directory who shows the fields named in `show` (e.g. "city", "bio")."""
    user = UserFactory(**user_fields)
    services.profile_update(
        user=user,
        listed=True,
        shown={f"show_{name}": True for name in show},
        languages=list(languages),
        topics=list(topics),
        themes=list(themes),
        bio=bio,
    )
    return user
