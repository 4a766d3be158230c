"""The public surface is what ``__all__`` lists, and nothing leaks by accident (as httpx checks it)."""

import types

import qagraph


def test_all_is_sorted_and_complete():
    assert qagraph.__all__ == sorted(qagraph.__all__) == sorted([*qagraph._WHERE, "__version__"])
    for name in qagraph.__all__:
        assert getattr(qagraph, name) is not None, name


def test_nothing_leaks():
    """Every public name in ``vars(qagraph)`` is in ``__all__``, or is one of qagraph's own submodules.

    Python sets a submodule as an attribute of its package once it is imported, so the
    submodules are there (and importable on purpose); anything else, such as a helper
    or a module imported for use (``os``, ``networkx``), would be a leak.
    """
    public = {name for name in vars(qagraph) if not name.startswith("_")}
    leaked = sorted(
        name for name in public - set(qagraph.__all__)
        if not (isinstance(getattr(qagraph, name), types.ModuleType)
                and getattr(qagraph, name).__name__ == f"qagraph.{name}")
    )
    assert leaked == []


def test_public_functions_are_not_named_like_modules():
    import pkgutil

    module_names = {m.name for m in pkgutil.iter_modules(qagraph.__path__)}
    assert module_names.isdisjoint(qagraph.__all__), module_names & set(qagraph.__all__)


def test_errors_render_path_and_line():
    assert str(qagraph.QagraphError("bad", path="a.md", line=3)) == "a.md:3: bad"
    assert str(qagraph.QagraphError("bad", path="a.md")) == "a.md: bad"
    assert str(qagraph.Problem("a.md", 2, "odd", "x", "warning")) == "a.md:2: warning: odd"


def test_error_types_carry_their_exit_codes():
    assert [cls.exit_code for cls in (qagraph.ContentError, qagraph.UsageError, qagraph.OutputError,
                                      qagraph.StoreError)] == [1, 2, 3, 4]
    for cls in (qagraph.ContentError, qagraph.UsageError, qagraph.OutputError, qagraph.StoreError):
        assert issubclass(cls, qagraph.QagraphError)


def test_import_and_query_commands_load_no_numerical_libraries_nor_the_reader(tmp_path):
    """``import qagraph`` and a query command answering from a build import neither networkx,
    numpy nor scipy (they cost most of a second per command), nor the reader of article files
    (:mod:`qagraph.load`, whose field, link and preset rules were a third of a query command's time):
    the check that the content is as built walks it with :mod:`qagraph.walk` alone."""
    import subprocess
    import sys

    from conftest import ROOT

    qagraph.build(ROOT / "content", out=tmp_path / "build")
    heavy = ("print(sorted(m for m in ('networkx', 'numpy', 'scipy', 'qagraph.load', 'qagraph.presets', "
             "'qagraph.fields', 'qagraph.links') if m in sys.modules))")
    # the command as main() runs it, short of ending the process (it would, before the check)
    script = ("import sys\nsys.argv = sys.argv[1:]\nfrom qagraph.cli import cli\ntry:\n    cli(prog_name='qagraph')\n"
              f"except SystemExit:\n    pass\n{heavy}\n")
    bare = subprocess.run([sys.executable, "-c", f"import sys, qagraph\n{heavy}"], capture_output=True, text=True,
                          check=True)
    assert bare.stdout.strip() == "[]"
    dna = "/learn/biology/questions/how-does-dna-replication-work"
    for command in (["related", dna], ["stats"], ["find", "DNA"], ["similar", dna], ["suggest", "-k", "3"],
                    ["health"], ["path", dna, "/learn/biology/questions/what-is-a-virus"],
                    ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]):
        done = subprocess.run([sys.executable, "-c", script, "qagraph", *command, "-b", str(tmp_path / "build")],
                              capture_output=True, text=True, check=True, cwd=tmp_path)
        assert done.stdout.strip().splitlines()[-1] == "[]", (command, done.stdout, done.stderr)


def test_modules_are_reached_from_the_package_as_the_readme_reaches_them():
    """``import qagraph`` imports nothing but the version, yet ``qagraph.presets.detect`` and
    ``qagraph.rdf.sparql`` work after it (the README's calls), and ``dir()`` lists the public names."""
    import subprocess
    import sys

    code = ("import qagraph, sys; assert 'qagraph.presets' not in sys.modules; "
            "print(callable(qagraph.presets.detect), callable(qagraph.rdf.sparql), 'build' in dir(qagraph)); "
            "qagraph.no_such_thing")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.split() == ["True", "True", "True"]
    assert done.stderr.rstrip().endswith("AttributeError: module 'qagraph' has no attribute 'no_such_thing'")
