#include "bench/load/server_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
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
#include "absl/strings/strip.h"

namespace kg::load {
namespace {

constexpr char kListening[] = "listening on ";

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

std::string DescribeWaitStatus(int wait_status) {
  if (WIFEXITED(wait_status)) {
    return absl::StrCat("exited with status ", WEXITSTATUS(wait_status));
  }
  if (WIFSIGNALED(wait_status)) {
    return absl::StrCat("killed by signal ", WTERMSIG(wait_status));
  }
  return absl::StrCat("wait status ", wait_status);
}

// "VmRSS:\t  1234 kB" -> 1234; -1 when `line` is not about `field`.
int64_t StatusField(absl::string_view line, absl::string_view field) {
  if (!absl::ConsumePrefix(&line, field)) return -1;
  line = absl::StripAsciiWhitespace(line);
  absl::ConsumeSuffix(&line, "kB");
  int64_t value = -1;
  if (!absl::SimpleAtoi(absl::StripAsciiWhitespace(line), &value)) return -1;
  return value;
}

// True once `output` holds a whole "... listening on ..." line.
bool HasListeningLine(const std::string& output) {
  const size_t at = output.find(kListening);
  return at != std::string::npos && output.find('\n', at) != std::string::npos;
}

}  // namespace

absl::StatusOr<ProcessMemory> ReadProcessMemory(pid_t pid) {
  std::ifstream status(absl::StrCat("/proc/", pid, "/status"));
  if (!status) return absl::NotFoundError(absl::StrCat("no process ", pid));
  ProcessMemory memory{-1, -1};
  std::string line;
  while (std::getline(status, line)) {
    const int64_t rss = StatusField(line, "VmRSS:");
    if (rss >= 0) memory.rss_kb = rss;
    const int64_t peak = StatusField(line, "VmHWM:");
    if (peak >= 0) memory.peak_rss_kb = peak;
  }
  if (memory.rss_kb < 0 || memory.peak_rss_kb < 0) {
    return absl::InternalError(absl::StrCat("no VmRSS/VmHWM for ", pid));
  }
  return memory;
}

int ParseListeningPort(const std::string& output) {
  const size_t at = output.find(kListening);
  if (at == std::string::npos) return 0;
  absl::string_view rest = absl::string_view(output).substr(at);
  rest.remove_prefix(sizeof(kListening) - 1);
  rest = rest.substr(0, rest.find_first_of(", \n"));
  const size_t colon = rest.rfind(':');
  int port = 0;
  if (colon == absl::string_view::npos ||
      !absl::SimpleAtoi(rest.substr(colon + 1), &port)) {
    return 0;
  }
  return port;
}

absl::StatusOr<std::unique_ptr<ServerChild>> ServerChild::Start(
    const std::vector<std::string>& argv, const std::string& log_path,
    const std::string& runfiles_dir, absl::Duration timeout) {
  std::vector<std::string> args = argv;
  std::vector<char*> raw;
  for (std::string& arg : args) raw.push_back(arg.data());
  raw.push_back(nullptr);
  if (!runfiles_dir.empty()) setenv("RUNFILES_DIR", runfiles_dir.c_str(), 1);

  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return ErrnoError("pipe2");
  const int log_fd =
      open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    return ErrnoError("open " + log_path);
  }
  const pid_t parent = getpid();
  const pid_t pid = fork();
  if (pid == 0) ExecChild(parent, pipe_fds[1], log_fd, raw.data());
  close(pipe_fds[1]);
  close(log_fd);
  if (pid < 0) {
    close(pipe_fds[0]);
    return ErrnoError("fork");
  }
  std::unique_ptr<ServerChild> child(
      new ServerChild(pid, pipe_fds[0], log_path));
  absl::Status status = child->AwaitPort(timeout);
  if (!status.ok()) return status;  // The destructor kills the child.
  return child;
}

absl::Status ServerChild::AwaitPort(absl::Duration timeout) {
  const absl::Time deadline = absl::Now() + timeout;
  std::string output;
  while (!HasListeningLine(output)) {
    const int64_t left_ms = absl::ToInt64Milliseconds(deadline - absl::Now());
    pollfd fd = {stdout_fd_, POLLIN, 0};
    const int ready =
        poll(&fd, 1, static_cast<int>(std::max<int64_t>(left_ms, 0)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) {
      return absl::UnavailableError(absl::StrCat(
          "no listening line within ", absl::FormatDuration(timeout),
          "; log:\n", LogTail()));
    }
    char buffer[4096];
    const ssize_t n = read(stdout_fd_, buffer, sizeof(buffer));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      return absl::UnavailableError(
          absl::StrCat("exited before listening; log:\n", LogTail()));
    }
    output.append(buffer, static_cast<size_t>(n));
  }
  port_ = ParseListeningPort(output);
  if (port_ > 0) return absl::OkStatus();
  return absl::InternalError("cannot parse the port from: " + output);
}

ServerChild::~ServerChild() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int wait_status = 0;
    while (waitpid(pid_, &wait_status, 0) < 0 && errno == EINTR) {
    }
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
}

std::string ServerChild::address() const {
  return absl::StrCat("127.0.0.1:", port_);
}

absl::Status ServerChild::Stop(absl::Duration timeout) {
  if (pid_ <= 0) return absl::InternalError("not running");
  kill(pid_, SIGTERM);
  const absl::Time deadline = absl::Now() + timeout;
  int wait_status = 0;
  while (true) {
    const pid_t reaped = waitpid(pid_, &wait_status, WNOHANG);
    if (reaped == pid_) break;
    if (reaped < 0 && errno != EINTR) return ErrnoError("waitpid");
    if (absl::Now() > deadline) {
      return absl::DeadlineExceededError(absl::StrCat(
          "still running ", absl::FormatDuration(timeout), " after SIGTERM"));
    }
    absl::SleepFor(absl::Milliseconds(20));
  }
  pid_ = -1;
  if (WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0) {
    return absl::OkStatus();
  }
  return absl::InternalError(absl::StrCat(DescribeWaitStatus(wait_status),
                                          " after SIGTERM; log:\n",
                                          LogTail()));
}

std::string ServerChild::LogTail() const {
  constexpr std::streamoff kTail = 2000;
  std::ifstream log(log_path_, std::ios::binary | std::ios::ate);
  if (!log) return "(no log)";
  const std::streamoff size = log.tellg();
  log.seekg(std::max<std::streamoff>(0, size - kTail));
  std::stringstream tail;
  tail << log.rdbuf();
  return tail.str();
}

}  // namespace kg::load
