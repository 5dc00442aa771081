// The word model: a logistic regression (softmax) over words and word pairs, trained at build
// time from the development part of the corpus (tests/cases/classify, never heldout/) by
// classify_train. It decides only among the categories that are neither stop nor emergency,
// and only where the rules found little (rules.h): those two stay rule decisions. Its reason
// names the words that weighed most. (It replaced a naive Bayes model over the same features:
// 5-fold cross-validation on the development part, rules and model together, 0.942 against
// 0.939; see docs/classification.md.)
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/category.h"
#include "core/status.h"

namespace ringback::classify {

// The categories the model may choose, in the model file's column order.
inline constexpr std::array<Category, 6> kModelCategories{
    Category::kActiveEstimate, Category::kOldEstimate, Category::kWarranty,
    Category::kRoutine,        Category::kSpam,        Category::kUnknown};

// The features of a normalized text: its words (digits folded to "0"), the first five letters
// of words longer than that ("~insta"), and adjacent pairs ("roof leak"), each once.
std::vector<std::string> ModelFeatures(std::string_view normalized);
// The same features as views into `buf` (which must outlive them), sorted and each once.
std::vector<std::string_view> FeatureViews(std::string_view normalized, std::string& buf);

struct ModelGuess {
  Category category = Category::kUnknown;
  double probability = 0;            // posterior of `category` among kModelCategories
  std::vector<std::string> because;  // the known features that favoured it most, strongest first
};

// How the weights are learnt: stochastic gradient descent on the cross-entropy with an L2
// penalty, `epochs` passes in an order drawn from `seed` (the same corpus gives the same model).
struct ModelTraining {
  int min_docs = 2;  // features seen in fewer examples are left out
  int epochs = 8;
  double rate = 0.2;  // divided by (1 + pass)
  double l2 = 1e-5;
  unsigned seed = 1;
};

class WordModel {
 public:
  // Parses the text written by Serialize. An empty text is an empty model (no guess).
  static StatusOr<WordModel> Parse(std::string_view text);

  // Keeps one labelled example for training (categories outside kModelCategories are ignored).
  void Add(std::string_view normalized, Category label);
  // Learns the weights from the examples added, then writes the model.
  std::string Serialize(const ModelTraining& training = {}) const;

  bool empty() const { return weights_.empty(); }
  // The most probable category, or none when fewer than two known features are present.
  std::optional<ModelGuess> Guess(std::string_view normalized) const;

 private:
  static constexpr std::size_t kN = kModelCategories.size();
  using Weights = std::array<double, kN>;
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Example {
    std::vector<std::string> features;
    std::size_t label = 0;
  };

  std::vector<Example> examples_;  // while training
  Weights bias_{};
  std::unordered_map<std::string, Weights, Hash, std::equal_to<>> weights_;
};

}  // namespace ringback::classify
