#include "classify/analysis.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>

namespace ringback::classify {
namespace {

constexpr int kWindowWords = 4;

bool IsBoundaryChar(char c) {
  return std::string_view(".,;:!?\n()[]\"").find(c) != std::string_view::npos;
}

// Words that start a new clause: "no heat and water on the floor" negates only the heat.
bool IsBoundaryWord(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kWords{
      "but", "and", "so", "because", "however", "though", "although", "except",
      "until", "then", "plus", "also"};
  return std::find(kWords.begin(), kWords.end(), w) != kWords.end();
}

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Up to kWindowWords words of the same clause before `pos`.
Span BeforeWindow(std::string_view t, std::size_t pos) {
  std::size_t start = pos;
  for (int words = 0; words < kWindowWords; ++words) {
    std::size_t j = start;
    while (j > 0 && t[j - 1] == ' ') --j;
    if (j == 0 || IsBoundaryChar(t[j - 1])) break;
    std::size_t k = j;
    while (k > 0 && t[k - 1] != ' ' && !IsBoundaryChar(t[k - 1])) --k;
    if (IsBoundaryWord(t.substr(k, j - k))) break;
    start = k;
  }
  return {start, pos};
}

// Up to kWindowWords words of the same clause after `pos`.
Span AfterWindow(std::string_view t, std::size_t pos) {
  std::size_t end = pos;
  for (int words = 0; words < kWindowWords; ++words) {
    std::size_t j = end;
    while (j < t.size() && t[j] == ' ') ++j;
    if (j >= t.size() || IsBoundaryChar(t[j])) break;
    std::size_t k = j;
    while (k < t.size() && t[k] != ' ' && !IsBoundaryChar(t[k])) ++k;
    if (IsBoundaryWord(t.substr(j, k - j))) break;
    end = k;
  }
  return {pos, end};
}

bool Overlaps(std::size_t b1, std::size_t e1, std::size_t b2, std::size_t e2) {
  return b1 < e2 && b2 < e1;
}

bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\''; }

// Every match of `re` inside window `w` of `t`, trimmed to word characters.
std::vector<Span> FindIn(const re2::RE2& re, std::string_view t, Span w) {
  std::vector<Span> out;
  const std::string_view sub = t.substr(w.begin, w.end - w.begin);
  std::size_t pos = 0;
  re2::StringPiece m;
  while (pos <= sub.size() && re.Match(sub, pos, sub.size(), re2::RE2::UNANCHORED, &m, 1)) {
    std::size_t b = static_cast<std::size_t>(m.data() - sub.data());
    std::size_t e = b + m.size();
    pos = std::max(e, b + 1);
    while (b < e && !IsWordChar(sub[b])) ++b;
    while (e > b && !IsWordChar(sub[e - 1])) --e;
    if (e > b) out.push_back({w.begin + b, w.begin + e});
  }
  return out;
}

bool IsMask(int cue) {
  return cue == kStopMask || cue == kEmMask || cue == kWaMask || cue == kEsMask ||
         cue == kOldMask || cue == kRoutineMask || cue == kSpamMask;
}

bool IsNegatable(int cue) {
  return cue == kEmStrong || cue == kEmSafety || cue == kEmProblem || cue == kEmUrgency ||
         cue == kWaClaim || cue == kWaProblem || cue == kEsRequest || cue == kEsWeak;
}

// LexiconOf as a number (the index of its first cue), looked up rather than searched for: it
// is asked for every pair of hits.
int LexiconIndex(int cue) {
  static const std::array<int, kTrade> index = [] {
    std::array<int, kTrade> out{};
    for (int c = 0; c < kTrade; ++c) {
      out[c] = c;
      for (int k = 0; k < c; ++k)
        if (LexiconOf(k) == LexiconOf(c)) {
          out[c] = out[k];
          break;
        }
    }
    return out;
  }();
  return index[cue];
}

// Hits of one lexicon compete with each other; each trade is its own lexicon.
bool SameLexicon(int a, int b) {
  if (a >= kTrade || b >= kTrade) return a == b;
  return LexiconIndex(a) == LexiconIndex(b);
}

std::vector<Hit> ApplyMasks(std::vector<Hit> hits) {
  std::vector<Hit> masks;
  for (const Hit& h : hits)
    if (IsMask(h.group)) masks.push_back(h);
  std::erase_if(hits, [&](const Hit& h) {
    if (IsMask(h.group)) return true;
    return std::any_of(masks.begin(), masks.end(), [&](const Hit& m) {
      return SameLexicon(h.group, m.group) && Overlaps(h.begin, h.end, m.begin, m.end);
    });
  });
  return hits;
}

// The cues that date a quote work together rather than compete: "we met last year about"
// is a quote reference with a time inside it, and both count.
bool Dating(int cue) {
  return cue == kOldQuote || cue == kOldTime || cue == kOldRecent || cue == kOldMonth ||
         cue == kOldStale;
}

bool Compete(int a, int b) {
  if (Dating(a) || Dating(b)) return a == b;
  return SameLexicon(a, b);
}

// Keeps the longest of nested hits within a lexicon ("water coming through the ceiling" over
// "ceiling"); hits arrive sorted by begin, longer first.
std::vector<Hit> DropNested(const std::vector<Hit>& hits) {
  std::vector<Hit> kept;
  for (const Hit& h : hits) {
    const bool nested = std::any_of(kept.begin(), kept.end(), [&](const Hit& k) {
      return Compete(h.group, k.group) && k.begin <= h.begin && h.end <= k.end;
    });
    if (!nested) kept.push_back(h);
  }
  return kept;
}

class Negator {
 public:
  Negator(std::string_view text, const std::vector<Hit>& hits, const Negation& negation)
      : t_(text), hits_(hits), neg_(negation) {}

  // The span of negation and cue when `h` is negated.
  std::optional<Span> Check(const Hit& h) const {
    const Span before = BeforeWindow(t_, h.begin);
    if (neg_.keep && !FindIn(*neg_.keep, t_, before).empty()) return std::nullopt;
    if (neg_.before) {
      for (const Span& s : FindIn(*neg_.before, t_, before))
        if (!InsideOtherHit(s, h)) return Span{s.begin, h.end};
      const bool designed = static_cast<std::size_t>(h.entry) < neg_.written_negative.size() &&
                            neg_.written_negative[h.entry];
      if (!designed && !FindIn(*neg_.before, t_, {h.begin, h.end}).empty())
        return Span{h.begin, h.end};
    }
    if (neg_.after) {
      const std::vector<Span> after = FindIn(*neg_.after, t_, AfterWindow(t_, h.end));
      if (!after.empty()) return Span{h.begin, after.front().end};
    }
    return std::nullopt;
  }

 private:
  // "no heat no ac": the "no" of "no heat" belongs to that cue and negates nothing else.
  bool InsideOtherHit(Span s, const Hit& self) const {
    return std::any_of(hits_.begin(), hits_.end(), [&](const Hit& o) {
      return o.group < kTrade && !(o.begin == self.begin && o.end == self.end) &&
             Overlaps(s.begin, s.end, o.begin, o.end);
    });
  }

  std::string_view t_;
  const std::vector<Hit>& hits_;
  const Negation& neg_;
};

}  // namespace

const std::vector<CueSpec>& CueSpecs() {
  static const std::vector<CueSpec> specs = {
      {"stop", "phrase", kStopPhrase},        {"stop", "soft", kStopSoft},
      {"stop", "mask", kStopMask},
      {"emergency", "strong", kEmStrong},     {"emergency", "safety", kEmSafety},
      {"emergency", "problem", kEmProblem},   {"emergency", "urgency", kEmUrgency},
      {"emergency", "calm", kEmCalm},         {"emergency", "mask", kEmMask},
      {"warranty", "claim", kWaClaim},        {"warranty", "work", kWaWork},
      {"warranty", "problem", kWaProblem},    {"warranty", "staff", kWaStaff},
      {"warranty", "mask", kWaMask},
      {"active_estimate", "request", kEsRequest}, {"active_estimate", "reply", kEsReply},
      {"active_estimate", "weak", kEsWeak},   {"active_estimate", "mask", kEsMask},
      {"old_estimate", "reply", kOldReply},   {"old_estimate", "time", kOldTime},
      {"old_estimate", "quote", kOldQuote},   {"old_estimate", "stale", kOldStale},
      {"old_estimate", "recent", kOldRecent}, {"old_estimate", "month", kOldMonth},
      {"old_estimate", "mask", kOldMask},     {"routine", "question", kRoutine},
      {"routine", "logistics", kLogistics},   {"routine", "party", kLogParty},
      {"routine", "when", kLogWhen},          {"routine", "mask", kRoutineMask},
      {"spam", "strong", kSpamStrong},        {"spam", "weak", kSpamWeak},
      {"spam", "buyer", kSpamBuyer},          {"spam", "newsletter", kSpamNewsletter},
      {"spam", "mass", kSpamMass},            {"spam", "scam", kSpamScam},
      {"spam", "mask", kSpamMask},
  };
  return specs;
}

std::string_view LexiconOf(int cue) {
  if (cue >= kTrade) return "trade";
  for (const CueSpec& s : CueSpecs())
    if (s.cue == cue) return s.lexicon;
  return "";
}

Analysis Analyze(const NormalizedText& norm, std::vector<Hit> hits, int cue_count,
                 const Negation& negation) {
  Analysis a;
  a.cues.resize(cue_count);
  const std::vector<Hit> kept = DropNested(ApplyMasks(std::move(hits)));
  const Negator negator(norm.text, kept, negation);
  for (const Hit& h : kept) {
    if (IsNegatable(h.group)) {
      if (const std::optional<Span> s = negator.Check(h)) {
        a.negated.push_back({h, s->begin, s->end});
        continue;
      }
    }
    a.cues[h.group].push_back(h);
  }
  return a;
}

}  // namespace ringback::classify
