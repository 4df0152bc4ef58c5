"""Starts the real graph_server and extractor_server binaries for tests.

Binaries come from ``bazel-bin/`` of the repository (build them with
``bazel build //graph_service:graph_server //extractor_service:extractor_server``)
or from ``$KG_GRAPH_SERVER_BIN`` / ``$KG_EXTRACTOR_SERVER_BIN``. Each server
runs with ``--port=0``; its port is read from the ``listening on HOST:PORT``
line it prints on stdout.
"""

from __future__ import annotations

import os
import pathlib
import queue
import re
import signal
import socket
import subprocess
import tempfile
import threading
import time
import unittest
from typing import List, Optional, Sequence

REPO = pathlib.Path(__file__).resolve().parents[3]
_LISTENING = re.compile(r"listening on (\S+):(\d+)")


def binary(env_var: str, relative: str) -> pathlib.Path:
    """The binary named by ``env_var``, else ``REPO/bazel-bin/relative``."""
    return pathlib.Path(os.environ.get(env_var) or REPO / "bazel-bin" / relative)


GRAPH_SERVER = binary("KG_GRAPH_SERVER_BIN", "graph_service/graph_server")
EXTRACTOR_SERVER = binary("KG_EXTRACTOR_SERVER_BIN", "extractor_service/extractor_server")


def missing_binaries() -> List[pathlib.Path]:
    return [b for b in (GRAPH_SERVER, EXTRACTOR_SERVER) if not os.access(b, os.X_OK)]


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One running server process; ``address`` is ``127.0.0.1:PORT``."""

    def __init__(self, argv: Sequence[str], start_timeout: float = 20.0) -> None:
        self.argv = list(argv)
        self.log: List[str] = []
        self._lines: "queue.Queue[Optional[str]]" = queue.Queue()
        self.process = subprocess.Popen(
            self.argv,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            text=True,
            errors="replace",
        )
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()
        self.address = self._await_listening(start_timeout)

    def _drain(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.log.append(line)
            self._lines.put(line)
        self._lines.put(None)

    def _await_listening(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            try:
                line = self._lines.get(timeout=max(remaining, 0.01))
            except queue.Empty:
                line = ""
                if remaining <= 0:
                    self.stop()
                    raise RuntimeError(f"{self.argv[0]} did not start in {timeout} s")
            if line is None:
                self.stop()
                raise RuntimeError(
                    f"{self.argv[0]} exited ({self.process.returncode}) during "
                    f"start-up:\n{''.join(self.log)}"
                )
            match = _LISTENING.search(line)
            if match:
                return f"{match.group(1)}:{match.group(2)}"

    def stop(self, timeout: float = 20.0) -> int:
        """SIGTERM, then wait (SIGKILL after ``timeout``); the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self._reader.join(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()
        return self.process.returncode


def start_graph(db_path: pathlib.Path) -> Server:
    return Server([str(GRAPH_SERVER), "--port=0", f"--db_path={db_path}"])


def start_extractor(graph_address: str) -> Server:
    return Server(
        [str(EXTRACTOR_SERVER), "--port=0", f"--graph_address={graph_address}"]
    )


def unavailable_reason() -> str:
    """Why the server tests cannot run here ("" when they can)."""
    missing = missing_binaries()
    return ("server binaries not built: " + ", ".join(map(str, missing))) if missing else ""


def skip_unless_servers():
    """skipIf for a test class that needs the server binaries; with
    ``$KG_REQUIRE_SERVERS`` set it never skips (a missing binary fails)."""
    reason = unavailable_reason()
    return unittest.skipIf(bool(reason) and not os.environ.get("KG_REQUIRE_SERVERS"), reason)


class ServicePair:
    """A graph server on a fresh store in a temporary folder and an
    extractor forwarding to it, for a test class to share."""

    def __init__(self, prefix: str) -> None:
        reason = unavailable_reason()
        if reason:
            raise RuntimeError(reason)
        self._tmp = tempfile.TemporaryDirectory(prefix=prefix)
        self.graph = start_graph(pathlib.Path(self._tmp.name, "graph-db"))
        try:
            self.extractor = start_extractor(self.graph.address)
        except Exception:
            self.graph.stop()
            self._tmp.cleanup()
            raise

    def stop(self) -> List[int]:
        """Stops both with SIGTERM and removes the store; returns their exit
        statuses, extractor first."""
        statuses = [self.extractor.stop(), self.graph.stop()]
        self._tmp.cleanup()
        return statuses
