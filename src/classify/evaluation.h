// Evaluation of the classifier on a labelled set: confusion matrix, per-category precision
// and recall, accuracy, recall per family of cases, and the two numbers CI relies on: stop
// recall (every stop found) and false stops (no buyer wrongly silenced). Pure: the caller
// reads the examples (cli/corpus.h reads tests/cases/classify).
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classify/classifier.h"
#include "core/category.h"

namespace ringback::classify {

// The kinds of case the corpus names (docs/classification.md says what each holds).
inline constexpr std::array<std::string_view, 8> kFamilies{
    "past_quote_by_time", "past_work_failing", "job_logistics", "solicitation",
    "plain_urgency",      "stop_near_miss",    "stop",          "general"};
// The families the held-out gate holds to a recall floor (issue 17).
inline constexpr std::array<std::string_view, 5> kGatedFamilies{
    "past_quote_by_time", "past_work_failing", "job_logistics", "solicitation",
    "plain_urgency"};

struct LabelledExample {
  std::string id;
  Channel channel = Channel::kSms;
  std::string text;
  ClassifyContext context;
  Category label = Category::kUnknown;  // the usual answer: a miss counts in its matrix row
  std::vector<Category> also;           // other answers that are right too (rare)
  std::string family;                   // one of kFamilies, or empty
  std::string trade;
  std::string lang;
  std::string note;

  bool Accepts(Category c) const;
};

// The categories text can decide, in report order (duplicate is decided by identity).
inline constexpr std::array<Category, 8> kEvalCategories{
    Category::kEmergency, Category::kActiveEstimate, Category::kOldEstimate,
    Category::kWarranty,  Category::kRoutine,        Category::kSpam,
    Category::kStop,      Category::kUnknown};

struct Mismatch {
  std::string id;
  Category label = Category::kUnknown;
  Classification got;
  std::string text;
  std::string family;
};

// Cases and correct answers in one slice (a family, a channel, a language, a trade).
struct Tally {
  int total = 0;
  int correct = 0;
  double Recall() const { return total == 0 ? 0.0 : double(correct) / total; }
};

struct EvalReport {
  // matrix[label][predicted], indexed like kEvalCategories.
  std::array<std::array<int, kEvalCategories.size()>, kEvalCategories.size()> matrix{};
  int total = 0;
  int correct = 0;
  std::vector<Mismatch> mismatches;
  std::map<std::string, Tally> by_family;   // cases with a family only
  std::map<std::string, Tally> by_channel;
  std::map<std::string, Tally> by_lang;     // cases with a language only
  std::map<std::string, Tally> by_trade;    // cases naming a trade only

  double Accuracy() const;
  std::optional<double> Precision(Category c) const;  // none when never predicted
  std::optional<double> Recall(Category c) const;     // none when never labelled
  int Labelled(Category c) const;
  int Predicted(Category c) const;
  double StopRecall() const;  // 1.0 when the set has no stop
  int FalseStops() const;     // predicted stop, labelled otherwise
  // What CI asserts: every stop found and no false stop.
  bool StopsSafe() const { return StopRecall() == 1.0 && FalseStops() == 0; }
};

// A prediction is right when it is among the example's labels. A right answer is counted in
// the matrix row of the category predicted, a wrong one in the row of the usual label.
EvalReport Evaluate(const Classifier& classifier, const std::vector<LabelledExample>& examples);

// What the held-out part must reach. The defaults are issue 17's goal; a floor file
// (ParseGate) holds the figures already reached, so CI fails when one falls (a ratchet).
struct Gate {
  double accuracy = 0.92;
  double stop_recall = 1.0;
  int false_stops = 0;                         // at most
  double family_recall = 0.9;                  // each of kGatedFamilies, unless named below
  std::map<std::string, double> family_floor;  // a gated family's own floor
};

// Reads a floor file, one figure a line ('#' comments, blank lines ignored):
//   accuracy 0.85 | stop_recall 0.93 | false_stops 4 | family_recall 0.9 | family NAME 0.83
// `name` is the file's name, for errors ("floor.txt:3: ...").
StatusOr<Gate> ParseGate(std::string_view text, std::string_view name);

// What falls short of `gate`, one line each ("accuracy 0.90 < 0.92"); empty when it passes.
// A gated family with no case is a failure: the floor cannot be shown.
std::vector<std::string> GateFailures(const EvalReport& report, const Gate& gate = {});

// The report as text: matrix, per-category table, per-family recall, summary lines and, when
// `list_mismatches`, one line per misclassified example with its reasons.
std::string FormatReport(const EvalReport& report, bool list_mismatches);

// Both parts of the corpus as Markdown for docs/classification.md: for each part its
// matrix, per-category precision and recall, per-family, per-channel and per-language figures,
// stop recall and false stops; never a held-out case. `held_out` may be empty (not yet there).
std::string FormatMarkdown(const EvalReport& development, const EvalReport& held_out,
                           const Gate& gate = {});

}  // namespace ringback::classify
