// A naive Bayes model over words and word pairs, trained at build time from the development
// part of the corpus (tests/cases/classify, never heldout/) by classify_train. It decides only
// among the categories that are neither stop nor emergency, and only where the rules found
// little (rules.h): those two stay rule decisions. Its reason names the words that weighed most.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "classify/normalize.h"
#include "core/category.h"
#include "core/status.h"

namespace ringback::classify {

// The categories the model may choose, in the model file's column order.
inline constexpr std::array<Category, 6> kBayesCategories{
    Category::kActiveEstimate, Category::kOldEstimate, Category::kWarranty,
    Category::kRoutine,        Category::kSpam,        Category::kUnknown};

// The features of a normalized text: its words (digits folded to "0") and adjacent pairs
// ("roof leak"), each once.
std::vector<std::string> BayesFeatures(std::string_view normalized);

struct BayesGuess {
  Category category = Category::kUnknown;
  double probability = 0;            // posterior of `category` among kBayesCategories
  std::vector<std::string> because;  // the known features that favoured it most, strongest first
};

class BayesModel {
 public:
  // Parses the text written by Serialize. An empty text is an empty model (no guess).
  static StatusOr<BayesModel> Parse(std::string_view text);

  // Counts one labelled example (categories outside kBayesCategories are ignored).
  void Add(std::string_view normalized, Category label);
  // Drops features seen in fewer than `min_docs` examples, then writes the model.
  std::string Serialize(int min_docs) const;

  bool empty() const { return docs_total_ == 0; }
  // The most probable category, or none when fewer than two known features are present. Reads
  // a parsed model (Parse); one being trained is written with Serialize first.
  std::optional<BayesGuess> Guess(std::string_view normalized) const;

 private:
  static constexpr std::size_t kN = kBayesCategories.size();
  using Counts = std::array<int, kN>;
  // What Guess needs of a feature, computed once when the model is parsed: its counts, the log
  // likelihood per category, and per category c the log likelihood in all the others but c.
  struct Feature {
    Counts counts{};
    std::array<double, kN> log_in{};
    std::array<double, kN> log_rest{};
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  void Precompute();

  std::unordered_map<std::string, Counts> features_;  // while training (Add) and parsing
  std::unordered_map<std::string, Feature, Hash, std::equal_to<>> model_;  // parsed (Guess)
  Counts docs_{};
  Counts tokens_{};  // feature occurrences per category
  int docs_total_ = 0;
};

}  // namespace ringback::classify
