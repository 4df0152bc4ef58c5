#!/usr/bin/env python3
"""Generates extractor_service/data/ranks.tsv: every written form of the
police ranks of the UK forces (College of Policing rank structure, the
Metropolitan Police's and City of London's commissioner ranks, Police
Scotland's and PSNI's, which share the county ranks).

A rank is written in many ways in real copy: in full or abbreviated
("Detective Chief Inspector", "Det Ch Insp", "Det Chief Insp", "Chf Insp",
"DCI"), with "Temporary"/"Acting" in front ("T/DCI"), in title case, in
sentence case ("Assistant chief constable"), in lower case before a name
("superintendent Ann Lee"), and in the plural before a list of names
("Inspectors Ann Lee and Tom Hart"). Listing those by hand misses some;
this script composes them from the parts below, so the list is complete
for what it covers. Run it from anywhere; it rewrites ranks.tsv in place.

  python3 extractor_service/data/sources/build_ranks.py
"""
import itertools
import os

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "ranks.tsv")

# Ranks that take a "Detective" and a "Chief" form: base expansion and its
# written forms (full word first).
GRADED = {
    "Constable": ["Constable", "Con"],
    "Sergeant": ["Sergeant", "Sgt", "Sgt."],
    "Inspector": ["Inspector", "Insp", "Insp.", "Inspr"],
    "Superintendent": ["Superintendent", "Supt", "Supt.", "Superintendant"],
}
CHIEF_OK = {"Inspector", "Superintendent"}
DETECTIVE = ["Detective", "Det", "Det.", "D/"]
CHIEF = ["Chief", "Ch", "Ch.", "Chf", "Chf."]
TEMPORARY = {"Temporary": ["Temporary", "Temp", "T/"], "Acting": ["Acting", "A/"]}

# Abbreviations written as one word (expansion without Temporary/Acting).
ACRONYMS = {
    "PC": "Police Constable", "Pc": "Police Constable",
    "DC": "Detective Constable", "PS": "Police Sergeant",
    "DS": "Detective Sergeant", "DI": "Detective Inspector",
    "CI": "Chief Inspector", "DCI": "Detective Chief Inspector",
    "DSupt": "Detective Superintendent", "DSU": "Detective Superintendent",
    "CSupt": "Chief Superintendent", "DCS": "Detective Chief Superintendent",
    "Cmdr": "Commander", "Cdr": "Commander", "DAC": "Deputy Assistant Commissioner",
    "AC": "Assistant Commissioner", "CC": "Chief Constable",
    "DCC": "Deputy Chief Constable", "ACC": "Assistant Chief Constable",
    "PCSO": "Police Community Support Officer",
}
# Senior and other ranks, written out.
SENIOR = [
    "Police Constable", "Special Constable", "Police Sergeant",
    "Commander", "Detective Commander", "Deputy Assistant Commissioner",
    "Assistant Commissioner", "Deputy Commissioner", "Commissioner",
    "Chief Constable", "Deputy Chief Constable", "Assistant Chief Constable",
    "Police Community Support Officer", "Chief Officer",
]
SENIOR_SHORT = {
    "Det Cmdr": "Detective Commander", "Det Supt": "Detective Superintendent",
    "Ch Supt": "Chief Superintendent", "Chief Supt": "Chief Superintendent",
    "Asst Chief Constable": "Assistant Chief Constable",
    "Dep Chief Constable": "Deputy Chief Constable",
    "Asst Commissioner": "Assistant Commissioner",
}
# Acronyms that are ordinary words or too ambiguous to stand before a name
# in lower or sentence case; they are kept only as written above.


def graded_forms():
    """(surface, expansion) for the graded ranks with Detective/Chief."""
    for base, forms in GRADED.items():
        for detective in (None, *DETECTIVE):
            for chief in (None, *CHIEF):
                if chief and base not in CHIEF_OK:
                    continue
                expansion = " ".join(
                    x for x in ("Detective" if detective else None,
                                "Chief" if chief else None, base) if x)
                for form in forms:
                    parts = [p for p in (detective, chief, form) if p]
                    # "D/" joins the next word: "D/Supt".
                    surface = " ".join(parts).replace("D/ ", "D/")
                    yield surface, expansion


def with_temporary(pairs):
    for surface, expansion in pairs:
        yield surface, expansion
        for word, forms in TEMPORARY.items():
            for form in forms:
                joined = (form + surface) if form.endswith("/") else f"{form} {surface}"
                yield joined, f"{word} {expansion}"


def case_variants(surface):
    """Title case as composed, sentence case, lower case; the plural."""
    words = surface.split(" ")
    out = [surface]
    if len(words) > 1 and all(w[:1].isupper() for w in words):
        out.append(" ".join([words[0]] + [w.lower() if w.isalpha() and len(w) > 3 else w
                                          for w in words[1:]]))
    if all(w.isalpha() and len(w) > 3 for w in words):
        out.append(surface.lower())
    return out


def plural(surface):
    last = surface.split(" ")[-1]
    if not last.isalpha() or len(last) <= 3 or last.endswith("s"):
        return None
    return surface + "s"


def main():
    pairs = list(with_temporary(graded_forms()))
    pairs += list(with_temporary((s, s) for s in SENIOR))
    pairs += list(with_temporary(SENIOR_SHORT.items()))
    rows = {}
    for surface, expansion in pairs:
        for variant in case_variants(surface):
            rows.setdefault(variant, expansion)
            p = plural(variant)
            if p:
                rows.setdefault(p, expansion)
    for surface, expansion in ACRONYMS.items():
        rows.setdefault(surface, expansion)
        for word, forms in TEMPORARY.items():
            for form in forms:
                if form.endswith("/"):
                    rows.setdefault(form + surface, f"{word} {expansion}")
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("# Police ranks: surface<TAB>expansion. Generated by\n"
                "# sources/build_ranks.py (edit that, not this file); see its\n"
                "# docstring for what is composed. A plural surface\n"
                "# (\"Inspectors\") expands to the singular rank.\n")
        for surface in sorted(rows):
            f.write(f"{surface}\t{rows[surface]}\n")
    os.replace(tmp, OUT)
    print(f"ranks.tsv: {len(rows)} surfaces")


if __name__ == "__main__":
    main()
