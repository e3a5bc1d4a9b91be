"""Run a PDF parser in a forked child with a wall-clock and a memory bound.

A hostile or broken PDF (a decompression bomb, a content stream that loops) must cost
one file, not the batch: the parser runs in a child process with `RLIMIT_AS` set, the
parent waits at most `timeout_s` and kills the child's whole process group when time
is up. Results and `PingguError`s come back pickled through a pipe; any other
exception comes back as a `RuntimeError` carrying the child's traceback text.

Why plain `os.fork` rather than `multiprocessing`: the overhead stays at a few
milliseconds, the function need not be picklable, and `waitpid` gives the exit signal
we need to tell an out-of-memory abort from a crash. POSIX only; forking a process
whose other threads hold locks (logging, stdout) can deadlock the child.

The memory bound is address space *added* to what the parent had mapped at fork
(RLIMIT_AS = current size + max_memory_mb): the child inherits the parent's mappings,
so an absolute limit would make the bound depend on what the caller imported. The
child caps glibc's malloc arenas at two: every thread of a native library (onnxruntime
runs the OCR models on several) would otherwise reserve its own 64 MB heap of address
space, which RLIMIT_AS counts although almost none of it is used, and the bound would
measure the thread count rather than the memory a parse needs (RapidOCR on a 300-dpi
page: about 1.9 GB of address space uncapped, 1.4 GB capped, for 1 GB resident).

A native library that fails to allocate under the bound does not raise MemoryError:
onnxruntime and OpenCV raise their own exceptions whose text says so (`std::bad_alloc`,
"Failed to allocate memory"). Those count as the memory bound reached, like MemoryError.
"""

from __future__ import annotations

import ctypes
import gc
import os
import pickle
import resource
import select
import signal
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from extractor.errors import ParseMemoryError, ParseTimeoutError, PingguError

T = TypeVar("T")

_MB = 1 << 20
_PR_SET_PDEATHSIG = 1
# Signals that, with the memory bound set, almost always mean an allocation failed:
# PDFium aborts on failed allocations (SIGABRT), the kernel OOM killer sends SIGKILL.
_MEMORY_SIGNALS = frozenset({signal.SIGABRT, signal.SIGKILL})
_CPU_BACKSTOP_S = 5  # RLIMIT_CPU slack: only fires if the parent died and cannot kill us
_M_ARENA_MAX = -8  # glibc mallopt parameter
_MALLOC_ARENAS = 2
# What native libraries' exceptions say when an allocation failed (onnxruntime's C++
# std::bad_alloc and its arena's message; OpenCV's cv::error): the memory bound reached.
_ALLOCATION_FAILED = ("bad_alloc", "failed to allocate memory", "insufficient memory")


# The parent's objects (the spaCy pipeline, vocabularies, profile) are never garbage in a
# child: frozen there, the collector's full walks skip them; and a parse allocates
# glyphs by the hundred thousand, so collections start after 20,000 allocations rather
# than 700. Together 12% less CPU for the corpus's parses (min of 3 in-process runs,
# 12.35 s → 10.82 s); collection only comes later, records are the same.
_GC_THRESHOLDS = (20_000, 50, 100)

# The bounds of one parse unless told otherwise (the CLI's and the API's defaults too).
DEFAULT_TIMEOUT_S = 60.0
DEFAULT_MAX_MEMORY_MB = 2048


@dataclass(frozen=True)
class Limits:
    """Bounds for one parse. `enabled=False` runs in-process (debugging, pure-speed runs)."""

    timeout_s: float = DEFAULT_TIMEOUT_S
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB
    enabled: bool = True

    def __post_init__(self) -> None:
        if self.timeout_s <= 0 or self.max_memory_mb <= 0:
            raise ValueError(f"limits must be positive: {self}")


def run_bounded(
    fn: Callable[..., T],
    *args: Any,
    limits: Limits,
    source: str | os.PathLike[str] | None = None,
) -> T:
    """Return `fn(*args)` computed in a bounded child process.

    `source` names the file in timeout/memory errors; by default the first positional
    argument that is a path or string. Raises ParseTimeoutError, ParseMemoryError, any
    PingguError raised by `fn`, or RuntimeError for everything else.
    """
    if not limits.enabled:
        return fn(*args)
    label = _label(fn, args, source)
    pid, read_fd = fork_child(fn, args, limits)
    reaped = False
    try:
        payload, timed_out = _read_until(read_fd, time.monotonic() + limits.timeout_s)
        if timed_out:
            kill_group(pid)
        _, status = os.waitpid(pid, 0)
        reaped = True
    finally:
        os.close(read_fd)
        if not reaped:  # interrupted (e.g. Ctrl-C): never leave the child running
            kill_group(pid)
            os.waitpid(pid, 0)
    result: T = child_result(payload, timed_out, os.waitstatus_to_exitcode(status), limits, label)
    return result


def fork_child(fn: Callable[..., Any], args: tuple[Any, ...], limits: Limits) -> tuple[int, int]:
    """Fork a child that computes `fn(*args)` under `limits` in its own process group and
    writes its pickled answer to a pipe; (pid, the pipe's read end). The caller reads
    to EOF, kills the group at its deadline (`kill_group`), reaps the child and turns
    what it got into a value or an error with `child_result`. `extractor.pool` runs
    several at once this way."""
    sys.stdout.flush()  # else the child would flush a copy of the parent's buffers
    sys.stderr.flush()
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child; coverage cannot see it
        os.close(read_fd)
        _child(fn, args, limits, write_fd)
    os.close(write_fd)
    try:
        os.setpgid(pid, pid)  # also done by the child; whichever runs first wins the race
    except OSError:
        pass
    return pid, read_fd


def _label(fn: Callable[..., Any], args: tuple[Any, ...], source: object) -> Path:
    if source is None:
        source = next((a for a in args if isinstance(a, str | os.PathLike)), None)
    if isinstance(source, str | os.PathLike):
        return Path(source)
    return Path(f"<{getattr(fn, '__qualname__', repr(fn))}>")


def _child(fn: Callable[..., Any], args: tuple[Any, ...], limits: Limits, fd: int) -> None:
    """Run in the forked child; never returns."""
    try:
        enter_child()
        data, _ = answer(fn, args, limits)
        with os.fdopen(fd, "wb") as pipe:
            pipe.write(data)
    finally:
        os._exit(0)


def answer(fn: Callable[..., Any], args: tuple[Any, ...], limits: Limits) -> tuple[bytes, bool]:
    """`fn(*args)` computed here under the per-parse part of `limits` (CPU backstop,
    address space): its pickled answer for `child_result`, and whether this process
    should end after sending it (memory ran out or a bug: its state is not to be
    trusted with another file). Runs in a child that called `enter_child`."""
    payload: tuple[str, Any]
    hard = resource.RLIM_INFINITY
    try:
        hard = _bound_parse(limits)
        payload = ("ok", fn(*args))
    except MemoryError:
        payload = ("memory", None)
    except PingguError as exc:
        payload = ("pinggu", exc)
    except BaseException as exc:
        # Libraries wrap MemoryError (pdfplumber raises PdfminerException from it).
        memory = _caused_by_memory(exc)
        payload = ("memory", None) if memory else ("error", traceback.format_exc())
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))  # room to pickle the answer
    try:
        data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:
        data = pickle.dumps(("error", traceback.format_exc()))
    sys.stdout.flush()  # before the answer: the parent may stop waiting for us once it has it
    sys.stderr.flush()
    return data, payload[0] in ("memory", "error")


def _caused_by_memory(exc: BaseException) -> bool:
    """MemoryError, a library's exception wrapping one, or a native library's failed
    allocation (see `_ALLOCATION_FAILED`)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, MemoryError):
            return True
        text = str(current).lower()
        if any(marker in text for marker in _ALLOCATION_FAILED):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def collect_seldom() -> None:
    """Set this process's cyclic collector as a worker's (`_GC_THRESHOLDS`), for a
    command's own process (the CLI's `main`): its start-up creates modules, classes,
    schemas and caches by the hundred thousand, all kept to its end, which the default
    thresholds walk again and again (a tenth of the CPU of `pinggu extract` on one small
    file, min of 11: 1.44 → 1.30 s). Not done by the library: a notebook's collector
    stays its own."""
    gc.set_threshold(*_GC_THRESHOLDS)


def enter_child() -> None:
    """What a forked child sets once: its own process group (a timeout kill reaches its
    children too), death with the parent, glibc's malloc arenas capped, and a cyclic
    collector that leaves the inherited objects alone (`_GC_THRESHOLDS`)."""
    os.setpgid(0, 0)
    _die_with_parent()
    _cap_malloc_arenas()
    gc.freeze()
    gc.set_threshold(*_GC_THRESHOLDS)


def _bound_parse(limits: Limits) -> int:
    """Bound the parse about to run here: CPU (a backstop should the parent die) and
    address space, both counted from what this process has used so far, so that a
    worker that has parsed other files gets the same room; return the RLIMIT_AS hard
    limit to restore."""
    _, cpu_hard = resource.getrlimit(resource.RLIMIT_CPU)
    used = resource.getrusage(resource.RUSAGE_SELF)
    cpu = int(used.ru_utime + used.ru_stime) + 1 + int(limits.timeout_s) + _CPU_BACKSTOP_S
    if cpu_hard == resource.RLIM_INFINITY or cpu < cpu_hard:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu_hard))
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = _address_space() + limits.max_memory_mb * _MB
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    return hard


def _die_with_parent() -> None:
    """Ask the kernel to SIGKILL us if the parent dies (Linux; elsewhere a no-op)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass


def _cap_malloc_arenas() -> None:
    """Let threads started from now on share `_MALLOC_ARENAS` heaps (glibc; elsewhere a
    no-op): see the module docstring."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.mallopt(_M_ARENA_MAX, _MALLOC_ARENAS)
    except (OSError, AttributeError):
        pass


def _address_space() -> int:
    """Current virtual size of this process in bytes (Linux /proc; 0 elsewhere)."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _read_until(fd: int, deadline: float) -> tuple[bytes, bool]:
    """Read the pipe to EOF; (data, timed_out)."""
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return b"".join(chunks), True
        ready, _, _ = select.select([fd], [], [], remaining)
        if not ready:
            continue  # loop re-checks the deadline
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            return b"".join(chunks), False
        chunks.append(chunk)


def kill_group(pid: int) -> None:
    """SIGKILL the child's process group (its own children too), or the child alone."""
    for kill in (os.killpg, os.kill):
        try:
            kill(pid, signal.SIGKILL)
            return
        except ProcessLookupError:
            continue


def child_result(payload: bytes, timed_out: bool, code: int, limits: Limits, label: Path) -> Any:
    """The child's value, or the error its answer, its exit code or the clock says."""
    if timed_out or code == -signal.SIGXCPU:
        raise ParseTimeoutError(label, limits.timeout_s)
    if payload:
        try:
            kind, value = pickle.loads(payload)
        except Exception as exc:
            raise RuntimeError(f"{label}: cannot read the parser's answer: {exc!r}") from exc
        if kind == "ok":
            return value
        if kind == "memory":
            raise ParseMemoryError(label, limits.max_memory_mb)
        if kind == "pinggu":
            raise value
        raise RuntimeError(f"{label}: the parser failed in its child process:\n{value}")
    if code < 0 and -code in _MEMORY_SIGNALS:
        detail = f"parser process died from {_signal_name(-code)}"
        raise ParseMemoryError(label, limits.max_memory_mb, detail)
    reason = f"signal {_signal_name(-code)}" if code < 0 else f"exit status {code}"
    raise RuntimeError(f"{label}: the parser process died without an answer ({reason})")


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return str(number)
