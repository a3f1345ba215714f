"""A docxtpl template compiled once per template version, then rendered in a few milliseconds.

A bare ``DocxTemplate(...).render(); save()`` does everything from scratch for every letter:
python-docx reads and parses the whole package, docxtpl cleans the body XML up with a few dozen
regular expressions and compiles it to a new Jinja template, and python-docx serialises and
deflates every part again, though only the templated parts depend on the record. Here the work
that does not depend on the context is done once, when a template version is first used:

* each part docxtpl renders (the body; the headers and footers the document refers to; the
  footnotes; the string core properties) is cleaned up by docxtpl's own ``patch_xml`` and
  compiled with the caller's sandboxed, autoescaping environment; a part without any tag is
  rendered there and then;
* every other part is kept as python-docx writes it when docxtpl saves (so a letter is the
  package docxtpl would write), deflated once, ready to be copied into each zip.

A render runs the compiled templates, applies docxtpl's after-render passes to their output
(``resolve_listing``, ``fix_tables``, ``fix_docpr_ids``, by calling docxtpl's own code), deflates
the few rendered parts and writes the zip around the prepared bytes. A test compares the text of
every document with a bare docxtpl render's. One deliberate difference: docxtpl renders the
footnotes once per section of the document (a rendered footnote is rendered again, as a template,
in a document of two sections); they are rendered once here.

A ``CompiledDocx`` is immutable once made, so threads may share it; ``TemplateCache`` keeps the
last few dozen by template version.
"""

import io
import re
import struct
import threading
import zipfile
import zlib
from collections import OrderedDict
from collections.abc import Callable

import docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.coreprops import CoreProperties
from docx.opc.oxml import serialize_part_xml
from docx.oxml.parser import parse_xml
from docxtpl import DocxTemplate
from jinja2 import Environment, Template, nodes
from lxml import etree

#: the core properties docxtpl renders (DocxTemplate.render_properties)
PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
#: zlib levels: zipfile's default for the parts rendered per letter (tens of microseconds), the
#: smallest for the parts deflated once
LEVEL, PREPARED_LEVEL = 6, 9


def _docxtpl() -> DocxTemplate:
    """A DocxTemplate without a document, to run docxtpl's XML passes: a fresh one per use, as
    ``fix_docpr_ids`` counts in the instance."""
    passes = DocxTemplate(None)
    passes.docx_ids_index = 1000  # as DocxTemplate.render_init
    return passes


class _Part:
    """One templated part: its Jinja template, and ``finish`` turning the rendered text into the
    part's bytes."""

    def __init__(self, environment: Environment, xml: str, finish: Callable[[str], bytes]):
        # DocxTemplate.render_xml_part: each paragraph on a line of its own, for error messages
        source = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)
        tree = environment.parse(source)
        self.template = environment.from_string(tree)
        self.finish = finish
        self.constant = _constant(tree)

    def render(self, context: dict) -> bytes:
        return self.finish(_after_render(self.template.render(context)))


def _constant(tree: nodes.Template) -> bool:
    """Whether a template is plain text, the same whatever the context."""
    return all(
        isinstance(node, nodes.Output)
        and all(isinstance(child, nodes.TemplateData) for child in node.nodes)
        for node in tree.body
    )


_PARAGRAPH_LINE = re.compile(r"\n<w:p([ >])")
_LISTING = re.compile("[\t\a\n\f]")


def _after_render(xml: str) -> str:
    """What DocxTemplate.render_xml_part does to a part's rendered XML."""
    xml = _PARAGRAPH_LINE.sub(r"<w:p\1", xml)
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if _LISTING.search(xml):  # resolve_listing changes only these characters; it is slow
        xml = _docxtpl().resolve_listing(xml)
    return xml


def _finish_header_or_footer(xml: str) -> bytes:
    """As docxtpl loads the rendered header into a new part and python-docx writes it."""
    return serialize_part_xml(parse_xml(xml.encode("utf-8")))


def _body_finisher(document: bytes) -> Callable[[str], bytes]:
    """Put the rendered body in ``document`` (document.xml as python-docx writes it) as
    DocxTemplate.render does: fix_tables, fix_docpr_ids, then map_tree and save. The rest of
    document.xml (the root element and its namespaces) is kept as bytes, so that no lxml tree
    is shared between threads, and parsed again per letter: it is small."""
    root = etree.fromstring(document)
    body = root.find(docx.oxml.ns.qn("w:body"))
    position = root.index(body)
    root.remove(body)
    skeleton = serialize_part_xml(root)

    def finish(xml: str) -> bytes:
        passes = _docxtpl()
        tree = passes.fix_tables(xml)
        passes.fix_docpr_ids(tree)
        root = etree.fromstring(skeleton)
        root.insert(position, tree)  # lxml drops the namespace declarations root has already
        return serialize_part_xml(root)

    return finish


class _CoreProperties:
    """The core properties docxtpl renders, each a Jinja template (DocxTemplate.render_properties
    sets each to its rendered text, so an escaped ``&amp;`` stays escaped, as there)."""

    def __init__(self, environment: Environment, properties: CoreProperties):
        self.templates: dict[str, Template] = {}
        self.constant = True
        for name in PROPERTIES:
            tree = environment.parse(getattr(properties, name))
            self.templates[name] = environment.from_string(tree)
            self.constant = self.constant and _constant(tree)

    def apply(self, properties: CoreProperties, context: dict) -> None:
        for name, template in self.templates.items():
            setattr(properties, name, template.render(context))

    def finisher(self, core: bytes) -> Callable[[dict], bytes]:
        def finish(context: dict) -> bytes:
            element = parse_xml(core)
            self.apply(CoreProperties(element), context)
            return serialize_part_xml(element)

        return finish


class _Entry:
    """One zip member, deflated, with what its headers need."""

    def __init__(self, name: str, content: bytes, level: int = LEVEL):
        self.name = name.encode("utf-8")
        self.flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        self.crc = zlib.crc32(content)
        self.size = len(content)
        deflate = zlib.compressobj(level, zlib.DEFLATED, -15)
        self.data = deflate.compress(content) + deflate.flush()


_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1 January 1980 00:00: equal letters are equal bytes


def _zip(entries: list[_Entry]) -> bytes:
    """A zip of ``entries`` (deflated, no zip64: a letter is far below 4 GB)."""
    chunks, directory, offset = [], [], 0
    for entry in entries:
        fields = (20, entry.flags, zipfile.ZIP_DEFLATED, 0, _DOS_DATE, entry.crc)
        sizes = (len(entry.data), entry.size, len(entry.name))
        local = struct.pack("<4s5H3L2H", b"PK\x03\x04", *fields, *sizes, 0)
        chunks += (local, entry.name, entry.data)
        directory.append(
            struct.pack("<4s6H3LH4H2L", b"PK\x01\x02", 20, *fields, *sizes, 0, 0, 0, 0, 0, offset)
            + entry.name
        )
        offset += len(local) + len(entry.name) + len(entry.data)
    size = sum(map(len, directory))
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), size, offset, 0)
    return b"".join((*chunks, *directory, end))


class CompiledDocx:
    """A docxtpl template ready to render: ``CompiledDocx(content, environment).render(context)``
    gives the DOCX a bare docxtpl render of ``content`` with ``environment`` would."""

    def __init__(self, content: bytes, environment: Environment):
        if environment.autoescape is not True:
            raise ValueError("a DOCX template needs an autoescaping environment")
        self.content = content
        document = docx.Document(io.BytesIO(content))
        properties = _CoreProperties(environment, document.core_properties)
        if properties.constant:
            properties.apply(document.core_properties, {})

        # the package as docxtpl's save writes it; the templated parts are replaced per letter
        written = io.BytesIO()
        document.save(written)
        with zipfile.ZipFile(written) as package:
            members = {name: package.read(name) for name in package.namelist()}

        passes = _docxtpl()
        main = document.part.partname.membername
        body = passes.patch_xml(passes.xml_to_string(document.element.body))
        templated = {main: (body, _body_finisher(members[main]))}
        for rel in document.part.rels.values():  # DocxTemplate.get_headers_footers
            if rel.reltype in (RT.HEADER, RT.FOOTER) and rel.target_part.blob:
                xml = passes.patch_xml(passes.get_part_xml(rel.target_part))
                templated[rel.target_part.partname.membername] = (xml, _finish_header_or_footer)
        if document.sections:  # DocxTemplate.render_footnotes
            for part in document.part.package.parts:
                if part.content_type == CT.WML_FOOTNOTES:
                    xml = passes.patch_xml(part.blob.decode("utf-8"))
                    templated[part.partname.membername] = (xml, str.encode)

        self._parts: dict[str, _Part] = {}  # zip name -> the part rendered per letter
        for name, (xml, finish) in templated.items():
            part = _Part(environment, xml, finish)
            if part.constant:
                members[name] = part.render({})
            else:
                self._parts[name] = part
        self._core = None
        if not properties.constant:
            core = document.part.package.part_related_by(RT.CORE_PROPERTIES).partname.membername
            self._core = (core, properties.finisher(members[core]))
        rendered = {*self._parts, *([self._core[0]] if self._core else [])}
        self._entries: list[_Entry | str] = [  # a prepared member, or the name of a rendered one
            name if name in rendered else _Entry(name, data, PREPARED_LEVEL)
            for name, data in members.items()
        ]

    def render(self, context: dict) -> bytes:
        """The DOCX filled in with ``context``."""
        rendered = {name: part.render(context) for name, part in self._parts.items()}
        if self._core is not None:
            name, finish = self._core
            rendered[name] = finish(context)
        return _zip(
            [
                entry if isinstance(entry, _Entry) else _Entry(entry, rendered[entry])
                for entry in self._entries
            ]
        )


class TemplateCache:
    """The templates compiled most recently, by version: at most ``size``, shared by threads.

    A version is a hash of the template's bytes; the bytes are compared too, so a template is
    never rendered from another's compiled form."""

    def __init__(self, compile: Callable[[bytes], CompiledDocx], size: int = 32):
        self._compile = compile
        self._size = size
        self._compiled: OrderedDict[str, CompiledDocx] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, version: str, content: bytes) -> CompiledDocx:
        with self._lock:
            compiled = self._compiled.get(version)
            if compiled is not None and compiled.content == content:
                self._compiled.move_to_end(version)
                return compiled
        compiled = self._compile(content)  # outside the lock: another thread may render
        with self._lock:
            self._compiled[version] = compiled
            self._compiled.move_to_end(version)
            while len(self._compiled) > self._size:
                self._compiled.popitem(last=False)
        return compiled
