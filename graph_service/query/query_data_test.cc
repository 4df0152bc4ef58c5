// Data-driven query tests (after kuzu's test/test_files): every
// tests/testdata/queries/*.test file is one test, run against a fresh
// MemoryGraphStore. A file is a sequence of directives, each at the start of
// a line; blank lines and lines starting with '#' between them are ignored.
//
//   -FACTS            one fact per following line, until the next directive:
//                       <Subject Name> predicate value @document[:date] [conf] [rule]
//                     subject/predicate/value in query syntax (no
//                     variables); every line is one evidence record of
//                     `document`, with confidence `conf` (default 1) and
//                     rule `rule` (default "testdata"). The section is added with one AddFacts.
//   -DELETE doc       DeleteDocument(doc) (must succeed).
//   -REPLACE doc      like -FACTS, but the lines (all @doc) become doc's
//                     complete fact set by one ReplaceDocument.
//   -INSTANT name     notes the present instant (after a pause, so it falls
//                     strictly between the writes before and after it);
//                     queries then read $name as it, in RFC 3339, e.g.
//                     {as_of: "$name"}.
//   -CASE name        starts a case; names appear in failure messages.
//   -QUERY text       the query; it continues on the following lines until
//                     the next directive.
//   -LIMIT n          QueryOptions.limit for this case.
//   -ROWS n           runs the case; exactly n lines follow, one per
//                     expected row: the bound values in variable order,
//                     rendered like the query language (<Entity>, "text",
//                     42, 8.5, "2021-05-01"^^date; a predicate variable's
//                     name as "text"), separated by tabs. Rows are compared
//                     as sorted lists, so their order in the file is free.
//   -ORDERED n        like -ROWS, but the rows must come in the file's order
//                     (for ORDER BY).
//   -MAXMEMORY n      QueryOptions.max_memory_bytes for this case.
//   -COUNT n          runs the case; it must return exactly n rows (for
//                     -LIMIT, where which rows come first is unspecified).
//   -ERROR text       runs the case; it must fail with `text` in the message.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"
#include "common/iso_date.h"
#include "graph_service/query/query_engine.h"
#include "graph_service/query/query_parser.h"
#include "graph_service/store/memory/memory_graph_store.h"
#include "gtest/gtest.h"

namespace kg::graph {
namespace {

std::string TestDataDir() {
  const char* srcdir = std::getenv("TEST_SRCDIR");
  const char* workspace = std::getenv("TEST_WORKSPACE");
  return absl::StrCat(srcdir ? srcdir : ".", "/",
                      workspace ? workspace : "kg", "/tests/testdata/queries");
}

std::vector<std::string> ListTestFiles() {
  std::vector<std::string> files;
  std::error_code error;
  for (const auto& entry :
       std::filesystem::directory_iterator(TestDataDir(), error)) {
    if (entry.path().extension() == ".test") {
      files.push_back(entry.path().filename().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> ReadLines(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

bool IsDirective(absl::string_view line) { return absl::StartsWith(line, "-"); }
bool IsSkippable(absl::string_view line) {
  line = absl::StripLeadingAsciiWhitespace(line);
  return line.empty() || absl::StartsWith(line, "#");
}

// Parses "subject predicate value @document" into a fact whose evidence
// points at line `line_number`.
absl::StatusOr<kg::v1::Fact> ParseFactLine(absl::string_view line,
                                           int line_number) {
  const size_t at = line.rfind(" @");
  if (at == absl::string_view::npos) {
    return absl::InvalidArgumentError("fact line lacks ' @document'");
  }
  const std::vector<std::string> extra =
      absl::StrSplit(line.substr(at + 2), ' ', absl::SkipWhitespace());
  if (extra.empty() || extra.size() > 3) {
    return absl::InvalidArgumentError(
        "expected '@document [confidence] [rule]'");
  }
  // "@document:YYYY-MM-DD" gives the evidence a reported date.
  const std::vector<std::string> document_and_date =
      absl::StrSplit(extra[0], absl::MaxSplits(':', 1));
  const std::string& document = document_and_date[0];
  const std::string reported_date =
      document_and_date.size() > 1 ? document_and_date[1] : "";
  float confidence = 1.0f;
  if (extra.size() > 1 && !absl::SimpleAtof(extra[1], &confidence)) {
    return absl::InvalidArgumentError("bad confidence");
  }
  const std::string rule = extra.size() > 2 ? extra[2] : "testdata";
  absl::StatusOr<ParsedQuery> parsed = ParseQuery(line.substr(0, at));
  if (!parsed.ok()) return parsed.status();
  if (parsed->patterns.size() != 1 || !parsed->variables.empty()) {
    return absl::InvalidArgumentError("a fact is one pattern of constants");
  }
  const TriplePattern& p = parsed->patterns[0];
  kg::v1::Fact fact;
  fact.set_subject(p.subject.value.entity());
  fact.set_predicate(p.predicate.predicate);
  *fact.mutable_value() = p.value.value;
  kg::v1::Evidence* evidence = fact.add_evidence();
  evidence->set_document_id(document);
  evidence->set_sentence(std::string(line));
  evidence->set_byte_begin(line_number);
  evidence->set_byte_end(line_number + 1);
  evidence->set_rule(rule);
  evidence->set_confidence(confidence);
  evidence->set_reported_date(reported_date);
  return fact;
}

std::string RenderRow(const kg::v1::QueryRow& row) {
  std::vector<std::string> values;
  for (const kg::v1::Binding& binding : row.bindings()) {
    values.push_back(FormatValue(binding.value()));
  }
  return absl::StrJoin(values, "\t");
}

// Runs the directives of one file in order.
class TestFileRunner {
 public:
  explicit TestFileRunner(std::string name) : name_(std::move(name)) {}

  void Run() {
    lines_ = ReadLines(absl::StrCat(TestDataDir(), "/", name_));
    ASSERT_FALSE(lines_.empty()) << "empty or unreadable: " << name_;
    while (i_ < lines_.size()) {
      const std::string line = lines_[i_++];
      if (IsSkippable(line)) continue;
      ASSERT_TRUE(IsDirective(line))
          << Where(i_) << "expected a directive, got: " << line;
      RunDirective(line);
      if (::testing::Test::HasFatalFailure()) return;
    }
    EXPECT_GT(cases_run_, 0) << name_ << " runs no case";
  }

 private:
  std::string Where(size_t line_number) const {
    return absl::StrCat(name_, ":", line_number, ": ");
  }

  void RunDirective(const std::string& line) {
    const size_t space = line.find(' ');
    const std::string directive = line.substr(0, space);
    const std::string arg =
        space == std::string::npos ? "" : line.substr(space + 1);
    if (directive == "-FACTS") {
      LoadFacts();
    } else if (directive == "-DELETE") {
      ASSERT_TRUE(store_.DeleteDocument(arg).ok()) << Where(i_) << arg;
    } else if (directive == "-REPLACE") {
      LoadFacts(arg);
    } else if (directive == "-INSTANT") {
      absl::SleepFor(absl::Milliseconds(2));
      instants_.emplace_back("$" + arg,
                             FormatInstant(absl::ToUnixMicros(absl::Now())));
      absl::SleepFor(absl::Milliseconds(2));
    } else if (directive == "-CASE") {
      case_name_ = arg;
      case_line_ = i_;
      query_.clear();
      options_ = QueryOptions();
    } else if (directive == "-QUERY") {
      query_ = arg;
      for (; i_ < lines_.size() && !IsDirective(lines_[i_]); ++i_) {
        absl::StrAppend(&query_, "\n", lines_[i_]);
      }
    } else if (directive == "-LIMIT") {
      ASSERT_TRUE(absl::SimpleAtoi(arg, &options_.limit)) << Where(i_) << arg;
    } else if (directive == "-MAXMEMORY") {
      ASSERT_TRUE(absl::SimpleAtoi(arg, &options_.max_memory_bytes))
          << Where(i_) << arg;
    } else if (directive == "-ROWS" || directive == "-ORDERED") {
      int count = 0;
      ASSERT_TRUE(absl::SimpleAtoi(arg, &count)) << Where(i_) << arg;
      ASSERT_LE(i_ + count, lines_.size()) << Where(i_) << "too few rows";
      std::vector<std::string> expected(lines_.begin() + i_,
                                        lines_.begin() + i_ + count);
      i_ += count;
      CheckRows(std::move(expected), /*ordered=*/directive == "-ORDERED");
    } else if (directive == "-COUNT") {
      size_t count = 0;
      ASSERT_TRUE(absl::SimpleAtoi(arg, &count)) << Where(i_) << arg;
      CheckCount(count);
    } else if (directive == "-ERROR") {
      CheckError(arg);
    } else {
      FAIL() << Where(i_) << "unknown directive " << directive;
    }
  }

  // AddFacts, or ReplaceDocument of `document` when one is named.
  void LoadFacts(const std::string& document = "") {
    std::vector<kg::v1::Fact> facts;
    for (; i_ < lines_.size() && !IsDirective(lines_[i_]); ++i_) {
      if (IsSkippable(lines_[i_])) continue;
      absl::StatusOr<kg::v1::Fact> fact = ParseFactLine(lines_[i_], i_ + 1);
      ASSERT_TRUE(fact.ok()) << Where(i_ + 1) << fact.status();
      facts.push_back(*std::move(fact));
    }
    const absl::StatusOr<WriteStats> stats =
        document.empty() ? store_.AddFacts(facts)
                         : store_.ReplaceDocument(document, "", facts);
    ASSERT_TRUE(stats.ok()) << Where(i_) << stats.status();
  }

  absl::Status Execute(std::vector<std::string>* rows) {
    ++cases_run_;
    const std::string query = absl::StrReplaceAll(query_, instants_);
    return ExecuteQuery(store_, query, options_, [&](kg::v1::QueryRow row) {
      rows->push_back(RenderRow(row));
      return true;
    });
  }

  void CheckRows(std::vector<std::string> expected, bool ordered) {
    SCOPED_TRACE(absl::StrCat(Where(case_line_), "case ", case_name_));
    std::vector<std::string> actual;
    const absl::Status status = Execute(&actual);
    ASSERT_TRUE(status.ok()) << status << "\nquery: " << query_;
    if (!ordered) {
      std::sort(expected.begin(), expected.end());
      std::sort(actual.begin(), actual.end());
    }
    EXPECT_EQ(actual, expected) << "query: " << query_ << "\nactual rows:\n"
                                << absl::StrJoin(actual, "\n");
  }

  void CheckCount(size_t count) {
    SCOPED_TRACE(absl::StrCat(Where(case_line_), "case ", case_name_));
    std::vector<std::string> actual;
    const absl::Status status = Execute(&actual);
    ASSERT_TRUE(status.ok()) << status << "\nquery: " << query_;
    EXPECT_EQ(actual.size(), count) << "query: " << query_;
  }

  void CheckError(const std::string& substring) {
    SCOPED_TRACE(absl::StrCat(Where(case_line_), "case ", case_name_));
    std::vector<std::string> rows;
    const absl::Status status = Execute(&rows);
    ASSERT_FALSE(status.ok()) << "query: " << query_;
    EXPECT_TRUE(absl::StrContains(status.message(), substring))
        << "error: " << status << "\nwanted: " << substring;
  }

  const std::string name_;
  std::vector<std::string> lines_;
  size_t i_ = 0;  // next line to read (0-based), i.e. current line number
  MemoryGraphStore store_;
  std::string case_name_;
  size_t case_line_ = 0;
  std::string query_;
  // "$name" -> instant noted by -INSTANT name.
  std::vector<std::pair<std::string, std::string>> instants_;
  QueryOptions options_;
  int cases_run_ = 0;
};

class QueryDataTest : public ::testing::TestWithParam<std::string> {};

TEST_P(QueryDataTest, RunsFile) { TestFileRunner(GetParam()).Run(); }

INSTANTIATE_TEST_SUITE_P(
    Files, QueryDataTest, ::testing::ValuesIn(ListTestFiles()),
    [](const ::testing::TestParamInfo<std::string>& info) {
      std::string name = info.param.substr(0, info.param.size() - 5);
      std::replace_if(
          name.begin(), name.end(), [](char c) { return !std::isalnum(c); },
          '_');
      return name;
    });

// Guards against a glob or runfiles mistake that would run nothing.
TEST(QueryDataFilesTest, FindsTheTestFiles) {
  EXPECT_GE(ListTestFiles().size(), 10u) << "looked in " << TestDataDir();
}

}  // namespace
}  // namespace kg::graph
