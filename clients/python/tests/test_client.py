"""Tests of the Tradeflows client.

The live tests run against a running service named by $TRADEFLOWS_URL, holding generated shipments of the source
$TF_SOURCE ($TF_EXPECTED_SHIPMENTS of them, summing to EUR $TF_EXPECTED_EUR, as counted in SQL by the caller);
they are skipped when those are not set. The service's own test suite runs them (PythonClientTest). The protocol tests
(retries, cut exports) run against small local servers and need nothing.

    TRADEFLOWS_URL=http://localhost:8080 TF_SOURCE=... python3 -m unittest discover -s clients/python/tests -v
"""
from __future__ import annotations

import json
import os
import tempfile
import threading
import unittest
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, List

from tradeflows import (BadUserInputError, GraphQLDocumentError, IncompleteExportError, RateLimitedError, Tradeflows)

URL = os.environ.get("TRADEFLOWS_URL")
SOURCE = os.environ.get("TF_SOURCE")
LIVE = bool(URL and SOURCE)

SHIPMENTS = """
query Page($first: Int, $after: String, $filter: FlowFilter) {
  shipments(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { node { id valueEur } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


@unittest.skipUnless(LIVE, "needs TRADEFLOWS_URL and TF_SOURCE (a running service with generated shipments)")
class LiveServiceTest(unittest.TestCase):

    def setUp(self) -> None:
        self.tf = Tradeflows(URL)
        self.filter = {"sources": [SOURCE], "includeSynthetic": True}
        self.expected = int(os.environ["TF_EXPECTED_SHIPMENTS"])
        self.expected_eur = Decimal(os.environ["TF_EXPECTED_EUR"])
        self.dir = tempfile.mkdtemp(prefix="tradeflows-client-")

    def test_query_returns_data_and_the_release(self) -> None:
        data = self.tf.query("query($f: FlowFilter) { shipments(filter: $f, first: 1) { totalCount } }", {"f": self.filter})
        self.assertEqual(int(data["shipments"]["totalCount"]), self.expected)
        release = self.tf.release()
        self.assertTrue(release["key"])

    def test_a_bad_filter_raises_a_typed_error_with_the_code(self) -> None:
        with self.assertRaises(BadUserInputError) as caught:
            self.tf.query("{ shipments(filter: {periodFrom: \"2023-13-45\"}) { totalCount } }")
        self.assertEqual(caught.exception.code, "BAD_USER_INPUT")
        self.assertIn("periodFrom", caught.exception.message)

    def test_a_misspelt_field_raises_a_document_error(self) -> None:
        with self.assertRaises(GraphQLDocumentError) as caught:
            self.tf.query("{ shipmentz { totalCount } }")
        self.assertEqual(caught.exception.code, "GRAPHQL_VALIDATION_FAILED")
        self.assertEqual(caught.exception.status, 400)

    def test_paginate_yields_every_node_once(self) -> None:
        ids: List[str] = [n["id"] for n in self.tf.paginate(SHIPMENTS, {"filter": self.filter}, page_size=37)]
        self.assertEqual(len(ids), self.expected)
        self.assertEqual(len(set(ids)), self.expected)

    def test_exports_stream_to_disk_complete_with_their_release(self) -> None:
        release = self.tf.release()["key"]
        for fmt in ("csv", "ndjson"):
            path = os.path.join(self.dir, "shipments." + fmt)
            result = self.tf.export("shipments", self.filter, format=fmt, path=path, progress=False)
            self.assertEqual(result.rows, self.expected, fmt)
            self.assertEqual(result.release, release)
            self.assertTrue(os.path.exists(path))
            self.assertFalse(os.path.exists(path + ".part"))
            self.assertEqual(os.path.getsize(path), result.bytes)

    def test_flows_sums_match_the_database(self) -> None:
        rows = self.tf.flows(["HS2"], sources=[SOURCE], include_synthetic=True, as_frame="rows")
        self.assertGreater(len(rows), 1)
        self.assertEqual(sum(int(r["shipment_count"]) for r in rows), self.expected)
        self.assertEqual(sum(Decimal(r["value_eur"]) for r in rows if r["value_eur"] is not None), self.expected_eur)

    def test_flows_as_a_dataframe_when_pandas_is_installed(self) -> None:
        try:
            import pandas  # noqa: F401
        except ImportError:
            self.skipTest("pandas is not installed")
        frame = self.tf.flows(["HS2"], {"sources": [SOURCE], "includeSynthetic": True})
        self.assertEqual(int(frame["shipment_count"].sum()), self.expected)


class _Script:
    """A local HTTP server that answers each request with the next of a list of handlers."""

    def __init__(self, *answers: Callable[[BaseHTTPRequestHandler], None]) -> None:
        self.answers = list(answers)
        self.requests = 0
        script = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                answer = script.answers[min(script.requests, len(script.answers) - 1)]
                script.requests += 1
                answer(self)

            do_GET = _any
            do_POST = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _json(status: int, body: Any, **headers: str) -> Callable[[BaseHTTPRequestHandler], None]:
    def answer(h: BaseHTTPRequestHandler) -> None:
        data = json.dumps(body).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            h.send_header(k.replace("_", "-"), v)
        h.end_headers()
        h.wfile.write(data)
    return answer


LIMITED = {"errors": [{"message": "Too many requests; retry in 2 s", "extensions": {"code": "RATE_LIMITED"}}]}
UNAVAILABLE = {"errors": [{"message": "The database is unavailable", "extensions": {"code": "SERVICE_UNAVAILABLE"}}]}


class ProtocolTest(unittest.TestCase):

    def setUp(self) -> None:
        self.slept: List[float] = []

    def client(self, url: str, **kwargs: Any) -> Tradeflows:
        return Tradeflows(url, sleep=self.slept.append, **kwargs)

    def test_retry_after_is_honoured_on_429(self) -> None:
        server = _Script(_json(429, LIMITED, Retry_After="2"), _json(429, LIMITED, Retry_After="3"),
                         _json(200, {"data": {"ok": 1}}))
        self.addCleanup(server.close)
        self.assertEqual(self.client(server.url).query("{ ok }"), {"ok": 1})
        self.assertEqual(self.slept, [2.0, 3.0])
        self.assertEqual(server.requests, 3)

    def test_rate_limited_is_raised_when_the_retries_are_spent(self) -> None:
        server = _Script(_json(429, LIMITED, Retry_After="1"))
        self.addCleanup(server.close)
        with self.assertRaises(RateLimitedError) as caught:
            self.client(server.url, retries=2).query("{ ok }")
        self.assertEqual(caught.exception.retry_after, 1.0)
        self.assertEqual(caught.exception.status, 429)
        self.assertEqual(server.requests, 3)

    def test_503_backs_off_exponentially_without_retry_after(self) -> None:
        server = _Script(_json(503, UNAVAILABLE), _json(503, UNAVAILABLE), _json(200, {"data": {"ok": 2}}))
        self.addCleanup(server.close)
        self.assertEqual(self.client(server.url, backoff=1.0).query("{ ok }"), {"ok": 2})
        self.assertEqual(len(self.slept), 2)
        self.assertTrue(0.5 <= self.slept[0] <= 1.0, self.slept)
        self.assertTrue(1.0 <= self.slept[1] <= 2.0, self.slept)

    def test_a_cut_export_raises_and_leaves_no_file(self) -> None:
        def cut(h: BaseHTTPRequestHandler) -> None:
            h.send_response(200)
            h.send_header("Content-Type", "application/x-ndjson")
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            line = b'{"id":"U2hpcG1lbnQ6MQ==","value":"1.5"}\n'
            h.wfile.write(b"%x\r\n%s\r\n" % (len(line), line))
            h.wfile.write(b"40\r\n{\"id\":\"cut mid")  # a chunk announced and never finished
            h.wfile.flush()
            h.close_connection = True
            h.connection.shutdown(2)

        server = _Script(cut)
        self.addCleanup(server.close)
        path = os.path.join(tempfile.mkdtemp(), "cut.ndjson")
        with self.assertRaises(IncompleteExportError):
            self.client(server.url).export("shipments", format="ndjson", path=path, progress=False)
        self.assertFalse(os.path.exists(path))
        self.assertFalse(os.path.exists(path + ".part"))

    def test_an_ndjson_export_without_its_trailer_is_incomplete(self) -> None:
        def no_trailer(h: BaseHTTPRequestHandler) -> None:
            body = b'{"id":"a"}\n{"id":"b"}\n'
            h.send_response(200)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)

        server = _Script(no_trailer)
        self.addCleanup(server.close)
        path = os.path.join(tempfile.mkdtemp(), "short.ndjson")
        with self.assertRaises(IncompleteExportError):
            self.client(server.url).export("shipments", format="ndjson", path=path, progress=False)
        self.assertFalse(os.path.exists(path))

    def test_keyword_filters_become_graphql_fields(self) -> None:
        seen: List[str] = []

        def flows(h: BaseHTTPRequestHandler) -> None:
            seen.append(h.path)
            body = b'{"hs2":"84","value_eur":"10.50","shipment_count":2}\n{"_trailer":{"rows":1,"complete":true}}\n'
            h.send_response(200)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)

        server = _Script(flows)
        self.addCleanup(server.close)
        rows = self.client(server.url).flows(["hs2"], supplier_countries=["CN"], period_from="2023-01-01", as_frame="rows")
        self.assertEqual(rows, [{"hs2": "84", "value_eur": "10.50", "shipment_count": 2}])
        self.assertIn("groupBy=HS2", seen[0])
        self.assertIn("supplierCountries", seen[0])
        self.assertIn("periodFrom", seen[0])


if __name__ == "__main__":
    unittest.main()
