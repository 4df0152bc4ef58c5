"""The client against a graph server with TLS and bearer tokens (the test
certificates of common/security/testdata): it connects with the CA and a
token, is refused without the token or with another CA, and reads its
settings from the same environment variables as the kg CLI. Skipped like
the other server tests when the binaries are not built.
"""

from __future__ import annotations

import os
import pathlib
import sys
import tempfile
import unittest
from unittest import mock

# The kgclient in this checkout, unless testing an installed one
# (run_tests.sh sets KG_TEST_INSTALLED after pip install).
if not os.environ.get("KG_TEST_INSTALLED"):
    sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))

import servers  # noqa: E402
from kgclient import KnowledgeGraph, Security, Unavailable  # noqa: E402
from kgclient.errors import KgError  # noqa: E402

CERTS = servers.REPO / "common" / "security" / "testdata"
READER_TOKEN = "reader-token-for-the-python-tests"


@servers.skip_unless_servers()
class SecurityTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls._tmp = tempfile.TemporaryDirectory(prefix="kgclient-security-")
        tokens = pathlib.Path(cls._tmp.name, "tokens")
        tokens.write_text(f"{READER_TOKEN} reader python-tests\n")
        cls.graph = servers.Server(
            [
                str(servers.GRAPH_SERVER),
                "--port=0",
                f"--db_path={pathlib.Path(cls._tmp.name, 'graph-db')}",
                f"--tls_cert={CERTS / 'server.pem'}",
                f"--tls_key={CERTS / 'server.key'}",
                f"--auth_tokens_file={tokens}",
            ]
        )

    @classmethod
    def tearDownClass(cls) -> None:
        status = cls.graph.stop()
        cls._tmp.cleanup()
        assert status == 0, f"exit status {status}"

    def connect(self, security: Security) -> KnowledgeGraph:
        return KnowledgeGraph(self.graph.address, "127.0.0.1:1", timeout=10, security=security)

    def test_tls_and_token(self) -> None:
        with self.connect(Security(tls_ca=str(CERTS / "ca.pem"), token=READER_TOKEN)) as kg:
            self.assertEqual(kg.stats().facts, 0)

    def test_without_the_token_the_call_is_refused(self) -> None:
        with self.connect(Security(tls_ca=str(CERTS / "ca.pem"))) as kg:
            with self.assertRaises(KgError) as caught:
                kg.stats()
            self.assertIn("UNAUTHENTICATED", str(caught.exception))

    def test_another_ca_cannot_connect(self) -> None:
        with self.connect(Security(tls_ca=str(CERTS / "rogue_ca.pem"), token=READER_TOKEN)) as kg:
            with self.assertRaises(Unavailable):
                kg.stats()

    def test_settings_from_the_environment(self) -> None:
        token_file = pathlib.Path(self._tmp.name, "token")
        token_file.write_text(READER_TOKEN + "\n")
        env = {
            "KG_GRAPH_ADDR": self.graph.address,
            "KG_TLS_CA": str(CERTS / "ca.pem"),
            "KG_TOKEN_FILE": str(token_file),
        }
        with mock.patch.dict(os.environ, env):
            with KnowledgeGraph.from_env(timeout=10) as kg:
                self.assertEqual(kg.stats().facts, 0)

    def test_settings_that_cannot_work_are_refused(self) -> None:
        with self.assertRaises(ValueError):
            Security(tls_cert="client.pem")
        with self.assertRaises(ValueError):
            Security(tls_server_name="localhost")
        with self.assertRaises(FileNotFoundError) as caught:
            KnowledgeGraph("127.0.0.1:1", security=Security(tls_ca="/no/such/ca.pem"))
        self.assertIn("/no/such/ca.pem", str(caught.exception))
        self.assertNotIn(READER_TOKEN, repr(Security(token=READER_TOKEN)))


if __name__ == "__main__":
    unittest.main()
