"""qagraph.fileio: whole outputs or none; the output folder is qagraph's."""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

import pytest

import qagraph
from qagraph.fileio import PRIVATE, BuildFolder, CopyAhead, atomic_open, file_signature


def test_atomic_open_leaves_the_old_file_on_failure(tmp_path: Path):
    target = tmp_path / "x.txt"
    target.write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_open(target) as f:
            f.write("new")
            raise RuntimeError("writer failed")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_signature_sees_a_same_size_edit_with_the_old_mtime(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text("aaaa")
    before = file_signature(path)
    st = os.stat(path)
    path.write_text("bbbb")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # size and mtime as they were
    assert file_signature(path) != before


def _built(out: Path, name: str = "a.txt") -> BuildFolder:
    """``out`` made a build of one file, ``name`` (it holds ``1``); the build folder as the next build opens it."""
    folder = BuildFolder(out)
    with folder.staging() as stage:
        (stage / name).write_text("1")
        folder.commit(stage, outputs=[name], state={})
    return BuildFolder(out)


def test_commit_swaps_whole_folders(tmp_path: Path):
    out = tmp_path / "out"
    folder = _built(out)
    assert folder.intact()
    with folder.staging() as stage:
        (stage / "b.txt").write_text("2")
        folder.commit(stage, outputs=["b.txt"], state={})
    assert sorted(p.name for p in out.iterdir()) == [PRIVATE, "b.txt"]
    assert not list(tmp_path.glob(".out.qagraph-staging-*"))


def test_a_previous_builds_large_file_is_removed_by_a_process_of_its_own(tmp_path: Path, monkeypatch):
    """The previous database (large, linked nowhere else) goes beside the output and a detached
    process removes it: the commit does not wait for the file system. A large file the new build
    keeps (a link) and the small ones are removed at once, and the new build's signatures hold."""
    import shlex
    import time

    import qagraph.fileio

    monkeypatch.setattr(qagraph.fileio, "DETACHED_REMOVAL_BYTES", 1000)
    # a removal that waits for the test's word (or a minute): a commit that waited for it would take
    # that minute, and no margin on a busy machine's timing decides (it was a 3 s sleep against 2.5 s)
    go = shlex.quote(str(tmp_path / "go"))
    monkeypatch.setattr(qagraph.fileio, "_REMOVE_SCRIPT",
                        f'(i=0; while [ ! -e {go} ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done; rm -f -- "$@") &')
    out = tmp_path / "out"
    folder = BuildFolder(out)
    with folder.staging() as stage:
        (stage / "big.db").write_bytes(b"x" * 5000)
        (stage / "kept.db").write_bytes(b"k" * 5000)
        folder.commit(stage, outputs=["big.db", "kept.db"], state={})
    folder = BuildFolder(out)
    with folder.staging(keep=["kept.db"]) as stage:
        (stage / "big.db").write_bytes(b"y" * 5000)  # a new file, as a patched copy is
        started = time.perf_counter()
        folder.commit(stage, outputs=["big.db", "kept.db"], state={})
        took = time.perf_counter() - started
    assert took < 30, took  # the removal was not waited for
    assert BuildFolder(out).intact() and (out / "big.db").read_bytes() == b"y" * 5000
    beside = [p.name for p in tmp_path.iterdir() if ".qagraph-staging-" in p.name]
    assert len(beside) == 1 and beside[0].endswith(".big.db"), beside  # only the old database, not removed here
    (tmp_path / "go").touch()
    for _ in range(300):
        if not any(".qagraph-staging-" in p.name for p in tmp_path.iterdir()):
            break
        time.sleep(0.05)
    assert not [p.name for p in tmp_path.iterdir() if ".qagraph-staging-" in p.name]
    assert BuildFolder(out).intact()


def test_a_failure_in_staging_leaves_the_previous_build(tmp_path: Path):
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        with _built(out).staging() as stage:
            (stage / "a.txt").write_text("half")
            raise KeyboardInterrupt
    assert (out / "a.txt").read_text() == "1"
    assert not list(tmp_path.glob(".out.qagraph-staging-*"))


@pytest.mark.parametrize("where, error, message", [
    ("file", qagraph.OutputError, "exists and is not a folder"),
    ("inside-file", qagraph.OutputError, "parent is not a folder|cannot make"),
    ("foreign", qagraph.OutputError, "holds files qagraph did not write"),
    ("content", qagraph.UsageError, "overlap"),
    ("inside-content", qagraph.UsageError, "overlap"),
])
def test_refusals(tmp_path: Path, small_corpus: Path, where: str, error: type, message: str):
    out = {
        "file": tmp_path / "a-file",
        "inside-file": tmp_path / "a-file" / "out",
        "foreign": tmp_path / "mine",
        "content": small_corpus,
        "inside-content": small_corpus / "build",
    }[where]
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "index.html").write_text("my own page")
    with pytest.raises(error, match=message):
        qagraph.build(small_corpus, out=out)
    assert (tmp_path / "mine" / "index.html").read_text() == "my own page"


def test_force_keeps_other_files(tmp_path: Path, small_corpus: Path):
    """Other files, and links (to a file, to a folder, to nothing) kept as links, build after build."""
    out = tmp_path / "mine"
    (out / "old").mkdir(parents=True)
    (out / "notes.txt").write_text("keep me")
    (out / "old" / "draft.md").write_text("draft")
    for name, to in (("latest", "notes.txt"), ("drafts", "old"), ("gone", "nowhere")):
        (out / name).symlink_to(to)
    for _ in range(2):
        qagraph.build(small_corpus, out=out, force=True)
        assert (out / "notes.txt").read_text() == "keep me" and (out / "old" / "draft.md").read_text() == "draft"
        assert [os.readlink(out / name) for name in ("latest", "drafts", "gone")] == ["notes.txt", "old", "nowhere"]
        assert (out / "qagraph.db").is_file()


def _folders(root: Path) -> dict[str, tuple[str, int]]:
    """Every folder under ``root`` (``.`` itself), not under ``.qagraph/``: its mode and, for those
    that hold no output, its modification time."""
    found = {".": (oct(root.stat().st_mode & 0o7777), 0)}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_dir() and not path.is_symlink() and rel.split("/")[0] not in (PRIVATE, "rdf", "views"):
            found[rel] = (oct(path.stat().st_mode & 0o7777), path.stat().st_mtime_ns)
    return found


@pytest.mark.parametrize("into", ["another folder", "the content"])
def test_force_keeps_the_users_folders_empty_or_not_and_their_modes(tmp_path: Path, small_corpus: Path, into: str):
    """--force kept the files of the folder, not its folders: a git repository's empty folders
    (.git/refs/heads) went, and with them the repository; every folder made again took mkdir's
    mode (a private folder, 700, became 755), and the output folder itself became 755. They are
    all kept now, empty or not, with their modes and times; the output folder keeps its mode."""
    out = tmp_path / "mine" if into == "another folder" else small_corpus
    (out / ".git" / "refs" / "heads").mkdir(parents=True)
    (out / ".git" / "objects" / "info").mkdir(parents=True)
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (out / "empty").mkdir()
    (out / "private").mkdir(mode=0o700)
    (out / "private" / "key").write_text("secret")
    os.chmod(out / "private", 0o700)  # whatever the umask
    (out / "shared").mkdir()
    os.chmod(out / "shared", 0o2775)
    (out / "to-private").symlink_to("private")
    os.chmod(out, 0o750)
    for path in (out / "empty", out / ".git" / "refs", out / "private"):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    before = _folders(out)
    for _ in range(2):
        qagraph.build(small_corpus, out=out, force=True)
        assert _folders(out) == before
        assert (out / "private" / "key").read_text() == "secret" and os.readlink(out / "to-private") == "private"
        assert (out / "qagraph.db").is_file()


def test_a_folder_qagraph_did_not_make_is_refused_without_force(tmp_path: Path, small_corpus: Path):
    """A folder that holds none of the build's outputs, an empty one too, is the user's: without
    --force the build is refused (the swap used to remove an empty one without a word), and the
    message names a folder, not each file in it."""
    out = tmp_path / "out"
    qagraph.build(small_corpus, out=out)
    (out / "drafts").mkdir()
    (out / ".git" / "refs" / "heads").mkdir(parents=True)
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (out / "views" / "mine").mkdir()
    (out / "views" / "notes.txt").write_text("mine")
    with pytest.raises(qagraph.OutputError,
                       match=r"did not write \(\.git/, drafts/, views/mine/ and 1 more\)"):
        qagraph.build(small_corpus, out=out)
    assert (out / "drafts").is_dir() and (out / ".git" / "refs" / "heads").is_dir()


def test_force_refuses_a_folder_it_cannot_read(tmp_path: Path, small_corpus: Path, monkeypatch):
    """A folder --force cannot read would be made again empty, and what it holds removed with the
    previous build: the build stops instead."""
    out = tmp_path / "out"
    (out / "locked").mkdir(parents=True)
    (out / "locked" / "key").write_text("secret")
    scandir = os.scandir

    def refuse(path=".", *args):
        if isinstance(path, str) and path.endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return scandir(path, *args)

    monkeypatch.setattr(os, "scandir", refuse)
    with pytest.raises(qagraph.OutputError, match="cannot read locked to keep what it holds: Permission denied"):
        qagraph.build(small_corpus, out=out, force=True)
    monkeypatch.undo()
    assert (out / "locked" / "key").read_text() == "secret" and sorted(p.name for p in out.iterdir()) == ["locked"]


#: build.json made other than a build writes it
RECORDS = {"damaged": '{"qagraph": "0.', "missing": None, "not an object": "[1]", "without outputs": '{"x": 1}',
           "outputs not signatures": '{"outputs": 5}', "a signature not a list": '{"outputs": {"report.json": 5}}'}


@pytest.mark.parametrize("record", RECORDS)
def test_a_build_whose_record_is_damaged_is_made_in_full(tmp_path: Path, small_corpus: Path, record: str):
    """A build folder whose record (.qagraph/build.json) was damaged or removed held, to the next
    build, 'files qagraph did not write': refused, and with --force too (its outputs would replace
    those 'other' files); a record whose outputs were not signatures made it exit 70. When its own
    folder shows a build of this qagraph (the sealed list of inputs), the build is a full one; files
    at paths no build writes are still the user's."""
    from test_pipeline import database_rows, outputs_of

    out, cold = tmp_path / "out", tmp_path / "cold"
    marker = out / PRIVATE / "build.json"

    def damage() -> None:
        if RECORDS[record] is None:
            marker.unlink()
        else:
            marker.write_text(RECORDS[record])

    qagraph.build(small_corpus, out=out)
    damage()
    kg = qagraph.build(small_corpus, out=out)
    assert not kg.build_info.up_to_date and not kg.build_info.incremental
    qagraph.build(small_corpus, out=cold, cache=False)
    assert outputs_of(out) == outputs_of(cold) and database_rows(out) == database_rows(cold)
    assert qagraph.build(small_corpus, out=out).build_info.up_to_date
    (out / "notes.txt").write_text("mine")
    (out / "drafts").mkdir()
    damage()
    with pytest.raises(qagraph.OutputError, match=r"did not write \(drafts/, notes.txt\)"):
        qagraph.build(small_corpus, out=out)
    qagraph.build(small_corpus, out=out, force=True)
    assert (out / "notes.txt").read_text() == "mine" and (out / "drafts").is_dir()


def test_a_folder_with_a_damaged_record_and_no_sealed_inputs_is_not_taken_for_a_build(tmp_path: Path,
                                                                                       small_corpus: Path):
    """Without the list of inputs sealed by this user's qagraph, nothing shows that the folder is a
    build: its files are not qagraph's, as before."""
    out = tmp_path / "out"
    qagraph.build(small_corpus, out=out)
    (out / PRIVATE / "build.json").unlink()
    (out / PRIVATE / "inputs.pickle").write_bytes(b"\0" * 64)  # another user's, say
    with pytest.raises(qagraph.OutputError, match="did not write"):
        qagraph.build(small_corpus, out=out)


def test_a_build_writes_only_at_the_paths_it_says_it_writes(tmp_path: Path, small_corpus: Path):
    """pipeline.WRITES, the paths a build writes: a build folder whose record is damaged is known by them."""
    from qagraph.pipeline import WRITES

    out = tmp_path / "out"
    qagraph.build(small_corpus, out=out, formats=("nq", "ttl", "trig"))
    tops = {p.name for p in out.iterdir()} - {PRIVATE}
    assert tops == set(WRITES)


@pytest.mark.parametrize("target", ["/proc/qagraph-out", "/dev/null"])
def test_system_paths_are_output_errors(small_corpus: Path, target: str):
    with pytest.raises(qagraph.QagraphError):
        qagraph.build(small_corpus, out=target)


def _copy_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "qagraph-copy-ahead"]


@pytest.mark.parametrize("in_kernel", [True, False])
def test_a_copy_made_ahead_is_the_file_chunk_by_chunk(tmp_path: Path, monkeypatch, in_kernel: bool):
    """Copied in chunks (by the kernel, or through the process where the kernel cannot: another
    file system), the copy taken is the file, byte for byte, and no thread is left."""
    source = tmp_path / "a.db"
    source.write_bytes(os.urandom(50_000) * 3)
    monkeypatch.setattr(CopyAhead, "CHUNK", 4096)
    if not in_kernel:
        def refuse(*args):
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        monkeypatch.setattr(os, "copy_file_range", refuse)
    ahead = CopyAhead(source, tmp_path / ".copy-")
    assert ahead.take(tmp_path / "b.db")
    assert (tmp_path / "b.db").read_bytes() == source.read_bytes()
    assert oct((tmp_path / "b.db").stat().st_mode & 0o777) == oct(0o644)
    ahead.drop()  # after take: nothing to do, the copy stays
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "b.db"] and not _copy_threads()


def test_a_copy_dropped_at_any_point_leaves_nothing(tmp_path: Path, monkeypatch):
    source = tmp_path / "a.db"
    source.write_bytes(b"x" * 200_000)
    monkeypatch.setattr(CopyAhead, "CHUNK", 1024)
    for _ in range(20):  # dropped while it copies, or once it is done
        CopyAhead(source, tmp_path / ".copy-").drop()
    assert [p.name for p in tmp_path.iterdir()] == ["a.db"] and not _copy_threads()


def test_a_copy_of_a_file_that_changed_as_it_was_copied_is_not_taken(tmp_path: Path):
    source = tmp_path / "a.db"
    source.write_bytes(b"x" * 10_000)
    ahead = CopyAhead(source, tmp_path / ".copy-")
    ahead._thread.join()
    source.write_bytes(b"y" * 10_000)  # another build put its database in place
    assert not ahead.take(tmp_path / "b.db")
    assert [p.name for p in tmp_path.iterdir()] == ["a.db"]
    missing = CopyAhead(tmp_path / "gone.db", tmp_path / ".copy-")
    assert not missing.take(tmp_path / "b.db") and [p.name for p in tmp_path.iterdir()] == ["a.db"]


def test_staging_removes_the_copies_of_a_killed_build_not_its_own(tmp_path: Path):
    out = tmp_path / "out"
    folder = _built(out, "a.db")
    left = tmp_path / ".out.qagraph-copy-killed"  # a build killed while it copied
    left.write_text("half")
    folder.start_copy("a.db")
    folder.start_copy("a.db")  # once
    with folder.staging() as stage:
        copies = [p.name for p in tmp_path.iterdir() if ".qagraph-copy-" in p.name]
        assert not left.exists() and len(copies) == 1
        assert not folder.take_copy("b.db", stage / "b.db")  # none started
        assert folder.take_copy("a.db", stage / "a.db")
        folder.commit(stage, outputs=["a.db"], state={})
    folder.drop_copies()  # taken: nothing to do
    assert (out / "a.db").read_text() == "1"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".out.qagraph-lock", "out"]


@pytest.mark.parametrize("name", ["o" * 255, "\u00e9" * 127])
def test_an_output_folder_whose_name_is_as_long_as_a_name_may_be(tmp_path: Path, name: str):
    """The lock, the staging folder and the copies made ahead are named after the output folder
    (``.out.qagraph-lock``): one named with more than 225 bytes could not be built into ("cannot make a
    staging folder beside the output: File name too long"). Their names hold it cut, with a digest."""
    out = tmp_path / name
    folder = _built(out, "a.db")
    folder.start_copy("a.db")
    with folder.staging() as stage:
        assert folder.take_copy("a.db", stage / "a.db")
        (stage / "b.txt").write_text("2")
        folder.commit(stage, outputs=["a.db", "b.txt"], state={})
    assert (out / "b.txt").read_text() == "2"
    beside = sorted(p.name for p in tmp_path.iterdir() if p.name != name)
    assert len(beside) == 1 and beside[0].endswith(".qagraph-lock") and len(os.fsencode(beside[0])) <= 255


@pytest.mark.parametrize("name", ["out[1]", "out*", "o?t"])
def test_leftovers_are_swept_for_an_output_folder_whose_name_is_a_pattern(tmp_path: Path, name: str):
    """The leftovers of a killed build are found by their names (``.out.qagraph-staging-*``): with the
    output folder's name taken as a pattern, those of ``out[1]`` were never swept, and ``out*`` swept
    those of every output folder beside it whose name starts so (``.outside.qagraph-staging-*``, a build
    running there)."""
    out = tmp_path / name
    folder = _built(out)
    left = tmp_path / f".{name}.qagraph-staging-killed"
    other = tmp_path / ".out1.qagraph-staging-running"
    for leftover in (left, other):
        leftover.mkdir()
    with folder.staging() as stage:
        folder.commit(stage, outputs=[], state={})
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([f".{name}.qagraph-lock", name, other.name])


def test_a_user_s_wal_files_beside_the_database_are_the_database_s_not_carried_over(tmp_path: Path,
                                                                                   small_corpus: Path):
    """A user's own WAL-mode ``sqlite3`` session on the build's database, ended without a checkpoint,
    leaves qagraph.db-wal and qagraph.db-shm beside it: the next build refused the folder as holding
    files qagraph did not write. They are the database's: the build accepts them, and does not bring
    them over beside the new database (with --force neither), whose pages the old log would overwrite."""
    import sqlite3
    import subprocess
    import sys

    out = tmp_path / "out"
    qagraph.build(small_corpus, out=out)
    session = ("import os, sqlite3, sys; con = sqlite3.connect(sys.argv[1]); con.execute('pragma journal_mode=wal');"
               "con.execute('create table mine(x)'); con.commit(); os._exit(0)")  # ended without closing
    for force in (False, True):
        subprocess.run([sys.executable, "-c", session, str(out / "qagraph.db")], check=True)
        assert (out / "qagraph.db-wal").is_file() and (out / "qagraph.db-shm").is_file()
        qagraph.build(small_corpus, out=out, force=force)
        assert not (out / "qagraph.db-wal").exists() and not (out / "qagraph.db-shm").exists()
        with sqlite3.connect(out / "qagraph.db") as con:
            assert con.execute("pragma integrity_check").fetchone() == ("ok",)
            assert not con.execute("select 1 from sqlite_master where name = 'mine'").fetchall()
        assert qagraph.open(out).sparql("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }").values()


def test_a_file_named_as_a_wal_beside_an_output_that_is_no_database_is_still_the_user_s(tmp_path: Path,
                                                                                       small_corpus: Path):
    out = tmp_path / "out"
    qagraph.build(small_corpus, out=out)
    (out / "report.json-wal").write_text("mine")
    with pytest.raises(qagraph.OutputError, match=r"did not write \(report.json-wal\)"):
        qagraph.build(small_corpus, out=out)


def test_what_a_build_keeps_of_itself_is_read_only_from_a_regular_file(tmp_path: Path):
    from qagraph.fileio import read_regular

    (tmp_path / "f").write_bytes(b"x" * 3_000_000)
    assert read_regular(tmp_path / "f") == b"x" * 3_000_000
    os.mkfifo(tmp_path / "pipe")
    for path in (tmp_path / "pipe", tmp_path, tmp_path / "missing"):
        with pytest.raises(OSError):
            read_regular(path)
