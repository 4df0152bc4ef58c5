#include "bench/load/server_child.h"

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "gtest/gtest.h"

namespace kg::load {
namespace {

TEST(ParseListeningPortTest, ReadsThePortOfEitherServer) {
  EXPECT_EQ(ParseListeningPort("graph_server listening on 127.0.0.1:4321, "
                               "store /tmp/db, 0 rule(s)\n"),
            4321);
  EXPECT_EQ(ParseListeningPort("extractor_server listening on "
                               "127.0.0.1:99 forwarding\n"),
            99);
  EXPECT_EQ(ParseListeningPort("starting\n"), 0);
  EXPECT_EQ(ParseListeningPort("listening on nowhere\n"), 0);
}

TEST(ReadProcessMemoryTest, ReadsOwnRss) {
  absl::StatusOr<ProcessMemory> memory = ReadProcessMemory(getpid());
  ASSERT_TRUE(memory.ok()) << memory.status();
  EXPECT_GT(memory->rss_kb, 0);
  EXPECT_GE(memory->peak_rss_kb, memory->rss_kb);
}

TEST(ServerChildTest, StartsReadsPortAndStopsWithSigterm) {
  const std::string log =
      std::string(std::getenv("TEST_TMPDIR")) + "/child.log";
  absl::StatusOr<std::unique_ptr<ServerChild>> child = ServerChild::Start(
      {"/bin/sh", "-c",
       "trap 'exit 0' TERM; echo 'fake listening on 127.0.0.1:5555'; "
       "while true; do sleep 0.05; done"},
      log, "", absl::Seconds(10));
  ASSERT_TRUE(child.ok()) << child.status();
  EXPECT_EQ((*child)->port(), 5555);
  EXPECT_TRUE((*child)->Memory().ok());
  EXPECT_TRUE((*child)->Stop(absl::Seconds(10)).ok());
}

TEST(ServerChildTest, ChildThatExitsEarlyIsUnavailable) {
  const std::string log =
      std::string(std::getenv("TEST_TMPDIR")) + "/early.log";
  absl::StatusOr<std::unique_ptr<ServerChild>> child = ServerChild::Start(
      {"/bin/sh", "-c", "echo oops >&2; exit 3"}, log, "", absl::Seconds(10));
  ASSERT_FALSE(child.ok());
  EXPECT_EQ(child.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_NE(child.status().message().find("oops"), std::string::npos);
}

TEST(ServerChildTest, NonZeroExitOnSigtermIsAnError) {
  const std::string log =
      std::string(std::getenv("TEST_TMPDIR")) + "/bad_exit.log";
  absl::StatusOr<std::unique_ptr<ServerChild>> child = ServerChild::Start(
      {"/bin/sh", "-c",
       "trap 'exit 4' TERM; echo 'x listening on 127.0.0.1:1'; "
       "while true; do sleep 0.05; done"},
      log, "", absl::Seconds(10));
  ASSERT_TRUE(child.ok()) << child.status();
  const absl::Status stopped = (*child)->Stop(absl::Seconds(10));
  EXPECT_EQ(stopped.code(), absl::StatusCode::kInternal);
  EXPECT_NE(stopped.message().find("status 4"), std::string::npos);
}

}  // namespace
}  // namespace kg::load
