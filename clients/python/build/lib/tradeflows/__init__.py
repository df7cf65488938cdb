"""Tradeflows: trade in goods between countries and companies, from a national total to a single shipment.

    from tradeflows import Tradeflows
    tf = Tradeflows("http://localhost:8080")              # key=... or $TRADEFLOWS_API_KEY for higher limits
    tf.query("{ currentRelease { key } }")
    for s in tf.paginate(SHIPMENTS_QUERY, {"filter": {"supplierCountries": ["CN"]}}): ...
    tf.export("shipments", {"supplierCountries": ["CN"]}, format="csv", path="shipments.csv")
    tf.flows(["HS4", "YEAR"], supplier_countries=["CN"], recipient_countries=["RU"])
"""
from .client import EXPORTS, FORMATS, ExportResult, Tradeflows
from .errors import (BadUserInputError, ForbiddenError, GraphQLDocumentError, IncompleteExportError, InternalError,
                     NotFoundError, QueryTooComplexError, RateLimitedError, ServiceUnavailableError, TimeoutError,
                     TradeflowsError, UnauthenticatedError)

__version__ = "0.1.0"
__all__ = [
    "Tradeflows", "ExportResult", "EXPORTS", "FORMATS", "TradeflowsError", "BadUserInputError", "GraphQLDocumentError",
    "NotFoundError", "UnauthenticatedError", "ForbiddenError", "RateLimitedError", "QueryTooComplexError",
    "TimeoutError", "ServiceUnavailableError", "InternalError", "IncompleteExportError",
]
