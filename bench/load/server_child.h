// A server binary (graph_server, extractor_server) run as a child process
// for the load test: started with --port=0, its port read from the
// "... listening on HOST:PORT" line it prints on stdout, its stderr sent to
// a log file, its memory read from /proc/<pid>/status. The child gets
// SIGKILL if this process dies (PR_SET_PDEATHSIG) or the ServerChild is
// destroyed while it still runs: no child outlives the load test.
//
// Thread-safety: Memory() may be called from any thread; Start, Stop and
// the destructor from the owning thread only.
#ifndef KG_BENCH_LOAD_SERVER_CHILD_H_
#define KG_BENCH_LOAD_SERVER_CHILD_H_

#include <sys/types.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace kg::load {

// Resident set size now (VmRSS) and its peak (VmHWM), in KiB.
struct ProcessMemory {
  int64_t rss_kb = 0;
  int64_t peak_rss_kb = 0;
};

// Reads /proc/<pid>/status. NotFound when the process is gone, Internal
// when the fields are missing.
absl::StatusOr<ProcessMemory> ReadProcessMemory(pid_t pid);

// The port in the first "listening on HOST:PORT" of `output`, 0 if none.
int ParseListeningPort(const std::string& output);

class ServerChild {
 public:
  // Runs `argv` (argv[0] is the binary's path) with stdout on a pipe and
  // stderr appended to `log_path`. When `runfiles_dir` is not empty it is
  // set as RUNFILES_DIR in this process's environment (setenv: call Start
  // before starting other threads), so the child finds its data files in
  // the load test's runfiles. Waits up to `timeout` for the listening line. Unavailable (with the log's tail) when the child exits
  // or stays silent; Internal when fork, pipe or open fail.
  static absl::StatusOr<std::unique_ptr<ServerChild>> Start(
      const std::vector<std::string>& argv, const std::string& log_path,
      const std::string& runfiles_dir, absl::Duration timeout);

  ~ServerChild();
  ServerChild(const ServerChild&) = delete;
  ServerChild& operator=(const ServerChild&) = delete;

  pid_t pid() const { return pid_; }
  int port() const { return port_; }
  std::string address() const;  // "127.0.0.1:PORT"

  absl::StatusOr<ProcessMemory> Memory() const {
    return ReadProcessMemory(pid_);
  }

  // SIGTERM, then waits up to `timeout` for the exit. OK only for exit
  // status 0; DeadlineExceeded (the child is then killed) or Internal
  // (another exit status or a signal, with the log's tail) otherwise.
  absl::Status Stop(absl::Duration timeout);

 private:
  ServerChild(pid_t pid, int stdout_fd, std::string log_path)
      : pid_(pid), stdout_fd_(stdout_fd), log_path_(std::move(log_path)) {}

  absl::Status AwaitPort(absl::Duration timeout);
  std::string LogTail() const;

  pid_t pid_;  // -1 once reaped.
  int stdout_fd_;
  std::string log_path_;
  int port_ = 0;
};

}  // namespace kg::load

#endif  // KG_BENCH_LOAD_SERVER_CHILD_H_
