"""The Tradeflows client: GraphQL queries, every page of a connection, streamed exports and flow tables.

Standard library only; pandas, polars, pyarrow and tqdm are used when they are installed (``pip install
"./clients/python[all]"``), never required.
"""
from __future__ import annotations

import csv
import http.client
import io
import json
import os
import random
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from email.message import Message
from typing import Any, Callable, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union

from .errors import IncompleteExportError, RateLimitedError, ServiceUnavailableError, TradeflowsError, error_for

__all__ = ["Tradeflows", "ExportResult", "EXPORTS", "FORMATS"]

#: The tables ``/export/{kind}.{format}`` serves, and the GraphQL filter input each takes.
EXPORTS: Dict[str, str] = {
    "shipments": "FlowFilter",
    "flows": "FlowFilter",
    "trade-volumes": "TradeVolumeFilter",
    "companies": "CompanyFilter",
    "findings": "FindingFilter",
}
#: Export formats.
FORMATS = ("csv", "ndjson")

_RETRIED_STATUSES = (429, 502, 503, 504)
_TRAILER_KEY = "_trailer"
_CHUNK = 1 << 16


@dataclass(frozen=True)
class ExportResult:
    """A finished export on disk.

    Attributes:
        path: the file written.
        rows: data rows in it (the header and NDJSON's trailer line not counted).
        release: the data release the export was cut from (``X-Tradeflows-Release``).
        format: ``csv`` or ``ndjson``.
        bytes: size of the file.
    """

    path: str
    rows: int
    release: Optional[str]
    format: str
    bytes: int


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


def _filter(filter: Optional[Mapping[str, Any]], extra: Mapping[str, Any]) -> Dict[str, Any]:
    """A GraphQL filter from a dict and/or keyword arguments; snake_case keywords become camelCase fields."""
    merged: Dict[str, Any] = dict(filter or {})
    for key, value in extra.items():
        if value is not None:
            merged[_camel(key)] = value
    return merged


def _retry_after(headers: Optional[Message]) -> Optional[float]:
    if headers is None:
        return None
    value = headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


class Tradeflows:
    """A connection to one Tradeflows service.

    Args:
        url: the service's base address, e.g. ``http://localhost:8080`` (default: ``$TRADEFLOWS_URL``).
        key: an API key (default: ``$TRADEFLOWS_API_KEY``); anonymous when there is none.
        timeout: seconds to wait for an answer (exports: between two reads).
        retries: how many times a request answered 429, 502, 503 or 504, or cut off before its answer, is tried
            again. ``Retry-After`` is honoured; otherwise the wait doubles from ``backoff`` seconds, with jitter.
        backoff: the first wait, in seconds, when the service did not say how long.
        max_wait: the longest single wait, in seconds; a longer ``Retry-After`` raises at once.

    Example::

        tf = Tradeflows("http://localhost:8080")
        data = tf.query("{ currentRelease { key } }")
    """

    def __init__(self, url: Optional[str] = None, key: Optional[str] = None, *, timeout: float = 60.0,
                 retries: int = 4, backoff: float = 0.5, max_wait: float = 60.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        url = url or os.environ.get("TRADEFLOWS_URL") or "http://localhost:8080"
        self.url = url.rstrip("/")
        self.key = key if key is not None else os.environ.get("TRADEFLOWS_API_KEY")
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_wait = max_wait
        self._sleep = sleep

    # -- HTTP ------------------------------------------------------------------------------------------------------

    def _headers(self, accept: str, content_type: Optional[str] = None) -> Dict[str, str]:
        h = {"Accept": accept, "User-Agent": "tradeflows-python/0.1"}
        if content_type:
            h["Content-Type"] = content_type
        if self.key:
            h["Authorization"] = "Bearer " + self.key
        return h

    def _open(self, request: urllib.request.Request) -> http.client.HTTPResponse:
        """Opens a request, retrying what may be retried; raises the typed error of a refusal."""
        attempt = 0
        while True:
            try:
                return urllib.request.urlopen(request, timeout=self.timeout)  # noqa: S310 - the caller's own service
            except urllib.error.HTTPError as e:
                body = e.read()
                wait = _retry_after(e.headers)
                if e.code in _RETRIED_STATUSES and attempt < self.retries:
                    attempt += 1
                    self._wait(attempt, wait)
                    continue
                raise self._refusal(e.code, body, wait) from None
            except (urllib.error.URLError, ConnectionError, http.client.RemoteDisconnected) as e:
                if attempt < self.retries:
                    attempt += 1
                    self._wait(attempt, None)
                    continue
                reason = getattr(e, "reason", e)
                raise ServiceUnavailableError("SERVICE_UNAVAILABLE", f"no answer from {self.url}: {reason}") from None

    def _wait(self, attempt: int, retry_after: Optional[float]) -> None:
        if retry_after is not None:
            if retry_after > self.max_wait:
                raise RateLimitedError("RATE_LIMITED", f"the service asked to wait {retry_after:g} s, more than "
                                       f"max_wait={self.max_wait:g}", retry_after=retry_after)
            self._sleep(retry_after)
            return
        delay = min(self.max_wait, self.backoff * (2 ** (attempt - 1)))
        self._sleep(delay * (0.5 + random.random() / 2))

    @staticmethod
    def _refusal(status: int, body: bytes, retry_after: Optional[float]) -> TradeflowsError:
        try:
            answer = json.loads(body.decode("utf-8"))
            errors = answer.get("errors") if isinstance(answer, dict) else None
        except (ValueError, UnicodeDecodeError):
            errors = None
        if not errors:
            errors = [{"message": f"HTTP {status} without a coded error", "extensions": {"code": "INTERNAL"}}]
        return error_for(errors, status=status, data=None, retry_after=retry_after)

    # -- GraphQL ---------------------------------------------------------------------------------------------------

    def query(self, document: str, variables: Optional[Mapping[str, Any]] = None,
              operation_name: Optional[str] = None) -> Dict[str, Any]:
        """Runs a query (or mutation) and returns its ``data``.

        Raises:
            TradeflowsError: a subclass per ``extensions.code`` (e.g. :class:`~tradeflows.errors.BadUserInputError`)
                when the answer has errors; its ``data`` holds what came back beside them.
        """
        payload: Dict[str, Any] = {"query": document}
        if variables:
            payload["variables"] = dict(variables)
        if operation_name:
            payload["operationName"] = operation_name
        request = urllib.request.Request(self.url + "/graphql", data=json.dumps(payload).encode("utf-8"),
                                         headers=self._headers("application/graphql-response+json, application/json",
                                                               "application/json"), method="POST")
        with self._open(request) as response:
            answer = json.load(response)
        if answer.get("errors"):
            raise error_for(answer["errors"], status=200, data=answer.get("data"))
        return answer["data"]

    def paginate(self, document: str, variables: Optional[Mapping[str, Any]] = None, *,
                 path: Optional[Union[str, Sequence[str]]] = None, page_size: int = 100) -> Iterator[Dict[str, Any]]:
        """Yields every node of a connection, page after page.

        The document declares ``$first: Int`` and ``$after: String`` and passes them to the connection. ``path``
        names the connection in ``data`` (``"shipments"``, ``"company.shipments"``); without it, the one connection
        of the answer is used.

        Example::

            doc = '''query($first: Int, $after: String, $filter: FlowFilter) {
              shipments(first: $first, after: $after, filter: $filter) {
                edges { node { id valueEur } } pageInfo { hasNextPage endCursor } } }'''
            for shipment in tf.paginate(doc, {"filter": {"supplierCountries": ["CN"]}}):
                ...
        """
        after: Optional[str] = None
        keys = tuple(path.split(".")) if isinstance(path, str) else tuple(path) if path else None
        while True:
            data = self.query(document, {**(variables or {}), "first": page_size, "after": after})
            connection = self._connection(data, keys)
            for edge in connection.get("edges") or []:
                yield edge["node"]
            info = connection.get("pageInfo") or {}
            if not info.get("hasNextPage"):
                return
            after = info.get("endCursor")
            if after is None:
                raise TradeflowsError("INTERNAL", "the connection says it has a next page but gives no endCursor")

    @staticmethod
    def _connection(data: Dict[str, Any], keys: Optional[Tuple[str, ...]]) -> Dict[str, Any]:
        if keys:
            node: Any = data
            for k in keys:
                node = node.get(k) if isinstance(node, dict) else None
            if not isinstance(node, dict):
                raise ValueError(f"no connection at {'.'.join(keys)} in the answer")
            return node
        found: List[Dict[str, Any]] = []

        def walk(value: Any) -> None:
            if isinstance(value, dict):
                if "edges" in value and "pageInfo" in value:
                    found.append(value)
                    return
                for v in value.values():
                    walk(v)

        walk(data)
        if len(found) != 1:
            raise ValueError(f"the answer holds {len(found)} connections with edges and pageInfo; name one with path=")
        return found[0]

    def release(self) -> Optional[Dict[str, Any]]:
        """The data release the service answers from now: key, version, kind, release time and source."""
        data = self.query("{ currentRelease { id key version kind releasedAt source { key title citation } } }")
        return data["currentRelease"]

    # -- exports ---------------------------------------------------------------------------------------------------

    def _export_url(self, kind: str, format: str, filter: Optional[Mapping[str, Any]],
                    group_by: Optional[Sequence[str]]) -> str:
        if kind not in EXPORTS:
            raise ValueError(f"unknown export {kind!r}; one of {', '.join(EXPORTS)}")
        if format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; one of {', '.join(FORMATS)}")
        params: Dict[str, str] = {}
        if filter:
            params["filter"] = json.dumps(filter)
        if group_by:
            params["groupBy"] = ",".join(d.upper() for d in group_by)
        query = "?" + urllib.parse.urlencode(params) if params else ""
        return f"{self.url}/export/{kind}.{format}{query}"

    def export(self, kind: str, filter: Optional[Mapping[str, Any]] = None, format: str = "csv",
               path: Optional[str] = None, *, group_by: Optional[Sequence[str]] = None,
               progress: Optional[bool] = None) -> ExportResult:
        """Streams an export to disk and checks it is complete.

        Args:
            kind: ``shipments``, ``flows``, ``trade-volumes``, ``companies`` or ``findings``.
            filter: the same filter as the GraphQL input type (e.g. ``{"supplierCountries": ["CN"]}``).
            format: ``csv`` or ``ndjson``.
            path: the file to write (default ``tradeflows-{kind}.{format}`` in the current folder).
            group_by: for ``flows``: FlowDimension names, e.g. ``["HS4", "YEAR"]``.
            progress: show a progress bar on stderr (default: when stderr is a terminal); tqdm's when installed.

        The file is written beside its final name and moved there only when the export ended complete (NDJSON's
        trailer line present and counted right; no connection cut), so a failed export never leaves a file that looks
        whole.

        Raises:
            IncompleteExportError: the export was cut off or its trailer is missing or wrong.
        """
        path = path or f"tradeflows-{kind}.{format}"
        request = urllib.request.Request(self._export_url(kind, format, filter, group_by),
                                         headers=self._headers("text/csv" if format == "csv" else "application/x-ndjson"))
        partial = path + ".part"
        written = 0
        show = sys.stderr.isatty() if progress is None else progress
        bar = _Progress(kind, show)
        try:
            with self._open(request) as response, open(partial, "wb") as out:
                release = response.headers.get("X-Tradeflows-Release")
                while True:
                    try:
                        chunk = response.read(_CHUNK)
                    except (http.client.IncompleteRead, ConnectionError, OSError) as e:
                        raise IncompleteExportError("INCOMPLETE_EXPORT", f"the export of {kind} was cut off after "
                                                    f"{written} bytes ({e.__class__.__name__}); nothing was kept") from None
                    if not chunk:
                        break
                    out.write(chunk)
                    written += len(chunk)
                    bar.update(len(chunk))
        except BaseException:
            bar.close()
            if os.path.exists(partial):
                os.remove(partial)
            raise
        bar.close()
        try:
            rows = _count_rows(partial, format)
        except IncompleteExportError:
            os.remove(partial)
            raise
        os.replace(partial, path)
        return ExportResult(path=path, rows=rows, release=release, format=format, bytes=written)

    def flows(self, group_by: Sequence[str] = (), filter: Optional[Mapping[str, Any]] = None, *,
              as_frame: Optional[str] = None, **filter_fields: Any) -> Any:
        """Company-level flows summed by the database, one row per group, every group (not one page).

        Args:
            group_by: FlowDimension names, e.g. ``["SUPPLIER_COUNTRY", "HS4", "YEAR"]``; none for the grand total.
            filter: a FlowFilter as a dict; keyword arguments add fields in snake_case
                (``supplier_countries=["CN"], period_from="2023-01-01", include_synthetic=True``).
            as_frame: ``"pandas"``, ``"polars"`` or ``"rows"``; by default a pandas DataFrame when pandas is installed,
                else a polars one when polars is, else a list of dicts.

        Columns are the export's (``/export/flows``): the group keys, then ``value_eur``, ``value_usd``,
        ``value_qualifier``, ``shipment_count``, ... Values keep their exact decimal text in rows, and become floats
        in DataFrames.
        """
        flt = _filter(filter, filter_fields)
        request = urllib.request.Request(self._export_url("flows", "ndjson", flt, list(group_by)),
                                         headers=self._headers("application/x-ndjson"))
        try:
            with self._open(request) as response:
                text = response.read().decode("utf-8")
        except (http.client.IncompleteRead, ConnectionError) as e:
            raise IncompleteExportError("INCOMPLETE_EXPORT", f"the flows table was cut off ({e.__class__.__name__})") from None
        rows = _ndjson_rows(io.StringIO(text))
        return _frame(rows, as_frame)


class _Progress:
    """Bytes received, on stderr: tqdm's bar when installed, else one line rewritten in place."""

    def __init__(self, label: str, show: bool) -> None:
        self.show = show
        self.total = 0
        self.started = time.monotonic()
        self.label = label
        self._tqdm = None
        if show:
            try:
                from tqdm import tqdm  # type: ignore

                self._tqdm = tqdm(unit="B", unit_scale=True, desc=label, file=sys.stderr)
            except ImportError:
                pass

    def update(self, n: int) -> None:
        self.total += n
        if not self.show:
            return
        if self._tqdm is not None:
            self._tqdm.update(n)
            return
        rate = self.total / max(1e-6, time.monotonic() - self.started)
        sys.stderr.write(f"\r{self.label}: {self.total / 1e6:,.1f} MB ({rate / 1e6:,.1f} MB/s)")

    def close(self) -> None:
        if not self.show:
            return
        if self._tqdm is not None:
            self._tqdm.close()
        else:
            sys.stderr.write("\n")


def _ndjson_rows(lines: io.TextIOBase) -> List[Dict[str, Any]]:
    """The data rows of an NDJSON export, checked against its trailer line."""
    rows: List[Dict[str, Any]] = []
    trailer = None
    for line in lines:
        if not line.strip():
            continue
        obj = json.loads(line, parse_float=str)
        if _TRAILER_KEY in obj:
            trailer = obj[_TRAILER_KEY]
            continue
        if trailer is not None:
            raise IncompleteExportError("INCOMPLETE_EXPORT", "rows follow the NDJSON trailer line")
        rows.append(obj)
    if trailer is None or not trailer.get("complete"):
        raise IncompleteExportError("INCOMPLETE_EXPORT", "the NDJSON export has no trailer line: it is incomplete")
    if int(trailer.get("rows", -1)) != len(rows):
        raise IncompleteExportError("INCOMPLETE_EXPORT", f"the trailer counts {trailer.get('rows')} rows, the file "
                                    f"holds {len(rows)}")
    return rows


def _count_rows(path: str, format: str) -> int:
    with open(path, encoding="utf-8", newline="") as f:
        if format == "ndjson":
            return len(_ndjson_rows(f))
        reader = csv.reader(f)
        if next(reader, None) is None:
            raise IncompleteExportError("INCOMPLETE_EXPORT", "the CSV export has no header row")
        return sum(1 for _ in reader)


_NUMBER = re.compile(r"^-?\d+(\.\d+)?([eE][-+]?\d+)?$")


def _frame(rows: List[Dict[str, Any]], as_frame: Optional[str]) -> Any:
    if as_frame == "rows":
        return rows
    if as_frame in (None, "pandas"):
        try:
            import pandas as pd  # type: ignore

            frame = pd.DataFrame(rows)
            for column in frame.columns:
                values = frame[column].dropna()
                if len(values) and all(isinstance(v, str) and _NUMBER.match(v) for v in values):
                    frame[column] = pd.to_numeric(frame[column])
            return frame
        except ImportError:
            if as_frame == "pandas":
                raise
    if as_frame in (None, "polars"):
        try:
            import polars as pl  # type: ignore

            return pl.DataFrame(rows)
        except ImportError:
            if as_frame == "polars":
                raise
    if as_frame not in (None, "rows", "pandas", "polars"):
        raise ValueError(f"as_frame must be 'pandas', 'polars' or 'rows', not {as_frame!r}")
    return rows
