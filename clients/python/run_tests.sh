#!/usr/bin/env bash
# Builds the servers, generates the stubs and runs the kgclient tests with
# Debian's Python (which has python3-grpcio and python3-protobuf); checks
# the types with mypy; then installs the package with pip into a fresh
# virtualenv (Debian's grpcio through --system-site-packages, offline) and
# runs the same tests against the installed copy, from outside the source.
# Runnable from any directory; exits non-zero on failure.
#   KG_SKIP_BUILD=1  use the binaries already in bazel-bin/ (or
#                    $KG_GRAPH_SERVER_BIN / $KG_EXTRACTOR_SERVER_BIN)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
python="${PYTHON:-/usr/bin/python3}"

if [[ -z "${KG_SKIP_BUILD:-}" ]]; then
  (cd "$repo" && bazel build //graph_service:graph_server //extractor_service:extractor_server)
fi
"$here/generate_stubs.sh"
cd "$repo"
KG_REQUIRE_SERVERS=1 "$python" -m unittest discover -s clients/python/tests -v

echo "== mypy (pyproject.toml [tool.mypy])"
(cd "$here" && "$python" -m mypy kgclient examples)

echo "== pip install into a fresh virtualenv"
venv="$(mktemp -d "${TMPDIR:-/tmp}/kgclient-venv.XXXXXX")"
trap 'rm -rf "$venv"' EXIT
"$python" -m venv --system-site-packages "$venv"
"$venv/bin/pip" install --quiet --no-index --no-build-isolation "$here"
cd "$venv"
"$venv/bin/python" - <<'PY'
import pathlib
import kgclient
package = pathlib.Path(kgclient.__file__).parent
assert "site-packages" in str(package), package
for shipped in ("py.typed", "_gen/kg/v1/graph_pb2.py", "_gen/kg/v1/graph_pb2.pyi",
                "_gen/kg/v1/graph_pb2_grpc.py"):
    assert (package / shipped).is_file(), f"{shipped} not installed"
print(f"kgclient installed at {package}")
PY
# A user's typed script checks against the installed package (py.typed).
cat > "$venv/user_script.py" <<'PY'
from kgclient import KnowledgeGraph, Rows

def leaders(kg: KnowledgeGraph) -> Rows:
    return kg.query("?p leads ?op")

count: int = len(leaders.__name__)
PY
"$venv/bin/python" -m mypy --strict "$venv/user_script.py"
KG_TEST_INSTALLED=1 KG_REQUIRE_SERVERS=1 "$venv/bin/python" -m unittest discover \
  -s "$here/tests" -t "$here/tests"
