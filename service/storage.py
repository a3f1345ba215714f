"""Uploaded files on local disk, stored once under their SHA-256 so an original is never lost
or overwritten, and the same file uploaded twice is recognised."""

import hashlib
from pathlib import Path

from flask import current_app
from werkzeug.datastructures import FileStorage
from werkzeug.utils import secure_filename

from service.documents import write_atomically


def _blob_path(sha256: str) -> Path:
    return Path(current_app.config["STORAGE_DIR"]) / "originals" / sha256[:2] / sha256


def store_upload(upload: FileStorage) -> dict:
    """Keep the uploaded file; return ``{sha256, filename, size}`` to refer to it by."""
    content = upload.read()
    sha256 = hashlib.sha256(content).hexdigest()
    path = _blob_path(sha256)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, content)
    filename = secure_filename(upload.filename or "") or "upload"
    return {"sha256": sha256, "filename": filename, "size": len(content)}


def has_original(sha256: str) -> bool:
    return len(sha256) == 64 and _blob_path(sha256).exists()
