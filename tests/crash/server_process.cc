#include "tests/crash/server_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace kg::crash {
namespace {

constexpr char kListening[] = "graph_server listening on ";

absl::Status ErrnoError(absl::string_view what) {
  return absl::InternalError(absl::StrCat(what, ": ", std::strerror(errno)));
}

// Child side of fork: only async-signal-safe calls until execv.
[[noreturn]] void ExecChild(pid_t parent, int stdout_fd, int log_fd,
                            char* const argv[]) {
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (getppid() != parent) _exit(127);  // The parent died before prctl.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  if (dup2(stdout_fd, STDOUT_FILENO) < 0 || dup2(log_fd, STDERR_FILENO) < 0) {
    _exit(127);
  }
  execv(argv[0], argv);
  _exit(127);
}

// The port in "graph_server listening on 127.0.0.1:PORT, store ..." or 0.
int ParsePort(absl::string_view line) {
  line.remove_prefix(sizeof(kListening) - 1);
  line = line.substr(0, line.find(','));
  const size_t colon = line.rfind(':');
  int port = 0;
  if (colon == absl::string_view::npos ||
      !absl::SimpleAtoi(line.substr(colon + 1), &port)) {
    return 0;
  }
  return port;
}

}  // namespace

std::string DescribeWaitStatus(int wait_status) {
  if (WIFEXITED(wait_status)) {
    return absl::StrCat("exited with status ", WEXITSTATUS(wait_status));
  }
  if (WIFSIGNALED(wait_status)) {
    return absl::StrCat("killed by signal ", WTERMSIG(wait_status));
  }
  return absl::StrCat("wait status ", wait_status);
}

absl::StatusOr<std::unique_ptr<ServerProcess>> ServerProcess::Start(
    const ServerProcessOptions& options) {
  std::vector<std::string> args = {options.binary, "--host=127.0.0.1",
                                   "--port=0", "--db_path=" + options.db_path};
  args.insert(args.end(), options.extra_flags.begin(),
              options.extra_flags.end());
  std::vector<char*> argv;
  for (std::string& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return ErrnoError("pipe2");
  const int log_fd = open(options.log_path.c_str(),
                          O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    return ErrnoError("open " + options.log_path);
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) ExecChild(parent, pipe_fds[1], log_fd, argv.data());
  close(pipe_fds[1]);
  close(log_fd);
  if (pid < 0) {
    close(pipe_fds[0]);
    return ErrnoError("fork");
  }
  std::unique_ptr<ServerProcess> process(
      new ServerProcess(pid, pipe_fds[0], options.log_path));
  const absl::Status status = process->AwaitPort(options.start_timeout);
  if (!status.ok()) return status;  // The destructor kills the child.
  return process;
}

absl::Status ServerProcess::AwaitPort(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  std::string output;
  while (true) {
    const size_t at = output.find(kListening);
    if (at != std::string::npos && output.find('\n', at) != std::string::npos) {
      port_ = ParsePort(absl::string_view(output).substr(at));
      if (port_ > 0) return absl::OkStatus();
      return absl::InternalError("cannot parse the port from: " + output);
    }
    const int64_t left_ms = absl::ToInt64Milliseconds(deadline - absl::Now());
    pollfd fd = {stdout_fd_, POLLIN, 0};
    const int ready =
        poll(&fd, 1, static_cast<int>(std::max<int64_t>(left_ms, 0)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      return absl::UnavailableError(absl::StrCat(
          "graph_server did not announce its port within ",
          absl::FormatDuration(timeout), "; log:\n", LogTail()));
    }
    char buffer[4096];
    const ssize_t n = read(stdout_fd_, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int wait_status = Reap();
      return absl::UnavailableError(
          absl::StrCat("graph_server ", DescribeWaitStatus(wait_status),
                       " before listening; log:\n", LogTail()));
    }
    output.append(buffer, static_cast<size_t>(n));
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    Reap();
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::string ServerProcess::address() const {
  return absl::StrCat("127.0.0.1:", port_);
}

int ServerProcess::Reap() {
  int wait_status = 0;
  while (waitpid(pid_, &wait_status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return wait_status;
}

absl::Status ServerProcess::Kill() {
  if (pid_ <= 0) return absl::InternalError("graph_server is not running");
  kill(pid_, SIGKILL);
  const int wait_status = Reap();
  if (WIFSIGNALED(wait_status) && WTERMSIG(wait_status) == SIGKILL) {
    return absl::OkStatus();
  }
  return absl::InternalError(absl::StrCat(
      "graph_server ", DescribeWaitStatus(wait_status),
      " before it was killed; log:\n", LogTail()));
}

absl::Status ServerProcess::Stop(absl::Duration timeout) {
  if (pid_ <= 0) return absl::InternalError("graph_server is not running");
  kill(pid_, SIGTERM);
  const absl::Time deadline = absl::Now() + timeout;
  int wait_status = 0;
  while (true) {
    const pid_t reaped = waitpid(pid_, &wait_status, WNOHANG);
    if (reaped == pid_) break;
    if (reaped < 0 && errno != EINTR) return ErrnoError("waitpid");
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError(absl::StrCat(
          "graph_server still running ", absl::FormatDuration(timeout),
          " after SIGTERM"));  // The destructor kills it.
    }
    absl::SleepFor(absl::Milliseconds(10));
  }
  pid_ = -1;
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0) {
    return absl::OkStatus();
  }
  return absl::InternalError(absl::StrCat("graph_server ",
                                          DescribeWaitStatus(wait_status),
                                          " after SIGTERM; log:\n", LogTail()));
}

std::string ServerProcess::LogTail() const {
  constexpr std::streamoff kTail = 2000;
  std::ifstream log(log_path_, std::ios::binary | std::ios::ate);
  if (!log) return "(no log)";
  const std::streamoff size = log.tellg();
  log.seekg(std::max<std::streamoff>(0, size - kTail));
  std::ostringstream tail;
  tail << log.rdbuf();
  return tail.str();
}

}  // namespace kg::crash
