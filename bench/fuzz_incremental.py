import sys, random, shutil, difflib
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

def run(seed, verbose=False):
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
        kg = qagraph.build(root, out=out)
        shutil.rmtree(cold, ignore_errors=True); qagraph.build(root, out=cold, cache=False)
        A, B = outputs_of(out), outputs_of(cold)
        ra, rb = database_rows(out), database_rows(cold)
        if A != B or ra != rb:
            print("SEED", seed, "step", step_no, kind, "incremental", kg.build_info.incremental)
            for name in sorted(set(A) | set(B)):
                if A.get(name) != B.get(name):
                    print("DIFF", name)
                    if verbose:
                        a = (A.get(name) or b"").decode(errors="replace").splitlines(); b = (B.get(name) or b"").decode(errors="replace").splitlines()
                        print("\n".join(x[:400] for x in list(difflib.unified_diff(b, a, "cold", "inc", lineterm="", n=0))[:30]))
            print("\n".join(x[:400] for x in list(difflib.unified_diff(rb, ra, "cold", "inc", lineterm="", n=0))[:30]))
            return False
    shutil.rmtree(tmp, ignore_errors=True)
    return True

if __name__ == "__main__":
    start = int(sys.argv[1]) if len(sys.argv) > 1 else 0
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    for seed in range(start, start + n):
        if not run(seed, verbose=True):
            break
    else:
        print("all ok")
