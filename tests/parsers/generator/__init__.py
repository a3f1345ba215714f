"""Generated legacy forms with known answers, for measuring parsing on forms never tuned on.

``python -m tests.parsers.generator --split SPLIT --count N --out DIR [--seed S]`` (``SPLIT`` is
tune, heldout, fresh or probe) writes N forms, the six families in turn (CAF-style Word tables,
"Label: value" Word referrals, Word content controls, fillable AcroForm PDFs, drawn PDFs, Word
printed to PDF by LibreOffice), each beside its ``*.expected.json`` in the layout of
../shared/corpus/dev, so ``tests.parsers.accuracy.measure(DIR)`` reads them;
``python -m tests.parsers.unseen`` does both and reports per field and per family.

The tune / held-out split really holds out:

- Every choice a form makes is drawn from a bank (``split.bank``): each field's question
  wordings, section headings (and so which section holds the referrer's or the lead
  professional's details), pathway and threshold options, household and attachment shapes and
  column headings, date styles, yes/no styles, tick glyphs and every layout variant.
- Each bank entry sits on one side for good, by a SHA-256 of its normalised text alone (about
  one in three held out); the same words are on the same side in every bank, adding an entry
  never moves another, and ``split.check_banks`` insists on at least one entry each side.
- A form is composed for one split with one seeded ``split.Chooser``, which can only pick that
  split's entries and logs every pick; tests/parsers/test_generated_forms.py checks that no
  held-out form uses a tune wording and that the banks are disjoint.

So tuning parsers on the tune forms cannot teach them a held-out wording, heading, date style
or layout: the held-out figure measures generalisation. The answers themselves (names,
addresses, stories: ``people``, ``stories``) are values, not wordings, and are shared.

The held-out layouts have since become known to the team, so a third split, ``fresh``
(``--split fresh``), uses only choices in neither side: its own banks of question wordings,
headings, options, date and yes/no styles, tick glyphs, household and attachment shapes
(``fresh_wordings``), its own composer overrides (``fresh_compose``) and new layout variants for
every family with their own banks (``fresh_layouts``). Fresh banks are registered apart
(``split.fresh_bank`` / ``FRESH_BANKS``) under the names of the banks they stand in for; only a
fresh ``Chooser`` picks from them, and tune / held-out output is unchanged by their existence.
Do not tune on fresh forms or read their mistakes: report only their overall and per-family
figures.

Tune has since been tuned on, so a fourth split, ``probe`` (``--split probe``), is the next to tune
on: like fresh it shares nothing with any other split (``probe_wordings``: new question wordings,
headings, pathway and level options, date and yes/no styles, tick glyphs and places, household
and attachment shapes and column headings, written as MARF / MASH / EHA / CAF / CAMHS / EHC
request forms word them; ``probe_compose``: its composer overrides; ``probe_layouts``: new layout
variants for every family, e.g. four-column Word tables, answers in text boxes, placeholders left in
content controls, cryptic AcroForm names with tooltips and check boxes, landscape two-column and
tabbed-box drawn PDFs, printed forms with a council title block). Probe banks are registered in
``split.PROBE_BANKS`` (``split.probe_bank``) under the names of the banks they stand in for; only
a probe ``Chooser`` picks from them, ``split.check_probe_banks`` insists no probe entry is a tune,
held-out or fresh entry, and tune / held-out / fresh output is unchanged by their existence.
Probe's mistakes are meant to be read (``python -m tests.parsers.unseen --split probe``); once it
has been tuned on it measures nothing new, like tune.

Modules: ``split`` (the split), ``wordings`` and ``styles`` (the banks), ``people`` and
``stories`` (the truth), ``compose`` (the abstract form and its expected record),
``layouts_word`` / ``layouts_pdf`` / ``printed`` (the files), ``fresh_*`` and ``probe_*`` (the
fresh and probe splits), ``build`` (writing a folder).
Do not choose wordings by what the parsers understand: write them as councils word them.
"""
