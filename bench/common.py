"""What the benchmark scripts share: the generated corpora and running a measurement in a fresh process."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPORA = HERE / "corpora"


def ensure_corpus(n: int, root: Path = CORPORA) -> Path:
    """``root/<n>``: the generated corpus of ``n`` articles (seed 0), made once and kept."""
    from generate import generate

    target = root / str(n)
    stamp = target / ".complete"
    if not stamp.exists():
        shutil.rmtree(target, ignore_errors=True)
        print(f"generating {n} articles into {target} ...", file=sys.stderr)
        generate(target, n, seed=0)
        stamp.write_text("ok\n")
    return target


def run_child(script: str, *args: str) -> dict:
    """Run ``script _child ARGS`` in a fresh Python (so its peak memory is its own); its last stdout line is JSON."""
    proc = subprocess.run([sys.executable, script, "_child", *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child {args} failed:\n{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])
