"""Where command output goes: targets checked before any parsing, one distinct name per
input, and atomic writes.

A command that parses for a minute must not then fail on a missing or read-only folder,
so `plan_output` validates (and creates) the target first. Every file is written to a
temporary name beside it and renamed into place: a reader, a crash or a failed run never
sees half a file, and an existing file is replaced only by a complete new one.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from extractor.errors import OutputError

Mode = Literal["stdout", "file", "folder"]

# What an output file's extension says it holds (`-o x.xlsx`).
SUFFIX_FORMATS = {
    ".json": "json",
    ".jsonl": "jsonl",
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".parquet": "parquet",
    ".md": "md",
    ".html": "html",
}


def pick_format(output: Path | None, fmt: str | None, allowed: Sequence[str], default: str) -> str:
    """The format of `-o output`: `fmt` when given, which must then agree with the
    extension; else the extension's; else `default`. ValueError says what is wrong."""
    suffix = output.suffix.lower() if output is not None and not output.is_dir() else ""
    by_suffix = SUFFIX_FORMATS.get(suffix)
    if fmt is not None and by_suffix is not None and fmt != by_suffix:
        raise ValueError(f"--format {fmt} disagrees with the extension of {output}")
    chosen = fmt or by_suffix or default
    if not chosen:
        raise ValueError(f"cannot tell the format of {output} from its name: give --format")
    if chosen not in allowed:
        given = f"--format {fmt}" if fmt else f"the extension {suffix}"
        raise ValueError(f"{given} is not one of {', '.join(allowed)}")
    return chosen


@dataclass(frozen=True, slots=True)
class OutputPlan:
    """Where the records of `inputs` go: stdout, one file, or one file per input in a
    folder (`names[i]` is input i's file name there)."""

    mode: Mode
    target: Path | None = None
    names: tuple[str, ...] = ()

    def path_for(self, index: int) -> Path:
        assert self.mode == "folder" and self.target is not None
        return self.target / self.names[index]


def plan_output(inputs: Sequence[Path], output: Path | None, suffix: str) -> OutputPlan:
    """Decide and check the target of `extract -o`: a folder when `output` is one, or
    when several inputs go to a path without a suffix and the format is one record per
    file (`suffix` is then the files' extension; "" for formats that hold many records,
    which always write one file). Creates missing folders; raises OutputError when the
    target cannot be written."""
    if output is None:
        return OutputPlan("stdout")
    folder = output.is_dir() or (suffix != "" and len(inputs) > 1 and not output.suffix)
    if folder and not suffix:
        raise OutputError(output, "is a folder, and this format writes one file of records")
    if folder:
        prepare_folder(output)
        return OutputPlan("folder", output, tuple(unique_names(inputs, suffix)))
    if output.exists() and not os.access(output, os.W_OK):
        raise OutputError(output, "the file exists and is read-only")
    prepare_folder(output.parent)
    return OutputPlan("file", output)


def prepare_folder(folder: Path) -> None:
    """Create `folder` (and its parents) if missing; OutputError if it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(folder, "a file of that name is in the way of the folder") from None
    except OSError as exc:
        raise OutputError(folder, exc.strerror or str(exc)) from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(folder, "the folder is not writable")


def unique_names(inputs: Sequence[Path], suffix: str, reserved: Sequence[str] = ()) -> list[str]:
    """`<stem><suffix>` per input, `<stem>-2<suffix>`, `-3` … when stems repeat (inputs
    from different folders); compared without case, as on macOS and Windows disks.
    `reserved` names (e.g. an index page) are never handed out."""
    taken = {n.casefold() for n in reserved}
    seen: Counter[str] = Counter()
    names: list[str] = []
    for path in inputs:
        stem = path.stem or "report"
        key = stem.casefold()
        while True:
            seen[key] += 1
            n = seen[key]
            name = f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}"
            if name.casefold() not in taken:
                break
        taken.add(name.casefold())
        names.append(name)
    return names


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`; on any
    failure the temporary file is removed, `path` is left as it was, and OutputError says
    why. The new file gets the usual permissions (0666 less the umask)."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise OutputError(path, exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(path, exc.strerror or str(exc)) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
