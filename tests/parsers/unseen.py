"""Accuracy on generated forms the parsers were never tuned on, per field, per family, overall.

``python -m tests.parsers.unseen [--split tune|heldout|fresh|probe|probe2|both|all] [--count N]
[--seed S] [--mistakes N]`` generates the forms (tests/parsers/generator) into a temp folder and
runs the accuracy harness on them. Tune on the ``tune`` figures; the ``heldout`` figure says whether
parsing generalises, since its wordings and layouts are never in the tune set. ``fresh`` forms
use only wordings, headings, date / yes-no styles, household and attachment shapes and layouts
that are in neither (tests/parsers/generator/fresh_*.py): for them only the per-field, per-family
and overall figures are printed, never the mistakes, so that they stay unseen. ``probe`` forms use
a fourth set of wordings, styles and layouts in none of the other three (generator/probe_*.py):
probe is the split to tune on after tune, so its mistakes are shown like tune's; ``probe2``
(generator/probe2_*.py) is a fifth set in none of the other four, to tune on next, its mistakes
shown too. ``both`` is tune and heldout, ``all`` adds fresh, probe and probe2.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

from tests.parsers.accuracy import Report, measure
from tests.parsers.generator.build import generate


def run(split: str, count: int, seed: int) -> Report:
    """Generate into a folder of this run's own (runs side by side must not share one)."""
    with tempfile.TemporaryDirectory(prefix=f"frontdoor-unseen-{split}-") as folder:
        generate(split, count, Path(folder), seed)
        return measure(Path(folder))


def ratio(right: int, wrong: int) -> str:
    return f"{right / (right + wrong):7.1%}  ({right}/{right + wrong})" if right + wrong else "-"


def show(split: str, report: Report, mistakes: int) -> None:
    quiet = split == "fresh"  # fresh mistakes stay unseen: figures only
    print(f"== {split}: per field")
    names = sorted(report.right.keys() | report.wrong.keys())
    for name in names:
        print(f"  {name:52} {ratio(report.right[name], report.wrong[name])}")
    print(f"== {split}: per family")
    for family in sorted(report.family_right.keys() | report.family_wrong.keys()):
        print(f"  {family:52} {ratio(report.family_right[family], report.family_wrong[family])}")
    if quiet:
        total = sum(report.right.values()) + sum(report.wrong.values())
        print(
            f"== {split}: overall field accuracy {report.accuracy:.2%} "
            f"({sum(report.right.values())}/{total}), failures {len(report.failures)}"
        )
        return
    worst = sorted(names, key=lambda n: report.right[n] / (report.right[n] + report.wrong[n]))
    print(f"== {split}: worst fields")
    for name in worst[:15]:
        print(f"  {name:52} {ratio(report.right[name], report.wrong[name])}")
    if mistakes:
        print(f"== {split}: {mistakes} of {len(report.mistakes)} mistakes")
        for line in report.mistakes[:: max(1, len(report.mistakes) // mistakes)][:mistakes]:
            print("  mistake:", line)
    for name, reason in report.failures:
        print("  failed:", name, "-", reason)
    kinds = Counter(line.split(": ")[1].split("(")[0] for line in report.mistakes)
    print(f"== {split}: commonest mistaken fields: {kinds.most_common(8)}")
    total = sum(report.right.values()) + sum(report.wrong.values())
    print(
        f"== {split}: overall field accuracy {report.accuracy:.2%} "
        f"({sum(report.right.values())}/{total}), failures {len(report.failures)}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.parsers.unseen", description=__doc__)
    parser.add_argument(
        "--split",
        choices=("tune", "heldout", "fresh", "probe", "probe2", "both", "all"),
        default="both",
    )
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mistakes", type=int, default=20)
    args = parser.parse_args(argv)
    splits = {
        "both": ("tune", "heldout"),
        "all": ("tune", "heldout", "fresh", "probe", "probe2"),
    }.get(args.split, (args.split,))
    results = {split: run(split, args.count, args.seed) for split in splits}
    for split, report in results.items():
        show(split, report, args.mistakes)
    for split, report in results.items():
        print(f"{split:8} overall {report.accuracy:.2%}, failures {len(report.failures)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
