"""Loading an export into a triple store over the SPARQL 1.1 Graph Store Protocol.

Each named graph of the export replaces the graph of the same name in the store (HTTP
``PUT ?graph=<iri>`` for its first statements, ``POST`` for the rest, so the parts of a
build add up), so pushing twice leaves one copy. With ``graph=`` every statement goes
into that one graph instead; files without named graphs go to the store's default
graph (``PUT ?default``) unless ``graph=`` names one. A build's named graph that holds
no statement this time (no similar pair, ``--similarity none``) is emptied too (``PUT`` with
no statement): a graph left out of the push kept the statements of the previous one.

The files are read twice, streaming (pyoxigraph's parser): once to check them, so that
a broken file fails here rather than half-way into the store, then to send them as
N-Triples in chunks (HTTP chunked transfer encoding). Nothing is held in memory.
"""

from __future__ import annotations

import itertools
import os
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import StoreError, UsageError
from .formats import format_of
from .iri import IRIs
from .parts import RDF_DIR
from .query import rdf_files
from .triples import GRAPH_NAMES
from .vocab import VOID

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

    ``path`` is a build folder (its part files, N-Quads or TriG first, so the named
    graphs are kept) or one RDF file. ``endpoint`` is the store's Graph Store Protocol
    URL, e.g. ``http://localhost:7878/store`` for Oxigraph. A refused connection, a
    timeout or an HTTP error raises :class:`~qagraph.errors.StoreError` naming the
    endpoint; a file that is not valid RDF a :class:`~qagraph.errors.UsageError`.

    Example, with ``oxigraph serve`` running on its default port::

        push("build", "http://localhost:7878/store")   # -> 2022651
    """
    import pyoxigraph as ox

    if urllib.parse.urlsplit(endpoint).scheme not in ("http", "https"):
        raise UsageError(f"endpoint {endpoint!r} is not an http(s) URL")
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError as exc:
            raise UsageError(f"graph {graph!r} is not a valid IRI: {exc}") from None
    files = rdf_files(path)
    for file in files:
        try:
            with open(file, "rb") as handle:
                for _ in ox.parse(handle, format=format_of(file).ox):
                    pass
        except SyntaxError as exc:
            raise UsageError(f"not valid RDF: {exc}", path=str(file)) from None
    sent = 0
    seen: set[str | None] = set()
    for file in files:
        with open(file, "rb") as handle:
            quads = ox.parse(handle, format=format_of(file).ox)
            groups = ((None, quads),) if graph is not None else itertools.groupby(quads, key=_graph_of)
            for name, group in groups:
                target = graph if graph is not None else name
                counter = [0]
                body = _ntriples(group, counter)
                method = "POST" if target in seen else "PUT"  # later runs of a graph add to it
                seen.add(target)
                _send(endpoint, target, method, body, timeout, file)
                sent += counter[0]
    if graph is None and os.path.isdir(path) and files and format_of(files[0]).quads:
        for name in _graphs_of(Path(path)) - seen:  # a graph of the build with no statement: emptied
            _send(endpoint, name, "PUT", iter(()), timeout, files[0])
    return sent


def _graphs_of(folder: Path) -> set[str | None]:
    """The named graphs of the build in ``folder``: those its ``void.ttl`` lists, and the graphs
    qagraph names under its base IRI (``similarity`` when it was built with ``--similarity none``)."""
    import pyoxigraph as ox

    subset, space = str(VOID.subset), str(VOID.uriSpace)
    graphs: set[str | None] = set()
    try:
        with open(folder / RDF_DIR / "void.ttl", "rb") as handle:
            for triple in ox.parse(handle, format=ox.RdfFormat.TURTLE):
                if triple.predicate.value == subset and isinstance(triple.object, ox.NamedNode):
                    graphs.add(triple.object.value)
                elif triple.predicate.value == space and isinstance(triple.object, ox.Literal):
                    try:
                        iris = IRIs(triple.object.value)
                    except UsageError:
                        continue
                    graphs.update(iris.graph(name) for name in GRAPH_NAMES)
    except (OSError, SyntaxError):  # no description (files of an export alone), or a broken one
        pass
    return graphs


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
            yield bytes(ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES) or b"")
    except SyntaxError as exc:
        raise _BadFile(str(exc)) from None


class _BadFile(Exception):
    pass


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Redirects are not followed: urllib sent a redirected POST on as a GET without its data (to
    any host), and the push said the triples were sent. A redirect is an HTTPError, said as one."""

    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> None:
        return None


#: an opener that follows no redirect (:class:`_NoRedirect`); the SPARQL endpoint's queries use it too
NO_REDIRECTS = urllib.request.build_opener(_NoRedirect)
#: the most of a store's answer read: Graph Store answers are empty or a line of JSON; one without end
#: (a server that streams) was read until it stopped
_ANSWER_BYTES = 64 * 1024


def _send(endpoint: str, graph: str | None, method: str, body: Iterator[bytes], timeout: float, file: Any) -> None:
    query = "default" if graph is None else "graph=" + urllib.parse.quote(graph, safe="")
    url = endpoint + ("&" if "?" in endpoint else "?") + query
    request = urllib.request.Request(
        url, data=body, method=method, headers={"Content-Type": "application/n-triples"}
    )  # an iterable body without a length goes out with chunked transfer encoding
    where = f"{method} {url}"
    try:
        with NO_REDIRECTS.open(request, timeout=timeout) as response:
            kind = response.headers.get_content_type()
            response.read(_ANSWER_BYTES)
    except _BadFile as exc:
        raise UsageError(f"not valid RDF: {exc}", path=str(file)) from None
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            moved = exc.headers.get("Location") if exc.headers else None
            raise StoreError(f"{where} failed: HTTP {exc.code} {exc.reason}, a redirect "
                             + (f"to {moved}" if moved else "without a Location") + ": redirects are not followed "
                             "(the data would go elsewhere, or be dropped); give the store's own URL as the endpoint"
                             ) from None
        detail = exc.read(2000).decode("utf-8", "replace").strip()
        raise StoreError(
            f"{where} failed: HTTP {exc.code} {exc.reason}" + (f": {detail}" if detail else "")
        ) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, ConnectionRefusedError):
            raise StoreError(f"cannot connect to {endpoint}: connection refused (is the triple store running?)") from None
        if isinstance(reason, _BadFile):
            raise UsageError(f"not valid RDF: {reason}", path=str(file)) from None
        if isinstance(reason, (BrokenPipeError, ConnectionResetError)):
            raise StoreError(f"{where}: the store closed the connection while the data was sent ({reason})") from None
        raise StoreError(f"cannot reach {endpoint}: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise StoreError(f"{where}: no answer within {timeout:g} s") from None
    except (ConnectionError, OSError) as exc:
        raise StoreError(f"{where} failed: {exc}") from None
    if kind in ("text/html", "application/xhtml+xml"):  # a web page (a login, a proxy's), not a store's answer
        raise StoreError(f"{where}: the answer is a web page ({kind}), not a Graph Store's: is {endpoint} the "
                         "store's Graph Store Protocol URL (Oxigraph: http://HOST:7878/store)? The data may not "
                         "have been stored")
