"""The one module that speaks SMTP (the standard library's smtplib): one connection per run, one message at a time.

Why the standard library: smtplib and email.message.EmailMessage (policy SMTP) cover STARTTLS, implicit TLS,
AUTH, and header encoding with newlines in header values refused; a third-party client would add a dependency
for nothing this needs.

`Mailer.send` tells apart what the caller must treat differently:
- `MailDeferred`: a 4xx answer, or no connection, before the message was handed over: not delivered, try again
  on the next run;
- `MailRejected`: a 5xx answer: not delivered, and trying again will not help until something changes;
- `MailUnknown`: the connection failed while the message itself was being sent: it may or may not have been
  accepted, and SMTP gives no way to ask. The caller must not resend it on its own.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage

from bot.settings import MailSettings

TIMEOUT = 30.0  # seconds for connecting and for each SMTP reply


class MailError(Exception):
    """A message was not (or may not have been) delivered; str() says why, with the server's code."""


class MailDeferred(MailError):
    """Temporary (4xx or no connection): not delivered; retry later."""


class MailRejected(MailError):
    """Permanent (5xx): not delivered."""


class MailUnknown(MailError):
    """The connection broke during DATA: the message may have been accepted."""


def _answer(code: int, text: bytes | str) -> str:
    words = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
    return f"{code} {' '.join(words.split())}"[:300]


def _refusal(code: int, text: bytes | str, what: str) -> MailError:
    kind = MailRejected if 500 <= code < 600 else MailDeferred
    return kind(f"{what} ({_answer(code, text)})")


class Mailer:
    """Sends EmailMessages through the server in MailSettings, reusing one connection until `close`."""

    def __init__(self, settings: MailSettings, timeout: float = TIMEOUT, context: ssl.SSLContext | None = None) -> None:
        self.settings, self.timeout = settings, timeout
        self.context = context  # None: the system's trusted CAs, certificate and host name checked
        self._conn: smtplib.SMTP | None = None

    def _connect(self) -> smtplib.SMTP:
        s = self.settings
        where = s.describe()
        context = self.context or ssl.create_default_context()
        try:
            if s.tls == "implicit":
                conn: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=self.timeout, context=context)
            else:
                conn = smtplib.SMTP(s.host, s.port, timeout=self.timeout)
            try:
                conn.ehlo()
                if s.tls != "implicit":
                    if conn.has_extn("starttls"):
                        conn.starttls(context=context)
                        conn.ehlo()
                    elif s.tls == "require-starttls":
                        raise MailDeferred(f"{where} does not offer STARTTLS, and the URL requires it")
                    elif s.user and not s.local:
                        raise MailDeferred(
                            f"{where} does not offer STARTTLS; the password is not sent over an unencrypted "
                            "connection (use smtps:// or a server that offers STARTTLS)"
                        )
                if s.user:
                    conn.login(s.user, s.password or "")
            except BaseException:
                conn.close()
                raise
        except smtplib.SMTPAuthenticationError as exc:
            why = _answer(exc.smtp_code, exc.smtp_error)
            raise MailDeferred(f"{where} refused the user name or password ({why})") from None
        except smtplib.SMTPResponseException as exc:
            raise MailDeferred(f"{where} refused the connection ({_answer(exc.smtp_code, exc.smtp_error)})") from None
        except (smtplib.SMTPException, OSError) as exc:
            raise MailDeferred(f"could not connect to {where} ({exc.__class__.__name__}: {exc})") from None
        return conn

    def send(self, message: EmailMessage, sender: str, recipient: str) -> None:
        """Deliver `message` to exactly `recipient` (the envelope ignores the headers). Raises a MailError."""
        try:
            payload = message.as_bytes(policy=message.policy.clone(linesep="\r\n"))  # CRLF, as SMTP wants
        except (ValueError, TypeError, UnicodeError) as exc:  # e.g. a header that would need a line break
            raise MailRejected(f"the message could not be written ({exc})") from None
        if self._conn is None:
            self._conn = self._connect()
        conn = self._conn
        in_data = False
        try:
            code, text = conn.mail(sender)
            if code != 250:
                self._reset()
                raise _refusal(code, text, f"the server refused the sender {sender}")
            code, text = conn.rcpt(recipient)
            if code not in (250, 251):
                self._reset()
                raise _refusal(code, text, f"the server refused the recipient {recipient}")
            in_data = True
            code, text = conn.data(payload)
            if code != 250:
                raise _refusal(code, text, "the server refused the message")
        except smtplib.SMTPDataError as exc:  # DATA itself was refused (not 354): nothing was sent
            self._reset()
            raise _refusal(exc.smtp_code, exc.smtp_error, "the server refused the message") from None
        except (smtplib.SMTPServerDisconnected, OSError) as exc:
            self._drop()
            why = f"{exc.__class__.__name__}: {exc}"
            if in_data:
                raise MailUnknown(f"the connection broke while the message was being sent ({why})") from None
            raise MailDeferred(f"the connection broke before the message was sent ({why})") from None
        except smtplib.SMTPResponseException as exc:
            self._drop()
            raise _refusal(exc.smtp_code, exc.smtp_error, "the server closed the connection") from None
        except smtplib.SMTPException as exc:  # anything else smtplib raises: the same rule as a broken connection
            self._drop()
            why = f"{exc.__class__.__name__}: {exc}"
            if in_data:
                raise MailUnknown(f"sending the message failed ({why})") from None
            raise MailDeferred(f"sending failed before the message ({why})") from None

    def _reset(self) -> None:
        """RSET after a refusal so the next message starts clean; a dead connection is dropped."""
        try:
            if self._conn is not None:
                self._conn.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            finally:
                self._conn = None

    def close(self) -> None:
        """QUIT and close the connection, if one is open."""
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.quit()
            except (smtplib.SMTPException, OSError):
                conn.close()
