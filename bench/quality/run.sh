#!/usr/bin/env bash
# Extraction quality on real articles: runs the project's evaluation
# scripts (../shared/eval: the same scorer and question asker the project is
# judged by) over a set of documents with gold facts and questions, and
# prints the result as JSON lines and as a table. Not a test: it passes no
# verdict, it measures.
#
#   bench/quality/run.sh                 the development set (../shared/devset)
#   bench/quality/run.sh --seeds         the seed documents (../shared/seeds)
#   bench/quality/run.sh DOCS GOLD       any folder pair in that format
#
# JSON lines, one per predicate, then "overall" and "questions":
#   {"bench":"extraction_quality","set":"devset","predicate":"leads",
#    "gold":16,"found":14,"recall":0.88,"predicted":15,"precision":0.93}
#   {"bench":"extraction_quality","set":"devset","predicate":"overall",...}
#   {"bench":"extraction_quality","set":"devset","questions":145,"exact":97,...}
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="$(cd "$root/../shared" 2>/dev/null && pwd)" || {
  echo "bench/quality: ../shared (the evaluation scripts and data) is not here" >&2
  exit 1
}
set_name=devset
docs="$shared/devset/docs"
gold="$shared/devset/gold"
if [ "${1:-}" = "--seeds" ]; then
  set_name=seeds docs="$shared/seeds" gold="$shared/gold"
elif [ $# -eq 2 ]; then
  set_name="$(basename "$(dirname "$1")")" docs="$1" gold="$2"
elif [ $# -ne 0 ]; then
  echo "usage: bench/quality/run.sh [--seeds | DOCS GOLD]" >&2
  exit 2
fi

cd "$root"
bazel build //clients/cli:kg //graph_service:graph_server \
  //extractor_service:extractor_server >/dev/null 2>&1
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
VERBOSE=1 "$shared/eval/devset.sh" "$docs" "$gold" >"$out" 2>&1 || {
  cat "$out" >&2
  exit 1
}

SET="$set_name" python3 - "$out" <<'PY'
import json, os, re, sys
set_name = os.environ["SET"]
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
rows = []
for line in lines:
    m = re.match(r"^(\w+)\s+(\d+)\s+(\d+)\s+([\d.]+|nan)\s+(\d+)\s+([\d.]+|nan)$", line)
    if m:
        p, g, f, r, n, pr = m.groups()
        rows.append({"predicate": p, "gold": int(g), "found": int(f),
                     "recall": None if r == "nan" else float(r),
                     "predicted": int(n), "precision": None if pr == "nan" else float(pr)})
overall = next((l for l in lines if l.startswith("overall ")), "")
m = re.search(r"P=([\d.]+) R=([\d.]+) F1=([\d.]+) \(gold (\d+), predicted (\d+)\)", overall)
if not m:
    sys.exit("bench/quality: the scorer printed no overall line")
total = {"predicate": "overall", "gold": int(m.group(4)), "predicted": int(m.group(5)),
         "precision": float(m.group(1)), "recall": float(m.group(2)), "f1": float(m.group(3))}
asked = [l for l in lines if re.match(r"^(EXACT|MISS|SUPER)\s+\[", l)]
per_doc = {}
for l in asked:
    d = re.match(r"^\w+\s+\[([^\]]+)\]", l).group(1)
    per_doc.setdefault(d, [0, 0])
    per_doc[d][1] += 1
    per_doc[d][0] += l.startswith("EXACT")
exact = sum(v[0] for v in per_doc.values())
questions = {"questions": len(asked), "exact": exact,
             "exact_share": round(exact / len(asked), 3) if asked else None,
             "per_document": {d: {"exact": v[0], "asked": v[1]} for d, v in sorted(per_doc.items())}}
for r in rows + [total]:
    print(json.dumps({"bench": "extraction_quality", "set": set_name, **r}))
print(json.dumps({"bench": "extraction_quality", "set": set_name, **questions}))
print()
print(f"{'predicate':<12} {'gold':>5} {'found':>6} {'R':>6} {'pred':>5} {'P':>6}")
fmt = lambda x: "   nan" if x is None else f"{x:6.2f}"
for r in rows:
    print(f"{r['predicate']:<12} {r['gold']:>5} {r['found']:>6} {fmt(r['recall'])} {r['predicted']:>5} {fmt(r['precision'])}")
print(f"{'overall':<12} {total['gold']:>5} {'':>6} {fmt(total['recall'])} {total['predicted']:>5} {fmt(total['precision'])}   F1 {total['f1']:.3f}")
print(f"questions answered exactly: {exact}/{len(asked)} ({100 * exact / max(len(asked), 1):.0f} %)")
PY
