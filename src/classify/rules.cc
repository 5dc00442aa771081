#include "classify/rules.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ringback::classify {
namespace {

constexpr std::size_t kMaxQuotes = 3;  // per cue kind: enough to explain, short to read
constexpr std::size_t kMaxQuoteChars = 80;

double Clamp(double x) { return std::clamp(x, 0.0, 0.99); }

double Round2(double x) { return std::round(x * 100.0) / 100.0; }

// What a cue means, for the reason line.
std::string_view Note(int cue) {
  switch (cue) {
    case kStopPhrase: return "asks not to be contacted";
    case kEmStrong: return "urgent problem";
    case kEmSafety: return "safety risk";
    case kEmProblem: return "problem";
    case kEmUrgency: return "time pressure";
    case kEmCalm: return "says it can wait";
    case kWaClaim: return "warranty claim";
    case kWaWork: return "work the company did";
    case kWaProblem: return "problem";
    case kEsRequest: return "asks for an estimate or visit";
    case kEsReply: return "answers an estimate";
    case kEsWeak: return "mentions a quote or price";
    case kOldReply: return "earlier estimate";
    case kOldTime: return "long ago";
    case kRoutine: return "routine question";
    case kSpamStrong: return "sales pitch to the business";
    case kSpamWeak: return "sounds like a pitch";
    case kSpamBuyer: return "about their own home";
    default: return "";
  }
}

// The buyer's own words, whitespace tidied, shortened when long.
std::string CleanQuote(std::string_view raw) {
  std::string out;
  bool space = false;
  for (char c : raw) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  if (out.size() > kMaxQuoteChars) {
    std::size_t cut = kMaxQuoteChars;  // never split a UTF-8 character
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "...";
  }
  return "\"" + out + "\"";
}

// "estimate sent 45 days ago (old after 30 days)".
std::string AgeReason(int age, int old_days) {
  const std::string days = std::to_string(old_days) + " days)";
  return "estimate sent " + std::to_string(age) + " days ago (" +
         (age >= old_days ? "old after " : "active until ") + days;
}

void FinishContext(Classification& c, const ClassifyContext& ctx, bool counted) {
  if (ctx.calls_within_minutes >= 2) {
    c.reasons.push_back("called " + std::to_string(ctx.calls_within_minutes) +
                        " more times within 15 minutes");
    if (!counted) c.confidence = Clamp(c.confidence + 0.05);
  }
  if (!ctx.has_contact_handle) c.reasons.push_back("no phone or email to reply to");
  c.confidence = Round2(c.confidence);
}

// Bulk or automated mail (a newsletter, a list, a bounce) is not a person asking: spam, whatever
// its words say, so an "unsubscribe" footer is never a stop request.
Classification Bulk(const ClassifyContext& ctx) {
  Classification c;
  c.category = Category::kSpam;
  c.confidence = 0.95;
  c.reasons.push_back("bulk or automated mail (" + ctx.bulk + "), not a person writing");
  return c;
}

class Decider {
 public:
  explicit Decider(const RuleInput& in) : in_(in), a_(in.analysis), ctx_(in.context) {}

  Classification Run() {
    if (!ctx_.bulk.empty()) {
      Classification bulk = Bulk(ctx_);
      FinishContext(bulk, ctx_, false);
      return bulk;
    }
    std::optional<Classification> c = Stop();
    if (!c) c = Pitch();
    if (!c) c = Emergency();
    if (!c) c = Warranty();
    if (!c) c = Estimate();
    if (!c) c = Routine();
    if (!c) c = WeakEstimate();
    if (!c) c = Problem();
    if (!c) c = WeakSpam();
    if (!c) c = OpenEstimate(0.5, "no request in the words, but an estimate is on file");
    if (!c) c = Unknown();
    Finish(*c);
    return *c;
  }

 private:
  std::string Quote(std::size_t begin, std::size_t end) const {
    return CleanQuote(in_.norm.Original(in_.original, begin, end));
  }

  // One reason per hit of `cue`: says "no heat" (urgent problem).
  // A span quoted once is not quoted again for another cue.
  void Says(Classification& c, int cue) {
    std::size_t said = 0;
    for (const Hit& h : a_[cue]) {
      if (said == kMaxQuotes) break;
      if (AlreadyQuoted(h.begin, h.end)) continue;
      quoted_.emplace_back(h.begin, h.end);
      c.reasons.push_back("says " + Quote(h.begin, h.end) + " (" + std::string(Note(cue)) + ")");
      ++said;
    }
  }

  bool AlreadyQuoted(std::size_t begin, std::size_t end) const {
    return std::any_of(quoted_.begin(), quoted_.end(), [&](const auto& q) {
      return q.first <= begin && end <= q.second;
    });
  }

  std::size_t Count(std::initializer_list<int> cues) const {
    std::size_t n = 0;
    for (int cue : cues) n += a_[cue].size();
    return n;
  }

  bool Repeated() const { return ctx_.calls_within_minutes >= 2; }

  static Classification Make(Category cat, double confidence) {
    Classification c;
    c.category = cat;
    c.confidence = Clamp(confidence);
    return c;
  }

  std::optional<Classification> Stop() {
    if (a_.stop_keyword) {
      Classification c = Make(Category::kStop, 0.99);
      c.reasons.push_back("replied " + CleanQuote(in_.original) + ", an opt-out keyword");
      return c;
    }
    if (!a_.has(kStopPhrase)) return std::nullopt;
    Classification c = Make(Category::kStop, 0.93 + 0.03 * double(Count({kStopPhrase}) - 1));
    Says(c, kStopPhrase);
    return c;
  }

  std::optional<Classification> Pitch() {
    if (!a_.has(kSpamStrong) || a_.has(kSpamBuyer)) return std::nullopt;
    double conf = 0.88 + 0.03 * double(Count({kSpamStrong, kSpamWeak}) - 1);
    Classification c = Make(Category::kSpam, conf + (ctx_.on_spam_list ? 0.05 : 0.0));
    Says(c, kSpamStrong);
    Says(c, kSpamWeak);
    if (ctx_.on_spam_list) c.reasons.push_back("number is on the company's block list");
    return c;
  }

  std::optional<Classification> Emergency() {
    const bool calm = a_.has(kEmCalm);
    const bool safety = a_.has(kEmSafety);
    const bool strong = a_.has(kEmStrong);
    const bool problem = a_.has(kEmProblem);
    double score = (strong ? (calm ? 0.5 : 1.0) : 0.0) + (problem && !calm ? 0.5 : 0.0);
    const bool about_something = safety || strong || problem;
    if (about_something && !calm) {
      score += a_.has(kEmUrgency) ? 0.5 : 0.0;
      if (Repeated() && score < 1.0) {
        score += 0.5;
        repeated_raised_ = true;
      }
    }
    if (!safety && score < 1.0) return std::nullopt;
    const double base = safety ? 0.95 : (strong && !calm) ? 0.9 : 0.75;
    const double extra = double(Count({kEmSafety, kEmStrong, kEmProblem, kEmUrgency}) - 1);
    Classification c = Make(Category::kEmergency, std::min(base + 0.02 * extra, 0.98));
    for (int cue : {kEmSafety, kEmStrong, kEmProblem, kEmUrgency}) Says(c, cue);
    if (repeated_raised_)
      c.reasons.push_back("repeated calls make the problem urgent");
    return c;
  }

  std::optional<Classification> Warranty() {
    const bool claim = a_.has(kWaClaim);
    const bool work = a_.has(kWaWork);
    const bool problem = a_.has(kWaProblem) || a_.has(kEmProblem) || a_.has(kEmStrong);
    const bool past = ctx_.has_past_job;
    double conf = 0;
    if (claim) conf = (work || problem || past) ? 0.9 : 0.75;
    else if (work && problem) conf = past ? 0.93 : 0.85;
    else if (past && problem && !a_.has(kEsRequest)) conf = 0.6;
    if (conf == 0) return std::nullopt;
    Classification c = Make(Category::kWarranty, conf);
    for (int cue : {kWaClaim, kWaWork, kWaProblem, kEmStrong, kEmProblem}) Says(c, cue);
    if (past) c.reasons.push_back("a past job for this contact is on file");
    return c;
  }

  // Active or old by the age of the estimate on file.
  std::optional<Classification> ByAge(double conf) const {
    if (!ctx_.estimate_age_days) return std::nullopt;
    const int age = *ctx_.estimate_age_days;
    const bool old = age >= in_.old_estimate_days;
    Classification c = Make(old ? Category::kOldEstimate : Category::kActiveEstimate, conf);
    c.reasons.push_back(AgeReason(age, in_.old_estimate_days));
    return c;
  }

  std::optional<Classification> Estimate() {
    const bool reply = a_.has(kEsReply) || a_.has(kOldReply);
    const bool long_ago = a_.has(kOldReply) || a_.has(kOldTime);
    std::optional<Classification> c;
    if (reply) {
      c = ByAge(0.9);
      if (!c) c = Make(long_ago ? Category::kOldEstimate : Category::kActiveEstimate,
                       long_ago ? 0.8 : 0.65);
    } else if (a_.has(kEsRequest)) {
      c = Make(Category::kActiveEstimate, 0.82 + 0.03 * double(Count({kEsRequest}) - 1));
    }
    if (!c) return std::nullopt;
    for (int cue : {kOldReply, kEsReply, kEsRequest, kEsWeak}) Says(*c, cue);
    if (c->category == Category::kOldEstimate && !ctx_.estimate_age_days) Says(*c, kOldTime);
    return c;
  }

  // Names a quote, a price or a job without asking: weaker than a routine question.
  std::optional<Classification> WeakEstimate() {
    if (!a_.has(kEsWeak)) return std::nullopt;
    std::optional<Classification> c = ByAge(0.75);
    if (!c) c = Make(a_.has(kOldTime) ? Category::kOldEstimate : Category::kActiveEstimate, 0.62);
    Says(*c, kEsWeak);
    if (c->category == Category::kOldEstimate && !ctx_.estimate_age_days) Says(*c, kOldTime);
    return c;
  }

  std::optional<Classification> Routine() {
    if (!a_.has(kRoutine)) return std::nullopt;
    Classification c = Make(Category::kRoutine, 0.72 + 0.05 * double(Count({kRoutine}) - 1));
    Says(c, kRoutine);
    return c;
  }

  // A problem with no request still needs someone to look at it.
  std::optional<Classification> Problem() {
    if (!a_.has(kWaProblem) && !a_.has(kEmProblem) && !a_.has(kEmStrong)) return std::nullopt;
    Classification c = Make(Category::kActiveEstimate, 0.55);
    for (int cue : {kEmStrong, kEmProblem, kWaProblem}) Says(c, cue);
    c.reasons.push_back("describes a problem to fix: needs a visit or a quote");
    return c;
  }

  std::optional<Classification> WeakSpam() {
    const std::size_t weak = Count({kSpamWeak});
    const bool listed = ctx_.on_spam_list;
    const bool pitch = a_.has(kSpamStrong) || weak >= 2;
    if (!pitch && !listed) return std::nullopt;
    const bool buyer = a_.has(kSpamBuyer);
    if (buyer && !a_.has(kSpamStrong)) return std::nullopt;
    Classification c = Make(Category::kSpam, listed ? 0.85 : buyer ? 0.6 : 0.75);
    Says(c, kSpamStrong);
    Says(c, kSpamWeak);
    if (listed) c.reasons.push_back("number is on the company's block list");
    return c;
  }

  std::optional<Classification> OpenEstimate(double conf, std::string_view why) const {
    std::optional<Classification> c = ByAge(conf);
    if (c) c->reasons.insert(c->reasons.begin(), std::string(why));
    return c;
  }

  Classification Unknown() {
    Classification c = Make(Category::kUnknown, 0.4);
    c.reasons.push_back("no words that name a need, a problem or a request");
    Says(c, kEmUrgency);
    return c;
  }

  void Finish(Classification& c) {
    std::size_t said = 0;
    for (const NegatedHit& n : a_.negated) {
      if (said == 2) break;
      if (AlreadyQuoted(n.begin, n.end)) continue;
      quoted_.emplace_back(n.begin, n.end);
      c.reasons.push_back("not counted: " + Quote(n.begin, n.end) + " (negated)");
      ++said;
    }
    if (c.category != Category::kEmergency && a_.has(kEmCalm) &&
        (a_.has(kEmStrong) || a_.has(kEmProblem)))
      c.reasons.push_back("says " + Quote(a_[kEmCalm][0].begin, a_[kEmCalm][0].end) +
                          ": not treated as an emergency");
    FinishContext(c, ctx_, repeated_raised_);
  }

  const RuleInput& in_;
  const Analysis& a_;
  const ClassifyContext& ctx_;
  bool repeated_raised_ = false;
  std::vector<std::pair<std::size_t, std::size_t>> quoted_;
};

std::string EmptyReason(Channel channel, const ClassifyContext& ctx) {
  if (channel == Channel::kVoicemail) return "voicemail with no transcript";
  if (channel != Channel::kCall) return "message with no text";
  if (ctx.answered) return "answered call with no notes";
  if (ctx.duration_seconds >= 0 && ctx.duration_seconds < 10)
    return "missed call of " + std::to_string(ctx.duration_seconds) + " s with no voicemail";
  return "missed call with no voicemail or text";
}

}  // namespace

Classification Decide(const RuleInput& in) { return Decider(in).Run(); }

Classification DecideEmpty(Channel channel, const ClassifyContext& ctx, int old_estimate_days) {
  if (!ctx.bulk.empty()) {
    Classification bulk = Bulk(ctx);
    FinishContext(bulk, ctx, false);
    return bulk;
  }
  Classification c;
  c.reasons.push_back(EmptyReason(channel, ctx));
  if (ctx.on_spam_list) {
    c.category = Category::kSpam;
    c.confidence = 0.95;
    c.reasons.push_back("number is on the company's block list");
  } else if (ctx.estimate_age_days) {
    const int age = *ctx.estimate_age_days;
    const bool old = age >= old_estimate_days;
    c.category = old ? Category::kOldEstimate : Category::kActiveEstimate;
    c.confidence = 0.45;
    c.reasons.push_back(AgeReason(age, old_estimate_days));
  } else {
    c.category = Category::kUnknown;
    c.confidence = 0.9;
  }
  FinishContext(c, ctx, false);
  return c;
}

}  // namespace ringback::classify
