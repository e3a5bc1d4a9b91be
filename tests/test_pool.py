"""`extractor.pool.run_each`: every item once, at most N children at a time, items pulled
only when a slot is free, a dead child costing its own item only (retried once, alone),
bounds and errors per item, no child left behind."""

from __future__ import annotations

import faulthandler
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from extractor.errors import NotAPdfError, ParseMemoryError, ParseTimeoutError, WorkerCrashError
from extractor.pdf.guard import Limits
from extractor.pool import Done, run_each

LIMITS = Limits(timeout_s=20, max_memory_mb=512)


def _span(folder: Path, item: int, seconds: float) -> int:
    """Sleep, leaving `item.start`/`item.end` stamps in `folder` (written by the child)."""
    (folder / f"{item}.start").write_text(repr(time.monotonic()))
    time.sleep(seconds)
    (folder / f"{item}.end").write_text(repr(time.monotonic()))
    return item * 10


def _spans(folder: Path, item: int) -> tuple[float, float]:
    return (
        float((folder / f"{item}.start").read_text()),
        float((folder / f"{item}.end").read_text()),
    )


def _most_at_once(folder: Path, items: list[int]) -> int:
    events = sorted(
        [(s, 1) for s, _ in map(lambda i: _spans(folder, i), items)]
        + [(e, -1) for _, e in map(lambda i: _spans(folder, i), items)]
    )
    running = most = 0
    for _, step in events:
        running += step
        most = max(most, running)
    return most


def test_every_item_once_in_completion_order_at_most_n_at_once(tmp_path: Path) -> None:
    items = list(range(6))
    delays = {0: 0.6, 1: 0.1, 2: 0.1, 3: 0.1, 4: 0.1, 5: 0.1}
    done = list(run_each(lambda i: _span(tmp_path, i, delays[i]), items, workers=2, limits=LIMITS))
    assert sorted(d.item for d in done) == items
    assert all(d.ok and d.value == d.item * 10 and d.attempts == 1 for d in done)
    assert done[0].item != 0  # the slow first item finished after quicker later ones
    assert _most_at_once(tmp_path, items) == 2


def test_items_are_pulled_only_when_a_slot_is_free(tmp_path: Path) -> None:
    pulled: list[int] = []

    def source() -> Iterator[int]:
        for i in range(8):
            pulled.append(i)
            yield i

    results = run_each(lambda i: _span(tmp_path, i, 0.05), source(), workers=2, limits=LIMITS)
    first = next(results)
    assert len(pulled) <= 3, pulled  # two running, at most one more taken as one ended
    rest = list(results)
    assert sorted([first.item, *(d.item for d in rest)]) == list(range(8))


def _die_once(folder: Path, item: int) -> int:
    """Killed by SIGKILL the first time item 2 runs (as the OOM killer would), fine after."""
    marker = folder / f"died-{item}"
    if item == 2 and not marker.exists():
        marker.write_text("x")
        os.kill(os.getpid(), signal.SIGKILL)
    return _span(folder, item, 0.2)


def test_a_child_killed_once_is_retried_and_costs_nothing(tmp_path: Path) -> None:
    done = {
        d.item: d
        for d in run_each(lambda i: _die_once(tmp_path, i), range(5), workers=2, limits=LIMITS)
    }
    assert sorted(done) == list(range(5))
    assert all(d.ok for d in done.values())
    assert done[2].attempts == 2 and done[2].value == 20
    start, end = _spans(tmp_path, 2)  # the retry ran alone
    for other in (0, 1, 3, 4):
        s, e = _spans(tmp_path, other)
        assert e <= start or s >= end, f"item {other} overlapped the retry"


def _always_dies(item: int) -> int:
    if item == 1:
        faulthandler.disable()  # pytest's would print this crash's stack
        os.kill(os.getpid(), signal.SIGSEGV)
    return item


def test_a_child_that_dies_twice_is_a_worker_crash_of_that_item_only() -> None:
    done = {
        d.item: d
        for d in run_each(
            _always_dies, range(6), workers=2, limits=LIMITS, label=lambda i: Path(f"file{i}.pdf")
        )
    }
    assert sorted(done) == list(range(6))
    crash = done[1]
    assert isinstance(crash.error, WorkerCrashError) and crash.attempts == 2
    assert crash.error.exit_code == 71
    assert "file1.pdf" in str(crash.error) and "SIGSEGV" in str(crash.error)
    assert all(done[i].ok and done[i].value == i for i in (0, 2, 3, 4, 5))


def _slow_or_bad(item: int) -> int:
    if item == 0:
        time.sleep(30)
    if item == 1:
        raise NotAPdfError("b.pdf")
    if item == 2:
        raise KeyError("boom")
    return item


def test_bounds_and_errors_stay_with_their_item() -> None:
    limits = Limits(timeout_s=1.5, max_memory_mb=512)
    started = time.monotonic()
    done = {d.item: d for d in run_each(_slow_or_bad, range(5), workers=2, limits=limits)}
    assert time.monotonic() - started < 15
    assert isinstance(done[0].error, ParseTimeoutError)
    assert isinstance(done[1].error, NotAPdfError)
    assert isinstance(done[2].error, RuntimeError) and "KeyError: 'boom'" in str(done[2].error)
    assert done[3].value == 3 and done[4].value == 4


def test_closing_early_leaves_no_child_running(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    pids.mkdir()

    def sleeper(item: int) -> int:
        (pids / str(os.getpid())).write_text("")
        time.sleep(30)
        return item

    results = run_each(lambda i: i if i == 0 else sleeper(i), range(5), workers=3, limits=LIMITS)
    first = next(results)
    assert first.item == 0
    deadline = time.monotonic() + 10
    while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    results.close()
    started = [int(p.name) for p in pids.iterdir()]
    assert len(started) == 2
    for pid in started:
        with pytest.raises(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)  # already reaped by the pool
        assert not Path(f"/proc/{pid}").exists()


def test_without_limits_items_run_here_one_by_one() -> None:
    me = os.getpid()
    done: list[Done[int, int]] = list(
        run_each(lambda i: os.getpid() + i, range(3), workers=2, limits=Limits(enabled=False))
    )
    assert [d.value for d in done] == [me, me + 1, me + 2]
    with pytest.raises(ValueError):
        list(run_each(lambda i: i, [1], workers=0, limits=LIMITS))


def _pid_or_fail(item: int) -> tuple[int, int]:
    """(worker pid, item); item 3 allocates past its memory bound, item 5 raises a bug."""
    if item == 3:
        _hog = bytearray(600 << 20)  # over max_memory_mb=512 added to the worker's size
        return (os.getpid(), len(_hog))
    if item == 5:
        raise KeyError("bug")
    return (os.getpid(), item)


def test_workers_are_reused_and_replaced_after_a_spoiled_parse() -> None:
    """Two workers serve nine items; each parse keeps its own memory bound in a worker
    that parsed others before it, and a worker whose parse ran out of memory or hit a
    bug is replaced (the item after it runs in another process)."""
    done = {d.item: d for d in run_each(_pid_or_fail, range(9), workers=1, limits=LIMITS)}
    assert sorted(done) == list(range(9))
    assert isinstance(done[3].error, ParseMemoryError)
    assert isinstance(done[5].error, RuntimeError) and "KeyError: 'bug'" in str(done[5].error)
    pid = {i: done[i].value[0] for i in (0, 1, 2, 4, 6, 7, 8)}  # type: ignore[index]
    assert pid[0] == pid[1] == pid[2] != os.getpid()  # one worker for the first three
    assert pid[4] != pid[2]  # a new worker after the memory error
    assert pid[6] == pid[7] == pid[8] != pid[4]  # and another after the bug
    assert all(done[i].attempts == 1 for i in done)


def test_a_worker_killed_at_a_deadline_is_replaced() -> None:
    limits = Limits(timeout_s=1.5, max_memory_mb=512)

    def work(item: int) -> int:
        if item == 1:
            time.sleep(30)
        return os.getpid()

    done = {d.item: d for d in run_each(work, range(4), workers=1, limits=limits)}
    assert isinstance(done[1].error, ParseTimeoutError)
    assert done[0].value != done[2].value == done[3].value
    for pid in (done[0].value, done[2].value):  # the killed worker and its successor
        assert not Path(f"/proc/{pid}").exists()  # are both gone once the pool is done
