"""Why a file could not be read. Every message is one line a member of admin staff can act on."""


class ParseError(Exception):
    """The file cannot be turned into a record."""


class UnsupportedFile(ParseError):
    """Not a PDF or a Word document (decided by the content, never by the file name)."""


class EmptyFile(ParseError):
    pass


class DamagedFile(ParseError):
    """Truncated or corrupt: the structure of the file is broken."""


class EncryptedFile(ParseError):
    pass


class FileTooLarge(ParseError):
    pass


class NothingFound(ParseError):
    """The file opened but holds no form answers Front Door recognises."""


class ReadTooLong(ParseError):
    """Reading was stopped by its CPU-time or wall-clock limit (``parsers.isolation``)."""


class ReadTooLarge(ParseError):
    """Reading was stopped by its memory limit: the usual sign of a compression bomb."""


class ReaderStopped(ParseError):
    """The process reading the file died some other way (a crash in a C library)."""
