// PhraseMatcher: finds every occurrence of many lexicon entries in one pass. Hyperscan scans the
// text once for all entries together and says where each match of each entry ends; only the
// entries found are then run with their own RE2, each from just before its first match, to find
// the spans. So the spans are RE2's (leftmost-first, one after another) whichever engine found
// the entry. Entries Hyperscan cannot compile are found by RE2 alone (an RE2::Set tells which
// occur, then each one's RE2 finds where), and so are texts that are not valid UTF-8, which
// Hyperscan's UTF-8 mode cannot scan (FindAllReference: every entry's RE2 on its own, the
// reference FindAll must always equal).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classify/lexicon.h"
#include "core/status.h"

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

  // Compiles the entries. `prebuilt` is what Serialize() wrote for a matcher whose entries were
  // the first entries of this one (the built-in lexicons, compiled at build time): it is used
  // when it was built from exactly those entries' patterns by this Hyperscan version, and only
  // the entries after them are compiled here. Otherwise (or when empty) every entry is compiled
  // here, which takes seconds for the built-in lexicons.
  Status Compile(std::string_view prebuilt = {});

  // All occurrences, ordered by begin (ties: longer first, then by entry). Thread-safe.
  std::vector<Hit> FindAll(std::string_view text) const;

  // The same, found by running every entry's RE2 over the text: the reference FindAll is tested
  // against, and what FindAll does for a text Hyperscan cannot scan. Thread-safe.
  std::vector<Hit> FindAllReference(std::string_view text) const;

  // The compiled Hyperscan database with what Compile needs to reuse it (`prebuilt`). Only for a
  // matcher compiled without `prebuilt`.
  StatusOr<std::string> Serialize() const;

  // How many entries Hyperscan finds (the others are found by RE2 alone), and whether Compile
  // used its `prebuilt` database.
  std::size_t scanned_entries() const;
  bool used_prebuilt() const;

  const LexiconEntry& entry(int index) const { return entries_[index]; }
  std::size_t size() const { return entries_.size(); }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<LexiconEntry> entries_;
  std::vector<int> groups_;
};

}  // namespace ringback::classify
