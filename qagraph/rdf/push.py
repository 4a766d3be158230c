"""Loading an export into a triple store over the SPARQL 1.1 Graph Store Protocol.

Each named graph of the file replaces the graph of the same name in the store (HTTP
``PUT ?graph=<iri>``), so pushing twice leaves one copy. With ``graph=`` every statement
goes into that one graph instead; a file without named graphs goes to the store's
default graph (``PUT ?default``) unless ``graph=`` names one.

The file is read twice, streaming (pyoxigraph's parser): once to check it, so that a
broken file fails here rather than half-way into the store, then to send it as N-Triples
in chunks (HTTP chunked transfer encoding). Nothing is held in memory.
"""

from __future__ import annotations

import itertools
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import QagraphError
from .query import RDF_SUFFIXES, rdf_file

__all__ = ["push"]

_BATCH = 20_000


def push(
    path: str | os.PathLike[str],
    endpoint: str,
    graph: str | None = None,
    *,
    timeout: float = 300.0,
) -> int:
    """Send the RDF at ``path`` to the Graph Store endpoint ``endpoint``; the number of triples sent.

    ``path`` is an RDF file or an export folder (its N-Quads or TriG file first, so the
    named graphs are kept). ``endpoint`` is the store's Graph Store Protocol URL, e.g.
    ``http://localhost:7878/store`` for Oxigraph. A refused connection, a timeout or an
    HTTP error raises :class:`~qagraph.errors.QagraphError` naming the endpoint.

    Example, with ``oxigraph serve`` running on its default port::

        push("build", "http://localhost:7878/store")   # -> 3782929
    """
    import pyoxigraph as ox

    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise QagraphError(f"endpoint {endpoint!r} is not an http(s) URL")
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError as exc:
            raise QagraphError(f"graph {graph!r} is not a valid IRI: {exc}") from None
    file = rdf_file(path)
    fmt = getattr(ox.RdfFormat, RDF_SUFFIXES[file.suffix])
    try:
        with open(file, "rb") as handle:
            for _ in ox.parse(handle, format=fmt):
                pass
    except SyntaxError as exc:
        raise QagraphError(f"not valid RDF: {exc}", path=str(file)) from None
    sent = 0
    seen: set[str] = set()
    with open(file, "rb") as handle:
        quads = ox.parse(handle, format=fmt)
        groups = ((None, quads),) if graph is not None else itertools.groupby(quads, key=_graph_of)
        for name, group in groups:
            target = graph if graph is not None else name
            counter = [0]
            body = _ntriples(group, counter)
            method = "POST" if target in seen else "PUT"  # later runs of a graph add to it
            seen.add(target)
            _send(endpoint, target, method, body, timeout, file)
            sent += counter[0]
    return sent


def _graph_of(quad: Any) -> str | None:
    import pyoxigraph as ox

    name = quad.graph_name
    return None if isinstance(name, ox.DefaultGraph) else name.value


def _ntriples(quads: Iterable[Any], counter: list[int]) -> Iterator[bytes]:
    """N-Triples bytes for ``quads``, in batches; counts them into ``counter[0]``."""
    import pyoxigraph as ox

    try:
        while True:
            batch = [q.triple for q in itertools.islice(quads, _BATCH)]
            if not batch:
                return
            counter[0] += len(batch)
            yield ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES)
    except SyntaxError as exc:
        raise _BadFile(str(exc)) from None


class _BadFile(Exception):
    pass


def _send(endpoint: str, graph: str | None, method: str, body: Iterator[bytes], timeout: float, file: Any) -> None:
    query = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
    url = endpoint + ("&" if "?" in endpoint else "?") + query
    request = urllib.request.Request(
        url, data=body, method=method, headers={"Content-Type": "application/n-triples"}
    )  # an iterable body without a length goes out with chunked transfer encoding
    where = f"{method} {url}"
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except _BadFile as exc:
        raise QagraphError(f"not valid RDF: {exc}", path=str(file)) from None
    except urllib.error.HTTPError as exc:
        detail = exc.read(2000).decode("utf-8", "replace").strip()
        raise QagraphError(
            f"{where} failed: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
        ) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ConnectionRefusedError):
            raise QagraphError(f"cannot connect to {endpoint}: connection refused (is the triple store running?)") from None
        if isinstance(reason, _BadFile):
            raise QagraphError(f"not valid RDF: {reason}", path=str(file)) from None
        if isinstance(reason, (BrokenPipeError, ConnectionResetError)):
            raise QagraphError(f"{where}: the store closed the connection while the data was sent ({reason})") from None
        raise QagraphError(f"cannot reach {endpoint}: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise QagraphError(f"{where}: no answer within {timeout:g} s") from None
    except (ConnectionError, OSError) as exc:
        raise QagraphError(f"{where} failed: {exc}") from None
