"""Write generated forms:
``--split tune|heldout|fresh|probe|probe2 --count N --out DIR [--seed S]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.parsers.generator.build import generate
from tests.parsers.generator.split import SPLITS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.parsers.generator", description=__doc__)
    parser.add_argument("--split", choices=SPLITS, required=True)
    parser.add_argument("--count", type=int, default=60)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    made = generate(args.split, args.count, args.out, args.seed)
    print(f"wrote {len(made)} {args.split} forms to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
