// SharedCache: a value is computed once per key, the same for every thread, and the cache stays
// within its capacity.
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "core/shared_cache.h"

namespace ringback {
namespace {

TEST(SharedCache, ComputesEachKeyOnce) {
  SharedCache<std::string> cache(16);
  int made = 0;
  const auto upper = [&](std::string_view key) {
    return cache.Get(key, [&] {
      ++made;
      std::string out(key);
      for (char& c : out) c = static_cast<char>(c - 32);
      return out;
    });
  };
  EXPECT_EQ(upper("abc"), "ABC");
  EXPECT_EQ(upper("abc"), "ABC");
  EXPECT_EQ(upper("xyz"), "XYZ");
  EXPECT_EQ(made, 2);
}

TEST(SharedCache, StartsAfreshWhenFullAndStillAnswersRight) {
  SharedCache<int> cache(3);
  for (int round = 0; round < 3; ++round)
    for (int i = 0; i < 10; ++i)
      EXPECT_EQ(cache.Get(std::to_string(i), [&] { return i * i; }), i * i);
  EXPECT_LE(cache.size(), 3u);
}

TEST(SharedCache, ThreadsShareTheValues) {
  SharedCache<int> cache(1024);
  std::atomic<int> made{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i)
        EXPECT_EQ(cache.Get(std::to_string(i), [&] { return ++made, i + 1; }), i + 1);
    });
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(cache.size(), 200u);
  EXPECT_GE(made.load(), 200);
  // Whichever thread made a value, this one finds it.
  for (int i = 0; i < 200; ++i)
    EXPECT_EQ(cache.Get(std::to_string(i), [] { return ADD_FAILURE() << "made again", 0; }), i + 1);
}

}  // namespace
}  // namespace ringback
