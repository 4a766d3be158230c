"""qagraph.rdf.shacl: every shape checked set-at-a-time on Oxigraph, agreeing with pySHACL; violations located."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from qagraph.cli import cli
from qagraph.errors import QagraphError
from qagraph.graph import build_graph
from qagraph.load import load_corpus as load
from qagraph.rdf import FORMATS, IRIs, validate, write_rdf
from qagraph.rdf.shacl import SHAPES, compile_shapes

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "rdf" / "hostile"
BASE = "https://example.org/kb/"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:rdflib")

QA, S, SKOS, DCT = "https://qagraph.example/ns#", "https://schema.org/", "http://www.w3.org/2004/02/skos/core#", "http://purl.org/dc/terms/"
A = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
X = "https://bad.example/"
QAS = "https://qagraph.example/shapes#"


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    graph, _ = build_graph(load(HOSTILE))
    return graph


def t(s: str, p: str, o: str) -> str:
    return f"{s} <{p}> {o} .\n"


def iri(x: str) -> str:
    return f"<{x}>"


def good_question(q: str, *, concept: str = X + "c") -> str:
    """A question that passes every check (so only what is planted beside it fails)."""
    return (t(iri(q), A, iri(S + "Question")) + t(iri(q), S + "name", '"n"') + t(iri(q), S + "text", '"t"')
            + t(iri(q), S + "about", iri(concept)) + t(iri(q), DCT + "subject", iri(concept)))


GOOD = (good_question(X + "q1") + good_question(X + "q2")
        + t(iri(X + "c"), A, iri(SKOS + "Concept")) + t(iri(X + "c"), SKOS + "prefLabel", '"c"')
        + t(iri(X + "c"), SKOS + "inScheme", iri(X + "scheme"))
        + t(iri(X + "scheme"), A, iri(SKOS + "ConceptScheme")) + t(iri(X + "scheme"), SKOS + "prefLabel", '"s"'))

#: (triples to add, expected (shape, focus, component, path) — path "" when none)
PLANTED: list[tuple[str, tuple[str, str, str, str]]] = [
    (t(iri(X + "q1"), S + "name", '"other"'), ("QuestionShape", X + "q1", "MaxCount", S + "name")),
    (t(iri(X + "q3"), A, iri(S + "Question")) + t(iri(X + "q3"), S + "about", iri(X + "c"))
     + t(iri(X + "q3"), DCT + "subject", iri(X + "c")) + t(iri(X + "q3"), S + "text", '"t"'),
     ("QuestionShape", X + "q3", "MinCount", S + "name")),
    (t(iri(X + "q1"), S + "description", f'"3"^^<{XSD}integer>'), ("QuestionShape", X + "q1", "Datatype", S + "description")),
    (t(iri(X + "q1"), S + "url", '"/learn/x"'), ("QuestionShape", X + "q1", "NodeKind", S + "url")),
    (t(iri(X + "q1"), S + "identifier", '"12"'), ("QuestionShape", X + "q1", "Datatype", S + "identifier")),
    (t(iri(X + "q1"), S + "dateCreated", '"yesterday"@en'), ("QuestionShape", X + "q1", "Or", S + "dateCreated")),
    (t(iri(X + "q2"), S + "about", iri(X + "q1")), ("QuestionShape", X + "q2", "Class", S + "about")),
    (t(iri(X + "q2"), DCT + "subject", iri(X + "scheme")), ("QuestionShape", X + "q2", "Equals", S + "about")),
    (t(iri(X + "q1"), S + "keywords", iri(X + "q2")), ("QuestionShape", X + "q1", "Class", S + "keywords")),
    (t(iri(X + "q1"), DCT + "relation", iri(X + "c")), ("QuestionShape", X + "q1", "Or", DCT + "relation")),
    (t(iri(X + "q1"), S + "acceptedAnswer", iri(X + "q2")), ("QuestionShape", X + "q1", "Class", S + "acceptedAnswer")),
    (t(iri(X + "q2"), QA + "sameQuestionAs", iri(X + "c")) + t(iri(X + "c"), QA + "sameQuestionAs", iri(X + "q2")),
     ("QuestionShape", X + "q2", "Class", QA + "sameQuestionAs")),
    (t(iri(X + "q1"), S + "isRelatedTo", iri(X + "q2")), ("QuestionShape", X + "q1", "Closed", S + "isRelatedTo")),
    (t("_:b1", A, iri(S + "Question")) + t("_:b1", S + "name", '"n"') + t("_:b1", S + "text", '"t"')
     + t("_:b1", S + "about", iri(X + "c")) + t("_:b1", DCT + "subject", iri(X + "c")),
     ("QuestionShape", "_:", "NodeKind", "")),
    # outside questions
    (t(iri(X + "e1"), A, iri(QA + "ExternalQuestion")) + t(iri(X + "q1"), DCT + "relation", iri(X + "e1"))
     + t(iri(X + "e1"), S + "text", '"own text"'), ("ExternalQuestionShape", X + "e1", "Closed", S + "text")),
    (t(iri(X + "e2"), A, iri(QA + "ExternalQuestion")), ("ExternalQuestionShape", X + "e2", "MinCount", "^" + DCT + "relation")),
    (t(iri(X + "e3"), A, iri(QA + "ExternalQuestion")) + t(iri(X + "q2"), DCT + "relation", iri(X + "e3"))
     + t(iri(X + "e3"), S + "name", '""'), ("ExternalQuestionShape", X + "e3", "MinLength", S + "name")),
    (good_question(X + "e4") + t(iri(X + "e4"), A, iri(QA + "ExternalQuestion"))
     + t(iri(X + "q2"), DCT + "relation", iri(X + "e4")), ("ExternalQuestionShape", X + "e4", "In", A)),
    # answers
    (t(iri(X + "a1"), A, iri(S + "Answer")) + t(iri(X + "q1"), S + "acceptedAnswer", iri(X + "a1")),
     ("AnswerShape", X + "a1", "MinCount", S + "text")),
    (t(iri(X + "a2"), A, iri(S + "Answer")) + t(iri(X + "a2"), S + "text", '"x"')
     + t(iri(X + "a2"), S + "encodingFormat", '"text/html"') + t(iri(X + "q2"), S + "acceptedAnswer", iri(X + "a2")),
     ("AnswerShape", X + "a2", "In", S + "encodingFormat")),
    (t(iri(X + "a3"), A, iri(S + "Answer")) + t(iri(X + "a3"), S + "text", '"x"'),
     ("AnswerShape", X + "a3", "MinCount", "^" + S + "acceptedAnswer")),
    # concepts and schemes
    (t(iri(X + "k1"), A, iri(SKOS + "Concept")) + t(iri(X + "k1"), SKOS + "inScheme", iri(X + "scheme")),
     ("ConceptShape", X + "k1", "MinCount", SKOS + "prefLabel")),
    (t(iri(X + "c"), SKOS + "altLabel", '"c"'), ("ConceptShape", X + "c", "Disjoint", SKOS + "prefLabel")),
    (t(iri(X + "c"), SKOS + "notation", '"n"@en'), ("ConceptShape", X + "c", "Datatype", SKOS + "notation")),
    (t(iri(X + "c"), SKOS + "topConceptOf", iri(X + "q1")), ("ConceptShape", X + "c", "Class", SKOS + "topConceptOf")),
    (t(iri(X + "s2"), A, iri(SKOS + "ConceptScheme")), ("ConceptSchemeShape", X + "s2", "MinCount", SKOS + "prefLabel")),
    # links both ways
    (t(iri(X + "q1"), QA + "similarTo", iri(X + "q2")), ("SimilarToShape", X + "q1", "SPARQL", "")),
    (t(iri(X + "q2"), QA + "similarTo", iri(X + "q2")), ("SimilarToShape", X + "q2", "SPARQL", "")),
    (t(iri(X + "q1"), QA + "sameQuestionAs", iri(X + "q2")), ("SameQuestionShape", X + "q1", "SPARQL", "")),
    # similarity records
    (t(iri(X + "r1"), A, iri(QA + "Similarity")) + t(iri(X + "r1"), QA + "source", iri(X + "q1"))
     + t(iri(X + "r1"), QA + "target", iri(X + "q1")) + t(iri(X + "r1"), QA + "weight", f'"0.5"^^<{XSD}decimal>')
     + t(iri(X + "r1"), QA + "method", '"m"') + t(iri(X + "q1"), QA + "similarTo", iri(X + "q1")),
     ("SimilarityShape", X + "r1", "Disjoint", QA + "source")),
    (t(iri(X + "r2"), A, iri(QA + "Similarity")) + t(iri(X + "r2"), QA + "source", iri(X + "q1"))
     + t(iri(X + "r2"), QA + "target", iri(X + "q2")) + t(iri(X + "r2"), QA + "weight", f'"1.5"^^<{XSD}decimal>')
     + t(iri(X + "r2"), QA + "method", '"m"'), ("SimilarityShape", X + "r2", "MaxInclusive", QA + "weight")),
    (t(iri(X + "r3"), A, iri(QA + "Similarity")) + t(iri(X + "r3"), QA + "source", iri(X + "q2"))
     + t(iri(X + "r3"), QA + "target", iri(X + "q1")) + t(iri(X + "r3"), QA + "weight", '"high"')
     + t(iri(X + "r3"), QA + "method", '"m"'), ("SimilarityShape", X + "r3", "MinInclusive", QA + "weight")),
    (t(iri(X + "r4"), A, iri(QA + "Similarity")) + t(iri(X + "r4"), QA + "source", iri(X + "q2"))
     + t(iri(X + "r4"), QA + "target", iri(X + "q1")) + t(iri(X + "r4"), QA + "weight", f'"0.1"^^<{XSD}decimal>'),
     ("SimilarityShape", X + "r4", "MinCount", QA + "method")),
]


def found(report) -> set[tuple[str, str, str, str]]:
    out = set()
    for v in report.violations:
        focus = "_:" if not v.focus.startswith("http") else v.focus
        component = v.component.replace("ConstraintComponent", "")
        out.add((v.shape.replace(QAS, ""), focus, component, v.path or ""))
    return out


def planted_file(tmp_path: Path, extra: str) -> Path:
    path = tmp_path / "planted.nt"
    path.write_text(GOOD + extra, encoding="utf-8")
    return path


def test_the_clean_part_of_the_planted_data_conforms(tmp_path):
    for engine in ("oxigraph", "pyshacl"):
        report = validate(planted_file(tmp_path, ""), engine=engine)
        assert report.conforms, report.text


def test_every_planted_violation_is_reported_and_every_shape_is_exercised(tmp_path):
    report = validate(planted_file(tmp_path, "".join(extra for extra, _ in PLANTED)))
    assert not report.conforms
    reported = found(report)
    missing = {expected for _, expected in PLANTED} - reported
    assert not missing, "\n".join(map(str, sorted(missing))) + "\n\n" + report.text
    shapes = {str(s).replace(QAS, "") for s in rdflib.Graph().parse(str(SHAPES)).subjects(
        rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#NodeShape"))}
    assert {expected[0] for _, expected in PLANTED} == shapes


@pytest.mark.parametrize("extra, expected", PLANTED, ids=[f"{e[0]}-{e[2]}-{e[3].rsplit('/', 1)[-1]}" for _, e in PLANTED])
def test_each_planted_violation_alone_is_found_by_both_engines_alike(tmp_path, extra, expected):
    ours = validate(planted_file(tmp_path, extra))
    theirs = validate(planted_file(tmp_path, extra), engine="pyshacl")
    assert expected in found(ours), ours.text
    assert found(ours) == found(theirs), f"oxigraph:\n{ours.text}\npyshacl:\n{theirs.text}"


def test_violations_name_the_file_and_the_field(tmp_path):
    files = {X + "q1": "biology/q1.md", X + "q2": "biology/q2.md"}
    path = planted_file(tmp_path, PLANTED[0][0] + PLANTED[6][0] + PLANTED[19][0] + PLANTED[30][0])
    report = validate(path, files=files)
    located = {(v.file, v.field) for v in report.violations}
    assert ("biology/q1.md", "title") in located  # two schema:name on q1
    assert ("biology/q2.md", "subject") in located  # q2's about is not a concept
    assert ("biology/q1.md", "keywords (similar articles)") in located  # a record starting at q1
    assert "biology/q1.md: title: " in report.text
    conforms, text = report  # unpacks like pySHACL's (conforms, results graph, text) first and last
    assert conforms is False and "Conforms: False" in text


def test_violations_in_a_graph_name_its_files(G):
    bad = G.copy()
    node = next(n for n, k in bad.nodes(data="kind") if k == "article")
    bad.add_edge(node, "subject:ghost", key="subject", kind="subject")  # a second subject, not a concept
    bad.add_node("subject:ghost", kind="subject", slug="ghost", label="", labels=("",), articles=0)
    report = validate(bad)
    located = {(v.file, v.field, v.component) for v in report.violations}
    path = bad.nodes[node]["path"]
    assert (path, "subject", "MaxCountConstraintComponent") in located, report.text


@pytest.mark.parametrize("similarity", ["none", "links", "full"])
def test_every_export_conforms(G, tmp_path, similarity):
    write_rdf(G, tmp_path, base_iri=BASE, formats=tuple(FORMATS), similarity=similarity, site_url="https://site.example/")
    assert validate(tmp_path).conforms
    for path in (tmp_path / "rdf").iterdir():
        report = validate(path)
        assert report.conforms, (path.name, report.text)


def test_the_bundled_content_conforms_with_both_engines(content_kg):
    for engine in ("oxigraph", "pyshacl"):
        report = validate(content_kg, engine=engine)
        assert report.conforms, report.text


def test_the_compiler_refuses_what_it_does_not_support(tmp_path):
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
        "<https://x/S> a sh:NodeShape ; sh:targetClass <https://x/C> ;\n"
        "  sh:property [ sh:path <https://x/p> ; sh:qualifiedMinCount 1 ] .\n", encoding="utf-8")
    with pytest.raises(QagraphError, match="qualifiedMinCount"):
        compile_shapes(shapes)
    assert len(compile_shapes()) > 40


def test_registered_edge_kinds_are_allowed_by_the_closed_shapes(G):
    from qagraph.kinds import EdgeKind, EdgeStyle, registered

    H = G.copy()
    a, b = sorted(n for n, k in H.nodes(data="kind") if k == "article")[:2]
    H.add_edge(a, b, key="sees", kind="sees")
    kind = EdgeKind("sees", "sees", "sightings", ("article",), ("article",), EdgeStyle("#000"),
                    predicates=("https://example.org/vocab#sees",))
    with registered(kind):
        report = validate(H)
    assert report.conforms, report.text
    assert IRIs().node(a)


def test_cli_validate_exit_codes(G, tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["validate", str(HOSTILE), "-q"])
    assert result.exit_code == 0 and "Conforms: True" in result.output
    write_rdf(G, tmp_path, formats=("nt",))
    file = tmp_path / "rdf" / "part-000.nt"
    assert runner.invoke(cli, ["validate", str(file)]).exit_code == 0
    with open(file, "a", encoding="utf-8") as f:
        f.write(f"<https://x/s> <{A}> <{QA}Similarity> .\n")
    result = runner.invoke(cli, ["validate", str(file)])
    assert result.exit_code == 1 and "Conforms: False" in result.output
    (tmp_path / "broken.ttl").write_text("this is not turtle", encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(tmp_path / "broken.ttl")])
    assert result.exit_code == 2 and "not valid RDF" in result.output


def test_cli_validate_reads_a_builds_base_iri_from_its_record(tmp_path):
    """A build folder is checked with the base IRI it was built with; a record that is not an
    object (edited by hand, say) leaves the default, not a crash."""
    import json

    import qagraph
    from conftest import CONTENT
    from qagraph.fileio import MARKER, PRIVATE

    out = tmp_path / "build"
    qagraph.build(CONTENT, out=out, outputs=["rdf", "database"], base_iri="https://example.org/kb/")
    record = out / PRIVATE / MARKER
    assert json.loads(record.read_text(encoding="utf-8"))["settings"]["base_iri"] == "https://example.org/kb/"
    runner = CliRunner()
    result = runner.invoke(cli, ["validate", str(out)])
    assert result.exit_code == 0 and "Conforms: True" in result.output, result.output
    record.write_text("[]", encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(out)])
    assert result.exit_code == 0 and "internal error" not in result.output, result.output


def test_cli_validate_of_a_build_without_its_rdf_checks_the_graph_of_its_database(tmp_path, monkeypatch):
    """A build made without its RDF (or whose parts were removed) was read as a content folder: no
    article in it, and "Conforms: True" for a graph never checked. Its database's graph is checked,
    as a query answers from it."""
    import qagraph
    import qagraph.rdf
    from conftest import CONTENT

    out = tmp_path / "build"
    articles = qagraph.build(CONTENT, out=out, outputs=["database", "report"]).counts["articles"]
    checked: list[int] = []
    real = qagraph.rdf.validate

    def counting(subject, **kwargs):
        checked.append(sum(1 for _, k in subject.nodes(data="kind") if k == "article"))
        return real(subject, **kwargs)

    monkeypatch.setattr(qagraph.rdf, "validate", counting)
    result = CliRunner().invoke(cli, ["validate", str(out), "-q"])
    assert result.exit_code == 0 and "Conforms: True" in result.output, result.output
    assert checked == [articles] and articles > 0


@pytest.mark.parametrize("outputs", [["html"], ["report"], ["html", "report"], "all, then its RDF and database removed"])
def test_cli_validate_of_a_build_without_its_rdf_or_its_database_says_there_is_nothing_to_check(tmp_path, outputs):
    """A build made with neither its RDF nor its database (--only html), or that lost both, was read
    as a content folder: no article in it, and "Conforms: True" (exit 0) for a graph never checked.
    It says what the build lacks, as the query commands do (exit 2), and writes nothing."""
    import shutil

    import qagraph
    from conftest import CONTENT

    out = tmp_path / "build"
    qagraph.build(CONTENT, out=out, **({} if isinstance(outputs, str) else {"outputs": outputs}))
    if isinstance(outputs, str):
        shutil.rmtree(out / "rdf")
        (out / "qagraph.db").unlink()
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*"))
    result = CliRunner().invoke(cli, ["validate", str(out), "-q"])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (f"qagraph: {out}: a build without its RDF or its database: nothing to validate (run: "
                             f"qagraph build -o {out}, without --only or with --only rdf)\n")
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == before


@pytest.mark.parametrize("damage", ["cut", "zeroed", "another SQLite file"])
def test_cli_validate_of_a_build_whose_database_is_damaged_says_so(tmp_path, damage):
    """The database of a build, read to name each violation's file, cut short, zeroed or replaced
    by another SQLite file: an output error naming it (exit 3), as the query commands say it, not
    an internal error (exit 70)."""
    import sqlite3

    import qagraph
    from conftest import CONTENT

    out = tmp_path / "build"
    qagraph.build(CONTENT, out=out, outputs=["rdf", "database"])
    db = out / "qagraph.db"
    if damage == "cut":
        db.write_bytes(db.read_bytes()[: db.stat().st_size // 2])
    elif damage == "zeroed":
        db.write_bytes(bytes(db.stat().st_size))
    else:
        db.unlink()
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE meta (key TEXT, value TEXT)")
        con.commit()
        con.close()
    result = CliRunner().invoke(cli, ["validate", str(out), "-q"])
    assert result.exit_code == 3 and result.stderr.startswith(f"qagraph: {db}: "), result.output
    assert ("the build database is damaged" if damage == "cut" else "not a qagraph build database") in result.stderr
    assert "internal error" not in result.output


def test_subclasses_in_the_data_count_as_instances(tmp_path):
    sub = t(iri(X + "k9"), A, iri(X + "Tag")) + t(iri(X + "Tag"), "http://www.w3.org/2000/01/rdf-schema#subClassOf",
                                                     iri(SKOS + "Concept")) + t(iri(X + "q1"), S + "keywords", iri(X + "k9"))
    for engine in ("oxigraph", "pyshacl"):
        report = validate(planted_file(tmp_path, sub), engine=engine)
        assert not any(v.component.startswith("Class") for v in report.violations), report.text
        assert ("ConceptShape", X + "k9", "MinCount", SKOS + "prefLabel") in found(report)  # targeted as a concept


def test_a_build_folder_is_checked_by_parallel_workers_with_the_same_results(G, tmp_path):
    write_rdf(G, tmp_path, base_iri=BASE, similarity="full")
    planted = "".join(extra for extra, _ in PLANTED)
    quads = "".join(line[:-2] + "<https://example.org/kb/graph/content> .\n" for line in (GOOD + planted).splitlines(True))
    (tmp_path / "rdf" / "part-999.nq").write_text(quads, encoding="utf-8")
    timings: dict = {}
    one, two = validate(tmp_path, workers=1), validate(tmp_path, workers=2, timings=timings)
    assert found(one) == found(two) >= {expected for _, expected in PLANTED}
    assert one.text == two.text and len(timings) == two.constraints


def test_cli_validate_of_a_build_whose_void_ttl_is_cut_short_names_it(tmp_path):
    """validate read a build's parts alone: its dataset description (rdf/void.ttl) cut short, as a
    full disk or a copy stopped halfway leaves it, conformed. It is read too, and named with its line:
    a build folder that cannot be read (exit 3), which building again repairs."""
    import qagraph
    from conftest import CONTENT

    out = tmp_path / "build"
    qagraph.build(CONTENT, out=out, outputs=["rdf", "database"])
    void = out / "rdf" / "void.ttl"
    text = void.read_text(encoding="utf-8")
    void.write_text(text[: text.index(" ;\n", len(text) // 2)], encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(out), "-q"])
    assert result.exit_code == 3 and result.stderr.startswith(f"qagraph: {void}: not valid RDF: "), result.output
    assert "line " in result.stderr and result.stderr.endswith("build again\n")


def test_a_build_folder_that_cannot_be_written_is_checked_by_parallel_workers_too(G, tmp_path):
    """A build folder this user cannot write in, without a store: its parts are loaded in memory, and
    the workers that open the store on disk by its path had none to open ("IO error: No such file or
    directory: ...store/db-.../CURRENT", exit 3). The checks run on the store in memory, with the
    violations a writable folder gives."""
    import re
    import subprocess
    import sys

    write_rdf(G, tmp_path, base_iri=BASE, similarity="full")
    planted = "".join(extra for extra, _ in PLANTED)
    quads = "".join(line[:-2] + "<https://example.org/kb/graph/content> .\n" for line in (GOOD + planted).splitlines(True))
    (tmp_path / "rdf" / "part-999.nq").write_text(quads, encoding="utf-8")
    code = ("import sys; from qagraph.rdf import validate; "
            "print(validate(sys.argv[1], base_iri=sys.argv[2], workers=2).text)")
    mount = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    done = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", mount, "sh", str(tmp_path),
                           sys.executable, "-c", code, str(tmp_path), BASE], capture_output=True, text=True, timeout=300)
    assert (done.returncode, done.stderr) == (0, "")
    assert not (tmp_path / ".qagraph").exists()
    def blank(text: str) -> str:  # a blank node's label is the load's own
        return re.sub(r"_:[0-9a-f]+", "_:b", text)

    assert blank(done.stdout) == blank(validate(tmp_path, workers=1).text + "\n")
    assert "Conforms: False" in done.stdout


def test_a_build_put_in_place_while_its_workers_check_it_is_checked_again(G, tmp_path, monkeypatch):
    """validate's workers open the build's store by its path: a build put in place meanwhile (its
    folder swapped in whole, the previous one removed) left them none to open, and validate failed
    with "IO error: No such file or directory: ...store/db-.../CURRENT" (exit 3), one run in two while
    builds ran. The build now in place is checked, as a run after the build checks it."""
    import shutil

    import qagraph.rdf.shacl as shacl_module
    from qagraph.fileio import _exchange

    out, stage = tmp_path / "build", tmp_path / "build.staging"
    write_rdf(G, out, base_iri=BASE, similarity="full")
    write_rdf(G, stage, base_iri=BASE, similarity="full")
    planted = "".join(extra for extra, _ in PLANTED)
    quads = "".join(line[:-2] + "<https://example.org/kb/graph/content> .\n" for line in (GOOD + planted).splitlines(True))
    (stage / "rdf" / "part-999.nq").write_text(quads, encoding="utf-8")  # the new build: violations the old has not
    real = shacl_module.compile_shapes

    def swapped(*args, **kwargs):
        if stage.exists():  # once, as the checks are about to start
            assert _exchange(stage, out)
            shutil.rmtree(stage)
        return real(*args, **kwargs)

    monkeypatch.setattr(shacl_module, "compile_shapes", swapped)
    report = validate(out, base_iri=BASE, workers=2)
    monkeypatch.undo()
    assert found(report) == found(validate(out, base_iri=BASE, workers=1)) >= {expected for _, expected in PLANTED}
