// The arithmetic of the evaluation report and the gate, and the JSON lines it reads. The
// corpus itself (tests/cases/classify) is run by `ringback eval` as the classify_corpus test.
#include "classify/evaluation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "classify/json_lines.h"

namespace ringback::classify {
namespace {

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

// A long message quoted in the list of mistakes is cut at 90 bytes, never inside a character:
// the report stays valid UTF-8 for whatever reads it.
TEST(Evaluate, AMistakeQuotedShortIsStillValidUtf8) {
  std::vector<LabelledExample> v = Tiny();
  v[2].text = std::string(89, 'a') + "\xc3\xb1o pasado les dije que no";  // "ñ" across byte 90
  const std::string text = FormatReport(Evaluate(Constant(Category::kStop), v), true);
  const std::size_t at = text.find(std::string(89, 'a'));
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(text.substr(at + 89, 4), "...\"") << "the two-byte letter is dropped whole";
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
  EXPECT_EQ(ok->labels, std::vector<Category>{Category::kOldEstimate});
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

TEST(JsonLines, ReadsTheCorpusSchema) {
  auto ok = ParseJsonLine(
      R"({"id":"D-SMS-0001","channel":"sms","text":"the quote from May","labels":["old_estimate",)"
      R"("active_estimate"],"family":"past_quote_by_time","trade":"roofing","lang":"spanglish",)"
      R"("note":"either","context":{"received_at":"2026-11-17"}})",
      true, nullptr);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  const LabelledExample ex = ToExample(*ok);
  EXPECT_EQ(ex.label, Category::kOldEstimate);
  EXPECT_TRUE(ex.Accepts(Category::kActiveEstimate));
  EXPECT_FALSE(ex.Accepts(Category::kStop));
  EXPECT_EQ(ex.family, "past_quote_by_time");
  EXPECT_EQ(ex.trade, "roofing");
  EXPECT_EQ(ex.lang, "spanglish");
  ASSERT_TRUE(ex.context.received_at.has_value());
  EXPECT_EQ(FormatUtc(*ex.context.received_at), "2026-11-17T12:00:00Z");
  // A family, trade or language outside the shared lists is a typo, not a new slice.
  EXPECT_FALSE(ParseJsonLine(R"({"id":"a","channel":"sms","labels":["stop"],"family":"stops"})",
                             true, nullptr).ok());
  EXPECT_FALSE(ParseJsonLine(R"({"id":"a","channel":"sms","labels":["stop"],"trade":"solar"})",
                             true, nullptr).ok());
  EXPECT_FALSE(ParseJsonLine(R"({"id":"a","channel":"sms","labels":[]})", true, nullptr).ok());
  EXPECT_FALSE(ParseJsonLine(R"({"id":"a","channel":"sms","labels":["stop","spam","routine"]})",
                             true, nullptr).ok());
  EXPECT_FALSE(ParseJsonLine(R"({"id":"a","channel":"sms","labels":["stop"],)"
                             R"("context":{"received_at":"May 5"}})", true, nullptr).ok());
}

std::vector<LabelledExample> Families() {
  std::vector<LabelledExample> v(5);
  v[0].label = Category::kWarranty;
  v[0].also = {Category::kEmergency};
  v[0].family = "past_work_failing";
  v[1].label = Category::kRoutine;
  v[1].family = "job_logistics";
  v[2].label = Category::kEmergency;
  v[2].family = "plain_urgency";
  v[3].label = Category::kSpam;
  v[3].family = "solicitation";
  v[4].label = Category::kOldEstimate;
  v[4].family = "past_quote_by_time";
  for (std::size_t i = 0; i < v.size(); ++i) v[i].id = "f" + std::to_string(i);
  return v;
}

TEST(Evaluate, EitherLabelIsRightAndCountsInTheRowPredicted) {
  const EvalReport r = Evaluate(Constant(Category::kEmergency), Families());
  EXPECT_EQ(r.correct, 2);  // f0 accepts emergency, f2 is one
  EXPECT_EQ(r.Labelled(Category::kEmergency), 2);
  EXPECT_EQ(r.Labelled(Category::kWarranty), 0);
  EXPECT_DOUBLE_EQ(r.by_family.at("past_work_failing").Recall(), 1.0);
  EXPECT_DOUBLE_EQ(r.by_family.at("job_logistics").Recall(), 0.0);
}

TEST(Gate, NamesEachFloorMissed) {
  const std::vector<std::string> failures =
      GateFailures(Evaluate(Constant(Category::kEmergency), Families()));
  auto has = [&](const std::string& s) {
    return std::any_of(failures.begin(), failures.end(),
                       [&](const std::string& f) { return f.find(s) != std::string::npos; });
  };
  EXPECT_TRUE(has("accuracy 0.40 < 0.92"));
  EXPECT_TRUE(has("family job_logistics recall 0.00 < 0.90"));
  EXPECT_TRUE(has("family solicitation recall 0.00"));
  EXPECT_FALSE(has("family past_work_failing"));
  EXPECT_FALSE(has("stop"));
}

TEST(Gate, AFamilyWithNoCaseCannotPass) {
  std::vector<LabelledExample> v = Families();
  v.pop_back();
  class Oracle final : public Classifier {
   public:
    Classification Classify(Channel, std::string_view text, const ClassifyContext&) const override {
      Classification c;
      c.category = *ParseCategory(text);
      return c;
    }
  } oracle;
  for (LabelledExample& ex : v) ex.text = std::string(CategoryName(ex.label));
  const std::vector<std::string> failures = GateFailures(Evaluate(oracle, v));
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0], "family past_quote_by_time: no cases");
}

TEST(Markdown, ShowsBothPartsAndNoHeldOutCase) {
  std::vector<LabelledExample> held = Families();
  held[1].text = "gate code is 4412";
  const std::string md = FormatMarkdown(Evaluate(Constant(Category::kStop), Tiny()),
                                        Evaluate(Constant(Category::kEmergency), held));
  EXPECT_NE(md.find("## Held-out part"), std::string::npos);
  EXPECT_NE(md.find("## Development part"), std::string::npos);
  EXPECT_NE(md.find("| accuracy | 0.40 (2/5) |"), std::string::npos);
  EXPECT_NE(md.find("| job_logistics | 1 | 0 | 0.00 |"), std::string::npos);
  EXPECT_NE(md.find("Now: not met"), std::string::npos);
  EXPECT_EQ(md.find("gate code"), std::string::npos);
  EXPECT_EQ(md.find("f1"), std::string::npos);
  const std::string none = FormatMarkdown(Evaluate(Constant(Category::kStop), Tiny()), {});
  EXPECT_NE(none.find("No held-out cases"), std::string::npos);
}

}  // namespace
TEST(Gate, AFloorFileSetsEachFigureAndNamesItsMistakes) {
  StatusOr<Gate> g = ParseGate(
      "# reached\naccuracy 0.85\nstop_recall 0.93\nfalse_stops 4\n\nfamily plain_urgency 0.81\n",
      "floor.txt");
  ASSERT_TRUE(g.ok()) << g.status().message();
  EXPECT_DOUBLE_EQ(g->accuracy, 0.85);
  EXPECT_DOUBLE_EQ(g->stop_recall, 0.93);
  EXPECT_EQ(g->false_stops, 4);
  EXPECT_DOUBLE_EQ(g->family_floor.at("plain_urgency"), 0.81);
  EXPECT_DOUBLE_EQ(g->family_recall, 0.9);  // the others keep the goal
  EXPECT_EQ(ParseGate("accuracy 1.5\n", "f").status().message(),
            "f:1: expected a fraction from 0 to 1, got \"1.5\"");
  EXPECT_EQ(ParseGate("family general 0.5\n", "f").status().message(),
            "f:1: \"general\" is not a gated family");
  EXPECT_EQ(ParseGate("false_stops -1\n", "f").status().message(),
            "f:1: false_stops: expected a count, got \"-1\"");
  EXPECT_FALSE(ParseGate("accuracy\n", "f").ok());
}

}  // namespace ringback::classify
