// Analysis: what the lexicons found in one message, after masks, overlaps and negation have
// been resolved. The rules in rules.h turn an Analysis plus context into a Classification.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classify/normalize.h"
#include "classify/phrase_matcher.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace ringback::classify {

// One kind of evidence: a (lexicon, section) pair of data/lexicon. Trades come after kTrade.
enum Cue : int {
  kStopPhrase,
  kStopSoft,    // an opt-out that a later request for work takes back ("wrong number, but...")
  kStopMask,
  kEmStrong,    // an emergency in itself: active leak, no heat, storm damage...
  kEmSafety,    // danger to people: counts even when the buyer says "no rush"
  kEmProblem,   // a problem that is urgent only with an urgency cue or repeated calls
  kEmUrgency,   // "asap", "right now": urgent, but about what?
  kEmCalm,      // "no rush": the buyer says it is not urgent
  kEmMask,
  kWaClaim,     // an explicit warranty claim
  kWaWork,      // refers to work the company did
  kWaProblem,   // something wrong with it
  kWaStaff,     // the office's own call notes: "unit we installed"
  kWaMask,
  kEsRequest,   // asks for pricing, an inspection, scheduling
  kEsReply,     // answers an estimate the company gave
  kEsWeak,      // names a quote or price without asking
  kEsMask,
  kOldReply,    // names an estimate from long ago
  kOldTime,     // "last spring", "a while back"
  kOldQuote,    // a quote, price or visit the company gave: "you gave us a price"
  kOldStale,    // the buyer waited: "we put it off", "finally ready"
  kOldRecent,   // "last week", "yesterday": a quote still active
  kOldMonth,    // "in May", "around Christmas": dated against the message
  kOldMask,
  kRoutine,
  kLogistics,   // a booked job's logistics: running late, gate code, dumpster pickup
  kLogParty,    // who or what a booked job brings: the tech, the crew, the dumpster
  kLogWhen,     // when: today, Tuesday, 2pm, arriving, still coming
  kRoutineMask,
  kSpamStrong,  // a sales pitch to the business
  kSpamWeak,
  kSpamBuyer,   // a buyer talking about their own home: outweighs a pitch
  kSpamNewsletter,  // bulk mail in its own words: footers, "view in browser"
  kSpamMass,    // mass-mail vocabulary: pills, loans, "click here", "to be removed"
  kSpamScam,    // a fake job: overpayment, a mover or agent paid from the check; outweighs a buyer
  kSpamMask,
  kTrade,       // kTrade + i: trade i
};

struct CueSpec {
  std::string_view lexicon;
  std::string_view section;
  Cue cue;
};

// Every (lexicon, section) that feeds the phrase matcher.
const std::vector<CueSpec>& CueSpecs();

// The lexicon a cue comes from (masks and overlaps act within one lexicon).
std::string_view LexiconOf(int cue);

// Negation patterns, compiled once. Any may be null (the section was empty).
struct Negation {
  std::shared_ptr<const re2::RE2> before;  // "not", "no longer" shortly before a cue
  std::shared_ptr<const re2::RE2> after;   // "has stopped", "is fixed" shortly after
  std::shared_ptr<const re2::RE2> keep;    // "won't stop": looks negative, is not
  // Per matcher entry: true when the entry is itself written with a negation ("no heat",
  // "won't turn on"); otherwise a negation inside its span ("pipe is not broken") negates it.
  std::vector<bool> written_negative;
};

struct NegatedHit {
  Hit hit;
  std::size_t begin = 0;  // the negation and the cue together, in the normalized text
  std::size_t end = 0;
};

struct Analysis {
  std::vector<std::vector<Hit>> cues;  // indexed by Cue; trades from kTrade on
  std::vector<NegatedHit> negated;
  bool stop_keyword = false;
  bool denies_name = false;  // "Not Gary": the reader is not the person named
  std::string opt_out_choice;  // "2" under "Reply 2 to stop receiving them"

  const std::vector<Hit>& operator[](int cue) const { return cues[cue]; }
  bool has(int cue) const { return !cues[cue].empty(); }
};

// Resolves raw hits: masks remove hits of their lexicon that they overlap, a hit inside a
// longer hit of the same lexicon is dropped, and negated hits are set aside.
Analysis Analyze(const NormalizedText& norm, std::vector<Hit> hits, int cue_count,
                 const Negation& negation);

}  // namespace ringback::classify
