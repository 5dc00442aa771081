// Runs the classifier over tests/classify/labelled.jsonl: every stop must be found and no
// buyer wrongly stopped; overall accuracy is printed and held to a floor.
#include "classify/evaluation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <iostream>
#include <string>

#include "classify/json_lines.h"

namespace ringback::classify {
namespace {

std::vector<LabelledExample> LoadLabelled(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.is_open()) << path;
  std::vector<LabelledExample> out;
  std::string line;
  int line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    StatusOr<JsonLine> parsed = ParseJsonLine(line, true, nullptr);
    EXPECT_TRUE(parsed.ok()) << path << ":" << line_no << ": " << parsed.status().message();
    if (parsed.ok()) out.push_back(ToExample(*parsed));
  }
  return out;
}

std::shared_ptr<const Classifier> Default() {
  auto c = Classifier::Create(CompanyConfig{});
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? *c : nullptr;
}

TEST(LabelledSet, StopsAreAllFoundAndNeverInvented) {
  const auto examples = LoadLabelled(RINGBACK_SOURCE_DIR "/tests/classify/labelled.jsonl");
  ASSERT_GE(examples.size(), 300u);
  const auto classifier = Default();
  ASSERT_NE(classifier, nullptr);
  const EvalReport report = Evaluate(*classifier, examples);
  std::cout << FormatReport(report, true);
  EXPECT_EQ(report.StopRecall(), 1.0);
  EXPECT_EQ(report.FalseStops(), 0);
  EXPECT_GE(report.Accuracy(), 0.9);
}

TEST(LabelledSet, CoversEveryCategory) {
  const auto examples = LoadLabelled(RINGBACK_SOURCE_DIR "/tests/classify/labelled.jsonl");
  for (Category c : kEvalCategories) {
    int n = 0;
    for (const LabelledExample& ex : examples) n += ex.label == c ? 1 : 0;
    EXPECT_GE(n, 10) << CategoryName(c);
  }
}

// A classifier that always answers the same, to check the arithmetic of the report.
class Constant final : public Classifier {
 public:
  explicit Constant(Category c) : c_(c) {}
  Classification Classify(Channel, std::string_view, const ClassifyContext&) const override {
    Classification out;
    out.category = c_;
    return out;
  }

 private:
  Category c_;
};

std::vector<LabelledExample> Tiny() {
  std::vector<LabelledExample> v(4);
  v[0].label = Category::kStop;
  v[1].label = Category::kStop;
  v[2].label = Category::kEmergency;
  v[3].label = Category::kRoutine;
  for (std::size_t i = 0; i < v.size(); ++i) v[i].id = "t" + std::to_string(i);
  return v;
}

TEST(Evaluate, CountsMatrixPrecisionRecallAndFalseStops) {
  const EvalReport r = Evaluate(Constant(Category::kStop), Tiny());
  EXPECT_EQ(r.total, 4);
  EXPECT_EQ(r.correct, 2);
  EXPECT_DOUBLE_EQ(r.Accuracy(), 0.5);
  EXPECT_DOUBLE_EQ(r.StopRecall(), 1.0);
  EXPECT_EQ(r.FalseStops(), 2);
  EXPECT_FALSE(r.StopsSafe());
  EXPECT_DOUBLE_EQ(*r.Precision(Category::kStop), 0.5);
  EXPECT_FALSE(r.Precision(Category::kRoutine).has_value());
  EXPECT_DOUBLE_EQ(*r.Recall(Category::kEmergency), 0.0);
  EXPECT_EQ(r.mismatches.size(), 2u);
}

TEST(Evaluate, MissedStopFailsEvenWithNoFalseStop) {
  const EvalReport r = Evaluate(Constant(Category::kRoutine), Tiny());
  EXPECT_DOUBLE_EQ(r.StopRecall(), 0.0);
  EXPECT_EQ(r.FalseStops(), 0);
  EXPECT_FALSE(r.StopsSafe());
}

TEST(Evaluate, ReportNamesTheNumbersCiReads) {
  const std::string text = FormatReport(Evaluate(Constant(Category::kStop), Tiny()), true);
  EXPECT_NE(text.find("Confusion matrix"), std::string::npos);
  EXPECT_NE(text.find("Accuracy: 0.50 (2/4)"), std::string::npos);
  EXPECT_NE(text.find("Stop recall: 1.00 (2/2)"), std::string::npos);
  EXPECT_NE(text.find("False stops: 2"), std::string::npos);
  EXPECT_NE(text.find("t2: labelled emergency, got stop"), std::string::npos);
}

TEST(JsonLines, ReadsContextAndRejectsTypos) {
  nlohmann::json id;
  auto ok = ParseJsonLine(
      R"({"id":"a1","channel":"sms","text":"hi","label":"old_estimate",)"
      R"("context":{"estimate_age_days":45,"has_past_job":true,"calls_within_minutes":2}})",
      true, &id);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->context.estimate_age_days, 45);
  EXPECT_TRUE(ok->context.has_past_job);
  EXPECT_EQ(ok->label, Category::kOldEstimate);
  auto typo = ParseJsonLine(R"({"id":7,"channel":"sms","context":{"estimate_age":4}})", false,
                            &id);
  EXPECT_FALSE(typo.ok());
  EXPECT_EQ(id, 7);  // the id is still known for the error line
  // An unknown channel is a warning: the text is still classified, as sms.
  auto fax = ParseJsonLine(R"({"id":"x","channel":"fax","text":"roof leak"})", false, nullptr);
  ASSERT_TRUE(fax.ok());
  EXPECT_EQ(fax->channel, Channel::kSms);
  EXPECT_THAT(fax->warning, testing::HasSubstr("unknown channel \"fax\""));
  auto alias = ParseJsonLine(R"({"id":"y","channel":"GBP","text":"hi"})", false, nullptr);
  ASSERT_TRUE(alias.ok());
  EXPECT_EQ(alias->channel, Channel::kProfile);
  EXPECT_TRUE(alias->warning.empty());
  EXPECT_FALSE(ParseJsonLine("{not json", false, nullptr).ok());
  EXPECT_FALSE(ParseJsonLine(R"({"id":"x","channel":"sms","label":"duplicate"})", true, nullptr)
                   .ok());
}

}  // namespace
}  // namespace ringback::classify
