#include "common/security/token_store.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace kg::security {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kTokens[] =
    "# kg tokens\n"
    "reader-token-0123456789 reader Dashboard\n"
    "\n"
    "writer-token-0123456789 writer Extractor service\n"
    "admin-token-01234567890\tadmin  Ops on call\n";

TokenStore Store() {
  absl::StatusOr<TokenStore> store = TokenStore::Parse(kTokens, "tokens");
  EXPECT_TRUE(store.ok()) << store.status();
  return *store;
}

TEST(TokenStoreTest, ParsesRolesAndNames) {
  TokenStore store = Store();
  EXPECT_EQ(store.size(), 3);
  absl::StatusOr<Caller> caller = store.Authenticate("writer-token-0123456789");
  ASSERT_TRUE(caller.ok()) << caller.status();
  EXPECT_EQ(caller->role, Role::kWriter);
  EXPECT_EQ(caller->name, "Extractor service");
  caller = store.Authenticate("admin-token-01234567890");
  ASSERT_TRUE(caller.ok());
  EXPECT_EQ(caller->name, "Ops on call");
}

// Columns padded with runs of spaces and tabs, as docs/security.md prints
// them; the name keeps its inner spaces.
TEST(TokenStoreTest, AcceptsColumnsPaddedWithSpacesAndTabs) {
  absl::StatusOr<TokenStore> store = TokenStore::Parse(
      "# TOKEN                     ROLE    NAME\n"
      "reader-token-0123456789      reader  dashboard\n"
      "writer-token-0123456789 \t\t writer\t\textractor  one  \n"
      "admin-token-01234567890      admin   ops on call\n",
      "padded");
  ASSERT_TRUE(store.ok()) << store.status();
  EXPECT_EQ(store->size(), 3);
  absl::StatusOr<Caller> caller = store->Authenticate("writer-token-0123456789");
  ASSERT_TRUE(caller.ok()) << caller.status();
  EXPECT_EQ(caller->role, Role::kWriter);
  EXPECT_EQ(caller->name, "extractor  one");
  caller = store->Authenticate("admin-token-01234567890");
  ASSERT_TRUE(caller.ok()) << caller.status();
  EXPECT_EQ(caller->role, Role::kAdmin);
  EXPECT_EQ(caller->name, "ops on call");
  EXPECT_FALSE(TokenStore::Parse("reader-token-0123456789    reader   \n", "x").ok());
}

TEST(TokenStoreTest, UnknownTokenIsUnauthenticatedWithoutEcho) {
  absl::StatusOr<Caller> caller =
      Store().Authenticate("reader-token-012345678X");
  EXPECT_TRUE(absl::IsUnauthenticated(caller.status()));
  EXPECT_THAT(caller.status().message(), Not(HasSubstr("reader-token")));
  EXPECT_TRUE(absl::IsUnauthenticated(Store().Authenticate("").status()));
  EXPECT_TRUE(absl::IsUnauthenticated(
      Store().Authenticate("reader-token-0123456789-longer").status()));
}

TEST(TokenStoreTest, AuthorizeChecksSchemeAndRole) {
  TokenStore store = Store();
  EXPECT_TRUE(
      store.Authorize("Bearer reader-token-0123456789", Role::kReader, "Query")
          .ok());
  EXPECT_TRUE(
      store.Authorize("bearer writer-token-0123456789", Role::kReader, "Query")
          .ok());
  absl::StatusOr<Caller> denied =
      store.Authorize("Bearer reader-token-0123456789", Role::kWriter, "Ingest");
  EXPECT_TRUE(absl::IsPermissionDenied(denied.status()));
  EXPECT_EQ(denied.status().message(),
            "Ingest needs role writer; caller 'Dashboard' has role reader");
  EXPECT_TRUE(absl::IsUnauthenticated(
      store.Authorize("", Role::kReader, "Query").status()));
  absl::StatusOr<Caller> basic =
      store.Authorize("Basic reader-token-0123456789", Role::kReader, "Query");
  EXPECT_TRUE(absl::IsUnauthenticated(basic.status()));
  EXPECT_THAT(basic.status().message(), Not(HasSubstr("reader-token")));
}

TEST(TokenStoreTest, RejectsBadFilesNamingTheLineOnly) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"secret-secret-secret-1 reader\n", "f:1: expected 'TOKEN ROLE NAME'"},
      {"short reader someone\n", "f:1: token shorter than 16 bytes"},
      {"\nsecret-secret-secret-1 root someone\n",
       "f:2: unknown role 'root' (expected reader, writer or admin)"},
      {"secret-secret-secret-1 reader a\nsecret-secret-secret-1 admin b\n",
       "f:2: the same token appears twice"},
      {"# nothing\n", "f: no tokens"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<TokenStore> store = TokenStore::Parse(c.text, "f");
    EXPECT_TRUE(absl::IsInvalidArgument(store.status())) << c.text;
    EXPECT_EQ(store.status().message(), c.message);
    EXPECT_THAT(store.status().message(), Not(HasSubstr("secret")));
  }
  EXPECT_TRUE(absl::IsNotFound(TokenStore::Load("/nonexistent/tokens").status()));
}

TEST(TokenStoreTest, RolesNest) {
  EXPECT_TRUE(RoleAllows(Role::kAdmin, Role::kWriter));
  EXPECT_TRUE(RoleAllows(Role::kWriter, Role::kReader));
  EXPECT_FALSE(RoleAllows(Role::kReader, Role::kWriter));
  EXPECT_FALSE(RoleAllows(Role::kWriter, Role::kAdmin));
}

TEST(ConstantTimeEqualsTest, ComparesWholeStrings) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcabc"));
  EXPECT_FALSE(ConstantTimeEquals("abcabc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("", "abc"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
}

}  // namespace
}  // namespace kg::security
