"""Is an uploaded Word template safe and fit to use? Every tag is read, checked against what a
template may see (the record's fields and the ready-made phrases) and what the sandbox allows,
then the template is filled in with sample records. Each problem names the tag, as it reads in
Word, and where it is (paragraph 4; table 2, row 3, cell 1), and says what is wrong in words an
admin can act on; every problem is listed at once."""

import io
import re
import traceback
import zipfile

from docx import Document
from docxtpl import DocxTemplate
from jinja2 import nodes
from jinja2.exceptions import TemplateSyntaxError, UndefinedError

from record.shape import ListOf
from service.documents import render
from service.documents.context import (
    SHAPE_PATHS,
    context_shape,
    known_templates,
    trial_records,
)
from service.documents.parts import Part, parts_of

#: a Word template of a few letters unpacks to about 1 MB; far more is not a template
MAX_UNPACKED = 50 * 1024 * 1024
MAX_NUMBER = 10_000  # a letter needs no bigger number; ``'x' * 10 ** 9`` would fill the memory
NOT_ALLOWED_TAGS = (nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)
#: filters whose result holds the same kind of item as the list filtered, or one of its items
SAME_ITEMS = {"list", "reject", "rejectattr", "reverse", "select", "selectattr", "sort", "unique"}
ONE_ITEM = {"first", "last", "random"}
#: a template with more tags Jinja cannot read than this is not worth reading further
MAX_SYNTAX_PROBLEMS = 50
ANY = "any"  # a value whose parts cannot be known: a loop counter, a filter's result …
ONLY_RECORD = "a template can use the record's names and the ready-made phrases listed on this page"
INTERNALS = "reaching into Python internals is not allowed"


# ---- checking the tags ------------------------------------------------------------------------


def _innermost_forbidden(node: nodes.Node) -> str | None:
    """The first ``_…`` attribute, reading the tag left to right (``__init__`` in
    ``cycler.__init__.__globals__``)."""
    found = None
    while isinstance(node, nodes.Getattr | nodes.Getitem):
        key = node.attr if isinstance(node, nodes.Getattr) else getattr(node.arg, "value", None)
        if isinstance(key, str) and key.startswith("_"):
            found = key
        node = node.node
    return found


def dotted(node: nodes.Node) -> str | None:
    """``child.first_name`` for a chain of attributes on a name, else None."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        base = dotted(node.node)
        return f"{base}.{node.attr}" if base else None
    return None


class _Checker:
    """Walks one part's Jinja tree, noting each problem against the tag it is in. ``value``
    returns the shape of what an expression gives: a dict of parts, a ListOf, a type for a plain
    value, ANY when it cannot be known, or None after a problem."""

    def __init__(self, part: Part, environment, shape: dict):
        self.part = part
        self.environment = environment
        self.shape = shape
        self.problems: list[str] = []
        self.used: set[str] = set()
        self.own_filters = sorted(set(environment.filters) - set(type(environment)().filters))

    def problem(self, node: nodes.Node, message: str) -> None:
        self.problems.append(f"{self.part.tag_at(node.lineno)}: {message}")

    def statements(self, body: list[nodes.Node], scope: dict) -> None:
        for node in body:
            self.statement(node, scope)

    def statement(self, node: nodes.Node, scope: dict) -> None:
        if isinstance(node, nodes.Expr):
            self.value(node, scope)
        elif isinstance(node, NOT_ALLOWED_TAGS):
            self.problem(node, "templates may not extend, include or import other templates")
        elif isinstance(node, nodes.For):
            item = self.value(node.iter, scope)
            inner = {**scope, "loop": ANY}
            self.bind(node.target, item.item if isinstance(item, ListOf) else ANY, inner)
            if node.test is not None:
                self.value(node.test, inner)
            self.statements(node.body, inner)
            self.statements(node.else_, scope)
        elif isinstance(node, nodes.Assign):
            self.bind(node.target, self.value(node.node, scope), scope)
        elif isinstance(node, nodes.AssignBlock):
            self.statements(node.body, scope)
            self.bind(node.target, ANY, scope)
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            for default in node.defaults:
                self.value(default, scope)
            if isinstance(node, nodes.Macro):
                scope[node.name] = ANY
            else:
                self.value(node.call, scope)
            inner = {**scope, "caller": ANY, "varargs": ANY, "kwargs": ANY}
            for argument in node.args:
                self.bind(argument, ANY, inner)
            self.statements(node.body, inner)
        elif isinstance(node, nodes.With):
            inner = dict(scope)
            for target, value in zip(node.targets, node.values, strict=True):
                self.bind(target, self.value(value, scope), inner)
            self.statements(node.body, inner)
        else:
            for child in node.iter_child_nodes():
                self.statement(child, scope)

    @staticmethod
    def bind(target: nodes.Node, shape, scope: dict) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                _Checker.bind(item, ANY, scope)

    def value(self, node: nodes.Node, scope: dict):
        if isinstance(node, nodes.Name):
            return self.name(node, scope)
        if isinstance(node, nodes.Getattr):
            return self.part_of(node, node.attr, scope)
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self.part_of(node, node.arg.value, scope)
            self.value(node.arg, scope)
            base = self.value(node.node, scope)
            return base.item if isinstance(base, ListOf) else ANY
        if isinstance(node, nodes.Filter) and node.name not in self.environment.filters:
            own = ", ".join(self.own_filters)
            self.problem(
                node,
                f"there is no filter called '{node.name}' (Front Door's filters are {own}; "
                "Jinja's own, such as upper and default, work too)",
            )
        if isinstance(node, nodes.Test) and node.name not in self.environment.tests:
            self.problem(node, f"there is no test called '{node.name}'")
        if isinstance(node, nodes.Const):
            self.hidden_names(node)
        self.size(node)
        shapes = [self.value(child, scope) for child in node.iter_child_nodes()]
        if isinstance(node, nodes.Filter) and shapes and isinstance(shapes[0], ListOf):
            if node.name in SAME_ITEMS:
                return shapes[0]
            if node.name in ONE_ITEM:
                return shapes[0].item
        return ANY

    def size(self, node: nodes.Node) -> None:
        """Refuse what could make a document too big to produce: ``'x' * 10 ** 9`` and the like
        would stop the server filling in every other letter too."""
        if isinstance(node, nodes.Pow):
            self.problem(node, "templates may not raise numbers to a power (**)")
        elif isinstance(node, nodes.Mul) and isinstance(node.left, nodes.Mul):
            self.problem(node, "templates may not multiply more than two things together")
        elif (
            isinstance(node, nodes.Const)
            and isinstance(node.value, int | float)
            and not isinstance(node.value, bool)
            and abs(node.value) > MAX_NUMBER
        ):
            self.problem(node, f"numbers in templates must be {MAX_NUMBER:,} or less")

    def hidden_names(self, node: nodes.Const) -> None:
        """Text that names an attribute (``attr('__class__')``, ``map(attribute='a.__dict__')``,
        a key kept in a variable) may not name a hidden one either."""
        text = node.value if isinstance(node.value, str) else ""
        forbidden = re.search(r"(?:^|\.)(_\w+)", text)
        if forbidden:
            self.problem(node, f"templates may not use '{forbidden.group(1)}' ({INTERNALS})")

    def name(self, node: nodes.Name, scope: dict):
        if node.name in scope:
            return scope[node.name]
        if node.name in self.shape:
            self.used.add(node.name)
            return self.shape[node.name]
        if node.name in self.environment.globals:
            self.problem(node, f"templates may not use '{node.name}' ({ONLY_RECORD})")
        else:
            self.problem(node, f"unknown variable '{node.name}' ({ONLY_RECORD})")
        return None

    def part_of(self, node: nodes.Getattr | nodes.Getitem, attribute: str, scope: dict):
        if attribute.startswith("_"):
            forbidden = _innermost_forbidden(node)
            self.problem(node, f"templates may not use '{forbidden}' ({INTERNALS})")
            return None
        if isinstance(node.node, nodes.Literal):
            self.problem(node, f"templates may not use '{attribute}' on written-in text or numbers")
            return None
        base = self.value(node.node, scope)
        if base is ANY or base is None:
            return base
        if isinstance(base, dict) and attribute in base:
            if id(base) in SHAPE_PATHS:
                self.used.add(f"{SHAPE_PATHS[id(base)]}.{attribute}")
            return base[attribute]
        written = dotted(node.node) or "this"
        if isinstance(base, dict):
            hint = f"{written} has " + ", ".join(sorted(base))
        elif isinstance(base, ListOf):
            hint = f"{written} is a list: go through it with {{% for item in {written} %}}"
        else:
            hint = f"{written} is a plain value with no parts; a filter may do what you need"
        self.problem(node, f"unknown variable '{written}.{attribute}' ({hint})")
        return None


# ---- the whole check --------------------------------------------------------------------------


def validate(name: str, content: bytes) -> list[str]:
    """Every problem with ``content`` as the template ``name``, in words an admin can act on;
    an empty list means it is fit to use."""
    if name not in known_templates():
        return [f"'{name}' is not one of Front Door's templates"]
    problem = _not_a_word_file(content)
    if problem:
        return [problem]
    environment = render._environment()
    try:
        parts = parts_of(DocxTemplate(io.BytesIO(content)))
    except Exception as error:  # a package python-docx opens but docxtpl cannot read
        return [f"The file could not be read as a template ({_said(error)})"]
    problems = []
    for part in parts:
        problems += _check_part(part, environment)
    if not problems:
        problems = _trial_renders(name, content, parts, environment)
    return list(dict.fromkeys(problems))


def used_variables(content: bytes) -> list[str]:
    """The record's names and phrases a (valid) template uses, e.g. ``child.first_name``."""
    environment = render._environment()
    used: set[str] = set()
    for part in parts_of(DocxTemplate(io.BytesIO(content))):
        checker = _Checker(part, environment, context_shape())
        try:
            checker.statements(environment.parse(part.source).body, {})
        except TemplateSyntaxError:
            continue
        used |= checker.used
    # ``child`` says less than ``child.first_name``: keep the most precise names only
    return sorted(
        name
        for name in used
        if not any(other.startswith((f"{name}.", f"{name}[]")) for other in used)
    )


def _not_a_word_file(content: bytes) -> str | None:
    refusal = "The file is not a Word document (.docx): save it from Word as a Word Document"
    if not content:
        return "The file is empty"
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            if "word/document.xml" not in archive.namelist():
                return refusal
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED:
                return "The file unpacks to more than 50 MB: that is not a letter template"
        Document(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError, KeyError, OSError):
        return refusal
    except Exception as error:  # python-docx raises several kinds for a damaged file
        return f"{refusal} ({error})"
    return None


def _check_part(part: Part, environment) -> list[str]:
    """Every problem in the part: a tag Jinja cannot read is set aside, when it is a
    ``{{ … }}`` that holds nothing else up, so that the tags after it are read too."""
    if part.unclosed:
        return part.unclosed
    problems, source = [], part.source
    for _ in range(MAX_SYNTAX_PROBLEMS):
        try:
            tree = environment.parse(source)
            break
        except TemplateSyntaxError as error:
            if "end of template" in error.message:
                return [*problems, part.unclosed_block() or f"the {part.where}: {error.message}"]
            problems.append(f"{part.tag_at(error.lineno)}: {_syntax(error.message or '')}")
            lines = source.split("\n")
            failing = (error.lineno or 0) - 1
            if not (0 <= failing < len(lines) and lines[failing].startswith("{{")):
                return problems
            lines[failing] = ""  # the line is that tag and the text up to the next one
            source = "\n".join(lines)
    else:
        return problems
    checker = _Checker(part, environment, context_shape())
    checker.statements(tree.body, {})
    return problems + checker.problems


def _syntax(message: str) -> str:
    """Jinja's account of a tag it cannot read, in an admin's words where it is a common slip."""
    stray_end = re.match(r"Encountered unknown tag 'end(\w+)'", message)
    if stray_end:
        block = stray_end.group(1)
        return f"this {{% end{block} %}} has no {{% {block} %}} before it to close"
    if message.startswith("Encountered unknown tag"):
        return message.replace("Encountered unknown tag", "there is no tag called").rstrip(".")
    return f"this tag cannot be read ({message})"


def _trial_renders(name: str, content: bytes, parts: list[Part], environment) -> list[str]:
    """Fill the template in with each trial record: first part by part, to name the tag that
    fails, then as a whole document, as Front Door will."""
    problems, failing = [], set()
    for label, record in trial_records(name):
        context = render.document_context(record)
        failed = False
        for part in parts:
            try:
                environment.from_string(part.source).render(context)
            except Exception as error:  # whatever a template does wrong, say what it was
                failed = True
                where = part.tag_at(_template_line(error))
                if where not in failing:
                    failing.add(where)
                    problems.append(f"{where}: filling it in with {label} failed: {_said(error)}")
        if not failed:
            try:
                render.render_template(render.TemplateSource.of(name, content), context)
            except Exception as error:
                problems.append(f"Filling in the document with {label} failed: {_said(error)}")
    return problems


def _template_line(error: Exception) -> int | None:
    frames = [f for f in traceback.extract_tb(error.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None


def _said(error: Exception) -> str:
    if isinstance(error, UndefinedError):
        return f"{error}; a record may not have it, so check it is there first with {{% if … %}}"
    return str(error) or type(error).__name__
