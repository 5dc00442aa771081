#include "classify/phrase_matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace ringback::classify {
namespace {

RE2::Options MatchOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);  // the set of all entries needs more than the 8 MiB default
  return options;
}

}  // namespace

struct PhraseMatcher::Impl {
  Impl() : set(MatchOptions(), RE2::UNANCHORED) {}
  RE2::Set set;
  std::vector<std::unique_ptr<RE2>> res;
  bool compiled = false;
};

PhraseMatcher::PhraseMatcher() : impl_(std::make_unique<Impl>()) {}
PhraseMatcher::~PhraseMatcher() = default;
PhraseMatcher::PhraseMatcher(PhraseMatcher&&) noexcept = default;
PhraseMatcher& PhraseMatcher::operator=(PhraseMatcher&&) noexcept = default;

Status PhraseMatcher::Add(int group, const LexiconEntry& entry) {
  if (impl_->compiled) return Status::Internal("PhraseMatcher::Add after Compile");
  const std::string pattern = SearchPattern(entry);
  auto re = std::make_unique<RE2>(pattern, MatchOptions());
  if (!re->ok()) return Status::InvalidArgument(entry.source + ": bad regex: " + re->error());
  std::string error;
  if (impl_->set.Add(pattern, &error) < 0)
    return Status::InvalidArgument(entry.source + ": bad regex: " + error);
  impl_->res.push_back(std::move(re));
  entries_.push_back(entry);
  groups_.push_back(group);
  return Status::Ok();
}

Status PhraseMatcher::Compile() {
  if (entries_.empty()) return Status::InvalidArgument("no lexicon entries");
  if (!impl_->set.Compile()) return Status::Internal("lexicon set too large to compile");
  impl_->compiled = true;
  return Status::Ok();
}

std::vector<Hit> PhraseMatcher::FindAll(std::string_view text) const {
  std::vector<int> matched;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (!impl_->set.Match(text, &matched, &info) && info.kind != RE2::Set::kNoError) {
    // The DFA ran out of memory on this text: fall back to trying every entry.
    matched.resize(entries_.size());
    for (std::size_t i = 0; i < matched.size(); ++i) matched[i] = static_cast<int>(i);
  }
  std::vector<Hit> hits;
  for (int index : matched) {
    const RE2& re = *impl_->res[index];
    std::size_t pos = 0;
    while (pos <= text.size()) {
      re2::StringPiece groups[2];
      if (!re.Match(text, pos, text.size(), RE2::UNANCHORED, groups, 2)) break;
      if (groups[1].data() == nullptr) break;
      const auto begin = static_cast<std::size_t>(groups[1].data() - text.data());
      const std::size_t end = begin + groups[1].size();
      if (end > begin) hits.push_back({groups_[index], index, begin, end});
      pos = std::max(end, begin + 1);
    }
  }
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.entry < b.entry;
  });
  return hits;
}

}  // namespace ringback::classify
