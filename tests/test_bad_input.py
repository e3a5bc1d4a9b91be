"""Bad and hostile inputs end as the right InputError, naming the file, with a hint.

Every input is built at test time in tmp_path: reportlab for the valid, encrypted and
image-only files, byte surgery for the truncated one, and a hand-written PDF whose
content stream inflates 1 MB of deflate data to 1 GB of zeros for the bomb.
"""

from __future__ import annotations

import faulthandler
import hashlib
import os
import signal
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from extractor.errors import (
    CorruptPdfError,
    EmptyFileError,
    EncryptedPdfError,
    InputError,
    MissingFileError,
    NotAPdfError,
    NoTextLayerError,
    ParseMemoryError,
    ParseTimeoutError,
)
from extractor.pdf.guard import Limits, run_bounded
from extractor.pdf.probe import PdfInfo, check_usable, probe

PASSWORD = "西村-2024"
BOMB_LIMITS = Limits(timeout_s=30, max_memory_mb=256)  # the bomb inflates to 1024 MB


def make_text_pdf(path: Path, pages: int = 3, encrypt: StandardEncryption | None = None) -> Path:
    c = canvas.Canvas(str(path), encrypt=encrypt)
    for i in range(pages):
        c.drawString(72, 720, f"Station report page {i + 1}")
        c.showPage()
    c.save()
    return path


def make_image_pdf(path: Path) -> Path:
    """A 'scan': every page is one picture, no text operators at all."""
    c = canvas.Canvas(str(path))
    picture = ImageReader(Image.new("RGB", (80, 60), (240, 240, 230)))
    for _ in range(2):
        c.drawImage(picture, 0, 0, 595, 842)
        c.showPage()
    c.save()
    return path


def zeros_deflate(megabytes: int) -> bytes:
    """A zlib stream of `megabytes` MiB of zeros, built without compressing them all.

    After a full flush the compressor's state is reset, so every further MiB of zeros
    compresses to the same bytes; the Adler-32 of n zeros is (n mod 65521) << 16 | 1.
    """
    mib = bytes(1 << 20)
    co = zlib.compressobj(9)
    first = co.compress(mib) + co.flush(zlib.Z_FULL_FLUSH)
    repeat = co.compress(mib) + co.flush(zlib.Z_FULL_FLUSH)
    end = co.flush()[:-4]  # final empty block; the checksum is replaced below
    adler = ((megabytes << 20) % 65521) << 16 | 1
    return first + repeat * (megabytes - 1) + end + adler.to_bytes(4, "big")


def make_stream_pdf(path: Path, content: bytes) -> Path:
    """A one-page PDF whose page content is `content`, declared FlateDecode."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    path.write_bytes(bytes(out))
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "bomb.pdf"
    return make_stream_pdf(path, zeros_deflate(1024))


def assert_names_file(exc: InputError, path: Path, hint_word: str) -> None:
    message = str(exc)
    assert path.name in message
    assert "\n" not in message
    assert hint_word in exc.hint


# --- probe: files that cannot be used -------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gone.pdf"
    with pytest.raises(MissingFileError) as caught:
        probe(path)
    assert_names_file(caught.value, path, "path")
    assert caught.value.exit_code == 2


def test_directory_is_not_a_file(tmp_path: Path) -> None:
    path = tmp_path / "reports.pdf"
    path.mkdir()
    with pytest.raises(MissingFileError, match="is a directory") as caught:
        probe(path)
    assert_names_file(caught.value, path, "path")


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    with pytest.raises(EmptyFileError) as caught:
        probe(path)
    assert_names_file(caught.value, path, "again")
    assert caught.value.exit_code == 3


def test_text_file_renamed_pdf(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text("西村街社工服务站 末期评估报告\n" * 50, encoding="utf-8")
    with pytest.raises(NotAPdfError) as caught:
        probe(path)
    assert_names_file(caught.value, path, "file type")
    assert "%PDF-" in str(caught.value)


def test_header_after_junk_within_first_kb_is_accepted(tmp_path: Path) -> None:
    """Readers accept %PDF- anywhere in the first 1024 bytes (mail gateways prepend junk)."""
    good = make_text_pdf(tmp_path / "good.pdf")
    path = tmp_path / "prefixed.pdf"
    path.write_bytes(b"X" * 500 + good.read_bytes())
    assert probe(path).page_count == 3


def test_truncated_pdf(tmp_path: Path) -> None:
    data = make_text_pdf(tmp_path / "whole.pdf", pages=10).read_bytes()
    path = tmp_path / "half.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CorruptPdfError, match="ends early") as caught:
        probe(path)
    assert_names_file(caught.value, path, "again")
    assert caught.value.exit_code == 4


# --- probe: encryption ----------------------------------------------------------------


@pytest.fixture
def encrypted(tmp_path: Path) -> Path:
    return make_text_pdf(tmp_path / "locked.pdf", encrypt=StandardEncryption(PASSWORD))


def test_encrypted_without_password(encrypted: Path) -> None:
    with pytest.raises(EncryptedPdfError, match="needs a password") as caught:
        probe(encrypted)
    assert_names_file(caught.value, encrypted, "--password")
    assert not caught.value.wrong_password
    assert caught.value.exit_code == 5


def test_encrypted_with_wrong_password(encrypted: Path) -> None:
    with pytest.raises(EncryptedPdfError, match="does not open it") as caught:
        probe(encrypted, "guess")
    assert_names_file(caught.value, encrypted, "--password")
    assert caught.value.wrong_password


def test_encrypted_with_right_password(encrypted: Path) -> None:
    info = probe(encrypted, PASSWORD)
    assert info.encrypted
    assert info.page_count == 3
    assert info.has_text_layer


# --- probe: text layer and what it reports ---------------------------------------------


def test_image_only_pdf_has_no_text_layer(tmp_path: Path) -> None:
    path = make_image_pdf(tmp_path / "scan.pdf")
    with pytest.raises(NoTextLayerError) as caught:
        probe(path)
    assert_names_file(caught.value, path, "--ocr")
    assert caught.value.exit_code == 6


def test_image_only_pdf_passes_when_ocr_requested(tmp_path: Path) -> None:
    info = probe(make_image_pdf(tmp_path / "scan.pdf"), ocr=True)
    assert (info.has_text_layer, info.has_images, info.sampled_chars) == (False, True, 0)


def test_valid_pdf_info(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "ok.pdf", pages=7)
    info = probe(path)
    data = path.read_bytes()
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    assert info.size_bytes == len(data)
    assert info.page_count == 7
    assert info.pdf_version == data[5:8].decode()
    assert not info.encrypted
    assert info.has_text_layer
    assert info.sampled_chars == len("Stationreportpage1")  # stops at the first text page
    assert info.sampled_pages == 6  # first five and the last
    assert info.producer is not None and "ReportLab" in info.producer
    assert info.warnings == ()


def test_check_usable_raises_what_probe_raises(tmp_path: Path, encrypted: Path) -> None:
    """The parse's cheaper check refuses every unusable file as `probe` does, with the
    same error and message, and passes the usable ones."""
    data = make_text_pdf(tmp_path / "whole.pdf", pages=10).read_bytes()
    (tmp_path / "half.pdf").write_bytes(data[: len(data) // 2])
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "notes.pdf").write_text("末期评估报告\n" * 50, encoding="utf-8")
    (tmp_path / "dir.pdf").mkdir()
    scan = make_image_pdf(tmp_path / "scan.pdf")
    refused = [
        (tmp_path / "gone.pdf", None),
        (tmp_path / "dir.pdf", None),
        (tmp_path / "empty.pdf", None),
        (tmp_path / "notes.pdf", None),
        (tmp_path / "half.pdf", None),
        (encrypted, None),
        (encrypted, "guess"),
        (scan, None),
    ]
    for path, password in refused:
        with pytest.raises(InputError) as by_probe:
            probe(path, password)
        with pytest.raises(type(by_probe.value)) as by_check:
            check_usable(path, password)
        assert str(by_check.value) == str(by_probe.value)
    check_usable(encrypted, PASSWORD)
    check_usable(scan, ocr=True)
    check_usable(tmp_path / "whole.pdf")


# --- guard: hostile files and runaway parsers -------------------------------------------


def _quiet_probe(path: Path) -> PdfInfo:
    faulthandler.disable()  # pytest's dump of the expected abort is noise in the test log
    return probe(path)


def test_decompression_bomb_under_pdfium(bomb: Path) -> None:
    """PDFium aborts the child when an allocation fails under RLIMIT_AS."""
    with pytest.raises(ParseMemoryError) as caught:
        run_bounded(_quiet_probe, bomb, limits=BOMB_LIMITS)
    assert_names_file(caught.value, bomb, "--max-memory")
    assert "256 MB" in str(caught.value)
    assert caught.value.exit_code == 8


def _plumber_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return pdf.pages[0].extract_text()


def test_decompression_bomb_under_pdfminer(bomb: Path) -> None:
    """pdfminer's MemoryError arrives wrapped in PdfminerException; still a memory error."""
    with pytest.raises(ParseMemoryError) as caught:
        run_bounded(_plumber_text, bomb, limits=BOMB_LIMITS)
    assert_names_file(caught.value, bomb, "--max-memory")


def test_timeout(tmp_path: Path) -> None:
    path = tmp_path / "slow.pdf"
    with pytest.raises(ParseTimeoutError) as caught:
        run_bounded(time.sleep, 30, limits=Limits(timeout_s=1), source=path)
    assert_names_file(caught.value, path, "--timeout")
    assert "1 s" in str(caught.value)
    assert caught.value.exit_code == 7


def _spawn_and_hang(pid_file: Path) -> None:
    helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    pid_file.write_text(str(helper.pid))
    time.sleep(60)


def _is_gone(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"  # a zombie has stopped running


def test_timeout_kills_the_whole_process_group(tmp_path: Path) -> None:
    pid_file = tmp_path / "grandchild.pid"
    with pytest.raises(ParseTimeoutError):
        run_bounded(_spawn_and_hang, pid_file, limits=Limits(timeout_s=1))
    pid = int(pid_file.read_text())
    for _ in range(50):  # SIGKILL delivery is asynchronous; wait for it, do not time it
        if _is_gone(pid):
            break
        time.sleep(0.05)
    assert _is_gone(pid)


# --- guard: what comes back from the child ----------------------------------------------


def test_input_error_raised_in_child_comes_back_intact(tmp_path: Path) -> None:
    path = tmp_path / "locked.pdf"
    make_text_pdf(path, encrypt=StandardEncryption(PASSWORD))
    with pytest.raises(EncryptedPdfError) as caught:
        run_bounded(probe, path, "guess", limits=Limits())
    assert caught.value.path == path
    assert caught.value.wrong_password
    assert_names_file(caught.value, path, "--password")


def test_result_comes_back_equal_to_in_process(tmp_path: Path) -> None:
    path = make_text_pdf(tmp_path / "ok.pdf")
    bounded: PdfInfo = run_bounded(probe, path, None, limits=Limits())
    assert bounded == probe(path)


def _native_bad_alloc(path: Path) -> None:
    """What onnxruntime raises when the ConvTranspose of its text detector cannot
    allocate under the bound (the exception type is its own, not MemoryError)."""
    raise RuntimeError(
        "[ONNXRuntimeError] : 6 : RUNTIME_EXCEPTION : Non-zero status code returned while "
        "running ConvTranspose node. Name:'ConvTranspose.0' Status Message: std::bad_alloc"
    )


def test_native_allocation_failure_is_a_memory_error(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    with pytest.raises(ParseMemoryError) as caught:
        run_bounded(_native_bad_alloc, path, limits=Limits(max_memory_mb=300))
    assert_names_file(caught.value, path, "--max-memory")
    assert caught.value.exit_code == 8


def _malloc_arenas_capped() -> int:
    """Threads started in the child, each allocating: address space added (MB)."""
    import threading

    def vm() -> int:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE") >> 20

    before = vm()
    blocks: list[bytearray] = []
    together = threading.Barrier(8)  # all alive at once, so none reuses another's heap

    def allocate() -> None:
        together.wait()
        blocks.append(bytearray(1000))
        together.wait()

    threads = [threading.Thread(target=allocate) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return vm() - before


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="Linux /proc")
def test_threads_do_not_reserve_a_heap_each_under_the_bound() -> None:
    """glibc gives each allocating thread its own 64 MB heap of address space, which
    RLIMIT_AS counts: the child caps the arenas, so 8 threads cost far less than 8 heaps."""
    assert run_bounded(_malloc_arenas_capped, limits=Limits()) < 3 * 64


def _divide(a: int, b: int) -> float:
    return a / b


def test_bug_in_child_is_a_runtime_error_with_traceback() -> None:
    with pytest.raises(RuntimeError) as caught:
        run_bounded(_divide, 1, 0, limits=Limits())
    assert not isinstance(caught.value, InputError)
    assert "ZeroDivisionError" in str(caught.value)
    assert "_divide" in str(caught.value)


def _crash() -> None:
    faulthandler.disable()
    os.kill(os.getpid(), signal.SIGSEGV)


def test_crash_by_signal_is_a_runtime_error() -> None:
    with pytest.raises(RuntimeError, match="SIGSEGV"):
        run_bounded(_crash, limits=Limits())


def test_disabled_limits_run_in_process() -> None:
    assert run_bounded(os.getpid, limits=Limits(enabled=False)) == os.getpid()
    assert run_bounded(os.getpid, limits=Limits()) != os.getpid()


def test_limits_must_be_positive() -> None:
    with pytest.raises(ValueError):
        Limits(timeout_s=0)
    with pytest.raises(ValueError):
        Limits(max_memory_mb=-1)
