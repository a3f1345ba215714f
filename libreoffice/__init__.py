"""LibreOffice kept warm as a converter, for both sides of Front Door that need one.

``service.documents.pdf`` turns our own letters (trusted DOCX) into PDF; ``parsers.old_formats``
turns uploaded old Word, RTF and OpenDocument forms (untrusted) into DOCX for the Word reader. Both
need the same careful machinery: a LibreOffice started once and reused, driven over pipes, held to
deadlines, stopped and replaced when it misbehaves. It lives here, in a package of its own
that imports only the standard library, because ``parsers`` must not import ``service`` (nor
Flask, SQLAlchemy or Celery through it) and the reading process should load no more than it
needs. Each user keeps its own instance with its own profile and limits: a hostile form never
shares a LibreOffice with the letters.
"""
