#!/usr/bin/env bash
# Regenerates the test certificates in this folder (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
days=36500
ext=$(mktemp)
trap 'rm -f "$ext"' EXIT
make_ca() {  # name subject
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.pem" \
    -days "$days" -subj "$2" 2>/dev/null
}
make_leaf() {  # name ca subject extensions
  openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" \
    -subj "$3" 2>/dev/null
  printf '%s\n' "$4" > "$ext"
  openssl x509 -req -in "$1.csr" -CA "$2.pem" -CAkey "$2.key" \
    -CAcreateserial -out "$1.pem" -days "$days" -extfile "$ext" 2>/dev/null
  rm -f "$1.csr"
}
make_ca ca "/CN=kg test CA"
make_ca rogue_ca "/CN=kg rogue CA"
make_leaf server ca "/CN=localhost" \
  "subjectAltName=DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth"
make_leaf client ca "/CN=kg-extractor" "extendedKeyUsage=clientAuth"
make_leaf rogue_client rogue_ca "/CN=kg-rogue" "extendedKeyUsage=clientAuth"
rm -f ./*.srl rogue_ca.key
