#!/usr/bin/env bash
# Regenerates extractor_service/data/lexicon.tsv (the part-of-speech lexicon)
# from Debian's wordnet-base package, installing it when missing, and the
# hand-written closed_class.tsv beside this script. Deterministic: the same
# package version gives the same file. See lexicon_README.md.
#
#   extractor_service/data/sources/build_lexicon.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
wordnet=/usr/share/wordnet
if [[ ! -f "$wordnet/index.noun" || ! -f "$wordnet/cntlist.rev" ]]; then
  apt-get install -y --no-install-recommends wordnet-base
fi
version="$(dpkg-query -W -f='${Version}' wordnet-base)"
python3 "$here/build_lexicon.py" "$wordnet" "$here/closed_class.tsv" \
  "$here/../lexicon.tsv" "$version"
