from django.core.mail.backends.console import EmailBackend


class ReadableConsoleEmailBackend(EmailBackend):
    """Development only: prints each e-mail as a person reads it (headers and plain-text body, decoded),
    not as raw MIME, where quoted-printable breaks links across lines."""

    def write_message(self, message):
        self.stream.write(
            f"From: {message.from_email}\nTo: {', '.join(message.to)}\nSubject: {message.subject}\n\n"
            f"{message.body}\n{'-' * 79}\n"
        )
