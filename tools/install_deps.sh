#!/usr/bin/env bash
# Installs the Debian 12 packages the project builds and runs with, when
# missing. Safe to run again: it does nothing when all are present.
set -euo pipefail

PACKAGES=(
  bazel-bootstrap bazel-rules-java
  libgrpc++-dev protobuf-compiler-grpc protobuf-compiler libprotobuf-dev
  librocksdb-dev libabsl-dev libgtest-dev libgmock-dev libbenchmark-dev
  pkg-config python3 python3-grpcio python3-protobuf
  python3-venv python3-pip python3-setuptools mypy python3-pandas python3-networkx
  graphviz
  clang libclang-rt-14-dev
)

missing=()
# Node.js runs the Node client's tests; any node >= 18 will do, Debian's or
# one that came with the machine.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
for package in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "install_deps: installing ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null; then
    SUDO="sudo"
  else
    echo "install_deps: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install_deps: done"
