"""Transport security and bearer tokens for the client's channels, read
from the same settings as the ``kg`` CLI (docs/security.md).

``Security()`` (the default) is plaintext without a token, for a server on
loopback. With ``tls_ca`` the channel is TLS, the server's certificate
checked against that CA (``tls_server_name`` names the host to verify when
it differs from the address, e.g. ``localhost`` for ``127.0.0.1``); with
``tls_cert`` and ``tls_key`` as well it is mutual TLS. ``token`` is sent as
``authorization: Bearer TOKEN`` on every call and appears in no message.
"""

from __future__ import annotations

import dataclasses
import os
import pathlib
from typing import Any, Callable, List, Optional, Sequence, Tuple

import grpc


@dataclasses.dataclass(frozen=True)
class Security:
    tls_ca: Optional[str] = None
    tls_cert: Optional[str] = None
    tls_key: Optional[str] = None
    tls_server_name: Optional[str] = None
    token: Optional[str] = dataclasses.field(default=None, repr=False)

    def __post_init__(self) -> None:
        if bool(self.tls_cert) != bool(self.tls_key):
            raise ValueError("tls_cert and tls_key go together (mutual TLS)")
        if self.tls_cert and not self.tls_ca:
            raise ValueError("mutual TLS needs tls_ca as well")
        if self.tls_server_name and not self.tls_ca:
            raise ValueError("tls_server_name needs tls_ca (it names the host TLS verifies)")

    @classmethod
    def from_env(cls) -> "Security":
        """From ``$KG_TLS_CA``, ``$KG_TLS_CERT``, ``$KG_TLS_KEY``,
        ``$KG_TLS_SERVER_NAME`` and ``$KG_TOKEN`` or the first line of the
        file ``$KG_TOKEN_FILE``, as the ``kg`` CLI reads them."""
        token = os.environ.get("KG_TOKEN") or None
        token_file = os.environ.get("KG_TOKEN_FILE")
        if token is None and token_file:
            lines = _read(token_file, "KG_TOKEN_FILE").decode("utf-8").splitlines()
            token = lines[0].strip() if lines else None
            if not token:
                raise ValueError(f"KG_TOKEN_FILE {token_file}: the first line is empty")
        return cls(
            tls_ca=os.environ.get("KG_TLS_CA") or None,
            tls_cert=os.environ.get("KG_TLS_CERT") or None,
            tls_key=os.environ.get("KG_TLS_KEY") or None,
            tls_server_name=os.environ.get("KG_TLS_SERVER_NAME") or None,
            token=token,
        )

    def open_channel(self, address: str, options: Sequence[Tuple[str, Any]]) -> grpc.Channel:
        """A channel to ``address`` with this transport security, adding the
        token (if any) to every call."""
        options = list(options)
        if self.tls_ca:
            credentials = grpc.ssl_channel_credentials(
                root_certificates=_read(self.tls_ca, "tls_ca"),
                private_key=_read(self.tls_key, "tls_key") if self.tls_key else None,
                certificate_chain=_read(self.tls_cert, "tls_cert") if self.tls_cert else None,
            )
            if self.tls_server_name:
                options.append(("grpc.ssl_target_name_override", self.tls_server_name))
            channel = grpc.secure_channel(address, credentials, options)
        else:
            channel = grpc.insecure_channel(address, options)
        if self.token:
            channel = grpc.intercept_channel(channel, _BearerToken(self.token))
        return channel


def _read(path: str, setting: str) -> bytes:
    try:
        return pathlib.Path(path).read_bytes()
    except OSError as error:
        raise FileNotFoundError(f"{setting} {path}: {error.strerror}") from None


class _CallDetails(grpc.ClientCallDetails):
    def __init__(self, details: grpc.ClientCallDetails, metadata: List[Tuple[str, str]]) -> None:
        self.method = details.method
        self.timeout = details.timeout
        self.metadata = metadata
        self.credentials = details.credentials
        self.wait_for_ready = getattr(details, "wait_for_ready", None)
        self.compression = getattr(details, "compression", None)


class _BearerToken(
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
):
    """Adds ``authorization: Bearer TOKEN`` to every call."""

    def __init__(self, token: str) -> None:
        self._header = ("authorization", f"Bearer {token}")

    def _details(self, details: grpc.ClientCallDetails) -> grpc.ClientCallDetails:
        return _CallDetails(details, list(details.metadata or []) + [self._header])

    def intercept_unary_unary(self, continuation: Callable, details: Any, request: Any) -> Any:
        return continuation(self._details(details), request)

    def intercept_unary_stream(self, continuation: Callable, details: Any, request: Any) -> Any:
        return continuation(self._details(details), request)

    def intercept_stream_unary(self, continuation: Callable, details: Any, requests: Any) -> Any:
        return continuation(self._details(details), requests)

    def intercept_stream_stream(self, continuation: Callable, details: Any, requests: Any) -> Any:
        return continuation(self._details(details), requests)
