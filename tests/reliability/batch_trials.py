"""Measurements of `pinggu batch` at archive scale (RELIABILITY.md quotes their output).

Not CI tests (they take from minutes to an hour): CI runs small versions of the same
properties (tests/test_batch_crash.py) with the helpers below. Each subcommand makes
distinct copies of one corpus PDF (a comment line appended after %%EOF, so each copy
has its own sha256 and is extracted, not skipped), runs the real CLI in a subprocess
and checks the store afterwards.

    .venv/bin/python tests/reliability/batch_trials.py scale --files 10000 --workers 2
    .venv/bin/python tests/reliability/batch_trials.py kill-worker --files 50 --kills 5
    .venv/bin/python tests/reliability/batch_trials.py kill-resume --trials 20 --files 40
    .venv/bin/python tests/reliability/batch_trials.py opens --rounds 200 --procs 2
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from extractor.store.report_rows import CHILD_TABLES

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "corpora" / "generated" / "gen_001.pdf"
PINGGU = [str(Path(sys.executable).with_name("pinggu"))]  # the venv's entry point


def make_copies(source: Path, folder: Path, n: int, start: int = 0) -> list[Path]:
    """`n` copies of `source` in `folder`, each with its own content (a trailing comment
    after %%EOF, which PDF readers ignore)."""
    folder.mkdir(parents=True, exist_ok=True)
    data = source.read_bytes()
    paths = []
    for i in range(start, start + n):
        path = folder / f"copy_{i:05d}.pdf"
        path.write_bytes(data + f"%pinggu-copy {i:05d}\n".encode())
        paths.append(path)
    return paths


def children(pid: int) -> list[int]:
    """Direct children of `pid` (Linux /proc)."""
    out = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat") as fh:
                stat = fh.read()
        except OSError:
            continue
        # pid (comm) state ppid ...; comm may hold spaces and parentheses
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[1]) == pid:
            out.append(int(entry.name))
    return out


def rss_kb(pid: int) -> int | None:
    """VmRSS of `pid` in kB, None once it has exited."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def start_batch(folder: Path, db: Path, workers: int, *extra: str) -> subprocess.Popen[bytes]:
    cmd = [*PINGGU, "batch", str(folder), "--db", str(db), "--workers", str(workers), *extra]
    return subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )


def stored(db: Path) -> int:
    """Reports stored so far, read while a batch writes (0 before the store exists)."""
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM reports").fetchone()[0])
    except sqlite3.Error:
        return 0


@dataclass
class StoreCheck:
    """What a finished store says about N input files with N distinct contents."""

    files_rows: int
    distinct_paths: int
    reports: int
    stored: int
    failed: int
    pending: int
    orphan_rows: int
    integrity: str
    problems: list[str] = field(default_factory=list)


def check_store(db: Path, paths: list[Path]) -> StoreCheck:
    """Each input path exactly once in `files`, each content at most once in `reports`,
    no child row without its report, SQLite's integrity check clean."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT raw_path, sha256 FROM files").fetchall()
        status = dict(conn.execute("SELECT status, count(*) FROM file_status GROUP BY status"))
        orphans = sum(
            conn.execute(
                f"SELECT count(*) FROM {t} WHERE sha256 NOT IN (SELECT sha256 FROM reports)"
            ).fetchone()[0]
            for t in (*CHILD_TABLES, "records")
        )
        check = StoreCheck(
            files_rows=len(rows),
            distinct_paths=len({r[0] for r in rows}),
            reports=conn.execute("SELECT count(*) FROM reports").fetchone()[0],
            stored=status.get("stored", 0),
            failed=status.get("failed", 0),
            pending=status.get("pending", 0),
            orphan_rows=orphans,
            integrity=conn.execute("PRAGMA integrity_check").fetchone()[0],
        )
    expected = {os.fsencode(os.path.abspath(p)) for p in paths}
    if {r[0] for r in rows} != expected:
        check.problems.append("files rows are not exactly the input paths")
    if check.files_rows != len(paths):
        check.problems.append(f"{check.files_rows} files rows for {len(paths)} paths")
    if check.reports != check.stored:
        check.problems.append(f"{check.reports} reports for {check.stored} stored files")
    if check.stored + check.failed != len(paths) or check.pending:
        check.problems.append(f"{check.pending} files pending")
    if check.orphan_rows:
        check.problems.append(f"{check.orphan_rows} orphan child rows")
    if check.integrity != "ok":
        check.problems.append(f"integrity_check: {check.integrity}")
    return check


def scale(args: argparse.Namespace) -> dict[str, object]:
    """Parent RSS over a batch of `--files` distinct copies with `--workers` children."""
    work = Path(args.dir or tempfile.mkdtemp(prefix="pinggu-scale-"))
    folder, db = work / "in", work / "scale.sqlite"
    paths = sorted(folder.glob("*.pdf")) if folder.exists() else []
    if len(paths) != args.files:
        paths = make_copies(Path(args.source), folder, args.files)
    db.unlink(missing_ok=True)
    started = time.monotonic()
    proc = start_batch(folder, db, args.workers)
    samples: list[tuple[float, int, int]] = []  # (s, files stored, RSS kB)
    next_count = 0.0
    while proc.poll() is None:
        rss = rss_kb(proc.pid)
        if rss is not None and time.monotonic() >= next_count:
            samples.append((round(time.monotonic() - started, 1), stored(db), rss))
            print(json.dumps(samples[-1]), file=sys.stderr, flush=True)  # a long run's progress
            next_count = time.monotonic() + args.every
        time.sleep(0.2)
    elapsed = time.monotonic() - started
    check = check_store(db, paths)
    warm = [s for s in samples if s[1] >= args.warmup]
    base = warm[0][2] if warm else None
    peak = max(s[2] for s in samples) if samples else None
    peak_after = max(s[2] for s in warm) if warm else None
    step = max(1, len(samples) // 20)
    return {
        "files": args.files,
        "workers": args.workers,
        "exit_code": proc.returncode,
        "elapsed_s": round(elapsed, 1),
        "files_per_s": round(args.files / elapsed, 2),
        "rss_kb_after_warmup": base,
        "rss_kb_peak_after_warmup": peak_after,
        "rss_growth_mb": round((peak_after - base) / 1024, 1) if base and peak_after else None,
        "rss_kb_peak": peak,
        "timeline": samples[::step] + samples[-1:],
        "store": asdict(check),
    }


def kill_worker(args: argparse.Namespace) -> dict[str, object]:
    """Kill a parsing child with SIGKILL `--kills` times during one run; what did it cost?"""
    work = Path(tempfile.mkdtemp(prefix="pinggu-killw-"))
    paths = make_copies(Path(args.source), work / "in", args.files)
    db = work / "kw.sqlite"
    proc = start_batch(work / "in", db, args.workers)
    killed: list[int] = []
    at = sorted(random.Random(args.seed).sample(range(2, args.files - 2), args.kills))
    while proc.poll() is None and at:
        if stored(db) >= at[0]:
            kids = children(proc.pid)
            if kids:
                os.kill(random.Random(at[0]).choice(kids), signal.SIGKILL)
                killed.append(at.pop(0))
        time.sleep(0.05)
    proc.wait()
    check = check_store(db, paths)
    return {
        "files": args.files,
        "workers": args.workers,
        "children_killed": len(killed),
        "killed_after_stored": killed,
        "exit_code": proc.returncode,
        "store": asdict(check),
        "files_lost": len(paths) - check.stored,
    }


def kill_resume(args: argparse.Namespace) -> dict[str, object]:
    """`--trials` times: a fresh store, the batch killed with SIGKILL mid-run, its
    children checked gone, then rerun to the end; each trial's store must hold each
    file exactly once. A quarter of the kills land in the first seconds (store
    creation, warm-up, first parses), the rest once a random number of files is stored
    (plus up to half a second), so every kill lands before the run ends."""
    work = Path(tempfile.mkdtemp(prefix="pinggu-resume-"))
    paths = make_copies(Path(args.source), work / "in", args.files)
    rng = random.Random(args.seed)
    trials = []
    for trial in range(args.trials):
        db = work / f"trial_{trial:02d}.sqlite"
        early = rng.random() < 0.25
        target = 0 if early else rng.randint(1, args.files - 1)
        delay = rng.uniform(0.0, 3.0) if early else rng.uniform(0.0, 0.5)
        proc = start_batch(work / "in", db, args.workers)
        started = time.monotonic()
        while target and stored(db) < target and proc.poll() is None:
            time.sleep(0.02)
        time.sleep(delay)
        kids = children(proc.pid)
        finished_first = proc.poll() is not None
        if not finished_first:
            os.kill(proc.pid, signal.SIGKILL)  # the parent only: its children must follow
        proc.wait()
        killed_at = time.monotonic() - started
        time.sleep(0.3)
        left = [k for k in kids if _alive(k)]
        before = stored(db)
        rerun = start_batch(work / "in", db, args.workers)
        rerun.wait()
        check = check_store(db, paths)
        trials.append(
            {
                "trial": trial,
                "killed_after_s": round(killed_at, 2),
                "finished_before_kill": finished_first,
                "stored_at_kill": before,
                "children_at_kill": len(kids),
                "children_left_after_kill": len(left),
                "rerun_exit_code": rerun.returncode,
                "problems": check.problems,
            }
        )
        for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            leftover.unlink(missing_ok=True)
    return {
        "files": args.files,
        "workers": args.workers,
        "trials": trials,
        "killed_mid_run": sum(1 for t in trials if not t["finished_before_kill"]),
        "trials_clean": sum(
            1 for t in trials if not t["problems"] and not t["children_left_after_kill"]
        ),
    }


def _open_store_at(db: str, start: float) -> None:
    from extractor.store import open_store

    time.sleep(max(0.0, start - time.time()))
    try:
        open_store(Path(db)).close()
    except Exception as exc:
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        os._exit(1)
    os._exit(0)


def opens(args: argparse.Namespace) -> dict[str, object]:
    """`--rounds` new stores, each opened by `--procs` processes at the same instant."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    work = Path(tempfile.mkdtemp(prefix="pinggu-opens-"))
    failed = 0
    for r in range(args.rounds):
        db = work / f"s{r}.sqlite"
        start = time.time() + 0.05
        procs = [
            ctx.Process(target=_open_store_at, args=(str(db), start)) for _ in range(args.procs)
        ]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
            failed += p.exitcode != 0
    return {"opens": args.rounds * args.procs, "failed": failed, "stores": args.rounds}


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return False


def main() -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--source", default=str(SOURCE), help="the PDF to copy")
    common.add_argument("--workers", type=int, default=2)
    common.add_argument("--seed", type=int, default=9)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("scale", parents=[common])
    p.add_argument("--files", type=int, default=10000)
    p.add_argument("--dir", help="work folder (copies are reused when present)")
    p.add_argument("--every", type=float, default=5.0, help="seconds between RSS samples")
    p.add_argument("--warmup", type=int, default=50, help="files stored before the baseline")
    p = sub.add_parser("kill-worker", parents=[common])
    p.add_argument("--files", type=int, default=50)
    p.add_argument("--kills", type=int, default=5)
    p = sub.add_parser("kill-resume", parents=[common])
    p.add_argument("--files", type=int, default=40)
    p.add_argument("--trials", type=int, default=20)
    p = sub.add_parser("opens", parents=[common])
    p.add_argument("--rounds", type=int, default=200)
    p.add_argument("--procs", type=int, default=2)
    args = parser.parse_args()
    run = {"scale": scale, "kill-worker": kill_worker, "kill-resume": kill_resume, "opens": opens}
    print(json.dumps(run[args.command](args), ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
