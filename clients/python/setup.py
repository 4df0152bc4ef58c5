"""Builds kgclient with its kg.v1 modules generated from the repository's
protos (pyproject.toml holds the metadata). The stubs are generated into
kgclient/_gen when the protos are there (a build from the repository); a
source tree without them must already carry kgclient/_gen.
"""

import pathlib
import subprocess

from setuptools import find_packages, setup

HERE = pathlib.Path(__file__).resolve().parent
PROTOS = HERE.parent.parent / "protos" / "kg" / "v1"
GENERATED = HERE / "kgclient" / "_gen" / "kg" / "v1"

if PROTOS.is_dir():
    subprocess.run([str(HERE / "generate_stubs.sh")], check=True)
elif not GENERATED.is_dir():
    raise SystemExit(
        f"kgclient: neither {PROTOS} nor generated modules in {GENERATED}; "
        "build from the kg repository checkout"
    )

setup(packages=find_packages(include=["kgclient", "kgclient.*"]))
