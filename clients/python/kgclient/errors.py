"""Typed errors. Every failed call raises a :class:`KgError` subclass.

=====================  =========================================
class                  raised for
=====================  =========================================
InvalidQuery           INVALID_ARGUMENT from ``Query``; ``line``/``column``
InvalidDocument        INVALID_ARGUMENT from ``Extract`` (or a file that is
                       not UTF-8); ``byte_offset`` for invalid UTF-8
InvalidArgument        other INVALID_ARGUMENT (base of the two above)
NotFound               NOT_FOUND: unknown entity or document
Unavailable            UNAVAILABLE: the service (or the graph behind the
                       extractor) cannot be reached; names the address
DeadlineExceeded       DEADLINE_EXCEEDED: past the call's timeout
ResourceExhausted      RESOURCE_EXHAUSTED: e.g. a query scanning too much
Truncated              a query answer a server row limit cut short (after
                       the rows it has; ``rows`` tells how many)
KgError                anything else (``code`` tells)
=====================  =========================================
"""

from __future__ import annotations

import re
from typing import Optional

import grpc

_POSITION = re.compile(r"line (\d+), column (\d+)")
_BYTE_OFFSET = re.compile(r"at byte (\d+)")
# How gRPC's client describes a connection it could not make (as opposed to a
# service that answered UNAVAILABLE itself, e.g. the extractor whose graph is
# down).
_CONNECT_FAILURES = ("failed to connect", "dns resolution failed", "connection refused")


class KgError(Exception):
    """A failed kg call.

    ``code`` is the ``grpc.StatusCode``; ``details`` the server's message;
    ``address`` the service called; ``str(error)`` reads
    ``"CODE: details"`` with the address where it helps.
    """

    def __init__(
        self,
        code: grpc.StatusCode,
        details: str,
        *,
        address: str = "",
        message: Optional[str] = None,
    ) -> None:
        self.code = code
        self.details = details
        self.address = address
        super().__init__(message or f"{code.name}: {details}")


class InvalidArgument(KgError):
    """The request was rejected as malformed (INVALID_ARGUMENT)."""


class InvalidQuery(InvalidArgument):
    """A malformed query. ``line`` and ``column`` (1-based) locate the
    problem when the server names them, else they are None."""

    def __init__(self, code: grpc.StatusCode, details: str, **kwargs: str) -> None:
        super().__init__(code, details, **kwargs)
        match = _POSITION.search(details)
        self.line: Optional[int] = int(match.group(1)) if match else None
        self.column: Optional[int] = int(match.group(2)) if match else None


class InvalidDocument(InvalidArgument):
    """A document the extractor refuses: empty, too large, not UTF-8.
    ``byte_offset`` is the first invalid byte for invalid UTF-8, else None."""

    def __init__(self, code: grpc.StatusCode, details: str, **kwargs: str) -> None:
        super().__init__(code, details, **kwargs)
        match = _BYTE_OFFSET.search(details)
        self.byte_offset: Optional[int] = int(match.group(1)) if match else None


class NotFound(KgError):
    """The entity or document is not in the graph (NOT_FOUND)."""


class Unavailable(KgError):
    """The service could not be reached (UNAVAILABLE). The message names the
    address; for an ingest it may be the graph behind the extractor."""


class DeadlineExceeded(KgError):
    """The call ran past its timeout (DEADLINE_EXCEEDED)."""


class ResourceExhausted(KgError):
    """The server refused the work as too large (RESOURCE_EXHAUSTED)."""


class Truncated(KgError):
    """A server row limit (its default when neither ``limit`` nor the query's
    LIMIT says, or its ``--max_row_limit``) cut the answer: more rows exist.
    Raised by ``iter_query`` after the last row it has (``query`` raises
    before returning); ``rows`` is how many were returned. Pass a ``limit``
    (or a LIMIT in the query) to get more, or ``allow_truncated=True`` to
    take the cut answer without an exception."""

    def __init__(self, rows: int) -> None:
        super().__init__(
            grpc.StatusCode.OK,
            f"the answer was cut at the server's row limit after {rows} rows",
            message=(
                f"answer cut at the server's row limit after {rows} rows; "
                "more exist (pass limit=N or LIMIT N, or allow_truncated=True)"
            ),
        )
        self.rows = rows


_BY_CODE = {
    grpc.StatusCode.INVALID_ARGUMENT: InvalidArgument,
    grpc.StatusCode.NOT_FOUND: NotFound,
    grpc.StatusCode.UNAVAILABLE: Unavailable,
    grpc.StatusCode.DEADLINE_EXCEEDED: DeadlineExceeded,
    grpc.StatusCode.RESOURCE_EXHAUSTED: ResourceExhausted,
}


def from_rpc_error(
    error: grpc.RpcError,
    *,
    service: str,
    address: str,
    invalid_argument: type = InvalidArgument,
) -> KgError:
    """Translates a gRPC error from ``service`` at ``address`` into a KgError.

    ``invalid_argument`` is the class for INVALID_ARGUMENT (InvalidQuery for
    queries, InvalidDocument for extraction).
    """
    code = error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN
    details = (error.details() if hasattr(error, "details") else None) or str(error)
    if code == grpc.StatusCode.INVALID_ARGUMENT:
        return invalid_argument(code, details, address=address)
    cls = _BY_CODE.get(code, KgError)
    message = None
    if cls is Unavailable:
        if details.lower().startswith(_CONNECT_FAILURES):
            message = f"UNAVAILABLE: cannot reach the {service} service at {address} ({details})"
        else:
            message = f"UNAVAILABLE: the {service} service at {address}: {details}"
    elif cls is DeadlineExceeded:
        message = f"DEADLINE_EXCEEDED: the {service} service at {address}: {details}"
    return cls(code, details, address=address, message=message)
