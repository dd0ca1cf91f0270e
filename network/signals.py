"""What the network tells the rest of the site.

`message_sent(sender=Message, message=...)` is sent once a message is committed: the place where a
"new message" notification (in the site or by e-mail) connects, without the network knowing about it.
"""

from django.dispatch import Signal

message_sent = Signal()
