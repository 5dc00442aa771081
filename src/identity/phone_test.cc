// Phone numbers and email addresses as contact handles.
#include <gtest/gtest.h>

#include <string>

#include "identity/phone.h"

namespace ringback {
namespace {

TEST(ParsePhone, LocalNumberWithPunctuation) {
  PhoneNumber p = ParsePhone("(512) 555-0142", "US");
  EXPECT_TRUE(p.ok());
  EXPECT_EQ(p.e164, "+15125550142");
  EXPECT_EQ(p.extension, "");
  EXPECT_EQ(p.error, "");
}

TEST(ParsePhone, EveryCommonSpellingGivesTheSameNumber) {
  for (const char* raw : {"512-555-0142", "512.555.0142", "5125550142", "+1 512 555 0142",
                          "1 (512) 555-0142", "+15125550142", "  (512) 555-0142  "}) {
    PhoneNumber p = ParsePhone(raw, "US");
    EXPECT_EQ(p.e164, "+15125550142") << raw << ": " << p.error;
  }
}

// Found by fuzz/phone_fuzz.cc (tests/fuzz/phone/mexico-mobile-one): the E.164 of a number
// written locally with Mexico's old mobile "1" read back as another number, so the same
// person had two phones depending on how each export wrote it.
TEST(ParsePhone, TheE164ReadsBackAsItself) {
  const PhoneNumber local = ParsePhone("1-1-495-352-9377", "MX");
  ASSERT_TRUE(local.ok()) << local.error;
  EXPECT_EQ(local.e164, ParsePhone("+52 1 495 352 9377", "US").e164);
  EXPECT_EQ(ParsePhone(local.e164, "MX").e164, local.e164);
}

// ParsePhone skips the read-back for North American numbers: each valid one, from every
// area code and in the ways people write it, must read back as itself.
TEST(ParsePhone, NorthAmericanNumbersReadBackAsThemselves) {
  int valid = 0;
  for (int area = 200; area <= 999; ++area) {
    for (const char* rest : {"212-1234", "555-0142", "867-5309"}) {
      const std::string local = std::to_string(area) + "-" + rest;
      for (const std::string& raw : {local, "1 " + local, "+1 " + local}) {
        const PhoneNumber p = ParsePhone(raw, "CA");
        if (!p.ok()) continue;
        ++valid;
        EXPECT_EQ(ParsePhone(p.e164, "MX").e164, p.e164) << raw;
        EXPECT_EQ(ParsePhone(p.e164 + " ", "US").e164, p.e164) << raw;  // another text, parsed afresh
      }
    }
  }
  EXPECT_GT(valid, 1000);
}

// Found by fuzz/phone_fuzz.cc (tests/fuzz/phone/mailto-any-case): "Mailto:" was kept, so the
// address normalized to "mailto:jane@…", which normalizes again to another address.
TEST(NormalizeEmail, AMailtoPrefixInAnyCaseIsDropped) {
  EXPECT_EQ(NormalizeEmail("Mailto:Jane@Example.COM"), "jane@example.com");
  EXPECT_EQ(NormalizeEmail("mAilto:jane@example.com"), "jane@example.com");
  // A link pasted into a mailto: field twice: one address, however many prefixes.
  EXPECT_EQ(NormalizeEmail("mailto:MAILTO:jane@example.com"), "jane@example.com");
}

TEST(ParsePhone, KeepsTheExtensionApart) {
  PhoneNumber p = ParsePhone("512.555.0142 x12", "US");
  ASSERT_TRUE(p.ok()) << p.error;
  EXPECT_EQ(p.e164, "+15125550142");
  EXPECT_EQ(p.extension, "12");
}

TEST(ParsePhone, AreaCode555IsNotAValidNumber) {
  PhoneNumber p = ParsePhone("+1 (555) 123-4567", "US");
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(p.e164, "");
  EXPECT_FALSE(p.error.empty());
}

TEST(ParsePhone, VanityLettersAreDialledAsDigits) {
  PhoneNumber p = ParsePhone("1-800-FLOWERS", "US");
  ASSERT_TRUE(p.ok()) << p.error;
  EXPECT_EQ(p.e164, "+18003569377");
}

TEST(ParsePhone, TooShortIsAnError) {
  PhoneNumber p = ParsePhone("12345", "US");
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(p.e164, "");
  EXPECT_EQ(p.error, "wrong length");
}

TEST(ParsePhone, EmptyAndBlankAreErrors) {
  for (const char* raw : {"", "   ", "\t"}) {
    PhoneNumber p = ParsePhone(raw, "US");
    EXPECT_FALSE(p.ok()) << '"' << raw << '"';
    EXPECT_EQ(p.error, "empty") << '"' << raw << '"';
  }
}

TEST(ParsePhone, CallerIdTextWithoutDigitsIsNotAPhoneNumber) {
  for (const char* raw : {"Anonymous", "WIRELESS CALLER", "Restricted", "jane@example.com"}) {
    PhoneNumber p = ParsePhone(raw, "US");
    EXPECT_FALSE(p.ok()) << raw;
    EXPECT_EQ(p.error, "not a phone number") << raw;
  }
}

TEST(ParsePhone, InternationalNumberWithPlusIgnoresTheRegion) {
  PhoneNumber p = ParsePhone("+44 20 7946 0958", "US");
  ASSERT_TRUE(p.ok()) << p.error;
  EXPECT_EQ(p.e164, "+442079460958");
}

TEST(FormatPhoneForDisplay, NationalFormatForTheCompanyRegion) {
  EXPECT_EQ(FormatPhoneForDisplay("+15125550142", "US"), "(512) 555-0142");
}

TEST(FormatPhoneForDisplay, InternationalFormatForOtherRegions) {
  EXPECT_EQ(FormatPhoneForDisplay("+442079460958", "US"), "+44 20 7946 0958");
  EXPECT_EQ(FormatPhoneForDisplay("+15125550142", "GB"), "+1 512-555-0142");
}

TEST(FormatPhoneForDisplay, LeavesUnparseableTextAsItIs) {
  EXPECT_EQ(FormatPhoneForDisplay("Anonymous", "US"), "Anonymous");
}

TEST(MaskPhone, KeepsOnlyTheLastFourDigits) {
  EXPECT_EQ(MaskPhone("+15125550142"), "***-***-0142");
  EXPECT_EQ(MaskPhone("(512) 555-0199"), "***-***-0199");
  const std::string masked = MaskPhone("+15125550142");
  EXPECT_EQ(masked.find("512"), std::string::npos);
  EXPECT_EQ(masked.find("555"), std::string::npos);
}

TEST(MaskPhone, ShortOrEmptyInputRevealsNothing) {
  EXPECT_EQ(MaskPhone(""), "***");
  EXPECT_EQ(MaskPhone("+12"), "***");
}

TEST(NormalizeEmail, TakesTheAddressOutOfANameAndLowerCasesIt) {
  EXPECT_EQ(NormalizeEmail("Jane Doe <Jane@Example.com>"), "jane@example.com");
  EXPECT_EQ(NormalizeEmail("\"Doe, Jane\" <jane.doe@example.org>"), "jane.doe@example.org");
}

TEST(NormalizeEmail, TrimsAndLowerCasesBareAddresses) {
  EXPECT_EQ(NormalizeEmail("  JANE@EXAMPLE.COM \r\n"), "jane@example.com");
  EXPECT_EQ(NormalizeEmail("mailto:Jane@Example.net"), "jane@example.net");
  EXPECT_EQ(NormalizeEmail("jane+roof@example.com"), "jane+roof@example.com");
}

TEST(NormalizeEmail, JunkGivesAnEmptyString) {
  for (const char* junk : {"", "   ", "not an email", "jane@", "@example.com", "jane@example",
                           "jane@example.", "jane@.com", "a@b@example.com", "jane doe@example.com",
                           "jane@example.com, bob@example.com", "N/A", "none"}) {
    EXPECT_EQ(NormalizeEmail(junk), "") << '"' << junk << '"';
  }
}

// A cell of thousands of digits is refused before the parser (whose time grows faster than the
// text): no number people write is that long.
TEST(ParsePhone, TextLongerThanAnyNumberIsRefusedAtOnce) {
  const PhoneNumber p = ParsePhone(std::string(20000, '5'), "US");
  EXPECT_FALSE(p.ok());
  EXPECT_EQ(p.error, "too long for a phone number");
  EXPECT_TRUE(ParsePhone("+1 (512) 555-0142 extension 1234", "US").ok())
      << "a number as people write it, extension and all";
}

// Parsing is remembered per text and region: the same text always gives the same answer.
TEST(ParsePhone, RepeatedTextsGiveTheSameAnswer) {
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(ParsePhone("512-555-0142", "US").e164, "+15125550142");
    EXPECT_EQ(ParsePhone("512-555-0142", "GB").e164, "") << "another region reads it otherwise";
  }
}

TEST(Handles, PrefixTheSchemes) {
  EXPECT_EQ(PhoneHandle("+15125550142"), "tel:+15125550142");
  EXPECT_EQ(EmailHandle("jane@example.com"), "mailto:jane@example.com");
}

}  // namespace
}  // namespace ringback
