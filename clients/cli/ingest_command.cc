// kg ingest: documents through the extractor into the graph, several in
// flight at once, with a progress bar on a terminal.
#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "clients/cli/command_util.h"
#include "clients/cli/commands.h"
#include "clients/cli/connection.h"
#include "clients/cli/ingest_inputs.h"
#include "clients/cli/progress.h"
#include "common/iso_date.h"

namespace kg::cli {
namespace {

constexpr uint32_t kDefaultJobs = 4;
constexpr uint32_t kMaxJobs = 64;
// Wider bars only add dots.
constexpr int kMaxBarWidth = 100;

// Shared by the workers and the thread that draws.
struct IngestState {
  std::mutex mu;
  std::condition_variable changed;
  IngestProgress progress;
  std::deque<std::string> messages;  // per-document lines to print
};

struct DocumentResult {
  bool ok = false;
  std::string message;  // error, or the per-document line
  kg::v1::IngestResponse ack;
};

DocumentResult IngestOne(const CliEnv& env,
                         kg::v1::ExtractorService::Stub& stub,
                         const IngestInput& input, const std::string& text,
                         const std::string& published) {
  DocumentResult result;
  kg::v1::ExtractRequest request;
  request.set_forward(true);
  kg::v1::Document* document = request.mutable_document();
  document->set_id(input.id);
  document->set_title(TitleOf(text));
  document->set_text(text);
  document->set_published(published);
  kg::v1::ExtractResponse response;
  grpc::ClientContext context;
  SetTimeout(context, env.timeout);
  const grpc::Status status = stub.Extract(&context, request, &response);
  if (!status.ok()) {
    result.message = absl::StrCat(
        "kg: ", input.path, ": ",
        DescribeError(status, "extractor service", env.extractor_address,
                      "extractor_addr"));
    return result;
  }
  result.ok = true;
  result.ack = response.ingest();
  result.message = absl::StrFormat(
      "%s: %d facts, %d new, %d retracted%s", input.path,
      result.ack.facts_received(), result.ack.facts_new(),
      result.ack.facts_retracted(), result.ack.unchanged() ? " (unchanged)" : "");
  return result;
}

void Record(IngestState& state, DocumentResult result, bool verbose) {
  std::lock_guard<std::mutex> lock(state.mu);
  IngestProgress& p = state.progress;
  ++p.done;
  if (result.ok) {
    p.facts += result.ack.facts_received();
    p.facts_new += result.ack.facts_new();
    p.unchanged += result.ack.unchanged() ? 1 : 0;
    if (verbose) state.messages.push_back(std::move(result.message));
  } else {
    ++p.errors;
    state.messages.push_back(std::move(result.message));
  }
  state.changed.notify_all();
}

// Prints pending messages and, on a terminal, redraws the bar. Locked.
void Draw(const CliEnv& env, IngestState& state, absl::Time start) {
  state.progress.elapsed = absl::Now() - start;
  if (env.err_is_terminal) *env.err << "\r\x1b[K";
  for (const std::string& message : state.messages) {
    (message.rfind("kg: ", 0) == 0 ? *env.err : *env.out) << message << "\n";
  }
  state.messages.clear();
  if (env.err_is_terminal) {
    *env.err << RenderProgressBar(
        state.progress, std::min(env.terminal_width - 1, kMaxBarWidth));
  }
  env.out->flush();
  env.err->flush();
}

// Sends every input from `jobs` threads while this thread draws.
void IngestAll(const CliEnv& env, const std::vector<IngestInput>& inputs,
               const std::string& stdin_text, const std::string& published,
               uint32_t jobs, bool verbose, IngestState& state) {
  auto stub = ExtractorStub(env.extractor_address);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i = next++; i < inputs.size(); i = next++) {
      DocumentResult result;
      absl::StatusOr<std::string> text =
          inputs[i].path == "-" ? stdin_text : ReadInput(env, inputs[i].path);
      if (text.ok()) {
        result = IngestOne(env, *stub, inputs[i], *text, published);
      } else {
        result.message = absl::StrCat("kg: ", text.status().message());
      }
      Record(state, std::move(result), verbose);
    }
  };
  const absl::Time start = absl::Now();
  std::vector<std::thread> workers;
  const size_t threads =
      std::min<size_t>(std::clamp<uint32_t>(jobs, 1, kMaxJobs),
                       std::max<size_t>(inputs.size(), 1));
  for (size_t t = 0; t < threads; ++t) workers.emplace_back(work);
  {
    std::unique_lock<std::mutex> lock(state.mu);
    while (state.progress.done < state.progress.total) {
      Draw(env, state, start);
      state.changed.wait_for(lock, std::chrono::milliseconds(100));
    }
    Draw(env, state, start);
    if (env.err_is_terminal) *env.err << "\n";
  }
  for (std::thread& worker : workers) worker.join();
}

}  // namespace

int RunIngest(const CliEnv& env, const ParsedArgs& args) {
  absl::StatusOr<uint32_t> jobs = args.GetUint("jobs", kDefaultJobs);
  if (!jobs.ok()) return ReportError(env, jobs.status());
  const std::string published = args.Get("published", "");
  if (!published.empty() && !IsIsoDate(published)) {
    return ReportError(env, absl::InvalidArgumentError(absl::StrCat(
                                "--published \"", published,
                                "\" is not a YYYY-MM-DD date")));
  }
  std::vector<std::string> path_errors;
  const std::vector<IngestInput> inputs =
      CollectInputs(args.args, args.Get("id", "stdin"), &path_errors);
  std::string stdin_text;
  for (const IngestInput& input : inputs) {
    if (input.path == "-") stdin_text = *ReadInput(env, "-");
  }
  IngestState state;
  state.progress.total = inputs.size() + path_errors.size();
  state.progress.done = state.progress.errors = path_errors.size();
  for (const std::string& error : path_errors) {
    state.messages.push_back("kg: " + error);
  }
  IngestAll(env, inputs, stdin_text, published, *jobs, args.Has("verbose"),
            state);
  *env.out << RenderSummary(state.progress) << "\n";
  return state.progress.errors == 0 ? 0 : 1;
}

}  // namespace kg::cli
