"""Open a Word (.docx) file safely and hand back its parsed main text, styles and placeholders.

Everything a hostile or broken upload can do is stopped here, each with a one-line message:
not a zip, a zip that is not a Word document, a damaged or truncated zip, a password-protected
document, a zip bomb (too many parts, too large unpacked, compressed too tightly) and XML with a
DTD (entity expansion). XML is parsed by lxml with entities unresolved, no DTD and no network.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from lxml import etree

from parsers.errors import (
    DamagedFile,
    EmptyFile,
    EncryptedFile,
    FileTooLarge,
    UnsupportedFile,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
STRICT_W_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"

MAX_ENTRIES = 2000
MAX_UNCOMPRESSED = 200 * 1024 * 1024
MAX_XML_PART = 64 * 1024 * 1024  # far beyond the text of any form; parsing more costs too much
MAX_RATIO = 100
RATIO_FLOOR = 1024 * 1024  # tight compression only matters for parts that unpack past 1 MB
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"

OFFICE_DOCUMENT = "/officeDocument"
DEFAULT_MAIN = "word/document.xml"


@dataclass
class Style:
    name: str = ""
    based_on: str = ""
    bold: bool | None = None
    italic: bool | None = None
    size: int | None = None  # half-points
    outline: int | None = None


@dataclass
class Styles:
    """Just enough of styles.xml to tell headings and bold labels apart."""

    by_id: dict[str, Style] = field(default_factory=dict)
    default_paragraph: str = ""
    default_bold: bool = False
    default_italic: bool = False
    default_size: int = 22
    _cache: dict[tuple[str, str], object] = field(default_factory=dict)

    def resolve(self, style_id: str, attr: str):
        """A style property, following ``basedOn`` (None when no style in the chain sets it)."""
        key = (style_id, attr)
        if key in self._cache:
            return self._cache[key]
        value, seen, current = None, set(), style_id
        while current and current not in seen:
            seen.add(current)
            style = self.by_id.get(current)
            if style is None:
                break
            value = getattr(style, attr)
            if value is not None:
                break
            current = style.based_on
        self._cache[key] = value
        return value

    def is_heading(self, style_id: str) -> bool:
        style = self.by_id.get(style_id)
        if style is None:
            return False
        name = style.name.lower()
        if name.startswith("heading") or name in ("title", "subtitle"):
            return True
        outline = self.resolve(style_id, "outline")
        return outline is not None and outline < 9

    def body_size(self) -> int:
        size = self.resolve(self.default_paragraph, "size") if self.default_paragraph else None
        return size or self.default_size


@dataclass
class Package:
    document: etree._Element
    styles: Styles
    placeholders: dict[str, str]  # glossary docPart name -> its placeholder text


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
    )


_DECLARED_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([^"']*)["']""")
_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def as_utf8(raw: bytes, part: str) -> bytes:
    """The part's XML as UTF-8, the one encoding the DTD check below can search as bytes.

    Word writes UTF-8; UTF-16 (which the package format allows) is decoded and written back
    as UTF-8 without its declaration; any other declared encoding is refused.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or raw[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else None
        encoding = encoding or ("utf-16-le" if raw[:1] == b"<" else "utf-16-be")
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            raise DamagedFile(f"the Word document is damaged: its {part} cannot be read") from None
        return _DECLARATION.sub("", text.lstrip("\ufeff"), count=1).encode("utf-8")
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    declared = _DECLARED_ENCODING.match(raw)
    if declared and declared.group(1).strip().lower() not in (b"utf-8", b"utf8"):
        raise UnsupportedFile(
            f"the Word document's {part} is in a text encoding Word does not write: "
            "save it again from Word"
        )
    return raw


def parse_xml(raw: bytes, part: str) -> etree._Element:
    raw = as_utf8(raw, part)
    if b"<!DOCTYPE" in raw or b"<!ENTITY" in raw:
        raise UnsupportedFile(f"the Word document's {part} declares a DTD, which is not allowed")
    if STRICT_W_NS in raw:  # ISO "strict" Word files: same vocabulary, other namespace
        raw = raw.replace(STRICT_W_NS, W_NS.encode())
    try:
        return etree.fromstring(raw, _parser())
    except etree.XMLSyntaxError:
        raise DamagedFile(f"the Word document is damaged: its {part} cannot be read") from None


def _check_limits(archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if not infos:
        raise UnsupportedFile("this is an empty zip archive, not a Word document")
    if len(infos) > MAX_ENTRIES:
        raise UnsupportedFile(
            f"this zip holds {len(infos)} parts, far more than a Word document: it was not opened"
        )
    total = sum(info.file_size for info in infos)
    packed = sum(info.compress_size for info in infos)
    if total > MAX_UNCOMPRESSED:
        raise FileTooLarge(
            f"this Word document unpacks to more than {MAX_UNCOMPRESSED // (1024 * 1024)} MB"
        )
    suspicious = [
        info
        for info in infos
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1)
    ]
    if suspicious or (total > RATIO_FLOOR and total > MAX_RATIO * max(packed, 1)):
        raise UnsupportedFile(
            "this Word document is compressed far more tightly than a real one (a zip bomb?): "
            "it was not opened"
        )
    if any(info.flag_bits & 0x1 for info in infos):
        raise EncryptedFile("this Word document is password-protected: remove the password")


def _read(archive: zipfile.ZipFile, name: str) -> bytes:
    if archive.getinfo(name).file_size > MAX_XML_PART:
        raise FileTooLarge(
            f"the text of this Word document is larger than {MAX_XML_PART // (1024 * 1024)} MB"
        )
    try:
        with archive.open(name) as member:
            return member.read(MAX_XML_PART + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise DamagedFile("the Word document is damaged or was cut short") from None
    except NotImplementedError:
        raise UnsupportedFile(
            "this Word document uses a compression method we cannot read"
        ) from None


def _relationship_targets(archive, names: set[str], rels_part: str, base: str) -> dict[str, str]:
    """Relationship type suffix (e.g. ``/styles``) -> part name, for one .rels part."""
    if rels_part not in names:
        return {}
    root = parse_xml(_read(archive, rels_part), "relationships")
    targets = {}
    for rel in root:
        kind, target = rel.get("Type", ""), rel.get("Target", "")
        if not kind or not target or rel.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(base, target)
        targets.setdefault(kind.rsplit("/", 1)[-1], posixpath.normpath(path))
    return targets


def _refuse_other_zip(names: set[str]) -> None:
    if "xl/workbook.xml" in names:
        raise UnsupportedFile("this is an Excel workbook, not a Word document")
    if "ppt/presentation.xml" in names:
        raise UnsupportedFile("this is a PowerPoint file, not a Word document")
    if "mimetype" in names and "content.xml" in names:
        raise UnsupportedFile("this is an OpenDocument file but not a text document (.odt)")
    if not any(name.startswith("word/") for name in names):
        raise UnsupportedFile("this is a zip archive, not a Word document")
    raise DamagedFile(
        "the Word document is incomplete: its main text (word/document.xml) is missing"
    )


def _on(element, tag: str) -> bool | None:
    found = element.find(tag)
    if found is None:
        return None
    return found.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


def first_children(element) -> dict:
    """Each tag's first child: one pass over the children, where ``find`` for each of several
    tags (a run's bold, italic, size, font…) searches them again every time."""
    found: dict = {}
    for child in element:
        found.setdefault(child.tag, child)
    return found


def as_int(text: str | None, default: int | None = None, base: int = 10) -> int | None:
    """A number from an attribute, or ``default`` when it is missing or not a number."""
    try:
        return int(text, base) if text is not None else default
    except (TypeError, ValueError):
        return default


def _int(element, tag: str) -> int | None:
    found = element.find(tag)
    return as_int(found.get(W + "val")) if found is not None else None


_STYLES_ROOT = re.compile(rb"<w:styles\b[^>]*>")
_STYLE_TAG = re.compile(rb"<w:style\b[^>]*>")
_STYLE_ID = re.compile(rb'w:styleId="([^"]*)"')
_BASED_ON = re.compile(rb'<w:basedOn\s+w:val="([^"]*)"')
_DOC_DEFAULTS = re.compile(rb"<w:docDefaults\b.*?</w:docDefaults>", re.DOTALL)


def _styles_subset(raw: bytes, wanted: set[str]) -> etree._Element:
    """Only the styles the document uses (and what they are based on), parsed.

    Real styles.xml parts run to hundreds of kilobytes of unused styles; slicing out the few
    that matter keeps a form read cheap. Falls back to the whole part when the markup is not
    the usual ``w:`` prefix.
    """
    root = _STYLES_ROOT.search(raw)
    if root is None:
        return parse_xml(raw, "styles")
    where: dict[str, tuple[int, int]] = {}
    default = ""
    for tag in _STYLE_TAG.finditer(raw):
        found = _STYLE_ID.search(tag.group(0))
        if found is None:
            continue
        style_id = found.group(1).decode("utf-8", "replace")
        if tag.group(0).endswith(b"/>"):
            end = tag.end()
        else:
            end = raw.find(b"</w:style>", tag.end())
            end = end + len(b"</w:style>") if end >= 0 else tag.end()
        where.setdefault(style_id, (tag.start(), end))
        opening = tag.group(0)
        if (
            not default
            and b'w:type="paragraph"' in opening
            and re.search(rb'w:default="(?:1|true|on)"', opening)
        ):
            default = style_id
    wanted = set(wanted) | {default}
    chosen: list[tuple[int, int]] = []
    queue = [style_id for style_id in wanted if style_id in where]
    seen = set(queue)
    while queue:
        start, end = where[queue.pop()]
        chosen.append((start, end))
        for based in _BASED_ON.findall(raw, start, end):
            based_id = based.decode("utf-8", "replace")
            if based_id in where and based_id not in seen:
                seen.add(based_id)
                queue.append(based_id)
    defaults = _DOC_DEFAULTS.search(raw)
    parts = [root.group(0)]
    if defaults is not None:
        parts.append(defaults.group(0))
    parts.extend(raw[start:end] for start, end in sorted(chosen))
    parts.append(b"</w:styles>")
    return parse_xml(b"".join(parts), "styles")


def _read_styles(root: etree._Element | None) -> Styles:
    styles = Styles()
    if root is None:
        return styles
    defaults = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    if defaults is not None:
        styles.default_bold = bool(_on(defaults, W + "b"))
        styles.default_italic = bool(_on(defaults, W + "i"))
        styles.default_size = _int(defaults, W + "sz") or styles.default_size
    for element in root.iter(W + "style"):
        style_id = element.get(W + "styleId", "")
        name = element.find(W + "name")
        based = element.find(W + "basedOn")
        style = Style(
            name=name.get(W + "val", "") if name is not None else "",
            based_on=based.get(W + "val", "") if based is not None else "",
        )
        rpr = element.find(W + "rPr")
        if rpr is not None:
            style.bold, style.italic, style.size = (
                _on(rpr, W + "b"),
                _on(rpr, W + "i"),
                _int(rpr, W + "sz"),
            )
        ppr = element.find(W + "pPr")
        if ppr is not None:
            style.outline = _int(ppr, W + "outlineLvl")
        styles.by_id[style_id] = style
        is_default = element.get(W + "default", "").lower() in ("1", "true", "on")
        if is_default and element.get(W + "type") == "paragraph":
            styles.default_paragraph = style_id
    return styles


def _read_placeholders(root: etree._Element | None) -> dict[str, str]:
    if root is None:
        return {}
    texts = {}
    for part in root.iter(W + "docPart"):
        name = part.find(f"{W}docPartPr/{W}name")
        if name is None:
            continue
        body = part.find(W + "docPartBody")
        if body is None:
            continue
        text = "\n".join("".join(t.text or "" for t in p.iter(W + "t")) for p in body.iter(W + "p"))
        texts[name.get(W + "val", "")] = text.strip()
    return texts


def open_package(data: bytes) -> Package:
    if not data:
        raise EmptyFile("the file is empty")
    if data[:8] == OLE_MAGIC:
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedFile(
                "this Word document is password-protected: remove the password and upload it again"
            )
        raise UnsupportedFile("this is an old Word (.doc) file: save it as .docx or PDF")
    if data[:2] != b"PK":
        raise UnsupportedFile("this is not a Word (.docx) document")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError):
        raise DamagedFile("the Word document is damaged or was cut short") from None
    with archive:
        _check_limits(archive)
        names = set(archive.namelist())
        package_rels = _relationship_targets(archive, names, "_rels/.rels", "")
        main = package_rels.get(OFFICE_DOCUMENT.strip("/"), DEFAULT_MAIN)
        if main not in names:
            main = DEFAULT_MAIN
        if main not in names:
            _refuse_other_zip(names)
        document = parse_xml(_read(archive, main), "main text")
        if document.tag != W + "document":
            raise UnsupportedFile("this zip holds no Word document text")
        directory, base = posixpath.split(main)
        rels = _relationship_targets(archive, names, f"{directory}/_rels/{base}.rels", directory)
        styles_part = rels.get("styles", f"{directory}/styles.xml")
        glossary_part = rels.get("glossaryDocument", f"{directory}/glossary/document.xml")
        wanted = {
            element.get(W + "val", "") for element in document.iter(W + "pStyle", W + "rStyle")
        }
        styles = _read_styles(
            _styles_subset(_read(archive, styles_part), wanted) if styles_part in names else None
        )
        prompts_used = next(document.iter(W + "placeholder"), None) is not None
        glossary = None
        if prompts_used and glossary_part in names:
            glossary = parse_xml(_read(archive, glossary_part), "glossary")
    return Package(document=document, styles=styles, placeholders=_read_placeholders(glossary))
