"""Random edits, each followed by a patched build and a cold one, compared output by output.

    python bench/fuzz_incremental.py [START] [N]                      # random Q&A corpora
    python bench/fuzz_incremental.py --folder DIR PRESET [START] [N]  # edits of a copy of any corpus

With --folder, each seed copies DIR and makes 8 steps of one or two random edits of its files (body,
title, tags, links by path and by name, add, delete, rename, move, a file made invalid and then
valid, a link to another file, touch without change); deterministic for a seed.
"""
import os, re, sys, random, shutil, difflib
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
import qagraph
from test_incremental import _write, _path, SUBJECTS, KEYWORDS, TITLES
from test_pipeline import database_rows, outputs_of

def rand_article(r):
    rel = []
    for _ in range(r.randint(0, 4)):
        rel.append((r.choice("abcdxy"), r.choice(["biology", "physics", "computer-science"]), r.choice([None, r.randint(1, 8)]), r.random() < .5))
    return {"slug": r.choice("abcdefgh"), "subject": r.choice(SUBJECTS), "id": r.randint(1, 6), "title": r.choice(TITLES),
            "keywords": r.sample(KEYWORDS, r.randint(0, 5)), "related": rel, "broken": r.choice([None]*8 + ["yaml", "no-title"])}

def patched_equals_cold(root, out, cold, said, **options):
    """Build ``root`` patched into ``out`` and cold into ``cold``; whether every output and database row
    is the same (else the differences are printed, after ``said``: what the step did)."""
    kg = qagraph.build(root, out=out, **options)
    shutil.rmtree(cold, ignore_errors=True); qagraph.build(root, out=cold, cache=False, **options)
    A, B = outputs_of(out), outputs_of(cold)
    ra, rb = database_rows(out), database_rows(cold)
    if A == B and ra == rb:
        return True
    print(said, "incremental", kg.build_info.incremental)
    for name in sorted(set(A) | set(B)):
        if A.get(name) != B.get(name):
            a = (A.get(name) or b"").decode(errors="replace").splitlines(); b = (B.get(name) or b"").decode(errors="replace").splitlines()
            print("DIFF", name); print("\n".join(x[:400] for x in list(difflib.unified_diff(b, a, "cold", "inc", lineterm="", n=0))[:30]))
    print("\n".join(x[:400] for x in list(difflib.unified_diff(rb, ra, "cold", "inc", lineterm="", n=0))[:30]))
    return False

def run(seed):
    r = random.Random(seed)
    tmp = Path(f"/tmp/incfuzz/{seed}"); shutil.rmtree(tmp, ignore_errors=True); tmp.mkdir(parents=True)
    root, out, cold = tmp / "content", tmp / "out", tmp / "cold"
    articles = {}
    for _ in range(r.randint(3, 12)):
        a = rand_article(r); articles.setdefault(_path(a), a)
    _write(root, articles); qagraph.build(root, out=out)
    for step_no in range(r.randint(1, 3)):
        paths = sorted(articles); kind = r.choice(["add", "delete", "replace", "keywords"])
        if kind == "add":
            a = rand_article(r); articles.setdefault(_path(a), a)
        elif kind == "delete" and paths:
            articles.pop(r.choice(paths))
        elif kind == "replace" and paths:
            old = r.choice(paths); new = dict(rand_article(r), slug=articles[old]["slug"], subject=articles[old]["subject"]); articles[old] = new
        elif kind == "keywords" and paths:
            articles[r.choice(paths)]["keywords"] = r.sample(KEYWORDS, r.randint(0, 5))
        _write(root, articles)
        if not patched_equals_cold(root, out, cold, f"SEED {seed} step {step_no} {kind}"):
            return False
    shutil.rmtree(tmp, ignore_errors=True)
    return True

PAGES = (".md", ".markdown", ".mdx", ".html", ".rst", ".qmd")


def _set_field(text, key, value):
    """``text`` with front-matter field ``key`` set to ``value`` (None: removed), or front matter added."""
    if not text.startswith("---\n") or text.find("\n---", 4) < 0:
        return f"---\n{key}: {value}\n---\n{text}" if value is not None else text
    end = text.find("\n---", 4)
    lines = [line for line in text[4:end].split("\n") if not re.match(rf"{re.escape(key)}\s*:", line)]
    return "---\n" + "\n".join(lines + ([f"{key}: {value}"] if value is not None else [])) + text[end:]


def edit_folder(r, root, broken):
    """One random edit of the pages under ``root``; ``broken`` keeps what an invalid file held."""
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.suffix in PAGES)
    kind = r.choice(["body", "title", "tags", "link", "add", "delete", "rename", "move", "invalid", "symlink", "touch"])
    if not pages or kind == "add":
        folder = r.choice(pages).rpartition("/")[0] if pages else ""
        (root / folder / "added-page.md").write_text("---\ntitle: Added\ntags: [cells]\n---\nText.\n")
        return f"add {folder}/added-page.md"
    name = r.choice(pages)
    path = root / name
    text = path.read_text(errors="replace")
    if kind == "body":
        path.write_text(text + "\nMore about cells and graphs.\n")
    elif kind == "title":
        path.write_text(_set_field(text, "title", r.choice(["Graph", "Tree", None])))
    elif kind == "tags":
        path.write_text(_set_field(text, "tags", r.choice(["[cells, Energy]", "[]", None])))
    elif kind == "link":
        target = r.choice(pages)
        path.write_text(text + "\n" + r.choice([f"[l]({os.path.relpath(target, name.rpartition('/')[0] or '.')})",
                                                f"[[{Path(target).stem}]]", "[[Nowhere]]", "[m](missing.md)"]) + "\n")
    elif kind == "delete":
        path.unlink()
    elif kind in ("rename", "move"):
        folders = sorted({p.rpartition("/")[0] for p in pages} | {"moved"})
        target = path.with_name("renamed" + path.suffix) if kind == "rename" else root / r.choice(folders) / path.name
        if target.exists():
            return f"{kind} {name}: taken"
        target.parent.mkdir(parents=True, exist_ok=True)
        path.rename(target)
    elif kind == "invalid":
        broken[name] = text
        path.write_text("---\ntitle: [unclosed\n" + text.removeprefix("---\n"))
    elif kind == "symlink":
        link = path.with_name("link-" + path.name)
        if link.exists() or link.is_symlink():
            return f"symlink {name}: taken"
        link.symlink_to(root / r.choice(pages))
    else:
        os.utime(path)
    return f"{kind} {name}"


def run_folder(source, preset, seed, steps=8):
    r = random.Random(seed)
    tmp = Path(f"/tmp/incfuzz/folder-{seed}"); shutil.rmtree(tmp, ignore_errors=True); tmp.mkdir(parents=True)
    root, out, cold = tmp / "content", tmp / "out", tmp / "cold"
    shutil.copytree(source, root, symlinks=True)
    qagraph.build(root, out=out, preset=preset)
    broken = {}
    for step_no in range(steps):
        done = []
        for name, text in list(broken.items()):  # an invalid file made valid again, most of the time
            if r.random() < .7:
                if (root / name).exists():
                    (root / name).write_text(text)
                done.append(f"fixed {name}"); broken.pop(name)
        done += [edit_folder(r, root, broken) for _ in range(r.choice([1, 1, 1, 2]))]
        if not patched_equals_cold(root, out, cold, f"SEED {seed} step {step_no} {done}", preset=preset):
            return False
    shutil.rmtree(tmp, ignore_errors=True)
    return True


if __name__ == "__main__":
    args = sys.argv[1:]
    folder = args[:3] if args[:1] == ["--folder"] else None
    args = args[3:] if folder else args
    start = int(args[0]) if args else 0
    n = int(args[1]) if len(args) > 1 else 50
    for seed in range(start, start + n):
        if not (run_folder(folder[1], folder[2], seed) if folder else run(seed)):
            break
    else:
        print("all ok")
