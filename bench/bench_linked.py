"""Edits of a corpus that links by note name: a patched rebuild beside the full rebuild it replaces.

    python bench/bench_linked.py [--articles 36000] [--rounds 3]

The corpus is an Obsidian vault made once from the generated corpus (``bench/corpora/<n>``,
``generate.py``) into ``bench/corpora/vault-<n>``: one note an article, named by its title
(made safe for a file name), in its subject's folder, with its keywords as tags, its answer as
text and its related links as ``[[wiki-links]]`` to the titles they name (a link outside the
corpus names a note that is not there, a stub).

Four changes, each made and undone in every round: a note's text edited (one more link); a
note added (linking two notes and a missing one); a note that others link to deleted; a note
renamed (moved to a new name: its linkers now name a missing note). After each change and
each undo, two build folders of the same content are rebuilt, each in a fresh process, in turn
first: one patched (what ``qagraph build`` does) and one in full (``update_build`` made to fall
back: what every edit of such a corpus cost before qagraph patched them). It prints the
medians and their ratio, and the cold build of the vault. After the rounds, each change is made
once more and the patched folder compared with a cold build of the same content (outputs file
by file, the database row by row, as ``run.py --incremental`` does).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import common
from run import database_rows, outputs_digest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

CHILD = r"""
import json, os, sys, time
from pathlib import Path
import qagraph, qagraph.incremental
if os.environ.get("BENCH_FULL"):
    def fall_back(*args, **kwargs):
        raise qagraph.incremental.Fallback("the benchmark's full rebuild")
    qagraph.incremental.update_build = fall_back
start = time.perf_counter()
kg = qagraph.build(Path(sys.argv[1]), out=Path(sys.argv[2]), cache=sys.argv[3] == "cache")
print(json.dumps({"seconds": time.perf_counter() - start, "incremental": kg.build_info.incremental}))
"""

UNSAFE = re.compile(r'[\\/:*?"<>|#^\[\]]+')


def note_name(title: str) -> str:
    """A title as an Obsidian note name: no character a file name or a wiki-link cannot hold."""
    return UNSAFE.sub(" ", title).strip(" .")[:80].strip() or "untitled"


def make_vault(corpus: Path, vault: Path) -> None:
    """Write the vault of ``corpus`` (see the module text), once."""
    from qagraph.load import load_corpus

    stamp = vault / ".complete"
    if stamp.exists():
        return
    shutil.rmtree(vault, ignore_errors=True)
    print(f"making the vault of {corpus} in {vault} ...", file=sys.stderr)
    articles = load_corpus(corpus).articles
    names: dict[str, str] = {}
    taken: set[str] = set()
    for a in articles:
        name = base = note_name(a.title)
        n = 1
        while name.casefold() in taken:
            n += 1
            name = f"{base} ({n})"
        taken.add(name.casefold())
        names[a.url or a.key] = name
    for a in articles:
        links = [f"[[{names.get(link.url or '', note_name(link.title or 'missing'))}]]" for link in a.related]
        tags = ", ".join(k.replace(",", " ") for k in a.keywords)
        text = f"---\ntags: [{tags}]\n---\n# {a.title}\n\n{a.answer}\n\nRelated: {', '.join(links)}\n"
        path = vault / a.subject_slug / f"{names[a.url or a.key]}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    stamp.write_text("ok\n")


def rebuild(vault: Path, out: Path, full: bool, cache: bool = True) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("BENCH_FULL", None)
    if full:
        env["BENCH_FULL"] = "1"
    done = subprocess.run([sys.executable, "-c", CHILD, str(vault), str(out), "cache" if cache else "none"],
                          env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


class Changes:
    """The four changes of the module text, on a copy of the vault, each with its undo."""

    def __init__(self, vault: Path) -> None:
        self.vault = vault
        notes = sorted(vault.rglob("*.md"))
        self.edited = notes[len(notes) // 2]
        self.linked = notes[len(notes) // 3]  # the added note and the edit link to it
        text = {p: p.read_text(encoding="utf-8") for p in notes[:2000]}
        # a note others link to: deleted, then renamed
        self.popular = next(p for p in notes[:2000] if sum(f"[[{p.stem}]]" in t for t in text.values()) >= 2)
        self.kept: dict[Path, str] = {}

    def make(self, change: str) -> None:
        if change == "edit":
            self.kept[self.edited] = self.edited.read_text(encoding="utf-8")
            self.edited.write_text(self.kept[self.edited] + f"\nSee also [[{self.linked.stem}]].\n", encoding="utf-8")
        elif change == "add":
            added = self.linked.with_name("Bench added note.md")
            added.write_text(f"---\ntags: [benchmark]\n---\nLinks [[{self.linked.stem}]], [[{self.edited.stem}]] and "
                             "[[A note nobody wrote]].\n", encoding="utf-8")
        elif change == "delete":
            self.kept[self.popular] = self.popular.read_text(encoding="utf-8")
            self.popular.unlink()
        elif change == "rename":
            self.popular.rename(self.popular.with_name("Bench renamed note.md"))

    def undo(self, change: str) -> None:
        if change == "edit":
            self.edited.write_text(self.kept.pop(self.edited), encoding="utf-8")
        elif change == "add":
            self.linked.with_name("Bench added note.md").unlink()
        elif change == "delete":
            self.popular.write_text(self.kept.pop(self.popular), encoding="utf-8")
        elif change == "rename":
            self.popular.with_name("Bench renamed note.md").rename(self.popular)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=36000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of every change made and undone")
    parser.add_argument("--changes", default="edit,add,delete,rename")
    args = parser.parse_args()
    corpus = common.ensure_corpus(args.articles)
    vault = common.CORPORA / f"vault-{args.articles}"
    make_vault(corpus, vault)
    common.fresh_bytecode(ROOT)
    with tempfile.TemporaryDirectory(prefix="qagraph-linked-") as tmp:
        work = Path(tmp)
        copy = work / "vault"
        shutil.copytree(vault, copy)
        common.warm(copy)
        outs = {"patched": work / "patched", "full": work / "full"}
        cold = rebuild(copy, work / "cold", full=False, cache=False)
        print(f"vault: {sum(1 for _ in copy.rglob('*.md'))} notes; cold build (no cache) {cold['seconds']:.2f} s")
        for out in outs.values():
            rebuild(copy, out, full=False)
        changes = Changes(copy)
        times: dict[str, dict[str, list[float]]] = {}
        for r in range(args.rounds):
            for change in args.changes.split(","):
                for step in (changes.make, changes.undo):
                    step(change)
                    order = ["patched", "full"] if r % 2 == 0 else ["full", "patched"]
                    for mode in order:
                        result = rebuild(copy, outs[mode], full=mode == "full")
                        assert result["incremental"] == (mode == "patched"), (change, mode, result)
                        times.setdefault(change, {}).setdefault(mode, []).append(result["seconds"])
                print(f"round {r + 1} {change:7} patched " + " ".join(f"{t:.2f}" for t in times[change]["patched"][-2:])
                      + " | full " + " ".join(f"{t:.2f}" for t in times[change]["full"][-2:]), flush=True)
        print(f"\n{'change':8} {'patched':>8} {'full':>8} {'ratio':>6} {'x cold':>7}")
        for change, by_mode in times.items():
            p, f = statistics.median(by_mode["patched"]), statistics.median(by_mode["full"])
            print(f"{change:8} {p:8.2f} {f:8.2f} {p / f:6.2f} {p / cold['seconds']:7.2f}")
        print("\nequal to a cold build of the same content:")
        for change in args.changes.split(","):
            changes.make(change)
            rebuild(copy, outs["patched"], full=False)
            shutil.rmtree(work / "cold", ignore_errors=True)
            rebuild(copy, work / "cold", full=False, cache=False)
            same = (outputs_digest(outs["patched"]) == outputs_digest(work / "cold")
                    and database_rows(outs["patched"]) == database_rows(work / "cold"))
            print(f"  {change:8} {'yes' if same else 'NO'}", flush=True)
            changes.undo(change)
            rebuild(copy, outs["patched"], full=False)
            if not same:
                raise SystemExit(f"{change}: the patched build differs from a cold build")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"({time.perf_counter() - started:.0f} s)")
