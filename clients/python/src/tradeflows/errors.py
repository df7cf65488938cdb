"""Typed errors: one class per ``extensions.code`` the service answers with, all under :class:`TradeflowsError`.

Catch the base class for any refusal, or a subclass for one kind::

    try:
        tf.query(doc, {"filter": {"supplierCountries": ["XX"]}})
    except BadUserInputError as e:
        print(e.code, e.message)   # BAD_USER_INPUT  filter.supplierCountries[0]: ...
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Type


class TradeflowsError(Exception):
    """A refusal or failure, as the service coded it.

    Attributes:
        code: the ``extensions.code`` of the first error (``BAD_USER_INPUT``, ``RATE_LIMITED``, ...).
        message: its message, in the service's words.
        errors: every error object of the answer, as sent.
        status: the HTTP status of the answer (``None`` when no answer came).
        data: the partial ``data`` of a GraphQL answer that carried both data and errors.
    """

    def __init__(self, code: str, message: str, errors: Optional[List[Dict[str, Any]]] = None,
                 status: Optional[int] = None, data: Any = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.errors = errors or [{"message": message, "extensions": {"code": code}}]
        self.status = status
        self.data = data


class BadUserInputError(TradeflowsError):
    """An argument, filter or file is wrong (``BAD_USER_INPUT``); the message names it and says why."""


class GraphQLDocumentError(TradeflowsError):
    """The query text does not parse or does not fit the schema (``GRAPHQL_PARSE_FAILED``, ``GRAPHQL_VALIDATION_FAILED``)."""


class NotFoundError(TradeflowsError):
    """An id, key or path names nothing (``NOT_FOUND``)."""


class UnauthenticatedError(TradeflowsError):
    """The key is missing where one is needed, unknown or revoked (``UNAUTHENTICATED``)."""


class ForbiddenError(TradeflowsError):
    """The key's role may not do this (``FORBIDDEN``)."""


class RateLimitedError(TradeflowsError):
    """Too many requests (``RATE_LIMITED``); raised only once the client's retries are spent.

    Attributes:
        retry_after: seconds the service asked to wait, when it said.
    """

    def __init__(self, *args: Any, retry_after: Optional[float] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.retry_after = retry_after


class QueryTooComplexError(TradeflowsError):
    """The query asks for more than the limits allow (``QUERY_TOO_COMPLEX``): ask for fewer fields or a smaller page."""


class TimeoutError(TradeflowsError):  # noqa: A001 - the service's code, scoped to this module
    """The query ran past the service's time budget and was cancelled (``TIMEOUT``)."""


class ServiceUnavailableError(TradeflowsError):
    """The service or its database is not available now (``SERVICE_UNAVAILABLE``); retried before it is raised."""


class InternalError(TradeflowsError):
    """The service failed (``INTERNAL``); the message carries a reference to its log."""


class IncompleteExportError(TradeflowsError):
    """An export ended before it was complete: the connection was cut or its trailer is missing. Nothing is kept."""


_BY_CODE: Dict[str, Type[TradeflowsError]] = {
    "BAD_USER_INPUT": BadUserInputError,
    "BAD_REQUEST": BadUserInputError,
    "GRAPHQL_PARSE_FAILED": GraphQLDocumentError,
    "GRAPHQL_VALIDATION_FAILED": GraphQLDocumentError,
    "NOT_FOUND": NotFoundError,
    "UNAUTHENTICATED": UnauthenticatedError,
    "FORBIDDEN": ForbiddenError,
    "RATE_LIMITED": RateLimitedError,
    "QUERY_TOO_COMPLEX": QueryTooComplexError,
    "TIMEOUT": TimeoutError,
    "SERVICE_UNAVAILABLE": ServiceUnavailableError,
    "INTERNAL": InternalError,
}


def error_for(errors: List[Dict[str, Any]], status: Optional[int] = None, data: Any = None,
              retry_after: Optional[float] = None) -> TradeflowsError:
    """The typed error for an answer's ``errors`` list (the first error decides the class)."""
    first = errors[0] if errors else {}
    code = str((first.get("extensions") or {}).get("code") or "INTERNAL")
    message = str(first.get("message") or "the service answered an error without a message")
    cls = _BY_CODE.get(code, TradeflowsError)
    if cls is RateLimitedError:
        return RateLimitedError(code, message, errors, status, data, retry_after=retry_after)
    return cls(code, message, errors, status, data)
