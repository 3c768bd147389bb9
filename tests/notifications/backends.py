"""E-mail backends for tests of the outbox."""

from django.core.mail.backends.base import BaseEmailBackend


class BrokenBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionError("SMTP is down")


class RecordingBackend(BaseEmailBackend):
    """Writes each message to its own file in ``$TEST_MAIL_DIR``, after a pause.

    Used by a worker process in the reliability tests. With ``$TEST_MAIL_BLOCK_AT`` set
    to N, the worker stops for a long time before writing the (N+1)th message, once, so
    a test can kill it at a known point in the middle of a batch. ``$TEST_MAIL_BLOCK_AFTER``
    stops it right after writing the Nth message instead: the mail server has accepted
    it, and the worker dies before it can say so.
    """

    def send_messages(self, email_messages):
        import os
        import time
        import uuid
        from pathlib import Path

        folder = Path(os.environ["TEST_MAIL_DIR"])
        block_at = os.environ.get("TEST_MAIL_BLOCK_AT")
        block_after = os.environ.get("TEST_MAIL_BLOCK_AFTER")
        for message in email_messages:
            sent = len(list(folder.glob("*.eml")))
            marker = folder / "blocked"
            if block_at is not None and sent == int(block_at) and not marker.exists():
                marker.write_text("waiting to be killed")
                time.sleep(60)
            time.sleep(0.02)
            path = folder / f"{uuid.uuid4().hex}.eml"
            path.write_text(
                f"To: {','.join(message.to)}\nSubject: {message.subject}\n"
                f"Message-ID: {message.extra_headers.get('Message-ID', '')}\n"
            )
            sent += 1
            if block_after is not None and sent == int(block_after) and not marker.exists():
                marker.write_text("accepted, waiting to be killed")
                time.sleep(60)
        return len(email_messages)
