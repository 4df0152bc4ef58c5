// Start-up of the real server binaries with flags they cannot honour. Each
// must stop before serving, with one line on stderr naming the flag or the
// port, and exit 2 for a bad command line (1 when the machine refuses: a
// port in use, a key that does not match). None may crash (a start-up path
// used to shut down a server that never started: SIGSEGV, exit 139).
#include <fcntl.h>
#include <sys/stat.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace kg {
namespace {

constexpr char kGraph[] = "graph_service/graph_server";
constexpr char kExtractor[] = "extractor_service/extractor_server";
constexpr char kCerts[] = "common/security/testdata";

std::string TempDir() { return std::getenv("TEST_TMPDIR"); }

struct Exit {
  int code = -1;  // exit status, or 128 + signal
  std::string err;
};

std::vector<char*> Argv(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  return argv;
}

// Runs the binary to its end (it must not start serving), with a 20 s cap.
Exit RunToExit(const std::vector<std::string>& args) {
  const std::string err_file = TempDir() + "/stderr.txt";
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, STDERR_FILENO);
    const int null = open("/dev/null", O_WRONLY);
    dup2(null, STDOUT_FILENO);
    alarm(20);  // a server that started anyway is killed, and the test fails
    execv(args[0].c_str(), Argv(args).data());
    _exit(127);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  Exit exit;
  exit.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::ifstream in(err_file);
  exit.err.assign(std::istreambuf_iterator<char>(in), {});
  return exit;
}

// A server started in the background, its first line of output read (the
// "listening on" banner, or "" if it exited first).
struct BackgroundServer {
  pid_t pid = -1;
  FILE* stdout_stream = nullptr;
  std::string first_line;

  explicit BackgroundServer(const std::vector<std::string>& args) {
    int out[2];
    if (pipe(out) != 0) return;
    pid = fork();
    if (pid == 0) {
      dup2(out[1], STDOUT_FILENO);
      close(out[0]);
      execv(args[0].c_str(), Argv(args).data());
      _exit(127);
    }
    close(out[1]);
    stdout_stream = fdopen(out[0], "r");
    char line[512] = {0};
    if (fgets(line, sizeof(line), stdout_stream) != nullptr) first_line = line;
  }

  // SIGTERM, then its exit status (128 + signal when killed).
  int Stop() {
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    fclose(stdout_stream);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
};

// Our own line: the last one (gRPC may log its own above it).
std::string LastLine(const std::string& text) {
  std::vector<std::string> lines =
      absl::StrSplit(text, '\n', absl::SkipEmpty());
  return lines.empty() ? "" : lines.back();
}

TEST(StartUpTest, FlagNamingAMissingFileIsAUsageError) {
  struct Case {
    const char* binary;
    std::string flag;
  };
  const std::string db = "--db_path=" + TempDir() + "/db";
  const std::vector<Case> cases = {
      {kGraph, "--tls_cert=/nonexistent/cert.pem"},
      {kGraph, "--tls_key=/nonexistent/key.pem"},
      {kGraph, "--tls_client_ca=/nonexistent/ca.pem"},
      {kGraph, "--auth_tokens_file=/nonexistent/tokens"},
      {kGraph, "--rules=/nonexistent/default.rules"},
      {kGraph, "--restore_from=/nonexistent/backup"},
      {kExtractor, "--tls_cert=/nonexistent/cert.pem"},
      {kExtractor, "--tls_client_ca=/nonexistent/ca.pem"},
      {kExtractor, "--graph_tls_ca=/nonexistent/ca.pem"},
      {kExtractor, "--graph_tls_cert=/nonexistent/client.pem"},
      {kExtractor, "--graph_token_file=/nonexistent/token"},
      {kExtractor, "--data_dir=/nonexistent/data"},
      {kExtractor, "--rules=/nonexistent/relations.rules"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.binary, " ", c.flag));
    std::vector<std::string> args = {c.binary, "--port=0", c.flag};
    if (c.binary == kGraph) args.push_back(db);
    const Exit e = RunToExit(args);
    EXPECT_EQ(e.code, 2);
    const std::string name = c.flag.substr(0, c.flag.find('='));
    EXPECT_NE(e.err.find(absl::StrCat(c.flag, ": No such file or directory")),
              std::string::npos)
        << e.err;
    EXPECT_EQ(std::count(e.err.begin(), e.err.end(), '\n'), 1) << e.err;
  }
}

TEST(StartUpTest, SettingsThatCannotBeHonouredAreUsageErrors) {
  struct Case {
    const char* binary;
    std::string flag;
    std::string says;
  };
  const std::vector<Case> cases = {
      {kGraph, "--max_threads=2", "--max_threads 2 must be 0 (no cap) or at least 4"},
      {kExtractor, "--max_threads=-1", "--max_threads -1 must be 0 (no cap) or at least 4"},
      {kGraph, "--max_response_mb=2048", "--max_response_mb must be in 1..1024"},
      {kGraph, "--schema=/nonexistent/single_valued.schema",
       "--schema=/nonexistent/single_valued.schema: No such file or directory"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(absl::StrCat(c.binary, " ", c.flag));
    std::vector<std::string> args = {c.binary, "--port=0", c.flag};
    if (c.binary == kGraph) args.push_back("--db_path=" + TempDir() + "/db-honour");
    const Exit e = RunToExit(args);
    EXPECT_EQ(e.code, 2);
    EXPECT_NE(e.err.find(c.says), std::string::npos) << e.err;
  }
}

TEST(StartUpTest, DirectoryGivenForAFileIsAUsageError) {
  const Exit e = RunToExit({kGraph, "--port=0", "--db_path=" + TempDir() + "/db",
                            "--tls_cert=/", "--tls_key=/"});
  EXPECT_EQ(e.code, 2);
  EXPECT_NE(e.err.find("--tls_cert=/: is a directory, not a file"),
            std::string::npos)
      << e.err;
}

TEST(StartUpTest, KeyThatDoesNotMatchTheCertificateStopsWithoutACrash) {
  const std::string cert = absl::StrCat("--tls_cert=", kCerts, "/server.pem");
  const std::string key = absl::StrCat("--tls_key=", kCerts, "/client.key");
  for (const char* binary : {kGraph, kExtractor}) {
    SCOPED_TRACE(binary);
    std::vector<std::string> args = {binary, "--port=0", cert, key};
    if (binary == kGraph) args.push_back("--db_path=" + TempDir() + "/db-tls");
    const Exit e = RunToExit(args);
    EXPECT_EQ(e.code, 1) << e.err;
    EXPECT_NE(LastLine(e.err).find("TLS certificate and key"), std::string::npos)
        << e.err;
  }
}

// A graph_server on a port; a second server of either kind on the same port
// must refuse to start instead of sharing it (gRPC's SO_REUSEPORT default
// split calls between two stores).
TEST(StartUpTest, SecondServerOnAPortInUseRefusesToStart) {
  BackgroundServer first({kGraph, "--port=0", "--db_path=" + TempDir() + "/db-first"});
  std::smatch match;
  const std::string text = first.first_line;
  const bool started = std::regex_search(text, match, std::regex(R"(:(\d+), store)"));
  const std::string port = absl::StrCat("--port=", started ? match[1].str() : "0");
  const Exit graph =
      RunToExit({kGraph, port, "--db_path=" + TempDir() + "/db-second"});
  const Exit extractor = RunToExit({kExtractor, port});
  const int status = first.Stop();
  ASSERT_TRUE(started) << text;

  for (const Exit& e : {graph, extractor}) {
    EXPECT_EQ(e.code, 1) << e.err;
    EXPECT_NE(e.err.find(absl::StrCat("port ", match[1].str(),
                                      " on 127.0.0.1 is already in use")),
              std::string::npos)
        << e.err;
  }
  EXPECT_EQ(status, 0);
}

// A copy of graph_server without its default.rules beside it must not run
// on without derived facts.
TEST(StartUpTest, GraphWithoutItsDefaultRulesStops) {
  const std::string copy = TempDir() + "/graph_server_copy";
  {
    std::ifstream in(kGraph, std::ios::binary);
    std::ofstream out(copy, std::ios::binary);
    out << in.rdbuf();
  }
  ASSERT_EQ(chmod(copy.c_str(), 0755), 0);
  // Bazel's RUNFILES_DIR would lead the copy back to the test's runfiles.
  const std::string runfiles = std::getenv("RUNFILES_DIR") ? std::getenv("RUNFILES_DIR") : "";
  unsetenv("RUNFILES_DIR");
  const Exit e =
      RunToExit({copy, "--port=0", "--db_path=" + TempDir() + "/db-norules"});
  if (!runfiles.empty()) setenv("RUNFILES_DIR", runfiles.c_str(), 1);
  EXPECT_EQ(e.code, 2);
  EXPECT_NE(e.err.find("--rules=none"), std::string::npos) << e.err;
}

// The token file as docs/security.md prints it: columns padded with runs of
// spaces (and tabs). The server starts and reports its three tokens.
TEST(StartUpTest, PaddedTokenFileIsAccepted) {
  const std::string tokens = TempDir() + "/tokens";
  std::ofstream(tokens)
      << "# TOKEN                              ROLE    NAME\n"
         "3q2+7wLbW0m8n4Zf0k1J9Q0xYc5rT2uHa    reader  dashboard\n"
         "Xo9V2yq3LrM0s8f1Kp4Nw7Ue5Tz6Ab1Cd\t\twriter\textractor\n"
         "u8Hn3Qe0Jd5Wr2Mv7Lc9Tb4Ys1Xk6Pz0F    admin   ops on call\n";
  BackgroundServer server({kGraph, "--port=0", "--db_path=" + TempDir() + "/db-tokens",
                           "--auth_tokens_file=" + tokens});
  const std::string line = server.first_line;
  server.Stop();
  ASSERT_FALSE(line.empty());
  EXPECT_NE(line.find("tokens: 3"), std::string::npos) << line;
}

}  // namespace
}  // namespace kg
