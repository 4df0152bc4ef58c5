#include "clients/cli/args.h"

#include "gtest/gtest.h"

namespace kg::cli {
namespace {

TEST(ArgsTest, CommandOptionsAndArgumentsInAnyOrder) {
  absl::StatusOr<ParsedArgs> args = ParseArgs(
      {"--graph_addr=h:1", "query", "--format", "csv", "?p a ?b", "--why"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->command, "query");
  EXPECT_EQ(args->args, std::vector<std::string>{"?p a ?b"});
  EXPECT_EQ(args->Get("graph_addr", ""), "h:1");
  EXPECT_EQ(args->Get("format", ""), "csv");
  EXPECT_TRUE(args->Has("why"));
  EXPECT_FALSE(args->help);
}

TEST(ArgsTest, ShortOptionsAndStdinDash) {
  absl::StatusOr<ParsedArgs> args = ParseArgs({"viz", "Ann Lee", "-o", "g.png"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->Get("output", ""), "g.png");
  args = ParseArgs({"ingest", "-", "-j", "8"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->args, std::vector<std::string>{"-"});
  EXPECT_EQ(*args->GetUint("jobs", 1), 8u);
}

TEST(ArgsTest, DoubleDashEndsOptions) {
  absl::StatusOr<ParsedArgs> args = ParseArgs({"query", "--", "--not-an-option"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->args, std::vector<std::string>{"--not-an-option"});
}

TEST(ArgsTest, Misuse) {
  EXPECT_EQ(ParseArgs({"frobnicate"}).status().message(),
            "unknown command 'frobnicate' (kg help lists them)");
  EXPECT_NE(ParseArgs({"query", "--hops=2", "x"}).status().message().find(
                "unknown option --hops=2 for kg query"),
            std::string::npos);
  EXPECT_EQ(ParseArgs({"query", "--format"}).status().message(),
            "--format needs a value");
  EXPECT_EQ(ParseArgs({"path", "A"}).status().message(),
            "kg path takes 2 arguments, got 1");
  EXPECT_FALSE(ParseArgs({"stats", "extra"}).ok());
}

TEST(ArgsTest, HelpSkipsArgumentCounts) {
  absl::StatusOr<ParsedArgs> args = ParseArgs({"path", "--help"});
  ASSERT_TRUE(args.ok());
  EXPECT_TRUE(args->help);
  args = ParseArgs({"help", "viz"});
  ASSERT_TRUE(args.ok());
  EXPECT_TRUE(args->help);
  EXPECT_EQ(args->command, "viz");
}

TEST(ArgsTest, TypedValues) {
  absl::StatusOr<ParsedArgs> args =
      ParseArgs({"viz", "X", "--hops=abc", "--timeout=250ms"});
  ASSERT_TRUE(args.ok());
  EXPECT_FALSE(args->GetUint("hops", 2).ok());
  EXPECT_EQ(*args->GetDuration("timeout", absl::Seconds(1)),
            absl::Milliseconds(250));
  EXPECT_EQ(*args->GetUint("limit", 7), 7u);
  args = ParseArgs({"stats", "--timeout=soon"});
  ASSERT_TRUE(args.ok());
  EXPECT_FALSE(args->GetDuration("timeout", absl::Seconds(1)).ok());
}

TEST(ArgsTest, EveryCommandHasHelp) {
  for (const CommandSpec& command : Commands()) {
    const std::string help = CommandHelp(command);
    EXPECT_EQ(help.rfind("usage: kg " + command.name, 0), 0u) << help;
    EXPECT_NE(help.find("--timeout"), std::string::npos);
    EXPECT_NE(GeneralHelp().find("  " + command.name + " "), std::string::npos);
  }
}

TEST(ParseArgsTest, DashesInOptionNamesReadAsUnderscores) {
  absl::StatusOr<ParsedArgs> args =
      ParseArgs({"path", "--max-hops=3", "Ann Lee", "Larchwood Unit"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_EQ(args->Get("max_hops", ""), "3");
}

TEST(ParseArgsTest, TyposGetTheClosestNames) {
  EXPECT_EQ(ParseArgs({"qurey", "?s ?p ?o"}).status().message(),
            "unknown command 'qurey' (did you mean kg query?)");
  EXPECT_EQ(ParseArgs({"path", "--maxhops=3", "a", "b"}).status().message(),
            "unknown option --maxhops=3 for kg path (did you mean --max_hops?)");
  EXPECT_EQ(ParseArgs({"frobnicate"}).status().message(),
            "unknown command 'frobnicate' (kg help lists them)");
}

TEST(ParseArgsTest, VersionNeedsNoCommand) {
  absl::StatusOr<ParsedArgs> args = ParseArgs({"--version"});
  ASSERT_TRUE(args.ok()) << args.status();
  EXPECT_TRUE(args->Has("version"));
}

}  // namespace
}  // namespace kg::cli
