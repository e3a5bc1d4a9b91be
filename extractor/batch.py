"""`pinggu batch`: a folder of report PDFs into one SQLite store, file by file.

Built for archives of thousands of files, where anything that can go wrong will:

- Each path is hashed as it comes up; content already stored (same sha256, under this
  name or another) is not extracted again but its path is recorded in `files`, so a
  rerun after a crash does only what is left and copies stay visible.
- Extraction runs in `extractor.pool` (forked, bounded children of this process, at
  most `workers` at once) or on a Dask cluster; only this process writes the store,
  one transaction per file. A child that dies costs its own file at most (retried
  once, alone, then `WorkerCrashError`).
- Every outcome is recorded: a report, or a failure with its reason; a failure to
  record is caught too (listed with the run's failures), and only a store that keeps
  refusing writes stops the batch.
- Nothing is kept per file once recorded, so memory stays flat over any number of
  files (the run's failures excepted, a few hundred bytes each).
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from extractor import pipeline
from extractor.errors import MissingDependencyError, MissingFileError, PingguError, StoreError
from extractor.filenames import shown
from extractor.pipeline import find_pdfs
from extractor.pool import run_each
from extractor.records import Report
from extractor.store import FailureRow, FileSeen, Store, failure_row, open_store

_CHUNK = 1 << 20
# Consecutive files the store refused to record before the batch stops: a full disk or
# a store gone read-only would otherwise have every further file extracted in vain.
STORE_FAILURES_TO_STOP = 3


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

    total: int  # files found
    finished: int = 0  # files with an outcome this run: stored, skipped or failed
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


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(_CHUNK):
                h.update(chunk)
    except OSError as exc:
        raise MissingFileError(path, exc.strerror or str(exc)) from None
    return h.hexdigest()


def extract_report(
    path: Path, sha256: str, options: pipeline.PipelineOptions, redact: bool = False
) -> Report:
    """One file's report, computed where this runs (a pool child, a Dask worker)."""
    pipeline.warm()  # cached: free where the parent warmed before forking
    report = pipeline.extract(path, options)
    if redact:
        from extractor.redaction import redact as redact_names

        report = redact_names(report)
    if not report.source.sha256:
        report.source.sha256 = sha256
    return report


def extract_one(
    path: Path, sha256: str, options: pipeline.PipelineOptions, redact: bool = False
) -> Outcome:
    """`extract_report` that never raises (for Dask workers): one file's problem, even a
    bug, cannot stop the batch."""
    try:
        return Outcome(path, sha256, report=extract_report(path, sha256, options, redact))
    except Exception as exc:
        return Outcome(path, sha256, failure=failure_row(path, exc, sha256))


@dataclass(frozen=True, slots=True)
class _Job:
    path: Path
    sha256: str


def _pooled(
    jobs: Iterable[_Job], options: pipeline.PipelineOptions, redact: bool, workers: int
) -> Iterator[Outcome]:
    """Each job in a bounded child of this process; the child parses in-process (the
    pool is its bound), so no second fork per file."""
    inner = replace(options, limits=replace(options.limits, enabled=False))

    def run(job: _Job) -> Report:
        return extract_report(job.path, job.sha256, inner, redact)

    for done in run_each(run, jobs, workers=workers, limits=options.limits, label=lambda j: j.path):
        job = done.item
        if done.error is None and done.value is not None:
            yield Outcome(job.path, job.sha256, report=done.value)
        else:
            error = done.error or RuntimeError("no report and no error")
            yield Outcome(job.path, job.sha256, failure=failure_row(job.path, error, job.sha256))


def _dask(
    jobs: Iterator[_Job], options: pipeline.PipelineOptions, redact: bool, address: str
) -> Iterator[Outcome]:
    """Spread the files over a Dask cluster (the workers must see the same paths), with
    twice as many files in flight as the cluster has threads and each future released
    once recorded, so neither side holds finished reports."""
    try:
        from dask.distributed import Client
        from dask.distributed import as_completed as dask_completed
    except ImportError as exc:
        raise MissingDependencyError("--dask-scheduler", "dask", str(exc)) from None
    client: Any = Client(address)
    try:
        window = max(2, 2 * sum(client.nthreads().values()))
        held: dict[str, _Job] = {}
        flow: Any = dask_completed()

        def submit() -> None:
            job = next(jobs, None)
            if job is not None:
                # A worker runs in its own directory, maybe on another machine: it gets
                # the absolute path (the cluster must mount the files at the same place).
                where = Path(os.path.abspath(job.path))
                fut = client.submit(extract_one, where, job.sha256, options, redact, pure=False)
                held[fut.key] = job
                flow.add(fut)

        for _ in range(window):
            submit()
        for fut in flow:
            job = held.pop(fut.key)
            try:
                outcome: Outcome = fut.result()
            except Exception as exc:  # worker lost, result not deserialisable, ...
                outcome = Outcome(job.path, job.sha256, failure=failure_row(job.path, exc))
            fut.release()
            yield outcome
            submit()
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
    """Extract every PDF under `inputs` whose content is not yet in the store at `db`."""
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
        paths = find_pdfs(inputs)
        result.found = len(paths)
        run = _Run(store, result, BatchProgress(total=len(paths)), on_progress)
        run.show(None)
        jobs = run.jobs(paths, force)
        if dask_scheduler:
            outcomes = _dask(jobs, options, redact, dask_scheduler)
        else:
            outcomes = _pooled(jobs, options, redact, workers)
        for outcome in outcomes:
            run.record(outcome)
    result.elapsed_s = time.perf_counter() - start
    return result


class _Run:
    """One batch run's bookkeeping: decides what to extract, records every outcome."""

    def __init__(
        self,
        store: Store,
        result: BatchResult,
        progress: BatchProgress,
        on_progress: Callable[[BatchProgress], None] | None,
    ) -> None:
        self.store, self.result, self.progress, self.on_progress = (
            store,
            result,
            progress,
            on_progress,
        )
        # sha256 being extracted → (its file, other paths with the same content)
        self.waiting: dict[str, tuple[FileSeen, list[FileSeen]]] = {}
        self.handled: set[str] = set()  # contents done this run (~150 bytes each)
        self.refused = 0  # consecutive files the store would not record
        self.warm = False

    def jobs(self, paths: list[Path], force: bool) -> Iterator[_Job]:
        """The files to extract, hashed one by one as the pool asks for work; unreadable
        files and content already stored are recorded here and not handed out."""
        for path in paths:
            try:
                seen = FileSeen.of(path, file_sha256(path))
            except PingguError as exc:
                self._fail(FileSeen.of(path, None), failure_row(path, exc))
                continue
            sha = seen.sha256
            assert sha is not None
            if sha in self.waiting:  # same content as a file being extracted right now
                self.waiting[sha][1].append(seen)
                continue
            if sha in self.handled or (not force and self.store.has(sha)):
                self._skip(seen)
                continue
            self.handled.add(sha)
            self.waiting[sha] = (seen, [])
            if not self.warm:  # once, here: the forked children inherit it
                pipeline.warm()
                self.warm = True
            yield _Job(path, sha)

    def record(self, outcome: Outcome) -> None:
        """Record one extracted file and the copies of its content that waited for it."""
        sha = outcome.sha256 or ""
        seen, copies = self.waiting.pop(sha, (FileSeen.of(outcome.path, sha), []))
        failure = outcome.failure
        report = outcome.report
        if report is not None:
            try:
                self._guarded(lambda: self.store.save(report, outcome.path, seen))
            except _Unrecorded as exc:
                failure = failure_row(outcome.path, exc.cause, sha)
            else:
                self.result.done += 1
                self.show(outcome)
        if failure is not None:
            self._fail(seen, failure)
        for copy in copies:
            if failure is None:
                self._skip(copy)
            else:
                self._fail(copy, replace(failure, path=shown(copy.path)))

    def _skip(self, seen: FileSeen) -> None:
        try:
            self._guarded(lambda: self.store.saw(seen))
        except _Unrecorded:
            pass  # the content is stored; only this path's row is missing until a rerun
        self.result.skipped += 1
        self.progress.skipped += 1
        self.show(Outcome(seen.path, seen.sha256))

    def _fail(self, seen: FileSeen, failure: FailureRow) -> None:
        """Record a failure; when the store refuses, the failure is still listed (CSV),
        its message saying it is not in the store."""
        try:
            self._guarded(lambda: self.store.fail(seen.path, failure, seen=seen))
        except _Unrecorded as exc:
            note = f" [not recorded in the store: {type(exc.cause).__name__}: {exc.cause}]"
            failure = replace(failure, message=failure.message + note)
        self.result.failures.append(failure)
        self.show(Outcome(seen.path, seen.sha256, failure=failure))

    def _guarded(self, write: Callable[[], None]) -> None:
        """Run one store write; count refusals and stop the batch when they persist."""
        try:
            write()
        except Exception as exc:
            self.refused += 1
            if self.refused >= STORE_FAILURES_TO_STOP:
                raise StoreError(
                    self.store.path,
                    f"the store refused {self.refused} writes in a row ({exc})",
                    "check the disk space and permissions of the --db file, then rerun: "
                    "finished files are kept",
                ) from exc
            raise _Unrecorded(exc) from exc
        self.refused = 0

    def show(self, last: Outcome | None) -> None:
        p, r = self.progress, self.result
        p.finished = r.done + r.skipped + len(r.failures)
        p.failed = len(r.failures)
        p.last = last
        if self.on_progress:
            self.on_progress(p)


class _Unrecorded(Exception):
    def __init__(self, cause: Exception) -> None:
        super().__init__(str(cause))
        self.cause = cause


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
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["path", "sha256", "error_type", "exit_code", "message", "hint"])
        for f in failures:
            w.writerow([f.path, f.sha256 or "", f.error_type, f.exit_code, f.message, f.hint])
    os.replace(tmp, path)  # a kill mid-write leaves the previous list, never half of one
