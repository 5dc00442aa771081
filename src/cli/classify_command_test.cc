// `ringback classify`: one result line per input line, in input order, whatever the number of
// threads; unreadable lines answered in place; warnings on stderr.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "cli/classify_command.h"
#include "cli/commands.h"

namespace ringback::cli {
namespace {

using ::testing::HasSubstr;

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

Outcome Classify(const std::vector<std::string>& args, const std::string& input) {
  std::istringstream in(input);
  std::ostringstream out, err;
  Outcome r;
  r.code = ClassifyCommand(args, CompanyConfig{}, in, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

// A mix of what offices send, with a broken line, a blank one and an unknown channel among them.
std::string Input(int lines) {
  const std::vector<std::string> texts = {
      "water coming through the ceiling right now", "STOP", "how much for a new roof?",
      "you installed our furnace last year and it stopped working",
      "we got your quote back in march, still interested", "is the crew still coming at 2?",
      "we can get you 50 leads a month for $99", ""};
  std::string input;
  for (int i = 0; i < lines; ++i) {
    if (i % 97 == 5) {
      input += "{\"id\": \"broken\", \"channel\": \n";  // not JSON
      continue;
    }
    if (i % 89 == 7) {
      input += "   \n";  // blank: skipped
      continue;
    }
    const std::string channel = i % 101 == 9 ? "pigeon" : (i % 2 ? "sms" : "voicemail");
    input += nlohmann::json{{"id", "m" + std::to_string(i)},
                            {"channel", channel},
                            {"text", texts[i % texts.size()]}}
                 .dump() +
             "\n";
  }
  return input;
}

TEST(ClassifyCommand, EveryThreadCountWritesTheSameLinesInInputOrder) {
  const std::string input = Input(5000);  // more than the lines read ahead of the output
  const Outcome one = Classify({"--jobs", "1"}, input);
  ASSERT_EQ(one.code, kExitOk) << one.err;
  std::istringstream lines(one.out);
  std::string line;
  int n = 0, errors = 0;
  while (std::getline(lines, line)) {
    const nlohmann::json j = nlohmann::json::parse(line);
    if (j.contains("error")) ++errors;
    ++n;
  }
  EXPECT_EQ(n, 5000 - 57);  // blank lines give no output line
  EXPECT_EQ(errors, 52);
  EXPECT_THAT(one.out, HasSubstr("{\"id\":\"m0\",\"category\":\"emergency\""));
  EXPECT_THAT(one.err, HasSubstr("classify: line 10: unknown channel \"pigeon\""));
  EXPECT_THAT(one.err, HasSubstr("classify: 52 line(s) could not be read"));
  for (const char* jobs : {"2", "3", "8"}) {
    const Outcome many = Classify({"--jobs", jobs}, input);
    EXPECT_EQ(many.code, kExitOk);
    EXPECT_EQ(many.out, one.out) << "--jobs " << jobs;
    EXPECT_EQ(many.err, one.err) << "--jobs " << jobs;
  }
  const Outcome by_default = Classify({}, input);
  EXPECT_EQ(by_default.out, one.out);
}

TEST(ClassifyCommand, JobsMustBeAPositiveNumber) {
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--jobs", "0"}, {"--jobs", "many"}, {"--jobs"}, {"--jobs=-1"}}) {
    const Outcome r = Classify(args, "");
    EXPECT_EQ(r.code, kExitUsage) << args.back();
    EXPECT_THAT(r.err, HasSubstr("--jobs")) << args.back();
  }
  EXPECT_EQ(Classify({"--jobs=2"}, "").code, kExitOk);
}

}  // namespace
}  // namespace ringback::cli
