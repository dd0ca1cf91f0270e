import factory
from allauth.account.models import EmailAddress

from accounts.models import User

PASSWORD = "a-long-test-password-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("name")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        """Users can log in unless told otherwise: allauth requires a verified address."""
        if create:
            obj.save()
            EmailAddress.objects.create(
                user=obj, email=obj.email, verified=extracted is not False, primary=True
            )
