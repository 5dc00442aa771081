// Sanitizing for reports that leave the office.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "identity/sanitize.h"

namespace ringback {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(Initials, OneLetterPerWordWithDots) {
  EXPECT_EQ(Initials("Jane Q. Doe"), "J.Q.D.");
  EXPECT_EQ(Initials("jane doe"), "J.D.");
  EXPECT_EQ(Initials("  Glenn   Harper "), "G.H.");
  EXPECT_EQ(Initials("Cher"), "C.");
}

TEST(Initials, NothingForEmptyOrNonNames) {
  EXPECT_EQ(Initials(""), "");
  EXPECT_EQ(Initials("   "), "");
  EXPECT_EQ(Initials("(512) 555-0142"), "");
}

TEST(ScrubText, RemovesEmails) {
  const std::string out = ScrubText("write to Jane.Doe@example.com please");
  EXPECT_EQ(out, "write to [email] please");
}

TEST(ScrubText, RemovesPhonesInTheUsualSpellings) {
  for (const char* phone : {"512-555-0142", "(512) 555-0142", "512.555.0142", "5125550142",
                            "+1 512 555 0142", "1-512-555-0142"}) {
    const std::string out = ScrubText(std::string("call me at ") + phone + " thanks");
    EXPECT_EQ(out, "call me at [phone] thanks") << phone;
  }
}

TEST(ScrubText, RemovesStreetAddresses) {
  const std::string out = ScrubText("We're at 1234 Oak Hollow Dr, Austin.");
  EXPECT_THAT(out, HasSubstr("[address]"));
  EXPECT_THAT(out, Not(HasSubstr("1234")));
  EXPECT_THAT(out, Not(HasSubstr("Oak Hollow")));
  EXPECT_THAT(out, HasSubstr("Austin"));
  EXPECT_EQ(ScrubText("2208 Prairie Dove Ln"), "[address]");
}

TEST(ScrubText, RemovesEverythingInOneMessage) {
  const std::string in =
      "Hi, this is Jane. Roof leaking at 5308 Whitetail Cove. Call 512-555-0176 or email "
      "glenn.harper@example.com.";
  const std::string out = ScrubText(in);
  EXPECT_THAT(out, Not(HasSubstr("555-0176")));
  EXPECT_THAT(out, Not(HasSubstr("@")));
  EXPECT_THAT(out, Not(HasSubstr("5308")));
  EXPECT_THAT(out, HasSubstr("Roof leaking"));
  EXPECT_THAT(out, HasSubstr("[phone]"));
  EXPECT_THAT(out, HasSubstr("[email]"));
  EXPECT_THAT(out, HasSubstr("[address]"));
}

TEST(ScrubText, LeavesOrdinaryTextAlone) {
  const std::string in = "AC quit at the end of summer, about 20 years old. 2 units, 3 tons.";
  EXPECT_EQ(ScrubText(in), in);
  EXPECT_EQ(ScrubText(""), "");
}

TEST(ScrubName, ReplacesTheCallersOwnNameInAnyCase) {
  EXPECT_EQ(ScrubName("hi my name is teresa nakamura im calling about a roof", "Teresa Nakamura"),
            "hi my name is T. N. im calling about a roof");
  EXPECT_EQ(ScrubName("This is ANGELA. Angela's roof.", "Angela Ruiz"), "This is A.. A.'s roof.");
  // Whole words only: "Ruiz" does not touch "Ruizton"; one-letter words of the name are left.
  EXPECT_EQ(ScrubName("Ruizton Rd, J. Doe", "J Ruiz"), "Ruizton Rd, J. Doe");
  EXPECT_EQ(ScrubName("no name here", ""), "no name here");
}

TEST(ScrubIntroductions, ReducesTheCallersOwnNameToInitials) {
  EXPECT_EQ(ScrubIntroductions("hi my name is teresa nakamura im calling about a roof"),
            "hi my name is T. N. im calling about a roof");
  EXPECT_EQ(ScrubIntroductions("Hi this is Angela Ruiz. I need to cancel"), "Hi this is A. R.. I need to cancel");
  EXPECT_EQ(ScrubIntroductions("This is your final courtesy call"), "This is your final courtesy call");
  EXPECT_EQ(ScrubIntroductions("i'm calling about the quote"), "i'm calling about the quote");
  EXPECT_EQ(ScrubIntroductions("It's Dave from the blue house"), "It's D. from the blue house");
}

}  // namespace
}  // namespace ringback
