#include "classify/word_model.h"

#include <gtest/gtest.h>

namespace ringback::classify {
namespace {

WordModel Trained() {
  WordModel m;
  for (int k = 0; k < 20; ++k) {
    m.Add("can you quote a new roof for our house", Category::kActiveEstimate);
    m.Add("we help contractors get more leads call our marketing team", Category::kSpam);
    m.Add("what are your hours on saturday", Category::kRoutine);
  }
  m.Add("no heat and the baby is cold", Category::kEmergency);  // not a category it chooses
  StatusOr<WordModel> parsed = WordModel::Parse(m.Serialize());
  EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
  return std::move(parsed).value();
}

TEST(WordModel, LearnsTheWordsOfEachCategoryAndNamesThem) {
  const WordModel m = Trained();
  const std::optional<ModelGuess> pitch = m.Guess("more leads from our marketing team");
  ASSERT_TRUE(pitch);
  EXPECT_EQ(pitch->category, Category::kSpam);
  EXPECT_GT(pitch->probability, 0.6);
  ASSERT_FALSE(pitch->because.empty());
  const std::optional<ModelGuess> roof = m.Guess("quote a new roof please");
  ASSERT_TRUE(roof);
  EXPECT_EQ(roof->category, Category::kActiveEstimate);
}

TEST(WordModel, GuessesNothingFromLessThanTwoKnownWords) {
  const WordModel m = Trained();
  EXPECT_FALSE(m.Guess("roof"));
  EXPECT_FALSE(m.Guess("zzz qqq"));
  EXPECT_FALSE(WordModel().Guess("can you quote a new roof"));
}

TEST(WordModel, TheSameExamplesGiveTheSameFile) {
  WordModel a;
  WordModel b;
  for (WordModel* m : {&a, &b})
    for (int k = 0; k < 5; ++k) {
      m->Add("gutter leak over the porch", Category::kActiveEstimate);
      m->Add("unsubscribe from our newsletter", Category::kSpam);
    }
  EXPECT_EQ(a.Serialize(), b.Serialize());
}

TEST(WordModel, RejectsABrokenFile) {
  EXPECT_FALSE(WordModel::Parse("roof leak\t1 2 3\n").ok());     // six weights per feature
  EXPECT_FALSE(WordModel::Parse("roof leak 1 2 3 4 5 6\n").ok());  // no tab
  EXPECT_TRUE(WordModel::Parse("").ok());
}

}  // namespace
}  // namespace ringback::classify
