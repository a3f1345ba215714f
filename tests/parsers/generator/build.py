"""Write generated forms and their ``*.expected.json`` into a folder, as the dev corpus is laid
out, so ``tests.parsers.accuracy.measure`` reads them unchanged."""

from __future__ import annotations

import json
from pathlib import Path

from tests.parsers.generator import (
    fresh_layouts,
    layouts_pdf,
    layouts_word,
    printed,
    probe2_layouts,
    probe_layouts,
)
from tests.parsers.generator.compose import FAMILIES, Form, compose


def render(form: Form) -> tuple[bytes, str]:
    """The file's bytes and extension; a printed-pdf form comes back as the .docx to print."""
    if form.split == "fresh":
        return fresh_layouts.render(form)
    if form.split == "probe":
        return probe_layouts.render(form)
    if form.split == "probe2":
        return probe2_layouts.render(form)
    if form.family in layouts_word.RENDERERS:
        return layouts_word.RENDERERS[form.family](form), "docx"
    if form.family in layouts_pdf.RENDERERS:
        return layouts_pdf.RENDERERS[form.family](form), "pdf"
    base = form.chooser.rng.choice(["word-table", "word-label"])
    return layouts_word.RENDERERS[base](form), "docx-to-print"


def generate(split: str, count: int, out: Path, seed: int = 0) -> list[tuple[Path, Form]]:
    """``count`` forms of ``split``, families in turn; the same seed gives the same files."""
    out.mkdir(parents=True, exist_ok=True)
    made: list[tuple[Path, Form]] = []
    to_print: list[tuple[Path, bytes]] = []
    for index in range(count):
        family = FAMILIES[index % len(FAMILIES)]
        form = compose(split, f"{seed}:{split}:{index}", family)
        data, extension = render(form)
        stem = f"gen-{split}-{index:03d}-{family}"
        if extension == "docx-to-print":
            path = out / f"{stem}.pdf"
            to_print.append((path, data))
        else:
            path = out / f"{stem}.{extension}"
            path.write_bytes(data)
        (out / f"{stem}.expected.json").write_text(
            json.dumps(form.expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        made.append((path, form))
    if to_print:
        pdfs = printed.to_pdf([data for _, data in to_print])
        for (path, _), pdf in zip(to_print, pdfs, strict=True):
            path.write_bytes(pdf)
    return made
