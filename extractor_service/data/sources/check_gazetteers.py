#!/usr/bin/env python3
"""Checks places.tsv and organisations.tsv the way the extractor reads them.

Every non-comment line must have the right number of TAB columns with no
empty first column and no stray spaces; a surface may not be listed twice
with different canonical names (organisations) or parents (places); a
place's parent must itself be listed; an article form ("the Met") needs
its short form. Prints counts and exits non-zero on the first file with
errors.

  check_gazetteers.py [DATA_DIR]   (default: the folder above this script)
"""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def rows(path, min_cols, max_cols, errors):
    out = []
    with open(path, encoding="utf-8") as f:
        for no, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.endswith("\r"):
                errors.append(f"{path}:{no}: CR line ending")
                line = line[:-1]
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if not min_cols <= len(cols) <= max_cols or not cols[0]:
                errors.append(f"{path}:{no}: expected {min_cols}-{max_cols} "
                              f"tab-separated columns, got {len(cols)}")
                continue
            if any(c != c.strip() or "  " in c for c in cols):
                errors.append(f"{path}:{no}: stray spaces in {line!r}")
            out.append((no, cols + [""] * (max_cols - len(cols))))
    return out


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(HERE)
    errors = []

    places = os.path.join(data, "places.tsv")
    parent_of = {}
    for no, (name, parent) in rows(places, 1, 2, errors):
        if name in parent_of and parent_of[name] != parent:
            errors.append(f"{places}:{no}: {name!r} listed again with parent "
                          f"{parent!r} (was {parent_of[name]!r})")
        elif name in parent_of:
            errors.append(f"{places}:{no}: duplicate {name!r}")
        parent_of.setdefault(name, parent)
    for name, parent in parent_of.items():
        if parent and parent not in parent_of:
            errors.append(f"{places}: parent {parent!r} of {name!r} is not listed")
        if parent == name:
            errors.append(f"{places}: {name!r} is its own parent")

    orgs = os.path.join(data, "organisations.tsv")
    canonical_of = {}
    canonicals = set()
    for no, (surface, canonical, cls) in rows(orgs, 3, 3, errors):
        if not canonical or not cls:
            errors.append(f"{orgs}:{no}: empty canonical or class")
        if surface in canonical_of and canonical_of[surface] != canonical:
            errors.append(f"{orgs}:{no}: {surface!r} maps to {canonical!r} and "
                          f"{canonical_of[surface]!r}")
        elif surface in canonical_of:
            errors.append(f"{orgs}:{no}: duplicate {surface!r}")
        canonical_of.setdefault(surface, canonical)
        canonicals.add(canonical)
    for surface, canonical in canonical_of.items():
        if surface.startswith("the ") and canonical_of.get(surface[4:]) != canonical:
            errors.append(f"{orgs}: article form {surface!r} lacks its short form")
    for c in canonicals:
        if canonical_of.get(c) != c:
            errors.append(f"{orgs}: canonical {c!r} is not a surface of itself")

    if errors:
        print("\n".join(errors[:50]), file=sys.stderr)
        sys.exit(f"{len(errors)} error(s)")
    print(f"places.tsv: {len(parent_of)} places, "
          f"{sum(1 for p in parent_of.values() if p)} with a parent; "
          f"organisations.tsv: {len(canonicals)} bodies, "
          f"{len(canonical_of)} surfaces: OK")


if __name__ == "__main__":
    main()
