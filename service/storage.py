"""Files on local disk. Uploads are stored once under their SHA-256, so an original is never lost
or overwritten and the same file uploaded twice is recognised; every file Front Door writes is
written whole or not at all."""

import hashlib
import os
import tempfile
from pathlib import Path

from flask import current_app
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename


def _blob_path(sha256: str) -> Path:
    return Path(current_app.config["STORAGE_DIR"]) / "originals" / sha256[:2] / sha256


def store_bytes(content: bytes) -> str:
    """Keep ``content`` (once, however often it is stored) and return its SHA-256."""
    sha256 = hashlib.sha256(content).hexdigest()
    path = _blob_path(sha256)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, content)
    return sha256


def store_upload(upload: FileStorage) -> dict:
    """Keep the uploaded file; return ``{sha256, filename, size}`` to refer to it by."""
    content = upload.read()
    sha256 = store_bytes(content)
    filename = secure_filename(upload.filename or "") or "upload"
    return {"sha256": sha256, "filename": filename, "size": len(content)}


def has_original(sha256: str) -> bool:
    return _is_sha256(sha256) and _blob_path(sha256).exists()


def read_original(sha256: str) -> bytes:
    """The stored file; FileNotFoundError if it is not (or no longer) in storage."""
    if not _is_sha256(sha256):
        raise FileNotFoundError(sha256)
    return _blob_path(sha256).read_bytes()


def original_path(sha256: str) -> Path:
    """Where the stored file lives, for sending it without reading it into memory."""
    if not has_original(sha256):
        raise FileNotFoundError(sha256)
    return _blob_path(sha256)


def _is_sha256(value: str | None) -> bool:
    return bool(value) and len(value) == 64 and all(c in "0123456789abcdef" for c in value)


def write_atomically(path: Path, content: bytes) -> None:
    """Write beside the target then rename, so a failure never leaves a half-written file."""
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
