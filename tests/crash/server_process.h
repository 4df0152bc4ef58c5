// A graph_server binary running as a child process, for tests that must
// kill the real thing. The child listens on a free loopback port (--port=0;
// the port is read from its "graph_server listening on HOST:PORT" line),
// writes stderr to a log file, and is sent SIGKILL if the test process dies
// (PR_SET_PDEATHSIG) or the ServerProcess is destroyed: no child outlives
// its owner.
//
// Thread-compatible: one thread owns a ServerProcess.
#ifndef KG_TESTS_CRASH_SERVER_PROCESS_H_
#define KG_TESTS_CRASH_SERVER_PROCESS_H_

#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace kg::crash {

struct ServerProcessOptions {
  // Path of the graph_server binary.
  std::string binary;
  // --db_path.
  std::string db_path;
  // File the child's stderr is appended to (created if missing).
  std::string log_path;
  // Extra flags, e.g. "--sync_writes=true".
  std::vector<std::string> extra_flags;
  // Longest wait for the listening line.
  absl::Duration start_timeout = absl::Seconds(30);
};

class ServerProcess {
 public:
  // Starts the binary and waits until it announces its port. Errors:
  // Internal when fork/pipe fail; Unavailable when the child exits or stays
  // silent past start_timeout (the child is then killed), with the exit
  // status and the tail of the log in the message.
  static absl::StatusOr<std::unique_ptr<ServerProcess>> Start(
      const ServerProcessOptions& options);

  // Kills (SIGKILL) and reaps the child if it is still running.
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  // "127.0.0.1:PORT".
  std::string address() const;

  // Sends SIGKILL and reaps the child. Internal if it had already exited
  // or died of anything but SIGKILL (a crash the test did not cause).
  absl::Status Kill();

  // Sends SIGTERM and waits up to `timeout` for a clean exit (status 0).
  // DeadlineExceeded (then the child is killed) or Internal otherwise.
  absl::Status Stop(absl::Duration timeout);

 private:
  ServerProcess(pid_t pid, int stdout_fd, std::string log_path)
      : pid_(pid), stdout_fd_(stdout_fd), log_path_(std::move(log_path)) {}

  // Reads stdout until the listening line; sets port_.
  absl::Status AwaitPort(absl::Duration timeout);
  // Reaps the child (blocking) and returns its wait status.
  int Reap();
  std::string LogTail() const;

  pid_t pid_;  // -1 once reaped.
  int stdout_fd_;
  std::string log_path_;
  int port_ = 0;
};

// "exited with status N" / "killed by signal N" for a waitpid status.
std::string DescribeWaitStatus(int wait_status);

}  // namespace kg::crash

#endif  // KG_TESTS_CRASH_SERVER_PROCESS_H_
