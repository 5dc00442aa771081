#include "classify/evaluation.h"

#include <cstdio>
#include <sstream>

namespace ringback::classify {
namespace {

std::size_t IndexOf(Category c) {
  for (std::size_t i = 0; i < kEvalCategories.size(); ++i)
    if (kEvalCategories[i] == c) return i;
  return kEvalCategories.size() - 1;  // anything else counts as unknown
}

// Short column names keep the matrix within 80 columns.
constexpr std::array<const char*, kEvalCategories.size()> kShort{
    "emerg", "active", "old", "warr", "routine", "spam", "stop", "unknown"};

std::string Fixed(std::optional<double> v) {
  if (!v) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", *v);
  return buf;
}

std::string Pad(std::string s, std::size_t width, bool left = false) {
  if (s.size() >= width) return s;
  const std::string fill(width - s.size(), ' ');
  return left ? s + fill : fill + s;
}

std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  if (s.size() > 90) s = s.substr(0, 90) + "...";
  return s;
}

void Matrix(const EvalReport& r, std::ostringstream& out) {
  out << "Confusion matrix (rows: label, columns: predicted)\n" << Pad("", 16);
  for (const char* name : kShort) out << Pad(name, 8);
  out << "\n";
  for (std::size_t i = 0; i < kEvalCategories.size(); ++i) {
    out << Pad(std::string(CategoryName(kEvalCategories[i])), 16, true);
    for (std::size_t j = 0; j < kEvalCategories.size(); ++j)
      out << Pad(std::to_string(r.matrix[i][j]), 8);
    out << "\n";
  }
}

void PerCategory(const EvalReport& r, std::ostringstream& out) {
  out << "\n" << Pad("category", 16, true) << Pad("labelled", 9) << Pad("predicted", 10)
      << Pad("precision", 10) << Pad("recall", 8) << "\n";
  for (Category c : kEvalCategories) {
    out << Pad(std::string(CategoryName(c)), 16, true) << Pad(std::to_string(r.Labelled(c)), 9)
        << Pad(std::to_string(r.Predicted(c)), 10) << Pad(Fixed(r.Precision(c)), 10)
        << Pad(Fixed(r.Recall(c)), 8) << "\n";
  }
}

}  // namespace

int EvalReport::Labelled(Category c) const {
  int n = 0;
  for (int v : matrix[IndexOf(c)]) n += v;
  return n;
}

int EvalReport::Predicted(Category c) const {
  int n = 0;
  for (const auto& row : matrix) n += row[IndexOf(c)];
  return n;
}

double EvalReport::Accuracy() const { return total == 0 ? 0.0 : double(correct) / total; }

std::optional<double> EvalReport::Precision(Category c) const {
  const int p = Predicted(c);
  if (p == 0) return std::nullopt;
  return double(matrix[IndexOf(c)][IndexOf(c)]) / p;
}

std::optional<double> EvalReport::Recall(Category c) const {
  const int l = Labelled(c);
  if (l == 0) return std::nullopt;
  return double(matrix[IndexOf(c)][IndexOf(c)]) / l;
}

double EvalReport::StopRecall() const { return Recall(Category::kStop).value_or(1.0); }

int EvalReport::FalseStops() const {
  return Predicted(Category::kStop) - matrix[IndexOf(Category::kStop)][IndexOf(Category::kStop)];
}

EvalReport Evaluate(const Classifier& classifier, const std::vector<LabelledExample>& examples) {
  EvalReport r;
  for (const LabelledExample& ex : examples) {
    Classification got = classifier.Classify(ex.channel, ex.text, ex.context);
    ++r.matrix[IndexOf(ex.label)][IndexOf(got.category)];
    ++r.total;
    if (got.category == ex.label) {
      ++r.correct;
    } else {
      r.mismatches.push_back({ex.id, ex.label, std::move(got), ex.text});
    }
  }
  return r;
}

std::string FormatReport(const EvalReport& r, bool list_mismatches) {
  std::ostringstream out;
  Matrix(r, out);
  PerCategory(r, out);
  const int stops = r.Labelled(Category::kStop);
  const int found = stops == 0 ? 0 : r.matrix[IndexOf(Category::kStop)][IndexOf(Category::kStop)];
  out << "\nAccuracy: " << Fixed(r.Accuracy()) << " (" << r.correct << "/" << r.total << ")\n"
      << "Stop recall: " << Fixed(r.StopRecall()) << " (" << found << "/" << stops << ")\n"
      << "False stops: " << r.FalseStops() << "\n";
  if (list_mismatches && !r.mismatches.empty()) {
    out << "\nMisclassified (" << r.mismatches.size() << "):\n";
    for (const Mismatch& m : r.mismatches) {
      out << "  " << m.id << ": labelled " << CategoryName(m.label) << ", got "
          << CategoryName(m.got.category) << " " << Fixed(m.got.confidence) << ": \""
          << OneLine(m.text) << "\"\n";
      for (const std::string& reason : m.got.reasons) out << "      - " << reason << "\n";
    }
  }
  return out.str();
}

}  // namespace ringback::classify
