#include "classify/phrase_matcher.h"

#include <hs.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <utility>

namespace ringback::classify {
namespace {

constexpr unsigned kUnbounded = UINT_MAX;  // hs_expr_info::max_width of an unbounded pattern
// Beyond this many Hyperscan reports in one text (a long text full of matches), the scan stops
// and RE2 alone finds the hits: the reports would cost more memory than they save.
constexpr std::size_t kMaxReports = std::size_t{1} << 16;
constexpr std::string_view kMagic = "ringback phrase database 1\n";

RE2::Options MatchOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(64 << 20);  // the set of all entries needs more than the 8 MiB default
  return options;
}

// Built for any x86-64 Hyperscan runs on, not only this machine's CPU, so that the database the
// build writes works wherever the binary does (the scan measured no slower on this machine).
hs_platform_info_t Portable() {
  hs_platform_info_t p{};
  p.tune = HS_TUNE_FAMILY_GENERIC;
  p.cpu_features = 0;
  return p;
}

// A dot-all entry ("(?s)... .{0,250} ...") reaches across sentences with a long bounded repeat.
// In one set with the other entries Hyperscan compiled the shipped lexicons in 4 min 52 s with
// eight of them (19 s without); RE2 runs them in linear time. They are kept few (see
// phrase_matcher_test).
bool ReachesAcrossSentences(std::string_view pattern) {
  return pattern.find("(?s)") != std::string_view::npos;
}

// Whether Hyperscan (UTF-8 mode, no UCP) matches at least wherever RE2 does for `pattern`.
// Case-insensitive RE2 folds Unicode ("k" matches the Kelvin sign), \p classes and \C are
// Unicode or byte matters: such entries are left to RE2 alone rather than trusted.
bool SameSemantics(std::string_view pattern) {
  if (ReachesAcrossSentences(pattern)) return false;
  for (std::size_t i = 0; i + 1 < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      const char c = pattern[i + 1];
      if (c == 'p' || c == 'P' || c == 'C') return false;
      ++i;
    } else if (pattern[i] == '(' && pattern[i + 1] == '?') {
      for (std::size_t j = i + 2; j < pattern.size() && pattern[j] != ':' && pattern[j] != ')'; ++j)
        if (pattern[j] == 'i' || pattern[j] == 'U') return false;
    }
  }
  return true;
}

// Well-formed UTF-8 (no overlong forms, surrogates or values past U+10FFFF): what Hyperscan's
// UTF-8 mode requires of the text it scans.
bool ValidUtf8(std::string_view s) {
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xE1 && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else return false;
    if (n - i < len) return false;
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if (c1 < lo || c1 > hi) return false;
    for (std::size_t k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// FNV-1a over the patterns, so that a prebuilt database is only used for the very entries it was
// compiled from.
std::uint64_t Fingerprint(const std::vector<std::string>& patterns, std::size_t count) {
  std::uint64_t h = 14695981039346656037ull;
  auto mix = [&](std::string_view s) {
    for (char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 1099511628211ull;
    }
  };
  for (std::size_t i = 0; i < count; ++i) {
    mix(patterns[i]);
    mix(std::string_view("\0", 1));
  }
  return h;
}

struct EntryInfo {
  bool scanned = false;  // in a Hyperscan database; otherwise RE2 alone
  unsigned min_width = 0;  // bytes of a match of the search pattern (hs_expr_info)
  unsigned max_width = kUnbounded;
};

// Reads "<key> <value...>\n" at `pos`; the value, or nothing when the key differs.
std::optional<std::string_view> Line(std::string_view data, std::size_t& pos, std::string_view key) {
  const std::size_t nl = data.find('\n', pos);
  if (nl == std::string_view::npos) return std::nullopt;
  std::string_view line = data.substr(pos, nl - pos);
  if (!line.starts_with(key) || line.size() <= key.size() || line[key.size()] != ' ')
    return std::nullopt;
  pos = nl + 1;
  return line.substr(key.size() + 1);
}

std::optional<unsigned long long> Number(std::string_view& s, int base = 10) {
  const std::size_t end = s.find(' ');
  const std::string token(s.substr(0, end));
  s = end == std::string_view::npos ? std::string_view() : s.substr(end + 1);
  if (token.empty()) return std::nullopt;
  char* stop = nullptr;
  const unsigned long long v = std::strtoull(token.c_str(), &stop, base);
  if (*stop != '\0') return std::nullopt;
  return v;
}

}  // namespace

struct PhraseMatcher::Impl {
  ~Impl() {
    for (hs_scratch_t* s : free_scratch) hs_free_scratch(s);
    if (prototype) hs_free_scratch(prototype);
    for (hs_database_t* db : dbs) hs_free_database(db);
  }

  std::vector<std::unique_ptr<RE2>> res;
  std::vector<std::string> patterns;  // SearchPattern of each entry
  std::vector<EntryInfo> info;
  std::vector<hs_database_t*> dbs;  // the prebuilt one, then the one compiled here
  bool prebuilt = false;
  // Entries Hyperscan does not scan: an RE2::Set over them, and its index -> entry index.
  std::unique_ptr<RE2::Set> rest;
  std::vector<int> rest_entries;
  bool compiled = false;

  // Hyperscan's scratch space is one caller's at a time: each FindAll borrows one.
  hs_scratch_t* prototype = nullptr;
  mutable std::mutex scratch_mu;
  mutable std::vector<hs_scratch_t*> free_scratch;

  hs_scratch_t* TakeScratch() const {
    {
      std::lock_guard<std::mutex> lock(scratch_mu);
      if (!free_scratch.empty()) {
        hs_scratch_t* s = free_scratch.back();
        free_scratch.pop_back();
        return s;
      }
    }
    hs_scratch_t* s = nullptr;
    if (hs_clone_scratch(prototype, &s) != HS_SUCCESS) return nullptr;
    return s;
  }
  void GiveScratch(hs_scratch_t* s) const {
    std::lock_guard<std::mutex> lock(scratch_mu);
    free_scratch.push_back(s);
  }

  Status UsePrebuilt(std::string_view data);
  Status CompileFrom(std::size_t first);
  Status CompileRest();
  Status AllocScratch();
  void Release() {
    for (hs_database_t* db : dbs) hs_free_database(db);
    dbs.clear();
    if (prototype) hs_free_scratch(prototype);
    prototype = nullptr;
    prebuilt = false;
  }
};

PhraseMatcher::PhraseMatcher() : impl_(std::make_unique<Impl>()) {}
PhraseMatcher::~PhraseMatcher() = default;
PhraseMatcher::PhraseMatcher(PhraseMatcher&&) noexcept = default;
PhraseMatcher& PhraseMatcher::operator=(PhraseMatcher&&) noexcept = default;

Status PhraseMatcher::Add(int group, const LexiconEntry& entry) {
  if (impl_->compiled) return Status::Internal("PhraseMatcher::Add after Compile");
  std::string pattern = SearchPattern(entry);
  auto re = std::make_unique<RE2>(pattern, MatchOptions());
  if (!re->ok()) return Status::InvalidArgument(entry.source + ": bad regex: " + re->error());
  impl_->res.push_back(std::move(re));
  impl_->patterns.push_back(std::move(pattern));
  entries_.push_back(entry);
  groups_.push_back(group);
  return Status::Ok();
}

// The prebuilt database's header (what Serialize writes), then Hyperscan's own bytes:
//   ringback phrase database 1
//   hyperscan <hs_version()>
//   entries <count> <fingerprint of their patterns, hex>
//   <scanned 0|1> <min width> <max width>      one line per entry
//   data <bytes>
Status PhraseMatcher::Impl::UsePrebuilt(std::string_view data) {
  if (!data.starts_with(kMagic)) return Status::InvalidArgument("not a phrase database");
  std::size_t pos = kMagic.size();
  const std::optional<std::string_view> version = Line(data, pos, "hyperscan");
  if (!version || *version != hs_version()) return Status::InvalidArgument("another Hyperscan");
  std::optional<std::string_view> counts = Line(data, pos, "entries");
  if (!counts) return Status::InvalidArgument("no entry count");
  const std::optional<unsigned long long> count = Number(*counts);
  const std::optional<unsigned long long> fingerprint = Number(*counts, 16);
  if (!count || !fingerprint || *count == 0 || *count > patterns.size() ||
      Fingerprint(patterns, *count) != *fingerprint)
    return Status::InvalidArgument("built from other entries");
  for (std::size_t i = 0; i < *count; ++i) {
    const std::size_t nl = data.find('\n', pos);
    if (nl == std::string_view::npos) return Status::InvalidArgument("truncated");
    std::string_view line = data.substr(pos, nl - pos);
    pos = nl + 1;
    const auto scanned = Number(line), min = Number(line), max = Number(line);
    if (!scanned || !min || !max || *scanned > 1 || *min > kUnbounded || *max > kUnbounded)
      return Status::InvalidArgument("bad entry line");
    info[i] = {*scanned == 1, static_cast<unsigned>(*min), static_cast<unsigned>(*max)};
  }
  std::optional<std::string_view> size_field = Line(data, pos, "data");
  const std::optional<unsigned long long> size = size_field ? Number(*size_field) : std::nullopt;
  if (!size || *size != data.size() - pos) return Status::InvalidArgument("bad data size");
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(data.data() + pos, data.size() - pos, &db) != HS_SUCCESS)
    return Status::InvalidArgument("Hyperscan cannot read it");
  dbs.push_back(db);
  prebuilt = true;
  return CompileFrom(*count);
}

// Compiles entries [first, end) into one more database; those Hyperscan rejects stay with RE2.
Status PhraseMatcher::Impl::CompileFrom(std::size_t first) {
  std::vector<unsigned> ids;
  for (std::size_t i = first; i < patterns.size(); ++i) {
    info[i] = {};
    if (!SameSemantics(patterns[i])) continue;
    hs_expr_info_t* expr = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_expression_info(patterns[i].c_str(), HS_FLAG_UTF8, &expr, &error) != HS_SUCCESS) {
      hs_free_compile_error(error);
      continue;
    }
    info[i] = {true, expr->min_width, expr->max_width};
    std::free(expr);
    ids.push_back(static_cast<unsigned>(i));
  }
  const hs_platform_info_t platform = Portable();
  while (!ids.empty()) {
    std::vector<const char*> expressions;
    for (unsigned id : ids) expressions.push_back(patterns[id].c_str());
    const std::vector<unsigned> flags(ids.size(), HS_FLAG_UTF8);
    hs_database_t* db = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(ids.size()), HS_MODE_BLOCK, &platform, &db,
                         &error) == HS_SUCCESS) {
      dbs.push_back(db);
      break;
    }
    const int bad = error->expression;
    hs_free_compile_error(error);
    if (bad < 0) {  // the whole set is too much for Hyperscan: RE2 alone for all of them
      for (unsigned id : ids) info[id].scanned = false;
      break;
    }
    info[ids[bad]].scanned = false;
    ids.erase(ids.begin() + bad);
  }
  return Status::Ok();
}

Status PhraseMatcher::Impl::CompileRest() {
  rest.reset();
  rest_entries.clear();
  for (std::size_t i = 0; i < patterns.size(); ++i)
    if (!info[i].scanned) rest_entries.push_back(static_cast<int>(i));
  if (rest_entries.empty()) return Status::Ok();
  rest = std::make_unique<RE2::Set>(MatchOptions(), RE2::UNANCHORED);
  for (int i : rest_entries) {
    std::string error;
    if (rest->Add(patterns[i], &error) < 0) return Status::InvalidArgument("bad regex: " + error);
  }
  if (!rest->Compile()) return Status::Internal("lexicon set too large to compile");
  return Status::Ok();
}

Status PhraseMatcher::Impl::AllocScratch() {
  for (hs_database_t* db : dbs)
    if (hs_alloc_scratch(db, &prototype) != HS_SUCCESS)
      return Status::Internal("Hyperscan cannot scan with this database here");
  return Status::Ok();
}

Status PhraseMatcher::Compile(std::string_view prebuilt) {
  if (entries_.empty()) return Status::InvalidArgument("no lexicon entries");
  if (impl_->compiled) return Status::Internal("PhraseMatcher::Compile twice");
  impl_->info.assign(impl_->patterns.size(), {});
  bool ready = false;
  if (!prebuilt.empty()) {
    // A database from another build or CPU is not an error: compiling here gives the same hits.
    ready = impl_->UsePrebuilt(prebuilt).ok() && impl_->AllocScratch().ok();
    if (!ready) impl_->Release();
  }
  if (!ready) {
    if (Status st = impl_->CompileFrom(0); !st.ok()) return st;
    if (!impl_->AllocScratch().ok()) {  // cannot happen on a CPU Hyperscan supports: RE2 alone
      impl_->Release();
      for (EntryInfo& i : impl_->info) i.scanned = false;
    }
  }
  if (Status st = impl_->CompileRest(); !st.ok()) return st;
  impl_->compiled = true;
  return Status::Ok();
}

namespace {

// RE2's next match of `re` at or after `from`: the span of capture group 1.
bool NextSpan(const RE2& re, std::string_view text, std::size_t from, std::size_t& begin,
              std::size_t& end) {
  re2::StringPiece groups[2];
  if (!re.Match(text, from, text.size(), RE2::UNANCHORED, groups, 2)) return false;
  if (groups[1].data() == nullptr) return false;
  begin = static_cast<std::size_t>(groups[1].data() - text.data());
  end = begin + groups[1].size();
  return true;
}

bool IsWordByte(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// NextSpan without asking RE2 for the capture group, which costs more than finding the match
// (RE2 runs a backtracker over the match for it). A "re:" entry's search pattern is "(regex)", so
// the group is the whole match. A phrase's is "(?:^|[^a-z0-9])(phrase)(?:[^a-z0-9]|$)": the
// group is the match less one character at each end, unless the match begins at the start of
// the text or ends at its end, where "^" or "$" may have matched instead; only there (and only
// when that edge is not a letter or digit, so both readings are possible) is RE2 asked.
bool GroupOf(const RE2& re, bool raw, std::string_view text, std::size_t from, std::size_t b,
             std::size_t e, std::size_t& begin, std::size_t& end) {
  std::size_t gb = b, ge = e;
  if (!raw) {
    if (b > 0) {
      ++gb;  // one character of [^a-z0-9]
      while (gb < e && IsContinuation(text[gb])) ++gb;
    } else if (!text.empty() && !IsWordByte(text[0])) {
      return NextSpan(re, text, from, begin, end);
    }
    if (e < text.size()) {
      if (ge > gb) --ge;
      while (ge > gb && IsContinuation(text[ge])) --ge;
    } else if (!text.empty() && !IsWordByte(text.back())) {
      return NextSpan(re, text, from, begin, end);
    }
  }
  begin = gb;
  end = ge;
  return true;
}

// NextSpan, cheaper. The capture group costs more to ask RE2 for than the match (RE2 runs a
// backtracker over the match for it), and so does an unanchored search (a reverse scan finds
// where the match starts):
// - A "re:" entry's search pattern is "(regex)": the group is the whole match.
// - A phrase's is "(?:^|[^a-z0-9])(phrase)(?:[^a-z0-9]|$)": the group is the match less one
//   character at each end, except at the start or the end of the text, where "^" or "$" may
//   have matched instead; only there, when the edge is not a letter or digit so that both
//   readings are possible, is RE2 asked for the group. And such a match can only start at the
//   start of the text or at a character that is not a letter or digit, so RE2 tries those
//   places in turn, anchored: the first that matches is where the unanchored search would
//   have found the leftmost match, with the same (leftmost-first) end.
bool NextSpanFast(const RE2& re, bool raw, std::string_view text, std::size_t from,
                  std::size_t& begin, std::size_t& end) {
  re2::StringPiece match;
  if (raw) {
    if (!re.Match(text, from, text.size(), RE2::UNANCHORED, &match, 1)) return false;
  } else {
    std::size_t p = from;
    for (;; ++p) {
      if (p > text.size()) return false;
      if (p > 0 && p < text.size() && (IsWordByte(text[p]) || IsContinuation(text[p]))) continue;
      if (re.Match(text, p, text.size(), RE2::ANCHOR_START, &match, 1)) break;
    }
  }
  const auto b = static_cast<std::size_t>(match.data() - text.data());
  return GroupOf(re, raw, text, from, b, b + match.size(), begin, end);
}

// Every match of entry `index` in `text`, one after another, as RE2 finds them from the start.
void AllSpans(const RE2& re, int group, int index, std::string_view text, std::vector<Hit>& hits) {
  std::size_t pos = 0;
  std::size_t begin = 0, end = 0;
  while (pos <= text.size() && NextSpan(re, text, pos, begin, end)) {
    if (end > begin) hits.push_back({group, index, begin, end});
    pos = std::max(end, begin + 1);
  }
}

// The same as AllSpans, knowing from Hyperscan every offset where a match of the entry's search
// pattern ends (`ends`, ascending): a match starting at or after `pos` ends at or after
// pos + min_width, so no end there means no more matches; and it starts at or after its end
// minus max_width, so RE2 may start there instead of at `pos` (no match starts in between, or it
// would end before the first end reported).
void ReportedSpans(const RE2& re, bool raw, const EntryInfo& info, int group, int index,
                   std::string_view text, const unsigned* ends, const unsigned* ends_end,
                   std::vector<Hit>& hits) {
  std::size_t pos = 0;
  std::size_t begin = 0, end = 0;
  while (pos <= text.size()) {
    ends = std::lower_bound(ends, ends_end, pos + info.min_width);
    if (ends == ends_end) break;
    std::size_t from = pos;
    if (info.max_width != kUnbounded && *ends > pos + info.max_width) {
      from = *ends - info.max_width;
      while (from > pos && IsContinuation(text[from])) --from;
    }
    if (!NextSpanFast(re, raw, text, from, begin, end)) break;
    if (end > begin) hits.push_back({group, index, begin, end});
    pos = std::max(end, begin + 1);
  }
}

void SortHits(std::vector<Hit>& hits) {
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.entry < b.entry;
  });
}

struct Reports {
  std::vector<std::pair<unsigned, unsigned>> ends;  // entry, end offset
};

int OnMatch(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
            void* context) {
  auto& r = *static_cast<Reports*>(context);
  if (r.ends.size() >= kMaxReports) return 1;  // stop: RE2 alone for this text
  r.ends.emplace_back(id, static_cast<unsigned>(to));
  return 0;
}

// The entries of `set` that occur in `text` (every one when the DFA ran out of memory).
std::vector<int> SetMatches(const RE2::Set& set, std::size_t size, std::string_view text) {
  std::vector<int> matched;
  RE2::Set::ErrorInfo info{RE2::Set::kNoError};
  if (!set.Match(text, &matched, &info) && info.kind != RE2::Set::kNoError) {
    matched.resize(size);
    for (std::size_t i = 0; i < size; ++i) matched[i] = static_cast<int>(i);
  }
  return matched;
}

}  // namespace

std::vector<Hit> PhraseMatcher::FindAllReference(std::string_view text) const {
  std::vector<Hit> hits;
  for (std::size_t i = 0; i < entries_.size(); ++i)
    AllSpans(*impl_->res[i], groups_[i], static_cast<int>(i), text, hits);
  SortHits(hits);
  return hits;
}

std::vector<Hit> PhraseMatcher::FindAll(std::string_view text) const {
  const Impl& m = *impl_;
  if (!m.compiled || text.size() > UINT_MAX / 2 || !ValidUtf8(text)) return FindAllReference(text);
  std::vector<Hit> hits;
  if (!m.dbs.empty()) {
    hs_scratch_t* scratch = m.TakeScratch();
    if (!scratch) return FindAllReference(text);
    Reports reports;
    const char* data = text.empty() ? "" : text.data();
    bool ok = true;
    for (hs_database_t* db : m.dbs)
      ok = ok && hs_scan(db, data, static_cast<unsigned>(text.size()), 0, scratch, OnMatch,
                         &reports) == HS_SUCCESS;
    m.GiveScratch(scratch);
    if (!ok) return FindAllReference(text);
    std::vector<std::pair<unsigned, unsigned>>& r = reports.ends;
    std::sort(r.begin(), r.end());
    r.erase(std::unique(r.begin(), r.end()), r.end());
    std::vector<unsigned> ends(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) ends[i] = r[i].second;
    for (std::size_t i = 0; i < r.size();) {
      std::size_t j = i;
      while (j < r.size() && r[j].first == r[i].first) ++j;
      const int index = static_cast<int>(r[i].first);
      ReportedSpans(*m.res[index], entries_[index].raw, m.info[index], groups_[index], index,
                    text, ends.data() + i, ends.data() + j, hits);
      i = j;
    }
  }
  if (m.rest)
    for (int k : SetMatches(*m.rest, m.rest_entries.size(), text)) {
      const int index = m.rest_entries[k];
      AllSpans(*m.res[index], groups_[index], index, text, hits);
    }
  SortHits(hits);
  return hits;
}

StatusOr<std::string> PhraseMatcher::Serialize() const {
  const Impl& m = *impl_;
  if (!m.compiled || m.prebuilt || m.dbs.size() != 1)
    return Status::Internal("PhraseMatcher::Serialize: not one database compiled here");
  char* bytes = nullptr;
  std::size_t length = 0;
  if (hs_serialize_database(m.dbs[0], &bytes, &length) != HS_SUCCESS)
    return Status::Internal("Hyperscan cannot serialize the database");
  std::string out(kMagic);
  out += "hyperscan " + std::string(hs_version()) + "\n";
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx",
                static_cast<unsigned long long>(Fingerprint(m.patterns, m.patterns.size())));
  out += "entries " + std::to_string(m.patterns.size()) + " " + hex + "\n";
  for (const EntryInfo& i : m.info)
    out += std::to_string(i.scanned ? 1 : 0) + " " + std::to_string(i.min_width) + " " +
           std::to_string(i.max_width) + "\n";
  out += "data " + std::to_string(length) + "\n";
  out.append(bytes, length);
  std::free(bytes);
  return out;
}

std::size_t PhraseMatcher::scanned_entries() const {
  return static_cast<std::size_t>(
      std::count_if(impl_->info.begin(), impl_->info.end(), [](const EntryInfo& i) { return i.scanned; }));
}

bool PhraseMatcher::used_prebuilt() const { return impl_->prebuilt; }

}  // namespace ringback::classify
