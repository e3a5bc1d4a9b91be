"""`pinggu batch`: a folder of report PDFs into one SQLite store, file by file.

Each file is keyed by its sha256: files already stored are skipped (unless `force`), so
a rerun after a crash neither redoes nor duplicates finished work, and a failure costs
one file, never the batch. Extraction runs where the work is (in this process, in a
fork-based process pool, or on a Dask cluster); only this process writes to SQLite, so
the store needs no locking beyond SQLite's own.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from extractor import pipeline
from extractor.errors import MissingDependencyError, MissingFileError, PingguError
from extractor.records import Report
from extractor.store import FailureRow, Store, open_store
from extractor.store.sqlite import failure_row

_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one file: a report or the reason it failed (picklable both ways)."""

    path: Path
    sha256: str | None
    report: Report | None = None
    failure: FailureRow | None = None


@dataclass(slots=True)
class BatchProgress:
    """Handed to `on_progress` once before the first file and after every file."""

    total: int  # files to extract this run (found minus skipped)
    finished: int = 0
    failed: int = 0
    skipped: int = 0
    last: Outcome | None = None


@dataclass(slots=True)
class BatchResult:
    found: int = 0
    done: int = 0
    skipped: int = 0
    failures: list[FailureRow] = field(default_factory=list)
    elapsed_s: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failures


def find_pdfs(inputs: list[Path]) -> list[Path]:
    """Named files as given (a non-PDF then fails with its reason); folders searched
    recursively for *.pdf in any case; each file once, in a stable order."""
    out: dict[Path, Path] = {}
    for item in inputs:
        if item.is_dir():
            found = (p for p in item.rglob("*") if p.suffix.lower() == ".pdf" and p.is_file())
            for p in sorted(found):
                out.setdefault(p.resolve(), p)
        else:
            out.setdefault(item.resolve(), item)
    return list(out.values())


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                h.update(chunk)
    except OSError as exc:
        raise MissingFileError(path, exc.strerror or str(exc)) from None
    return h.hexdigest()


def extract_one(
    path: Path, sha256: str, options: pipeline.PipelineOptions, redact: bool = False
) -> Outcome:
    """Extract one file wherever this runs (pool worker, Dask worker, this process);
    never raises, so one file's problem, even a bug, cannot stop the batch."""
    try:
        pipeline.warm()  # cached: free where the parent warmed before forking
        report = pipeline.extract(path, options)
        if redact:
            from extractor.exports import redact as redact_names

            report = redact_names(report)
        if not report.source.sha256:
            report.source.sha256 = sha256
        return Outcome(path, sha256, report=report)
    except Exception as exc:
        return Outcome(path, sha256, failure=failure_row(path, exc, sha256))


def _sequential(
    todo: list[tuple[Path, str]], options: pipeline.PipelineOptions, redact: bool
) -> Iterator[Outcome]:
    for path, sha in todo:
        yield extract_one(path, sha, options, redact)


def _pool(
    todo: list[tuple[Path, str]], options: pipeline.PipelineOptions, redact: bool, workers: int
) -> Iterator[Outcome]:
    # fork: workers inherit the warmed spaCy pipeline and need no picklable entry point.
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("fork")) as ex:
        futures: dict[Future[Outcome], tuple[Path, str]] = {
            ex.submit(extract_one, path, sha, options, redact): (path, sha) for path, sha in todo
        }
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except Exception as exc:  # a worker died (BrokenProcessPool): record, go on
                path, sha = futures[fut]
                yield Outcome(path, sha, failure=failure_row(path, exc, sha))


def _dask(
    todo: list[tuple[Path, str]], options: pipeline.PipelineOptions, redact: bool, address: str
) -> Iterator[Outcome]:
    """Spread the files over a Dask cluster; the workers must see the same paths."""
    try:
        from dask.distributed import Client
        from dask.distributed import as_completed as dask_completed
    except ImportError as exc:
        raise MissingDependencyError("--dask-scheduler", "dask", str(exc)) from None
    client: Any = Client(address)
    try:
        paths = [p for p, _ in todo]
        shas = [s for _, s in todo]
        futures = client.map(extract_one, paths, shas, options=options, redact=redact, pure=False)
        index = {f.key: item for f, item in zip(futures, todo, strict=True)}
        for fut in dask_completed(futures):
            try:
                yield fut.result()
            except Exception as exc:  # worker lost, result not deserialisable, ...
                path, sha = index[fut.key]
                yield Outcome(path, sha, failure=failure_row(path, exc, sha))
    finally:
        client.close()


def run_batch(
    inputs: list[Path],
    db: Path,
    options: pipeline.PipelineOptions,
    workers: int = 1,
    redact: bool = False,
    dask_scheduler: str | None = None,
    on_progress: Callable[[BatchProgress], None] | None = None,
    force: bool = False,
) -> BatchResult:
    """Extract every PDF under `inputs` not yet in the store at `db` into it."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if dask_scheduler:  # fail before any work, not after hashing 2,000 files
        try:
            import dask.distributed  # noqa: F401
        except ImportError as exc:
            raise MissingDependencyError("--dask-scheduler", "dask", str(exc)) from None
    start = time.perf_counter()
    result = BatchResult()
    with open_store(db) as store:
        todo = _pending(find_pdfs(inputs), store, force, result)
        progress = BatchProgress(total=len(todo), skipped=result.skipped)
        if on_progress:
            on_progress(progress)
        if todo:
            pipeline.warm()  # once here: the forked children inherit it
        if dask_scheduler:
            outcomes = _dask(todo, options, redact, dask_scheduler)
        elif workers > 1 and len(todo) > 1:
            outcomes = _pool(todo, options, redact, workers)
        else:
            outcomes = _sequential(todo, options, redact)
        for outcome in outcomes:
            _record(store, outcome, result)
            progress.finished += 1
            progress.failed = len(result.failures)
            progress.last = outcome
            if on_progress:
                on_progress(progress)
    result.elapsed_s = time.perf_counter() - start
    return result


def _pending(
    paths: list[Path], store: Store, force: bool, result: BatchResult
) -> list[tuple[Path, str]]:
    """(path, sha256) of the files to extract; unreadable files fail here, files whose
    content is stored (or repeats an earlier file of this run) count as skipped."""
    result.found = len(paths)
    stored = set() if force else store.hashes()
    todo: list[tuple[Path, str]] = []
    for path in paths:
        try:
            sha = file_sha256(path)
        except PingguError as exc:
            row = failure_row(path, exc)
            store.fail(path, row)
            result.failures.append(row)
            continue
        if sha in stored:
            result.skipped += 1
            store.clear_failure(path)
            continue
        stored.add(sha)
        todo.append((path, sha))
    return todo


def _record(store: Store, outcome: Outcome, result: BatchResult) -> None:
    if outcome.report is not None:
        try:
            store.save(outcome.report, outcome.path)
            result.done += 1
            return
        except Exception as exc:  # e.g. a record SQLite cannot take: one file, not all
            failure = failure_row(outcome.path, exc, outcome.sha256)
    else:
        assert outcome.failure is not None
        failure = outcome.failure
    store.fail(outcome.path, failure)
    result.failures.append(failure)


def failures_csv_path(db: Path) -> Path:
    """`pinggu.sqlite` → `pinggu.sqlite.failures.csv`, beside the store."""
    return db.with_name(db.name + ".failures.csv")


def write_failures_csv(failures: list[FailureRow], path: Path) -> None:
    """This run's failures as CSV (path, error_type, exit_code, message, hint); a run
    without failures removes the file a previous run left, so it never looks current."""
    import csv

    if not failures:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "sha256", "error_type", "exit_code", "message", "hint"])
        for f in failures:
            w.writerow([f.path, f.sha256 or "", f.error_type, f.exit_code, f.message, f.hint])
