// Session and form secrets: random hex tokens, SHA-256 of a token, a constant-time compare,
// and Argon2id password hashes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "web/password.h"
#include "web/tokens.h"

namespace ringback::web {
namespace {

using ::testing::MatchesRegex;
using ::testing::StartsWith;

TEST(RandomToken, IsLowerCaseHexOfTwiceTheByteCount) {
  EXPECT_THAT(RandomToken(), MatchesRegex("[0-9a-f]{64}"));
  EXPECT_THAT(RandomToken(16), MatchesRegex("[0-9a-f]{32}"));
  EXPECT_THAT(RandomToken(1), MatchesRegex("[0-9a-f]{2}"));
}

TEST(RandomToken, NeverRepeats) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) seen.insert(RandomToken());
  EXPECT_EQ(seen.size(), 1000u);
}

TEST(Sha256Hex, MatchesTheStandardVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Hex, TakesEveryByteIntoAccount) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(Sha256Hex(with_nul), Sha256Hex("a"));
  EXPECT_THAT(Sha256Hex(with_nul), MatchesRegex("[0-9a-f]{64}"));
}

TEST(ConstantTimeEquals, ComparesWholeStrings) {
  const std::string token = RandomToken();
  EXPECT_TRUE(ConstantTimeEquals(token, std::string(token)));
  std::string last_differs = token;
  last_differs.back() = last_differs.back() == '0' ? '1' : '0';
  EXPECT_FALSE(ConstantTimeEquals(token, last_differs));
  EXPECT_FALSE(ConstantTimeEquals(token, token.substr(0, 63))) << "a prefix is not the token";
  EXPECT_FALSE(ConstantTimeEquals(token.substr(0, 63), token));
  EXPECT_FALSE(ConstantTimeEquals(token, token + "0"));
}

TEST(ConstantTimeEquals, EmptyNeverMatches) {
  // A request with no CSRF token must not pass against a session or form without one.
  EXPECT_FALSE(ConstantTimeEquals("", ""));
  EXPECT_FALSE(ConstantTimeEquals("", RandomToken()));
  EXPECT_FALSE(ConstantTimeEquals(RandomToken(), ""));
}

// Argon2id takes tens of milliseconds a hash: two hashes for the whole suite.
class PasswordTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    StatusOr<std::string> a = HashPassword(kPassword);
    StatusOr<std::string> b = HashPassword(kPassword);
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    ASSERT_TRUE(b.ok()) << b.status().ToString();
    first_ = *a;
    second_ = *b;
  }
  static constexpr const char* kPassword = "correct horse battery staple";
  static std::string first_, second_;
};
std::string PasswordTest::first_, PasswordTest::second_;

TEST_F(PasswordTest, HashIsAnArgon2idPhcString) {
  EXPECT_THAT(first_, StartsWith("$argon2id$v=19$"));
  EXPECT_EQ(first_.find(kPassword), std::string::npos) << "the password is not in the hash";
}

TEST_F(PasswordTest, VerifiesTheRightPasswordOnly) {
  EXPECT_TRUE(VerifyPassword(kPassword, first_));
  EXPECT_TRUE(VerifyPassword(kPassword, second_));
  EXPECT_FALSE(VerifyPassword("correct horse battery stapler", first_));
  EXPECT_FALSE(VerifyPassword("Correct horse battery staple", first_));
  EXPECT_FALSE(VerifyPassword("", first_));
}

TEST_F(PasswordTest, TwoHashesOfOnePasswordDiffer) {
  EXPECT_NE(first_, second_) << "each hash has its own salt";
}

TEST_F(PasswordTest, MalformedOrEmptyHashNeverVerifies) {
  EXPECT_FALSE(VerifyPassword(kPassword, ""));
  EXPECT_FALSE(VerifyPassword("", ""));
  EXPECT_FALSE(VerifyPassword(kPassword, "$argon2id$"));
  EXPECT_FALSE(VerifyPassword(kPassword, "$argon2id$v=19$m=19456,t=2,p=1$garbage"));
  EXPECT_FALSE(VerifyPassword(kPassword, first_.substr(0, first_.size() - 4)));
  EXPECT_FALSE(VerifyPassword(kPassword, kPassword)) << "a password stored in clear is not a hash";
  std::string argon2i = first_;
  argon2i.replace(0, 10, "$argon2i$");
  EXPECT_FALSE(VerifyPassword(kPassword, argon2i)) << "only Argon2id hashes are accepted";
}

TEST_F(PasswordTest, DecoyHashIsAHashThatOrdinaryPasswordsDoNotMatch) {
  EXPECT_THAT(DecoyHash(), StartsWith("$argon2id$"));
  EXPECT_FALSE(VerifyPassword(kPassword, DecoyHash()));
  EXPECT_FALSE(VerifyPassword("", DecoyHash()));
  EXPECT_EQ(&DecoyHash(), &DecoyHash()) << "hashed once per process";
}

}  // namespace
}  // namespace ringback::web
