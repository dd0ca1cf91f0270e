from django.urls import reverse

from accounts.models import User
from network.models import Conversation, DirectoryProfile


def test_the_demo_directory_has_a_dozen_alumni_and_a_conversation(demo, client):
    listed = DirectoryProfile.objects.filter(listed=True)
    assert listed.count() >= 12
    assert listed.filter(languages__code="ar").exists() and listed.filter(languages__code="ti").exists()
    amina = User.objects.get(email="trainee@example.org")
    conversation = Conversation.objects.get()
    assert amina.pk in (conversation.first_id, conversation.second_id) and conversation.messages.count() == 3

    client.force_login(User.objects.get(email="karim@example.org"))
    html = client.get(reverse("network:directory"), {"language": "ar"}).content.decode()
    assert "نور الهدى الخطيب" in html and "أعمل" in html
    assert "nour@example.org" not in html and "karim@example.org" not in html
    client.force_login(amina)
    assert "Yusuf" in client.get(reverse("network:inbox")).content.decode()
