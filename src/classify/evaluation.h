// Evaluation of the classifier on a labelled set: confusion matrix, per-category precision
// and recall, accuracy, and the two numbers CI relies on: stop recall (every stop found) and
// false stops (no buyer wrongly silenced). Pure: the caller reads the examples.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "classify/classifier.h"
#include "core/category.h"

namespace ringback::classify {

struct LabelledExample {
  std::string id;
  Channel channel = Channel::kSms;
  std::string text;
  ClassifyContext context;
  Category label = Category::kUnknown;
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
};

struct EvalReport {
  // matrix[label][predicted], indexed like kEvalCategories.
  std::array<std::array<int, kEvalCategories.size()>, kEvalCategories.size()> matrix{};
  int total = 0;
  int correct = 0;
  std::vector<Mismatch> mismatches;

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

EvalReport Evaluate(const Classifier& classifier, const std::vector<LabelledExample>& examples);

// The report as text: matrix, per-category table, summary lines and, when `list_mismatches`,
// one line per misclassified example.
std::string FormatReport(const EvalReport& report, bool list_mismatches);

}  // namespace ringback::classify
