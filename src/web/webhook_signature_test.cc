// The signature checks of the webhooks against values computed by Twilio's own Node helper
// library (twilio 6.3.1: getExpectedTwilioSignature, getExpectedBodyHash, validateRequest) and
// Node's crypto for the form hook's HMAC-SHA256. The end-to-end tests (tests/hooks/) sign live
// requests with the same library.
#include <gtest/gtest.h>

#include "web/tokens.h"
#include "web/webhook_signature.h"

namespace ringback::web {
namespace {

// The example of Twilio's security documentation: auth token 12345.
const FormParams kDocParams = {{"CallSid", "CA1234567890ABCDE"}, {"Caller", "+12349013030"}, {"Digits", "1234"},
                               {"From", "+12349013030"}, {"To", "+18005551212"}};
constexpr const char* kDocUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

TEST(TwilioSignature, MatchesTwilioDocumentationExample) {
  EXPECT_EQ(TwilioSignature("12345", kDocUrl, kDocParams), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
  EXPECT_TRUE(ValidTwilioSignature("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", kDocUrl, kDocParams));
}

TEST(TwilioSignature, ParametersAreSortedByNameWhateverTheOrderSent) {
  FormParams reversed(kDocParams.rbegin(), kDocParams.rend());
  EXPECT_EQ(TwilioSignature("12345", kDocUrl, reversed), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
}

TEST(TwilioSignature, ARepeatedNameSignsEachDistinctValueSorted) {
  // twilio-node: {b: ['2', '1', '2'], a: 'x y'} -> "a" "x y" "b" "1" "b" "2".
  EXPECT_EQ(TwilioSignature("12345", "https://example.com/hook", {{"b", "2"}, {"a", "x y"}, {"b", "1"}, {"b", "2"}}),
            "odojO8Gsi+6OzOdgXcXimjz80QU=");
}

TEST(TwilioSignature, OneChangedByteOrAnotherTokenFails) {
  const std::string good = "0/KCTR6DLpKmkAf8muzZqo1nDgQ=";
  FormParams changed = kDocParams;
  changed[2].second = "1235";
  EXPECT_FALSE(ValidTwilioSignature("12345", good, kDocUrl, changed));
  EXPECT_FALSE(ValidTwilioSignature("12346", good, kDocUrl, kDocParams));
  EXPECT_FALSE(ValidTwilioSignature("12345", good, "https://mycompany.com/myapp.php?foo=1&bar=3", kDocParams));
  std::string flipped = good;
  flipped[5] = flipped[5] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(ValidTwilioSignature("12345", flipped, kDocUrl, kDocParams));
  EXPECT_FALSE(ValidTwilioSignature("12345", "", kDocUrl, kDocParams));
  EXPECT_FALSE(ValidTwilioSignature("", good, kDocUrl, kDocParams));
}

TEST(TwilioSignature, ValuesAreNotTrimmed) {
  FormParams padded = kDocParams;
  padded[2].second = "1234 ";
  EXPECT_FALSE(ValidTwilioSignature("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", kDocUrl, padded));
}

TEST(TwilioSignature, TheUrlIsAcceptedWithAndWithoutTheDefaultPort) {
  // Signed over https://mycompany.com:443/... (twilio-node): the configured URL has no port.
  EXPECT_TRUE(ValidTwilioSignature("12345", "EpDEmp1PyjDYp77YxYU3GILBWzE=", kDocUrl, kDocParams));
  // Signed without the port, configured with it.
  EXPECT_TRUE(ValidTwilioSignature("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=",
                                   "https://mycompany.com:443/myapp.php?foo=1&bar=2", kDocParams));
  // Another path is not the same URL.
  EXPECT_FALSE(ValidTwilioSignature("12345", "EpDEmp1PyjDYp77YxYU3GILBWzE=",
                                    "https://mycompany.com/other.php?foo=1&bar=2", kDocParams));
}

TEST(TwilioSignature, CandidatesFollowTwilioNode) {
  const std::vector<std::string> urls = TwilioSignedUrlCandidates("https://Example.com/hook?name=O'Brien&x=a b");
  ASSERT_GE(urls.size(), 4u);
  EXPECT_EQ(urls[0], "https://Example.com/hook?name=O'Brien&x=a b");  // as received, no port
  EXPECT_EQ(urls[1], "https://Example.com:443/hook?name=O'Brien&x=a b");
  // As new URL() writes it (twilio-node printed "https://example.com/hook?name=O%27Brien&x=a%20b").
  EXPECT_NE(std::find(urls.begin(), urls.end(), "https://example.com/hook?name=O%27Brien&x=a%20b"), urls.end());
  EXPECT_NE(std::find(urls.begin(), urls.end(), "https://example.com:443/hook?name=O%27Brien&x=a%20b"), urls.end());
  EXPECT_EQ(TwilioSignedUrlCandidates("http://h.test:8080/a")[0], "http://h.test/a");
  EXPECT_EQ(TwilioSignedUrlCandidates("http://h.test:8080/a")[1], "http://h.test:8080/a");
  EXPECT_EQ(TwilioSignedUrlCandidates("http://h.test/a")[1], "http://h.test:80/a");
}

TEST(TwilioSignature, ALegacyQuerystringSignatureIsAccepted) {
  // twilio-node: querystring.stringify(querystring.parse(...)) of the normalized URL gives
  // "https://example.com/hook?1=y&2=z&b=1&a=O'Brien" (array-index names first), signed as below.
  EXPECT_TRUE(ValidTwilioSignature("12345", "6BJUfyHgXSQ6YwMVZtEVLChm0tM=",
                                   "https://example.com/hook?b=1&a=O'Brien&2=z&1=y", {}));
}

TEST(TwilioSignature, AJsonBodyIsCoveredByBodySha256) {
  const std::string body = R"({"a":1})";
  const std::string url =
      "https://example.com/hook?bodySHA256=015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862";
  EXPECT_TRUE(ValidTwilioBodySignature("12345", "2e7mH/NA6FwzvUqLZxhsETU/4bw=", url, body));
  EXPECT_FALSE(ValidTwilioBodySignature("12345", "2e7mH/NA6FwzvUqLZxhsETU/4bw=", url, R"({"a":2})"));
  EXPECT_FALSE(ValidTwilioBodySignature("12346", "2e7mH/NA6FwzvUqLZxhsETU/4bw=", url, body));
  EXPECT_FALSE(ValidTwilioBodySignature("12345", "2e7mH/NA6FwzvUqLZxhsETU/4bw=", "https://example.com/hook", body));
}

TEST(FormBody, DecodesAsBrowsersAndTwilioEncode) {
  const FormParams p = ParseFormBody("Body=Hi+there%21%20%C3%A9&From=%2B15125550142&empty=&flag&&bad=%zz%4");
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0], (std::pair<std::string, std::string>{"Body", "Hi there! \xC3\xA9"}));
  EXPECT_EQ(p[1].second, "+15125550142");
  EXPECT_EQ(p[2], (std::pair<std::string, std::string>{"empty", ""}));
  EXPECT_EQ(p[3], (std::pair<std::string, std::string>{"flag", ""}));
  EXPECT_EQ(p[4].second, "%zz%4");
  EXPECT_EQ(QueryParam("https://x.test/h?a=1&bodySHA256=abc%20d", "bodySHA256"), "abc d");
  EXPECT_EQ(QueryParam("https://x.test/h", "a"), "");
}

TEST(FormSignature, IsHexHmacSha256OfTheRawBody) {
  // Node: crypto.createHmac('sha256', 'formsecret').update('{"name":"Jane"}').digest('hex').
  const std::string expected = "sha256=519cfcdfcd307bb960707fdcbd5708a117aeaefc4de952740bdc65508f2f14a5";
  EXPECT_EQ(FormSignature("formsecret", R"({"name":"Jane"})"), expected);
  EXPECT_TRUE(ValidFormSignature("formsecret", expected, R"({"name":"Jane"})"));
  EXPECT_TRUE(ValidFormSignature("formsecret", "SHA256=519CFCDFCD307BB960707FDCBD5708A117AEAEFC4DE952740BDC65508F2F14A5",
                                 R"({"name":"Jane"})"));
  EXPECT_FALSE(ValidFormSignature("formsecret", expected, R"({"name":"Jand"})"));
  EXPECT_FALSE(ValidFormSignature("formsecreT", expected, R"({"name":"Jane"})"));
  EXPECT_FALSE(ValidFormSignature("formsecret", expected.substr(7), R"({"name":"Jane"})"));  // no "sha256="
  EXPECT_FALSE(ValidFormSignature("", FormSignature("", "x"), "x"));
}

TEST(ConstantTime, ComparesWholeStringsOnly) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("", ""));  // an empty secret never matches
}

}  // namespace
}  // namespace ringback::web
