from django.urls import path

from . import views

app_name = "network"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("me/", views.settings_page, name="settings"),
    path("me/blocked/<int:pk>/remove/", views.block_remove, name="block_remove"),
    path("people/<uuid:public_id>/", views.person, name="person"),
    path("people/<uuid:public_id>/message/", views.message_start, name="message_start"),
    path("people/<uuid:public_id>/block/", views.person_block, name="person_block"),
    path("messages/", views.inbox, name="inbox"),
    path("messages/<uuid:public_id>/", views.conversation, name="conversation"),
    path("messages/<uuid:public_id>/reply/", views.reply, name="reply"),
    path("messages/<uuid:public_id>/block/", views.conversation_block, name="conversation_block"),
]
