// Runs the real `kg` binary as a child process, the way a person would, and
// captures what it prints. For end-to-end tests of the CLI.
#ifndef KG_TESTS_CLI_KG_RUNNER_H_
#define KG_TESTS_CLI_KG_RUNNER_H_

#include <string>
#include <vector>

#include "absl/time/time.h"

namespace kg::testing {

struct KgResult {
  int exit_code = -1;  // -1: did not exit in time (it was killed)
  std::string out;
  std::string err;
};

class KgRunner {
 public:
  // `binary`: path of kg. `env` entries ("KG_GRAPH_ADDR=...") are added to
  // the child's environment. `scratch_dir` holds the captured output.
  KgRunner(std::string binary, std::vector<std::string> env,
           std::string scratch_dir)
      : binary_(std::move(binary)),
        env_(std::move(env)),
        scratch_dir_(std::move(scratch_dir)) {}

  // Runs `kg args...` with `stdin_text` on standard input; kills the child
  // (SIGKILL) after `timeout`. Not thread-safe.
  KgResult Run(const std::vector<std::string>& args,
               const std::string& stdin_text = "",
               absl::Duration timeout = absl::Seconds(60));

 private:
  std::string binary_;
  std::vector<std::string> env_;
  std::string scratch_dir_;
  int runs_ = 0;
};

}  // namespace kg::testing

#endif  // KG_TESTS_CLI_KG_RUNNER_H_
