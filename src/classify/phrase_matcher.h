// PhraseMatcher: finds every occurrence of many lexicon entries in one pass. An RE2::Set tells
// which entries occur at all (one DFA walk over the text, however many entries there are);
// only those entries are then run on their own to find where.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classify/lexicon.h"
#include "core/status.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace ringback::classify {

struct Hit {
  int group = 0;  // the caller's group id given to Add
  int entry = 0;  // index of the entry, in Add order
  std::size_t begin = 0;  // span in the normalized text
  std::size_t end = 0;
};

class PhraseMatcher {
 public:
  PhraseMatcher();
  ~PhraseMatcher();
  PhraseMatcher(PhraseMatcher&&) noexcept;
  PhraseMatcher& operator=(PhraseMatcher&&) noexcept;

  // Adds an entry under a caller-chosen group id. Must precede Compile().
  Status Add(int group, const LexiconEntry& entry);
  Status Compile();

  // All occurrences, ordered by begin (ties: longer first).
  std::vector<Hit> FindAll(std::string_view text) const;

  const LexiconEntry& entry(int index) const { return entries_[index]; }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<LexiconEntry> entries_;
  std::vector<int> groups_;
};

}  // namespace ringback::classify
