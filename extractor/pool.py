"""Run one function per item, each in its own bounded child of this process, N at a time.

The one place where Pinggu parses files in parallel (`batch`, and `extract`/`check`
through `pipeline.extract_each`, whatever their `-j N`). Why it is built this way rather than on
`concurrent.futures`:

- Fork per item from one warmed parent: the caller loads the spaCy pipeline,
  vocabularies and profile once (`pipeline.warm()`) and every child inherits them
  copy-on-write. Each child is bounded like a single parse (`pdf.guard`: wall clock,
  address space, own process group killed whole, killed with the parent).
- The parent knows which item each child holds, so a child that dies without an
  answer costs its own item only: the item is retried once, alone (nothing else
  running, in case the others' memory got it killed), and if it dies again it comes
  back as a `WorkerCrashError`. A process pool, by contrast, marks every pending future
  broken when one worker dies.
- Nothing is kept once yielded and items are pulled from the iterable only when a
  slot is free: the parent's memory stays flat whatever the number of items, and a
  generator feeding the pool can hash files (or skip them) as it goes.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from extractor.errors import WorkerCrashError
from extractor.pdf.guard import Limits, child_result, fork_child, kill_group

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


class _Pool(Generic[I, T]):
    def __init__(
        self,
        fn: Callable[[I], T],
        label: Callable[[I], Path],
        workers: int,
        limits: Callable[[I], Limits],
    ) -> None:
        self.fn, self.label, self.workers, self.limits = fn, label, workers, limits
        self.running: dict[int, _Child[I]] = {}  # by pipe fd
        self.retry: deque[I] = deque()
        self.exhausted = False

    def run(self, source: Iterator[I]) -> Iterator[Done[I, T]]:
        try:
            while True:
                self._launch(source)
                if not self.running:
                    return  # nothing running, nothing to retry, the source is empty
                yield from self._wait()
        finally:  # generator closed, Ctrl-C, an error in the caller: leave no child behind
            for child in list(self.running.values()):
                kill_group(child.pid)
                self._reap(child)

    def _launch(self, source: Iterator[I]) -> None:
        if any(c.attempt > 1 for c in self.running.values()):
            return  # a retry runs alone
        if self.retry:
            if not self.running:
                self._start(self.retry.popleft(), attempt=2)
            return  # wait for the others to finish first
        while len(self.running) < self.workers and not self.exhausted:
            try:
                item = next(source)
            except StopIteration:
                self.exhausted = True
                return
            self._start(item, attempt=1)

    def _start(self, item: I, attempt: int) -> None:
        limits = self.limits(item)
        pid, fd = fork_child(self.fn, (item,), limits)
        deadline = time.monotonic() + limits.timeout_s
        self.running[fd] = _Child(item, pid, fd, deadline, attempt, limits)

    def _wait(self) -> Iterator[Done[I, T]]:
        """Block until a child answers, dies or reaches its deadline; yield what ended."""
        now = time.monotonic()
        pending = [c.deadline for c in self.running.values() if not c.chunks]
        timeout = max(0.0, min(pending) - now) if pending else None
        ready, _, _ = select.select(list(self.running), [], [], timeout)
        for fd in ready:
            child = self.running[fd]
            chunk = os.read(fd, _READ)
            if chunk:
                child.chunks.append(chunk)
                continue
            done = self._end(child, timed_out=False)
            if done is not None:
                yield done
        now = time.monotonic()
        # A child that has started writing has finished computing (its answer is written
        # in one go at the end): it may only be waiting for this process to read.
        late = [c for c in self.running.values() if c.deadline <= now and not c.chunks]
        for child in late:
            kill_group(child.pid)
            done = self._end(child, timed_out=True)
            if done is not None:
                yield done

    def _end(self, child: _Child[I], timed_out: bool) -> Done[I, T] | None:
        """The child's result, or None when it died without an answer and gets a retry."""
        code = self._reap(child)
        payload = b"".join(child.chunks)
        child.chunks.clear()
        label = self.label(child.item)
        died = not timed_out and code != 0 and -code not in _ANSWERING_SIGNALS
        if died and not _complete(payload):
            if child.attempt == 1:
                self.retry.append(child.item)
                return None
            how = f"signal {_signal_name(-code)}" if code < 0 else f"exit status {code}"
            crash = WorkerCrashError(label, f"last time: {how}")
            return Done(child.item, error=crash, attempts=child.attempt)
        try:
            value: T = child_result(payload, timed_out, code, child.limits, label)
        except Exception as exc:
            return Done(child.item, error=exc, attempts=child.attempt)
        return Done(child.item, value, attempts=child.attempt)

    def _reap(self, child: _Child[I]) -> int:
        del self.running[child.fd]
        os.close(child.fd)
        _, status = os.waitpid(child.pid, 0)
        return os.waitstatus_to_exitcode(status)


def _complete(payload: bytes) -> bool:
    """Whether the child finished writing its answer before it died."""
    if not payload:
        return False
    try:
        pickle.loads(payload)
    except Exception:
        return False
    return True


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
