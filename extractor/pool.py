"""Run one function per item in bounded worker processes forked from this one, N at a time.

The one place where Pinggu parses files in parallel (`batch`, and `extract`/`check`
through `pipeline.extract_each`, whatever their `-j N`). Why it is built this way rather than on
`concurrent.futures`:

- Workers forked from one warmed parent: the caller loads the spaCy pipeline,
  vocabularies and profile once (`pipeline.warm()`) and every worker inherits them
  copy-on-write. A worker parses one item at a time, each bounded like a single parse
  (`pdf.guard`: wall clock, address space and CPU for that parse, own process group
  killed whole, killed with the parent), and is replaced when killed at a deadline,
  after a parse that ran out of memory or hit a bug, and after `WORKER_FILES` files
  or `WORKER_GROWTH_MB` of growth. (A child per item, as before, cost 69 ms of CPU
  per file on the corpus in copy-on-write faults and cold caches; the records are
  the same either way, as the in-process run shows.)
- The parent knows which item each worker holds, so a worker that dies without an
  answer costs its own item only: the item is retried once, alone, in a fresh worker
  (nothing else running, in case the others' memory got it killed), and if it dies
  again it comes back as a `WorkerCrashError`. A process pool, by contrast, marks every
  pending future broken when one worker dies.
- Nothing is kept once yielded and items are pulled from the iterable only when a
  slot is free: the parent's memory stays flat whatever the number of items, and a
  generator feeding the pool can hash files (or skip them) as it goes.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Generic, TypeVar

from extractor.errors import WorkerCrashError
from extractor.pdf.guard import Limits, answer, child_result, enter_child, kill_group

I = TypeVar("I")  # noqa: E741 - the conventional name for an item type
T = TypeVar("T")

_READ = 1 << 20
# Deaths that are an answer in themselves (`child_result` names them): the CPU backstop
# (a timeout) and PDFium's abort on a failed allocation under the memory bound.
_ANSWERING_SIGNALS = frozenset({signal.SIGXCPU, signal.SIGABRT})


@dataclass(frozen=True, slots=True)
class Done(Generic[I, T]):
    """One item's result: `value`, or the `error` it raised (a `PingguError` for input
    problems, bounds and crashes; `RuntimeError` with the child's traceback for a bug)."""

    item: I
    value: T | None = None
    error: Exception | None = None
    attempts: int = 1

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class _Child(Generic[I]):
    item: I
    pid: int
    fd: int
    deadline: float
    attempt: int
    limits: Limits
    chunks: list[bytes] = field(default_factory=list)


def run_each(
    fn: Callable[[I], T],
    items: Iterable[I],
    *,
    workers: int,
    limits: Limits,
    label: Callable[[I], Path] | None = None,
    limits_for: Callable[[I], Limits] | None = None,
) -> Iterator[Done[I, T]]:
    """Yield `fn(item)` for every item, in completion order, computed in forked children
    at most `workers` at a time under `limits` (`limits.enabled=False`: in this process,
    one by one, unbounded). `label(item)` names the file in timeout, memory and crash
    errors (default: the item itself when it is a path); `limits_for(item)`, when given,
    bounds that item instead of `limits` (e.g. a scan given time per page to recognise).

    `fn` runs in the child, so it must not need a second bound (call the pipeline with
    `Limits(enabled=False)` inside it). Closing the generator early kills and reaps the
    children still running."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    name = label or _default_label
    if not limits.enabled:
        for item in items:
            try:
                yield Done(item, fn(item))
            except Exception as exc:  # the caller decides what a bug in one item costs
                yield Done(item, error=exc)
        return
    yield from _Pool(fn, name, workers, limits_for or (lambda _: limits)).run(iter(items))


def _default_label(item: Any) -> Path:
    return Path(item) if isinstance(item, str | os.PathLike) else Path(repr(item))


# A worker ends itself, after answering, once it has parsed this many files or grown
# this much beyond its size at fork: what one file leaves behind (caches, fragmented
# heap) never accumulates without bound.
WORKER_FILES = 200
WORKER_GROWTH_MB = 128
_FRAME = struct.Struct("!Q")  # length prefix of every pickled job and answer
_ENDING, _GOING_ON = b"E", b"G"  # an answer's first byte: whether its worker ends now


@dataclass(slots=True)
class _Task(Generic[I]):
    item: I
    deadline: float
    attempt: int
    limits: Limits


@dataclass(slots=True)
class _Worker(Generic[I]):
    pid: int
    jobs: int  # write end of the pipe it reads jobs from
    answers: int  # read end of the pipe it answers on
    task: _Task[I] | None = None
    buffer: bytearray = field(default_factory=bytearray)
    ending: bool = False  # said with its last answer: it takes no more jobs


class _Pool(Generic[I, T]):
    """Long-lived workers, each forked once from the warmed parent and fed one item at a
    time through a pipe: a file's parse pays no fork, no copy-on-write faults of a
    fresh child and no cold caches (measured on the corpus: 69 ms of CPU per file when
    every file had a child of its own). Each item keeps its own bounds: a deadline
    here (the worker's whole group is killed, the worker replaced), address space and
    CPU set in the worker for that parse alone. A worker whose parse ran out of memory
    or hit a bug ends after answering; a retry runs in a fresh worker, alone."""

    def __init__(
        self,
        fn: Callable[[I], T],
        label: Callable[[I], Path],
        workers: int,
        limits: Callable[[I], Limits],
    ) -> None:
        self.fn, self.label, self.workers, self.limits = fn, label, workers, limits
        self.pool: dict[int, _Worker[I]] = {}  # by answer fd
        self.retry: deque[I] = deque()
        self.exhausted = False

    def _busy(self) -> list[_Worker[I]]:
        return [w for w in self.pool.values() if w.task is not None]

    def run(self, source: Iterator[I]) -> Iterator[Done[I, T]]:
        try:
            while True:
                self._launch(source)
                if not self._busy():
                    return  # nothing running, nothing to retry, the source is empty
                yield from self._wait()
        finally:  # done, generator closed, Ctrl-C, an error in the caller: no worker left
            for worker in list(self.pool.values()):
                kill_group(worker.pid)
                self._reap(worker)

    def _launch(self, source: Iterator[I]) -> None:
        busy = self._busy()
        if any(w.task is not None and w.task.attempt > 1 for w in busy):
            return  # a retry runs alone
        if self.retry:
            if not busy:
                self._give(self._spawn(), self.retry.popleft(), attempt=2)
            return  # wait for the others to finish first
        while len(self._busy()) < self.workers and not self.exhausted:
            try:
                item = next(source)
            except StopIteration:
                self.exhausted = True
                return
            idle = next((w for w in self.pool.values() if w.task is None and not w.ending), None)
            self._give(idle or self._spawn(), item, attempt=1)

    def _spawn(self) -> _Worker[I]:
        inherited = [fd for w in self.pool.values() for fd in (w.jobs, w.answers)]
        pid, jobs, answers = fork_worker(self.fn, inherited)
        worker: _Worker[I] = _Worker(pid, jobs, answers)
        self.pool[answers] = worker
        return worker

    def _give(self, worker: _Worker[I], item: I, attempt: int) -> None:
        limits = self.limits(item)
        worker.task = _Task(item, time.monotonic() + limits.timeout_s, attempt, limits)
        try:
            _write_frame(worker.jobs, pickle.dumps((item, limits), pickle.HIGHEST_PROTOCOL))
        except BrokenPipeError:
            pass  # it died idle: its end of the pipe says so below, and the item is retried

    def _wait(self) -> Iterator[Done[I, T]]:
        """Block until a worker answers, dies or reaches its deadline; yield what ended."""
        now = time.monotonic()
        pending = [w.task.deadline for w in self._busy() if w.task and not w.buffer]
        timeout = max(0.0, min(pending) - now) if pending else None
        ready, _, _ = select.select(list(self.pool), [], [], timeout)
        for fd in ready:
            worker = self.pool[fd]
            chunk = os.read(fd, _READ)
            if not chunk:
                done = self._end(worker, timed_out=False)
                if done is not None:
                    yield done
                continue
            worker.buffer += chunk
            frame = _take_frame(worker.buffer)
            if frame is not None and worker.task is not None:
                task, worker.task = worker.task, None
                worker.ending = frame[:1] == _ENDING
                yield self._answered(task, frame[1:])
        now = time.monotonic()
        # A worker that has started writing has finished computing (its answer is
        # written in one go at the end): it may only be waiting for this process to read.
        late = [w for w in self._busy() if w.task and w.task.deadline <= now and not w.buffer]
        for worker in late:
            kill_group(worker.pid)
            done = self._end(worker, timed_out=True)
            if done is not None:
                yield done

    def _answered(self, task: _Task[I], payload: bytes) -> Done[I, T]:
        label = self.label(task.item)
        try:
            value: T = child_result(payload, False, 0, task.limits, label)
        except Exception as exc:
            return Done(task.item, error=exc, attempts=task.attempt)
        return Done(task.item, value, attempts=task.attempt)

    def _end(self, worker: _Worker[I], timed_out: bool) -> Done[I, T] | None:
        """A worker is gone (it ended itself, died, or was killed at its deadline): its
        item's result, or None when it held none or died without an answer and the
        item gets a retry."""
        code = self._reap(worker)
        task = worker.task
        if task is None:
            return None  # an idle worker that ended itself (or died idle): nothing lost
        label = self.label(task.item)
        died = not timed_out and code != 0 and -code not in _ANSWERING_SIGNALS
        if not timed_out and (died or code == 0):  # no whole answer came before the end
            if task.attempt == 1:
                self.retry.append(task.item)
                return None
            how = f"signal {_signal_name(-code)}" if code < 0 else f"exit status {code}"
            crash = WorkerCrashError(label, f"last time: {how}")
            return Done(task.item, error=crash, attempts=task.attempt)
        try:
            value: T = child_result(b"", timed_out, code, task.limits, label)
        except Exception as exc:
            return Done(task.item, error=exc, attempts=task.attempt)
        return Done(task.item, value, attempts=task.attempt)

    def _reap(self, worker: _Worker[I]) -> int:
        del self.pool[worker.answers]
        for fd in (worker.jobs, worker.answers):
            os.close(fd)
        _, status = os.waitpid(worker.pid, 0)
        return os.waitstatus_to_exitcode(status)


def fork_worker(fn: Callable[[Any], Any], inherited: list[int]) -> tuple[int, int, int]:
    """Fork a worker that answers `fn(item)` for each `(item, limits)` job framed on its
    job pipe, one framed pickled answer each (`guard.answer`, read by `child_result`)
    after a byte that says whether it ends now, until the pipe closes or it ends
    itself (`WORKER_FILES`, `WORKER_GROWTH_MB`, or a parse that spoiled it); (pid,
    job pipe's write end, answer pipe's read end).
    `inherited`: the other workers' pipe ends, closed in the new worker so that only
    the parent holds them."""
    sys.stdout.flush()  # else the worker would flush a copy of the parent's buffers
    sys.stderr.flush()
    job_read, job_write = os.pipe()
    answer_read, answer_write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the worker; coverage cannot see it
        for fd in (job_write, answer_read, *inherited):
            os.close(fd)
        _serve(fn, job_read, answer_write)
    os.close(job_read)
    os.close(answer_write)
    try:
        os.setpgid(pid, pid)  # also done by the worker; whichever runs first wins the race
    except OSError:
        pass
    return pid, job_write, answer_read


def _serve(fn: Callable[[Any], Any], job_fd: int, answer_fd: int) -> None:
    """The worker's loop; never returns."""
    try:
        enter_child()
        start = _resident_mb()
        with os.fdopen(job_fd, "rb") as jobs:
            for served in range(1, WORKER_FILES + 1):
                last = served == WORKER_FILES
                job = _read_frame(jobs)
                if job is None:
                    break  # the parent closed the pipe
                item, limits = pickle.loads(job)
                data, spoiled = answer(fn, (item,), limits)
                ending = spoiled or _resident_mb() - start > WORKER_GROWTH_MB or last
                _write_frame(answer_fd, (_ENDING if ending else _GOING_ON) + data)
                if ending:
                    break
    finally:
        os._exit(0)


def _write_frame(fd: int, data: bytes) -> None:
    view = memoryview(_FRAME.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view) :]


def _read_frame(stream: BinaryIO) -> bytes | None:
    head = stream.read(_FRAME.size)
    if len(head) < _FRAME.size:
        return None
    (size,) = _FRAME.unpack(head)
    data = stream.read(size)
    return data if len(data) == size else None


def _take_frame(buffer: bytearray) -> bytes | None:
    """The first whole frame in `buffer`, removed from it; None while incomplete."""
    if len(buffer) < _FRAME.size:
        return None
    (size,) = _FRAME.unpack_from(buffer)
    end = _FRAME.size + size
    if len(buffer) < end:
        return None
    payload = bytes(buffer[_FRAME.size : end])
    del buffer[:end]
    return payload


def _resident_mb() -> float:
    """This process's resident size (Linux /proc; 0 elsewhere, so never recycled for it)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / (1 << 20)
    except OSError:
        return 0.0


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
