"""A real SMTP server for the tests (aiosmtpd) on 127.0.0.1 port 0, in its own thread.

- `server.messages`: what was accepted (envelope sender, envelope recipients, the parsed message);
- `server.refuse[address] = "550 5.1.1 No such user"`: answer RCPT TO for that address with this reply;
- `server.refuse_once[address] = "451 ..."`: the same, for the next attempt only;
- `server.drop_in_data.add(address)`: accept a message to that address, then close the connection without
  answering (the client cannot tell whether it arrived);
- `server.users = {"user": "password"}`: require AUTH (over plain text: a test server on this machine);
- `SmtpServer(tls_context=...)`: offer STARTTLS and refuse mail until the client has started TLS.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
import warnings
from dataclasses import dataclass
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes
    message: EmailMessage


class _Handler:
    def __init__(self, server: SmtpServer) -> None:
        self.server = server

    async def handle_RCPT(self, _smtp, _session, envelope, address: str, _options) -> str:
        self.server.rcpt_attempts.append(address)
        if address in self.server.refuse_once:
            return self.server.refuse_once.pop(address)
        if address in self.server.refuse:
            return self.server.refuse[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, smtp, _session, envelope) -> str:
        data = bytes(envelope.content)
        message = message_from_bytes(data, policy=default)
        self.server.messages.append(Received(envelope.mail_from, list(envelope.rcpt_tos), data, message))
        if any(a in self.server.drop_in_data for a in envelope.rcpt_tos):
            smtp.transport.close()  # accepted, but the client never hears so
        return "250 Message accepted for delivery"


class SmtpServer:
    def __init__(self, tls_context: ssl.SSLContext | None = None) -> None:
        self.tls_context = tls_context  # offer STARTTLS, and require it, with this context
        self.messages: list[Received] = []
        self.rcpt_attempts: list[str] = []
        self.refuse: dict[str, str] = {}
        self.refuse_once: dict[str, str] = {}
        self.drop_in_data: set[str] = set()
        self.users: dict[str, str] | None = None
        self.logins: list[str] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: asyncio.base_events.Server | None = None
        self.port = 0

    def _authenticate(self, _smtp, _session, _envelope, _mechanism: str, data) -> AuthResult:
        if not isinstance(data, LoginPassword) or self.users is None:
            return AuthResult(success=False)
        user, password = data.login.decode(), data.password.decode()
        self.logins.append(user)
        return AuthResult(success=self.users.get(user) == password)

    def _protocol(self) -> SMTP:
        with warnings.catch_warnings():  # AUTH without TLS: acceptable for a server on 127.0.0.1 in a test
            warnings.simplefilter("ignore", UserWarning)
            return SMTP(
                _Handler(self),
                hostname="smtp.test",
                auth_required=self.users is not None,
                auth_require_tls=False,
                authenticator=self._authenticate,
                tls_context=self.tls_context,
                require_starttls=self.tls_context is not None,
            )

    def __enter__(self) -> SmtpServer:
        self._thread.start()
        started = asyncio.run_coroutine_threadsafe(self._loop.create_server(self._protocol, "127.0.0.1", 0), self._loop)
        self._server = started.result(10)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    def __exit__(self, *_exc: object) -> None:
        if self._server is not None:
            # closed on the loop's own thread: a client's connection dropping at the same moment also touches the
            # server's state there (closing it from this thread raced with that: "'NoneType' is not iterable")
            asyncio.run_coroutine_threadsafe(self._close(self._server), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        self._loop.close()

    @staticmethod
    async def _close(server: asyncio.base_events.Server) -> None:
        server.close()
        await server.wait_closed()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def to(self, address: str) -> list[Received]:
        return [m for m in self.messages if address in m.rcpt_tos]
