// Starts the real graph_server and extractor_server binaries for tests.
//
// Binaries come from the repository's bazel-bin/ (build them with
// `bazel build //graph_service:graph_server //extractor_service:extractor_server`)
// or from $KG_GRAPH_SERVER_BIN / $KG_EXTRACTOR_SERVER_BIN. Each server runs
// with --port=0; its address is read from the "listening on HOST:PORT" line
// it prints on stdout.

import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../../..');
const LISTENING = /listening on (\S+):(\d+)/;

export const GRAPH_SERVER =
  process.env.KG_GRAPH_SERVER_BIN || path.join(REPO, 'bazel-bin/graph_service/graph_server');
export const EXTRACTOR_SERVER =
  process.env.KG_EXTRACTOR_SERVER_BIN || path.join(REPO, 'bazel-bin/extractor_service/extractor_server');

/** The server binaries that are missing or not executable. */
export function missingBinaries() {
  return [GRAPH_SERVER, EXTRACTOR_SERVER].filter((binary) => {
    try {
      accessSync(binary, constants.X_OK);
      return false;
    } catch {
      return true;
    }
  });
}

/** A loopback port nothing listens on (bound, then released). */
export function closedPort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** One running server process; `address` is "127.0.0.1:PORT" once started. */
export class Server {
  constructor(argv) {
    this.argv = argv;
    this.log = [];
    this.address = null;
    this.process = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => {
      this.process.on('exit', (code, signal) => resolve(code ?? signal));
      this.process.on('error', (error) => resolve(`spawn failed: ${error.message}`));
    });
    readline.createInterface({ input: this.process.stderr }).on('line', (line) => this.log.push(line));
    this._lines = readline.createInterface({ input: this.process.stdout });
  }

  /** Resolves to the address once the server prints it; rejects after timeoutMs or an early exit. */
  async started(timeoutMs = 20_000) {
    let timer;
    const listening = new Promise((resolve) => {
      this._lines.on('line', (line) => {
        this.log.push(line);
        const match = LISTENING.exec(line);
        if (match && this.address === null) {
          this.address = `${match[1]}:${match[2]}`;
          resolve(this.address);
        }
      });
    });
    const failed = Promise.race([
      this.exited.then((status) => `exited (${status}) during start-up`),
      new Promise((resolve) => { timer = setTimeout(() => resolve(`did not start in ${timeoutMs} ms`), timeoutMs); }),
    ]);
    const outcome = await Promise.race([listening, failed.then((why) => ({ why }))]);
    clearTimeout(timer);
    if (typeof outcome === 'string') return outcome;
    await this.stop();
    throw new Error(`${this.argv[0]} ${outcome.why}:\n${this.log.join('\n')}`);
  }

  /** SIGTERM, then wait (SIGKILL after timeoutMs); resolves to the exit status. */
  async stop(timeoutMs = 20_000) {
    if (this.process.exitCode === null && this.process.signalCode === null) {
      this.process.kill('SIGTERM');
      let timer;
      const late = new Promise((resolve) => { timer = setTimeout(resolve, timeoutMs, 'late'); });
      if ((await Promise.race([this.exited, late])) === 'late') this.process.kill('SIGKILL');
      clearTimeout(timer);
    }
    return this.exited;
  }
}

/** Starts a graph server on a free port with its store in dbPath. */
export async function startGraph(dbPath) {
  const server = new Server([GRAPH_SERVER, '--port=0', `--db_path=${dbPath}`]);
  await server.started();
  return server;
}

/** Starts an extractor server on a free port, forwarding to graphAddress. */
export async function startExtractor(graphAddress) {
  const server = new Server([EXTRACTOR_SERVER, '--port=0', `--graph_address=${graphAddress}`]);
  await server.started();
  return server;
}

/**
 * Why the server tests cannot run here, for describe's `skip`: false when
 * they can, and false with $KG_REQUIRE_SERVERS set (a missing binary then
 * fails the suite instead).
 */
export function skipReason() {
  const missing = missingBinaries();
  return missing.length > 0 && !process.env.KG_REQUIRE_SERVERS
    ? `server binaries not built: ${missing.join(', ')}`
    : false;
}

/**
 * A graph server on a fresh store in a temporary folder (`dir`) and an
 * extractor forwarding to it. `stop()` stops both with SIGTERM, removes the
 * folder and resolves to their exit statuses, extractor first.
 */
export async function startServicePair(prefix) {
  const missing = missingBinaries();
  if (missing.length > 0) throw new Error(`server binaries not built: ${missing.join(', ')}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  const graph = await startGraph(path.join(dir, 'graph-db'));
  let extractor;
  try {
    extractor = await startExtractor(graph.address);
  } catch (error) {
    await graph.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const stop = async () => {
    const statuses = [await extractor.stop(), await graph.stop()];
    await rm(dir, { recursive: true, force: true });
    return statuses;
  };
  return { graph, extractor, dir, stop };
}
