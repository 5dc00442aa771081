#include "classify/rules.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <cmath>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace ringback::classify {
namespace {

constexpr std::size_t kMaxQuotes = 3;  // per cue kind: enough to explain, short to read
constexpr std::size_t kMaxQuoteChars = 80;
constexpr std::size_t kShortMail = 60;
constexpr std::size_t kLongBeforeFooter = 40;  // words above a closing "Unsubscribe" line
// The model's posterior needed to change a weak decision, and any other one (never a stop or
// an emergency): chosen by scripts/classification-cv on the development part.
constexpr double kModelSure = 0.6;
constexpr double kModelOverRules = 0.8;

double Clamp(double x) { return std::clamp(x, 0.0, 0.99); }

double Round2(double x) { return std::round(x * 100.0) / 100.0; }

// What a cue means, for the reason line.
std::string_view Note(int cue) {
  switch (cue) {
    case kStopPhrase: return "asks not to be contacted";
    case kStopSoft: return "asks not to be contacted";
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
    case kOldQuote: return "a quote the company gave";
    case kOldStale: return "waited since";
    case kOldRecent: return "recent";
    case kOldMonth: return "when";
    case kLogistics: return "about a booked job";
    case kLogParty: return "the job's people or things";
    case kLogWhen: return "when";
    case kWaStaff: return "work the company did";
    case kSpamNewsletter: return "bulk mail";
    case kSpamMass: return "mass-mail words";
    case kSpamScam: return "a fake job: the overpayment scam";
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

struct MonthDay {
  int month = 0;  // 1..12
  int day = 0;    // 0: not said
};

// "2/9", "11/3/2025": month and day written in digits, US order (the [month] entry takes a
// date only after "from", "dated" or "on"; a year written with it is not read).
std::optional<MonthDay> NumericDate(std::string_view text) {
  // "4/2", "03-14-25": the first separator with a digit before it.
  std::size_t slash = text.find_first_of("/-");
  while (slash != std::string_view::npos && (slash == 0 || text[slash - 1] < '0' || text[slash - 1] > '9'))
    slash = text.find_first_of("/-", slash + 1);
  if (slash == std::string_view::npos) return std::nullopt;
  std::size_t b = slash;
  while (b > 0 && text[b - 1] >= '0' && text[b - 1] <= '9') --b;
  int month = 0;
  for (std::size_t k = b; k < slash; ++k) month = month * 10 + (text[k] - '0');
  int day = 0;
  for (std::size_t k = slash + 1; k < text.size() && text[k] >= '0' && text[k] <= '9' && day < 100; ++k)
    day = day * 10 + (text[k] - '0');
  if (slash - b > 2 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  return MonthDay{month, day};
}

// The month (and day, when said) that a [month] hit of old_estimate.txt names.
std::optional<MonthDay> NamedMonth(std::string_view text) {
  struct Name {
    std::string_view word;
    MonthDay when;
  };
  static constexpr std::array<Name, 49> kNames{{
      {"january", {1, 0}},   {"february", {2, 0}},  {"march", {3, 0}},     {"april", {4, 0}},
      {"may", {5, 0}},       {"june", {6, 0}},      {"july", {7, 0}},      {"august", {8, 0}},
      {"september", {9, 0}}, {"sept", {9, 0}},      {"october", {10, 0}},  {"november", {11, 0}},
      {"december", {12, 0}}, {"jan", {1, 0}},       {"feb", {2, 0}},       {"mar", {3, 0}},
      {"apr", {4, 0}},       {"jun", {6, 0}},       {"jul", {7, 0}},       {"aug", {8, 0}},
      {"sep", {9, 0}},       {"oct", {10, 0}},      {"nov", {11, 0}},      {"dec", {12, 0}},
      {"enero", {1, 0}},     {"febrero", {2, 0}},   {"marzo", {3, 0}},     {"abril", {4, 0}},
      {"mayo", {5, 0}},      {"junio", {6, 0}},     {"julio", {7, 0}},     {"agosto", {8, 0}},
      {"septiembre", {9, 0}}, {"setiembre", {9, 0}}, {"octubre", {10, 0}}, {"noviembre", {11, 0}},
      {"diciembre", {12, 0}}, {"christmas", {12, 25}}, {"navidad", {12, 25}},
      {"thanksgiving", {11, 25}}, {"holidays", {12, 20}}, {"easter", {4, 10}},
      {"halloween", {10, 31}}, {"memorial", {5, 28}}, {"labor", {9, 3}},
      {"xmas", {12, 25}},    {"valentine", {2, 14}}, {"valentine's", {2, 14}},
      {"valentines", {2, 14}},
  }};
  if (const std::optional<MonthDay> numeric = NumericDate(text)) return numeric;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !(text[i] >= 'a' && text[i] <= 'z')) ++i;
    std::size_t e = i;
    while (e < text.size() && text[e] >= 'a' && text[e] <= 'z') ++e;
    const std::string_view word = text.substr(i, e - i);
    for (const Name& n : kNames) {
      if (word != n.word) continue;
      MonthDay out = n.when;
      std::size_t d = e;
      while (d < text.size() && (text[d] == ' ' || text[d] == '.')) ++d;
      int day = 0;
      while (d < text.size() && text[d] >= '0' && text[d] <= '9' && day < 100)
        day = day * 10 + (text[d++] - '0');
      if (day >= 1 && day <= 31) out.day = day;
      return out;
    }
    if (word == "year" || word == "years" || word == "ano") return MonthDay{1, 1};  // new year
    if (word == "fourth" || word == "4th") return MonthDay{7, 4};
    i = e;
  }
  return std::nullopt;
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
    if (std::optional<Classification> r = Reaction(); r || (r = AutoReply()) || (r = EmptyForm())) {
      Finish(*r);
      return *r;
    }
    std::optional<Classification> c = Stop();
    if (!c) c = Pitch();
    if (!c) c = Emergency();
    if (!c) c = Warranty();
    if (!c) c = PastQuote();
    if (!c) c = Logistics();
    if (!c) c = Estimate();
    if (!c) c = Routine();
    // What follows is decided with little: the model may overrule it.
    if (!c) weak_ = true;
    if (!c) c = PocketDial();
    if (!c) c = WeakEstimate();
    if (!c) c = Problem();
    if (!c) c = WeakSpam();
    if (!c) c = OpenEstimate(0.5, "no request in the words, but an estimate is on file");
    if (!c) c = Unknown();
    Model(*c);
    Finish(*c);
    return *c;
  }

  // The model's word-level judgement among the categories that are neither stop nor
  // emergency: where the rules had little to go on, or where it is very sure.
  void Model(Classification& c) const {
    if (!in_.model || c.category == Category::kStop || c.category == Category::kEmergency)
      return;
    if (firm_) return;  // facts on file, a dated quote, the company's work named
    // A quote, an estimate or a measurement asked for in so many words stays an estimate.
    if (c.category == Category::kActiveEstimate && EstimateVisit()) return;
    if (c.category == Category::kSpam && !weak_) return;  // a pitch or mass mail the rules saw
    // A question about the warranty's terms names no job to quote, whatever its other words.
    if (c.category == Category::kRoutine && !weak_ && WarrantyTermsQuestion()) return;
    const std::optional<ModelGuess> g = in_.model->Guess(in_.norm.text);
    if (!g || g->probability < (weak_ ? kModelSure : kModelOverRules) || g->category == c.category)
      return;
    // Words alone never drop a request the rules read: no spam or unknown over one.
    if (!weak_ && (g->category == Category::kSpam || g->category == Category::kUnknown)) return;
    // Unknown is a message that names no need, problem or request: not one the rules read one
    // in, nor a job named on its own (a lead whose only words are its job type, "Roof repair").
    if (g->category == Category::kUnknown &&
        (a_.has(kWaProblem) || a_.has(kEmProblem) || a_.has(kEmStrong) || a_.has(kEsRequest) ||
         (c.category == Category::kActiveEstimate && a_.has(kEsWeak))))
      return;
    const bool job = g->category == Category::kActiveEstimate ||
                     g->category == Category::kOldEstimate || g->category == Category::kWarranty;
    if (job && GenericOutOfContext()) return;
    // Warranty is the company's own work, an old estimate a quote it gave: the words must
    // name one, or the file must have one.
    if (g->category == Category::kWarranty && !a_.has(kWaWork) && !a_.has(kWaStaff) &&
        !a_.has(kWaClaim) && !ctx_.has_past_job)
      return;
    // An old estimate also needs its time: a long-ago word or a wait ("we put it off").
    if (g->category == Category::kOldEstimate &&
        (!(a_.has(kOldQuote) || a_.has(kEsReply) || a_.has(kOldReply) || a_.has(kEsWeak)) ||
         !(a_.has(kOldTime) || a_.has(kOldMonth) || a_.has(kOldStale) || a_.has(kOldReply))))
      return;
    std::string words;
    for (const std::string& w : g->because) words += (words.empty() ? "\"" : ", \"") + w + "\"";
    const std::string before = std::string(CategoryName(c.category));
    c.category = g->category;
    c.confidence = Clamp(0.5 + 0.3 * (g->probability - kModelSure) / (1 - kModelSure));
    c.reasons.insert(c.reasons.begin(),
                     "reads like the labelled " + std::string(CategoryName(g->category)) +
                         " messages" + (words.empty() ? "" : " (" + words + ")") +
                         "; the rules alone said " + before);
  }

 private:
  std::string Quote(std::size_t begin, std::size_t end) const {
    // A cue anchored at a sentence's start carries the stop before it: quote the words only.
    while (begin < end && std::string_view(".!?;,\n ").find(in_.norm.text[begin]) != std::string_view::npos)
      ++begin;
    return CleanQuote(in_.norm.Original(in_.original, begin, end));
  }

  // One reason per hit of `cue`: says "no heat" (urgent problem).
  // A span quoted once is not quoted again for another cue.
  void Says(Classification& c, int cue) { SaysHits(c, a_[cue], cue); }

  void SaysHits(Classification& c, const std::vector<Hit>& hits, int cue) {
    std::size_t said = 0;
    for (const Hit& h : hits) {
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
    if (!a_.opt_out_choice.empty()) {
      Classification c = Make(Category::kStop, 0.97);
      c.reasons.push_back("answered \"" + a_.opt_out_choice +
                          "\", the opt-out the automated message it quotes offered");
      return c;
    }
    if (a_.denies_name) {
      Classification c = Make(Category::kStop, 0.95);
      c.reasons.push_back("replied " + CleanQuote(in_.original) +
                          ": not the person the office tried to reach");
      return c;
    }
    // The quoted part of a reply is the office's own mail: its "unsubscribe" asks nothing.
    std::vector<Hit> asked;
    for (const Hit& h : a_[kStopPhrase])
      if (InNewText(h) && !InFooter(h)) asked.push_back(h);
    for (const Hit& h : a_[kStopSoft]) {
      if (!InNewText(h) || InFooter(h)) continue;
      if (RequestAfter(h) || OfficeTurnedAway()) taken_back_.push_back(h);
      else asked.push_back(h);
    }
    if (asked.empty() && !a_.has(kStopPhrase)) return std::nullopt;
    if (asked.empty()) {
      footer_stop_ = true;
      return std::nullopt;
    }
    // "Stop texting me about the estimate and just call": one channel refused, another asked
    // for. A refusal the draft honours, not an opt-out.
    if (const std::optional<std::string_view> other = SwitchesChannel(asked)) {
      for (const Hit& h : asked) switched_.push_back(h);
      switched_to_ = *other;
      return std::nullopt;
    }
    Classification c = Make(Category::kStop, 0.93 + 0.03 * double(asked.size() - 1));
    SaysHits(c, asked, kStopPhrase);
    return c;
  }

  // Whether `w` is in `t` as whole words ("angi" is not in "changing", "ring" not in "during").
  static bool HasWords(std::string_view t, std::string_view w) {
    const auto word_byte = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
    for (std::size_t at = t.find(w); at != std::string_view::npos; at = t.find(w, at + 1)) {
      const std::size_t end = at + w.size();
      if ((at == 0 || !word_byte(t[at - 1])) && (end >= t.size() || !word_byte(t[end]))) return true;
    }
    return false;
  }

  // The one channel a stop's words name: "text" ("stop texting me", "no me manden mensajes"),
  // "email" or "call"; empty when they name none or several ("don't call or text").
  std::string_view ChannelNamed(std::string_view words) const {
    // Stems: a word that starts with one names its channel ("texting", "llamen", "emails").
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kWords{{
        {"text", "text"},       {"txt", "text"},        {"sms", "text"},     {"mensaje", "text"},
        {"whatsapp", "text"},   {"email", "email"},     {"e-mail", "email"}, {"correo", "email"},
        {"mail", "email"},      {"newsletter", "email"}, {"call", "call"},   {"ring", "call"},
        {"phone", "call"},      {"llam", "call"},       {"marc", "call"},    {"cell", "call"},
        {"telephon", "call"}}};
    const auto starts_word = [&](std::string_view w) {
      for (std::size_t at = words.find(w); at != std::string_view::npos; at = words.find(w, at + 1))
        if (at == 0 || !std::isalnum(static_cast<unsigned char>(words[at - 1]))) return true;
      return false;
    };
    std::string_view found;
    for (const auto& [w, channel] : kWords)
      if (starts_word(w)) {
        if (!found.empty() && found != channel) return {};
        found = channel;
      }
    return found;
  }

  // Every stop said names the same one channel, and after it the message asks, unnegated and not
  // as a threat or an "if", to be reached on another ("just call", "text me at", "email me",
  // "por WhatsApp"): that other channel.
  std::optional<std::string_view> SwitchesChannel(const std::vector<Hit>& asked) const {
    const std::string_view t = in_.norm.text;
    std::string_view refused;
    std::size_t after = 0;
    for (const Hit& h : asked) {
      after = std::max(after, h.end);
      const std::string_view c = ChannelNamed(t.substr(h.begin, h.end - h.begin));
      if (c.empty() || (!refused.empty() && c != refused)) return std::nullopt;
      refused = c;
    }
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 26> kAsks{{
        {"call me", "call"},        {"call us", "call"},        {"just call", "call"},
        {"call the house", "call"}, {"give me a call", "call"}, {"call my cell", "call"},
        {"can pick up", "call"},    {"llamame", "call"},        {"llameme", "call"},
        {"llamenme", "call"},       {"call me back", "call"},   {"phone me", "call"},
        {"text me", "text"},        {"txt me", "text"},         {"just text", "text"},
        {"whatsapp", "text"},       {"por aqui", "text"},       {"textme", "text"},
        {"email me", "email"},      {"e-mail me", "email"},     {"by email", "email"},
        {"by e-mail", "email"},     {"my personal email", "email"}, {"por correo", "email"},
        {"por mail", "email"},      {"mail it", "email"}}};
    for (const auto& [ask, channel] : kAsks) {
      if (channel == refused) continue;
      for (std::size_t at = t.find(ask, after); at != std::string_view::npos; at = t.find(ask, at + 1)) {
        const std::string_view before = t.substr(0, at);
        const std::size_t end = at + ask.size();
        const auto word_byte = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; };
        if ((at > 0 && word_byte(t[at - 1])) || (end < t.size() && word_byte(t[end]))) continue;
        if (before.ends_with("don't ") || before.ends_with("do not ") || before.ends_with("dont ") ||
            before.ends_with("never ") || before.ends_with("no ") || before.ends_with("not ") ||
            before.ends_with("ni ") || t.substr(end).starts_with(" ni ") || t.substr(end).starts_with(" again") ||
            t.substr(end).starts_with(" ever") || t.substr(end).starts_with(" one more"))
          continue;
        // "If anything is needed you may email me": a door left open, not the channel asked for.
        if (HasWords(before.substr(before.size() > 40 ? before.size() - 40 : 0), "if")) continue;
        if (std::any_of(asked.begin(), asked.end(), [&](const Hit& h) { return at >= h.begin && at < h.end; }))
          continue;
        return channel;
      }
    }
    return std::nullopt;
  }

  // A request for work, or a question about the services, after a soft opt-out takes it back
  // ("wrong number, but I'm the new owner and need a quote"). The opt-out's own words are not
  // a request: "not interested in the estimate" does not take itself back.
  bool RequestAfter(const Hit& soft) const {
    for (int cue : {kEsRequest, kRoutine})
      for (const Hit& r : a_[cue])
        if (r.begin >= soft.end && !CancelsIt(r) && !Refuses(r)) return true;
    return AsksToBeCalledAfter(soft.end);
  }

  // "I never asked for that. Please call me about the bathroom estimate": a call asked for,
  // not refused ("don't call me back").
  bool AsksToBeCalledAfter(std::size_t from) const {
    const std::string_view t = std::string_view(in_.norm.text).substr(from);
    for (std::string_view ask : {"please call me", "pls call me", "call me about", "call me back about",
                                 "give me a call", "ready to schedule", "please give us a call",
                                 "can you send", "could you send", "can you email", "could you email",
                                 "please send", "can you give us", "could you give us", "can you quote",
                                 "could you quote", "go ahead with the estimate", "go ahead with the quote",
                                 "go ahead with the job", "go ahead with the work", "go ahead with the project"})
      for (std::size_t at = t.find(ask); at != std::string_view::npos; at = t.find(ask, at + 1)) {
        // The clause so far must not refuse it: "we're not ready to schedule", "quit trying to call me".
        std::size_t clause = t.find_last_of(".!?;,\n", at);
        clause = clause == std::string_view::npos ? 0 : clause + 1;
        const std::string_view said = t.substr(clause, at - clause);
        bool refused = false;
        for (std::string_view no : {"not ", "n't ", "never ", "no longer", "stop", "quit", "trying to", "keep", "why"})
          refused = refused || said.find(no) != std::string_view::npos;
        if (!refused) return true;
      }
    return false;
  }

  // "Don't call the office line again": a cue whose own words refuse is no request.
  bool Refuses(const Hit& r) const {
    const std::string_view said = std::string_view(in_.norm.text).substr(r.begin, r.end - r.begin);
    return said.starts_with("don't") || said.starts_with("do not") || said.starts_with("not ");
  }

  // "Please cancel the estimate appointment": the words of a visit, in a sentence that calls it
  // off without booking another. Not a request that takes an opt-out back.
  bool CancelsIt(const Hit& r) const {
    const std::string_view t = in_.norm.text;
    const std::size_t b = SentenceStart(r.begin);
    std::size_t e = t.find_first_of(".!?;\n", r.end);
    if (e == std::string_view::npos) e = t.size();
    const std::string_view sentence = t.substr(b, e - b);
    auto says = [&](std::string_view w) { return sentence.find(w) != std::string_view::npos; };
    if (!says("cancel")) return false;
    if (says("don't") || says("do not") || says("no need")) return true;  // "...and don't reschedule"
    for (std::string_view rebook : {"reschedul", "rebook", "re-book", "instead", "move it", "another day",
                                    "another time", "different day", "different time", "next week"})
      if (says(rebook)) return false;  // cancel-and-rebook is logistics
    return true;
  }

  // A call note about a seller the office turned away ("sells gutter guards... not
  // interested"): the office's "not interested", not the caller's.
  bool OfficeTurnedAway() const {
    return in_.channel == Channel::kCall && a_.has(kSpamStrong);
  }

  // A stop phrase near a bulk-mail footer ("View in browser | Unsubscribe") is the footer's
  // link, not the sender asking anything.
  bool InFooter(const Hit& stop) const {
    // A lead platform's notice carries the homeowner's own words: only its footer lines are its.
    if (LeadNotice()) return PlatformLine(stop);
    // A short reply above a quoted mailing ("UNSUBSCRIBE\n\nOn Wed ... wrote:") is the person.
    const auto [begin, end] = NewText();
    if (Quotes() && InNewText(stop) && Words(end) - Words(begin) <= kShortMail) return false;
    // A footer is at the bottom: a subject line that says it ("Cease and desist") is the sender.
    if (stop.begin < SubjectLineEnd(in_.norm.text)) return false;
    // A mailing removes people from "our list"; "remove us from your mailing lists" is a reader
    // writing to the company, however long and businesslike the letter.
    if (MassMail() && Words() > kShortMail && !AimedAtTheCompany(stop)) return true;
    // A bare "Unsubscribe" line closing a mail that pitches something is its footer.
    if (in_.channel == Channel::kEmail && Count({kSpamStrong, kSpamWeak}) > 0 && LastLine(stop))
      return true;
    // So is a short "Unsubscribe (from promotional emails)" line under a long mail's sign-off.
    if (in_.channel == Channel::kEmail && ClosingLine(stop) && Words(stop.begin) >= kLongBeforeFooter)
      return true;
    constexpr std::size_t kNear = 300;
    if (in_.channel != Channel::kEmail) return false;  // a voicemail has no footer
    const std::size_t subject = SubjectLineEnd(in_.norm.text);
    // "Subject: your unsubscribe link doesn't work" is the reader's complaint, not a mailing's mark.
    const bool complains = in_.norm.text.substr(0, subject).find("unsubscribe") != std::string::npos;
    for (const Hit& n : a_[kSpamNewsletter])
      if ((n.begin >= subject || !complains) && stop.begin + kNear >= n.begin && n.end + kNear >= stop.end)
        return true;
    return false;
  }

  std::optional<Classification> Pitch() {
    if (std::optional<Classification> c = Newsletter()) return c;
    // A reply about the company's own quote is a buyer's, whatever its signature holds.
    const bool about_our_quote = a_.has(kEsReply) || a_.has(kOldQuote) || a_.has(kOldReply);
    if (MassMail() && !about_our_quote) {
      Classification c = Make(Category::kSpam, 0.86);
      c.reasons.push_back("reads as mass mail to strangers: " + std::to_string(Words()) +
                          " words, none about the sender's own home or a trade");
      if (ForeignScript()) c.reasons.push_back("written mostly in another script");
      Says(c, kSpamStrong);
      Says(c, kSpamMass);
      if (footer_stop_) c.reasons.push_back("its \"remove\" or \"unsubscribe\" is the mailing's, not a request");
      return c;
    }
    // The fake job talks about "my new house" too: its money trail decides.
    if (a_.has(kSpamScam)) {
      Classification c = Make(Category::kSpam, std::min(0.9 + 0.03 * double(Count({kSpamScam}) - 1), 0.98));
      Says(c, kSpamScam);
      return c;
    }
    if (!a_.has(kSpamStrong) || a_.has(kSpamBuyer)) return std::nullopt;
    double conf = 0.88 + 0.03 * double(Count({kSpamStrong, kSpamWeak}) - 1);
    Classification c = Make(Category::kSpam, conf + (ctx_.on_spam_list ? 0.05 : 0.0));
    Says(c, kSpamStrong);
    Says(c, kSpamWeak);
    if (ctx_.on_spam_list) c.reasons.push_back("number is on the company's block list");
    return c;
  }

  // Bulk mail: two of its own marks, or one with a pitch, or an unsubscribe footer.
  std::optional<Classification> Newsletter() {
    if (LeadNotice()) return std::nullopt;
    std::vector<int> kinds;  // one mark said twice (a subject and a body) is one mark
    for (const Hit& h : a_[kSpamNewsletter])
      if (std::find(kinds.begin(), kinds.end(), h.entry) == kinds.end()) kinds.push_back(h.entry);
    const std::size_t marks = kinds.size();
    const std::size_t pitch = Count({kSpamStrong, kSpamWeak});
    if (marks == 0 || (marks < 2 && pitch == 0 && !footer_stop_)) return std::nullopt;
    Classification c = Make(Category::kSpam, 0.85 + 0.03 * double(marks + pitch - 1));
    c.reasons.push_back("reads as bulk mail: a newsletter or a mailing, not a person writing");
    Says(c, kSpamNewsletter);
    Says(c, kSpamStrong);
    Says(c, kSpamWeak);
    if (footer_stop_) c.reasons.push_back("its \"unsubscribe\" is the mailing's footer, not a request");
    return c;
  }

  // Mass mail: an email whose sender does not write about their own home or a trade, with
  // three or more marks of mass mail (pitch words count double), or a long one with two.
  bool MassMail() const {
    if (in_.channel != Channel::kEmail || a_.has(kSpamBuyer) || LeadNotice()) return false;
    const std::size_t marks = Distinct(kSpamMass) + 2 * Count({kSpamStrong}) +
                              Count({kSpamWeak, kSpamNewsletter}) + (ForeignScript() ? 2 : 0);
    if (HomeContext() && marks < 6) return false;
    return marks >= 2;
  }

  // A lead platform's notice of a homeowner's request or message (Angi, HomeAdvisor,
  // Thumbtack...): its unsubscribe footer is the platform's, its lead is a buyer.
  bool LeadNotice() const {
    const std::string_view t = in_.norm.text;
    auto says = [&](std::string_view w) { return HasWords(t, w); };
    bool platform = false;
    for (std::string_view p : {"thumbtack", "angi", "homeadvisor", "home advisor", "houzz", "porch.com",
                               "networx", "bark.com", "yelp", "nextdoor", "local services", "modernize",
                               "craftjack", "buildzoom", "jobber", "housecall pro"})
      platform = platform || says(p);
    if (!platform) return false;
    for (std::string_view m : {"new lead", "lead alert", "new message from", "customer:", "homeowner:",
                               "homeowner note", "comments from homeowner", "project:", "task:",
                               "new request", "hired another pro", "lead details", "job details"})
      if (t.find(m) != std::string_view::npos) return true;
    return false;
  }

  // A line of the platform's own: its unsubscribe, settings or "you're receiving" line.
  bool PlatformLine(const Hit& h) const {
    const std::string_view t = in_.norm.text;
    const std::size_t b = t.rfind('\n', h.begin);
    const std::size_t start = b == std::string_view::npos ? 0 : b + 1;
    const std::size_t e = std::min(t.find('\n', h.end), t.size());
    const std::string_view line = t.substr(start, e - start);
    for (std::string_view w : {"unsubscribe", "notification settings", "manage preferences", "stop receiving",
                               "lead alerts", "receiving this", "email preferences", "opt out of",
                               "no longer wish to receive", "no longer want to receive"})
      if (line.find(w) != std::string_view::npos) return true;
    return false;
  }

  // The message is about a home or a trade: a trade word, or the buyer's own place.
  bool HomeContext() const {
    for (std::size_t cue = kTrade; cue < a_.cues.size(); ++cue)
      if (!a_.cues[cue].empty()) return true;
    return a_.has(kSpamBuyer) || a_.has(kEmSafety) || a_.has(kEmStrong) || a_.has(kWaWork) ||
           a_.has(kWaClaim);
  }

  // In the inbox, generic words ("how much", "install", "error") name a job only when the
  // mail is about a home or a trade at all; mailing lists and strangers use them too.
  bool GenericOutOfContext() const {
    return in_.channel == Channel::kEmail && !HomeContext();
  }

  // Different words said, not how often: "click here" five times is one mark.
  std::size_t Distinct(int cue) const {
    std::vector<std::string_view> said;
    for (const Hit& h : a_[cue]) {
      const std::string_view w = std::string_view(in_.norm.text).substr(h.begin, h.end - h.begin);
      if (std::find(said.begin(), said.end(), w) == said.end()) said.push_back(w);
    }
    return said.size();
  }

  // Mostly in a script other than Latin (after accents are folded): Chinese, Cyrillic...
  bool ForeignScript() const {
    std::size_t high = 0;
    for (char ch : in_.norm.text) high += static_cast<unsigned char>(ch) >= 0x80 ? 1 : 0;
    return in_.norm.text.size() > 20 && high * 3 > in_.norm.text.size();
  }

  // The span of what the person newly wrote in a reply (ReplyBody): the whole text when it
  // quotes nothing.
  std::pair<std::size_t, std::size_t> NewText() const {
    const std::string_view t = in_.norm.text;
    const std::string_view body = ReplyBody(t);
    const auto begin = static_cast<std::size_t>(body.data() - t.data());
    return {begin, begin + body.size()};
  }

  // Whether `h` is all of the text's last non-empty line.
  // The hit starts the text's last line, and that line is a few words only.
  bool ClosingLine(const Hit& h) const {
    const std::string_view t = in_.norm.text;
    const std::size_t end = t.find_last_not_of(" \n.!");
    if (end == std::string_view::npos || h.begin > end) return false;
    const std::size_t line = t.rfind('\n', h.begin);
    const std::size_t start = line == std::string_view::npos ? 0 : line + 1;
    if (t.substr(start, h.begin - start).find_first_not_of(' ') != std::string_view::npos) return false;
    if (t.find('\n', h.begin) < end) return false;
    return Words(end + 1) - Words(start) <= 6;
  }

  // Whether the opt-out names the company's own lists or sending, or the writer themself for
  // good: "from your mailing, text and call lists", "do not send further proposals", "do not
  // contact me again". A mailing's footer says "remove your address from our list".
  bool AimedAtTheCompany(const Hit& h) const {
    const std::string_view said = std::string_view(in_.norm.text).substr(h.begin, h.end - h.begin);
    for (std::string_view w : {"from your ", "off your ", "from ur ", "off ur ", "do not send", "don't send",
                               " me again", " us again", " me anymore", " us anymore", " me ever",
                               "demand that you", "cease all", "my client", " me either"})
      if (said.find(w) != std::string_view::npos) return true;
    return false;
  }

  bool LastLine(const Hit& h) const {
    const std::string_view t = in_.norm.text;
    const std::size_t end = t.find_last_not_of(" \n.!");
    if (end == std::string_view::npos || h.end < end + 1) return false;
    const std::size_t line = t.rfind('\n', h.begin);
    const std::size_t start = line == std::string_view::npos ? 0 : line + 1;
    return t.substr(start, h.begin - start).find_first_not_of(' ') == std::string_view::npos;
  }

  // Whether the text quotes another message (a "> " block, "... wrote:").
  bool Quotes() const {
    const std::string_view t = in_.norm.text;
    const auto [begin, end] = NewText();
    const std::size_t subject = SubjectLineEnd(t);
    return begin > (subject > 0 ? subject + 1 : 0) || end < t.size();
  }

  // In the subject line or the newly written words.
  bool InNewText(const Hit& h) const {
    const std::string_view t = in_.norm.text;
    const std::size_t subject = SubjectLineEnd(t);
    const auto [begin, end] = NewText();
    return h.begin < subject || (h.begin >= begin && h.begin < end) || InlineReply(t, end, h.begin);
  }

  std::size_t Words(std::size_t end = std::string::npos) const {
    std::size_t n = 0;
    bool in_word = false;
    for (char ch : std::string_view(in_.norm.text).substr(0, end)) {
      const bool w = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
      if (w && !in_word) ++n;
      in_word = w;
    }
    return n;
  }

  // The company's own work named with a problem: warranty, unless danger or urgency says
  // emergency.
  bool OwnWorkFailing() const {
    const bool work = a_.has(kWaWork) || a_.has(kWaClaim) || (in_.channel == Channel::kCall && a_.has(kWaStaff));
    const bool problem = a_.has(kWaProblem) || a_.has(kEmProblem) || a_.has(kEmStrong);
    return work && problem && !a_.has(kEmSafety) && !Pressing(/*who_at_risk_presses=*/false);
  }

  // "She is 84", "I live alone", "the baby": who is at risk, not how soon.
  static bool WhoIsAtRisk(std::string_view said) {
    static constexpr std::array<std::string_view, 14> kWho{
        "i'm ", "im ", "i am ", "she's ", "he's ", "she is ", "he is ", "who is ",
        "mom is ", "dad is ", "grandma is ", "grandpa is ", "live alone", "lives alone"};
    static constexpr std::array<std::string_view, 21> kPeople{
        "elderly", "newborn", "infant", "baby", "babies", "pregnant", "disabled", "bebe", "bebes",
        "mi mama", "mi papa", "abuela", "abuelo", "anciano", "ancianos", "embarazada",
        "ninos pequenos", "nino pequeno", "recien nacido", "assisted living", "nursing home"};
    return std::any_of(kWho.begin(), kWho.end(),
                       [&](std::string_view w) { return said.starts_with(w); }) ||
           said.ends_with("alone") ||
           std::find(kPeople.begin(), kPeople.end(), said) != kPeople.end();
  }

  // Urgency beyond the time of day: "today" alone is when, not how urgent.
  // `who_at_risk_presses`: whether "she is 84" counts; it does for a new problem, not for the
  // company's own work failing (a door dragging at an elderly mother's house is still warranty).
  bool Pressing(bool who_at_risk_presses = true) const {
    static constexpr std::array<std::string_view, 8> kWhen{
        "today", "tonight", "this morning", "this afternoon", "this evening", "hoy",
        "all night", "first thing"};
    return std::any_of(a_[kEmUrgency].begin(), a_[kEmUrgency].end(), [&](const Hit& h) {
      const std::string_view said = std::string_view(in_.norm.text).substr(h.begin, h.end - h.begin);
      return !said.starts_with("since") && !said.starts_with("first thing") &&
             (who_at_risk_presses || !WhoIsAtRisk(said)) && std::find(kWhen.begin(), kWhen.end(), said) == kWhen.end();
    });
  }

  std::optional<Classification> Emergency() {
    if (OwnWorkFailing()) return std::nullopt;
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
    // Urgency said plainly ("need a plumber ASAP, toilet is broken"): pressing words about a
    // problem or a trade, with no quote asked for.
    const bool plain = !safety && score < 1.0 && !calm && Pressing() && !a_.has(kLogistics) &&
                       (a_.has(kWaProblem) || (HomeContext() && a_.has(kEsRequest) &&
                                               !a_.has(kEsWeak) && !a_.has(kEsReply)));
    if (!safety && score < 1.0 && !plain) return std::nullopt;
    const double base = safety ? 0.95 : (strong && !calm) ? 0.9 : plain ? 0.7 : 0.75;
    const double extra = double(Count({kEmSafety, kEmStrong, kEmProblem, kEmUrgency}) - 1);
    Classification c = Make(Category::kEmergency, std::min(base + 0.02 * extra, 0.98));
    for (int cue : {kEmSafety, kEmStrong, kEmProblem, kEmUrgency}) Says(c, cue);
    if (plain) {
      Says(c, kWaProblem);
      c.reasons.push_back("says it is urgent, plainly: treated as an emergency");
    }
    if (repeated_raised_)
      c.reasons.push_back("repeated calls make the problem urgent");
    return c;
  }

  std::optional<Classification> Warranty() {
    const bool claim = a_.has(kWaClaim);
    const bool staff = in_.channel == Channel::kCall && a_.has(kWaStaff);
    const bool work = a_.has(kWaWork) || staff;
    const bool problem = a_.has(kWaProblem) || a_.has(kEmProblem) || a_.has(kEmStrong);
    const bool past = ctx_.has_past_job;
    double conf = 0;
    if (claim) conf = (work || problem || past) ? 0.9 : 0.75;
    else if (work && problem) conf = past ? 0.93 : 0.85;
    else if (past && problem && !a_.has(kEsRequest)) conf = 0.6;
    if (conf == 0) return std::nullopt;
    firm_ = claim || work;
    Classification c = Make(Category::kWarranty, conf);
    for (int cue : {kWaClaim, kWaWork, kWaProblem, kEmStrong, kEmProblem}) Says(c, cue);
    if (staff) Says(c, kWaStaff);
    if (past) c.reasons.push_back("a past job for this contact is on file");
    return c;
  }

  // A quote the company gave, dated by the words next to it: "the quote from May", "you came
  // out last spring", "you sent it last week". Long ago wins over recent in one sentence.
  std::optional<Classification> PastQuote() {
    std::vector<Hit> refs = a_[kOldQuote];
    for (int cue : {kEsReply, kOldReply}) refs.insert(refs.end(), a_[cue].begin(), a_[cue].end());
    // The estimate on file is a fact: its age decides (Estimate below), not words like
    // "last month".
    if (refs.empty() || ctx_.estimate_age_days) return std::nullopt;
    std::vector<Hit> long_ago;
    std::vector<Hit> recent;
    for (const Hit& t : a_[kOldTime])
      if (Attached(t, refs)) long_ago.push_back(t);
    for (const Hit& t : a_[kOldRecent])
      if (Attached(t, refs)) recent.push_back(t);
    for (const Hit& t : a_[kOldMonth]) {
      if (!Attached(t, refs)) continue;
      const std::optional<int> days = MonthDaysAgo(t);
      if (!days || *days >= in_.old_estimate_days) long_ago.push_back(t);
      else recent.push_back(t);
    }
    const bool stale = a_.has(kOldStale) && !a_.has(kOldRecent);
    if (long_ago.empty() && recent.empty() && !stale) return std::nullopt;
    const bool old = !long_ago.empty() || (recent.empty() && stale);
    firm_ = !long_ago.empty() || !recent.empty();
    Classification c = Make(old ? Category::kOldEstimate : Category::kActiveEstimate,
                            !long_ago.empty() || !recent.empty() ? 0.85 : 0.72);
    SaysHits(c, refs, kOldQuote);
    if (old) {
      SaysHits(c, long_ago, kOldTime);
      if (long_ago.empty()) Says(c, kOldStale);
    } else {
      SaysHits(c, recent, kOldRecent);
    }
    return c;
  }

  // Whether time hit `t` is in the same sentence as one of `refs`, or in a sentence that only
  // says when the one before it was (SaysWhenItWas).
  bool Attached(const Hit& t, const std::vector<Hit>& refs) const {
    const std::string& text = in_.norm.text;
    const std::size_t from = SaysWhenItWas(t) ? SentenceBefore(t.begin) : t.begin;
    return std::any_of(refs.begin(), refs.end(), [&](const Hit& r) {
      // A cue anchored at a sentence's start ("... linda. quote for") begins with the stop
      // before it: its sentence starts after that.
      std::size_t rb = r.begin;
      while (rb < r.end && std::string_view(".!?;\n ").find(text[rb]) != std::string_view::npos) ++rb;
      const std::size_t b = std::min(from, rb);
      const std::size_t e = std::max(t.end, r.end);
      return text.find_first_of(".!?;\n", b) >= e || (rb < t.begin && rb >= from);
    });
  }

  // "I think it was around Easter": a sentence that only says when names the one before it.
  bool SaysWhenItWas(const Hit& t) const {
    const std::size_t s = SentenceStart(t.begin);
    std::string_view lead = std::string_view(in_.norm.text).substr(s, t.begin - s);
    while (!lead.empty() && !(lead.front() >= 'a' && lead.front() <= 'z')) lead.remove_prefix(1);
    for (std::string_view hedge : {"i think ", "i believe ", "pretty sure ", "maybe "})
      if (lead.starts_with(hedge)) lead.remove_prefix(hedge.size());
    for (std::string_view said : {"it was ", "that was ", "this was ", "it would have been ", "it must have been ",
                                  "that would have been ", "it's from ", "its from ", "it is from ",
                                  "it was from ", "that's from ", "that was from ", "dated ",
                                  "ours is from ", "ours was from ", "mine is from ", "mine was from ",
                                  "quote was ", "estimate was ", "bid was ", "was around ", "was in ",
                                  "was like ", "that was like ", "that was around "})
      if (lead.starts_with(said)) return true;
    // "Jerry was here in like June": the visit that gave the quote, said on its own.
    const std::size_t space = lead.find(' ');
    if (space == std::string_view::npos) return false;
    const std::string_view rest = lead.substr(space + 1);
    for (std::string_view visit : {"was here ", "were here ", "was out ", "were out ", "came out ", "came by ", "was over ", "were over "})
      if (rest.starts_with(visit)) return true;
    return false;
  }

  std::size_t SentenceStart(std::size_t at) const {
    const std::size_t p = std::string_view(in_.norm.text).substr(0, at).find_last_of(".!?;\n");
    return p == std::string_view::npos ? 0 : p + 1;
  }

  // The start of the sentence before the one `at` is in.
  std::size_t SentenceBefore(std::size_t at) const {
    const std::size_t s = SentenceStart(at);
    return s == 0 ? 0 : SentenceStart(s - 1);
  }

  // Days from the month a hit names ("in May", "around Christmas") to the message's date;
  // none when the message has no date (then a named month counts as long ago).
  std::optional<int> MonthDaysAgo(const Hit& h) const {
    if (!ctx_.received_at) return std::nullopt;
    const std::optional<MonthDay> named = NamedMonth(in_.norm.text.substr(h.begin, h.end - h.begin));
    if (!named) return std::nullopt;
    const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(*ctx_.received_at)};
    const int month = static_cast<int>(static_cast<unsigned>(ymd.month()));
    const int day = static_cast<int>(static_cast<unsigned>(ymd.day()));
    const int months_back = (month - named->month + 12) % 12;
    const int named_day = named->day > 0 ? named->day : 15;
    const int days = months_back * 30 + day - named_day;
    return days < 0 ? days + 365 : days;
  }

  // Logistics of a booked job: said outright ("gate code", "running late"), or a party of the
  // job and a time in one sentence ("is the crew coming Tuesday") with nothing new asked. A
  // new problem that comes with a request is a new job instead.
  std::optional<Classification> Logistics() {
    const bool problem = a_.has(kWaProblem) || a_.has(kEmProblem) || a_.has(kEmStrong);
    // An answer to a quote ("ready to go ahead, what's the start date?") is an estimate, and
    // so is a visit to measure or quote ("is Rick still coming to measure?"): nothing is sold
    // yet, the buyer waits for the estimate.
    if (Count({kEsReply}) > Count({kLogistics}) || EstimateVisit()) return std::nullopt;
    if (a_.has(kLogistics)) {
      if (problem && a_.has(kEsRequest)) return std::nullopt;
      Classification c = Make(Category::kRoutine, 0.78 + 0.04 * double(Count({kLogistics}) - 1));
      Says(c, kLogistics);
      return c;
    }
    // "Can the crew come back Tuesday?" asks for the booked visit, not for a quote.
    if (problem || a_.has(kEsReply) || a_.has(kEsWeak)) return std::nullopt;
    std::vector<Hit> parties;
    std::vector<Hit> whens;
    // "schedule an inspection" asks for a visit: its party and time are the request's words.
    const auto in_request = [&](const Hit& h) {
      return std::any_of(a_[kEsRequest].begin(), a_[kEsRequest].end(),
                         [&](const Hit& r) { return r.begin <= h.begin && h.end <= r.end; });
    };
    for (const Hit& p : a_[kLogParty])
      if (Attached(p, a_[kLogWhen]) && !in_request(p)) parties.push_back(p);
    if (parties.empty()) return std::nullopt;
    for (const Hit& w : a_[kLogWhen])
      if (Attached(w, parties)) whens.push_back(w);
    Classification c = Make(Category::kRoutine, 0.66);
    weak_ = true;
    SaysHits(c, parties, kLogParty);
    SaysHits(c, whens, kLogWhen);
    c.reasons.push_back("asks or tells about a booked visit, nothing new to quote");
    return c;
  }

  bool WarrantyTermsQuestion() const {
    return std::any_of(a_[kRoutine].begin(), a_[kRoutine].end(), [&](const Hit& h) {
      return in_.norm.text.substr(h.begin, h.end - h.begin).find("warrant") != std::string::npos;
    });
  }

  bool EstimateVisit() const {
    static constexpr std::array<std::string_view, 7> kWords{
        "measur", "estimat", "quot", "bid", "consult", "cotiz", "presupuest"};
    for (int cue : {kEsRequest, kEsWeak, kEsReply})
      for (const Hit& h : a_[cue]) {
        const std::string_view said = std::string_view(in_.norm.text).substr(h.begin, h.end - h.begin);
        for (std::string_view w : kWords)
          if (said.find(w) != std::string_view::npos) return true;
      }
    return false;
  }

  // Active or old by the age of the estimate on file.
  std::optional<Classification> ByAge(double conf) {
    if (!ctx_.estimate_age_days) return std::nullopt;
    const int age = *ctx_.estimate_age_days;
    const bool old = age >= in_.old_estimate_days;
    firm_ = true;
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
    } else if (a_.has(kEsRequest) && !GenericOutOfContext()) {
      c = Make(Category::kActiveEstimate, 0.82 + 0.03 * double(Count({kEsRequest}) - 1));
    }
    if (!c) return std::nullopt;
    for (int cue : {kOldReply, kEsReply, kEsRequest, kEsWeak}) Says(*c, cue);
    if (c->category == Category::kOldEstimate && !ctx_.estimate_age_days) Says(*c, kOldTime);
    return c;
  }

  // Names a quote, a price or a job without asking: weaker than a routine question.
  std::optional<Classification> WeakEstimate() {
    if (!a_.has(kEsWeak) || GenericOutOfContext()) return std::nullopt;
    std::optional<Classification> c = ByAge(0.75);
    if (!c) c = Make(a_.has(kOldTime) ? Category::kOldEstimate : Category::kActiveEstimate, 0.62);
    Says(*c, kEsWeak);
    if (c->category == Category::kOldEstimate && !ctx_.estimate_age_days) Says(*c, kOldTime);
    return c;
  }

  std::optional<Classification> Routine() {
    if (!a_.has(kRoutine)) return std::nullopt;
    // "Do you do mold removal? Found some in the attic": a problem of their own, said apart
    // from the question, is something to fix.
    for (int cue : {kWaProblem, kEmProblem})
      for (const Hit& p : a_[cue])
        if (!Attached(p, a_[kRoutine])) return std::nullopt;
    Classification c = Make(Category::kRoutine, 0.72 + 0.05 * double(Count({kRoutine}) - 1));
    Says(c, kRoutine);
    return c;
  }

  // A problem with no request still needs someone to look at it.
  std::optional<Classification> Problem() {
    if (!a_.has(kWaProblem) && !a_.has(kEmProblem) && !a_.has(kEmStrong)) return std::nullopt;
    if (GenericOutOfContext()) return std::nullopt;
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
    firm_ = listed;  // a fact on file, not words
    return c;
  }

  std::optional<Classification> OpenEstimate(double conf, std::string_view why) {
    std::optional<Classification> c = ByAge(conf);
    if (c) c->reasons.insert(c->reasons.begin(), std::string(why));
    return c;
  }

  // A tapback: the phone's note that the person reacted to an earlier message ("Liked \"See you
  // at 9\""). The quoted words are the office's own, so they decide nothing.
  std::optional<Classification> Reaction() const {
    static constexpr std::array<std::string_view, 10> kVerbs{
        "liked ", "loved ", "laughed at ", "emphasized ", "emphasised ", "disliked ",
        "questioned ", "reacted ", "le gusto ", "le encanto "};
    std::string_view t = in_.norm.text;
    while (!t.empty() && (t.back() == ' ' || t.back() == '.' || t.back() == '\n')) t.remove_suffix(1);
    if (t.size() < 3 || t.back() != '"') return std::nullopt;
    for (std::string_view verb : kVerbs) {
      if (!t.starts_with(verb)) continue;
      const std::size_t open = t.find('"', verb.size());
      // "reacted 👍 to \"...\"": a short emoji and "to" may come before the quote.
      if (open == std::string_view::npos || open > verb.size() + 16 ||
          t.find('"', open + 1) != t.size() - 1)
        return std::nullopt;
      Classification c = Make(Category::kUnknown, 0.6);
      c.reasons.push_back("a reaction to an earlier message, not new words");
      return c;
    }
    return std::nullopt;
  }

  // An automatic reply: out of office, a mail server's bounce, a ticket system's receipt. Its
  // quoted subject ("Re: your estimate") is the office's own; nobody asked for anything.
  std::optional<Classification> AutoReply() const {
    static constexpr std::array<std::string_view, 8> kSubjects{
        "subject: out of office", "subject: automatic reply", "subject: auto-reply",
        "subject: autoreply", "subject: auto reply", "subject: mail delivery failed",
        "subject: undeliverable", "subject: delivery status notification"};
    static constexpr std::array<std::string_view, 7> kBodies{
        "i am out of the office", "i'm out of the office", "i am currently out of the office",
        "this is an automated response", "this is an automatic reply",
        "this message was created automatically by mail delivery software",
        "this is an auto-generated"};
    const std::string_view t = in_.norm.text;
    const bool subject = std::any_of(kSubjects.begin(), kSubjects.end(),
                                     [&](std::string_view s) { return t.starts_with(s); });
    const bool body = std::any_of(kBodies.begin(), kBodies.end(), [&](std::string_view s) {
      return t.find(s) != std::string_view::npos;
    });
    if (!subject && !body) return std::nullopt;
    if (!subject && Words() > kShortMail) return std::nullopt;  // a person quoting one
    Classification c = Make(Category::kUnknown, 0.7);
    c.reasons.push_back("an automatic reply (out of office, a bounce or a ticket receipt), not a person");
    return c;
  }

  // A form sent with its fields empty or at their placeholders ("Service needed: Select one").
  std::optional<Classification> EmptyForm() const {
    static constexpr std::array<std::string_view, 9> kPlaceholders{
        "", "select one", "select", "choose one", "please select", "--", "n/a", "none", "-"};
    if (in_.channel != Channel::kForm) return std::nullopt;
    std::string_view t = in_.norm.text;
    while (!t.empty()) {
      const std::size_t nl = t.find('\n');
      std::string_view line = t.substr(0, nl);
      t = nl == std::string_view::npos ? std::string_view() : t.substr(nl + 1);
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) {
        if (line.find_first_not_of(" ") != std::string_view::npos) return std::nullopt;
        continue;
      }
      std::string_view value = line.substr(colon + 1);
      while (!value.empty() && (value.front() == ' ' || value.back() == ' '))
        value = value.front() == ' ' ? value.substr(1) : value.substr(0, value.size() - 1);
      if (std::find(kPlaceholders.begin(), kPlaceholders.end(), value) == kPlaceholders.end())
        return std::nullopt;
    }
    Classification c = Make(Category::kUnknown, 0.6);
    c.reasons.push_back("a form sent with its fields empty");
    return c;
  }

  // A voicemail or call note that is only noise and voices away from the phone ("[rustling]
  // ... okay hold on ... [inaudible]"): a pocket dial, when no rule found a need.
  std::optional<Classification> PocketDial() {
    if (in_.channel != Channel::kVoicemail && in_.channel != Channel::kCall) return std::nullopt;
    const std::string_view t = in_.norm.text;
    std::size_t tags = 0;
    for (std::size_t i = t.find('['); i != std::string_view::npos; i = t.find('[', i + 1)) {
      const std::size_t close = t.find(']', i);
      if (close != std::string_view::npos && close - i <= 40) ++tags;
    }
    // Words outside the tags: "hello? hello? ... [click]" is a dial, a described need is not.
    std::size_t words = 0;
    bool in_tag = false;
    bool in_word = false;
    for (char ch : t) {
      in_tag = ch == '[' ? true : ch == ']' ? false : in_tag;
      const bool letter = !in_tag && ch >= 'a' && ch <= 'z';
      if (letter && !in_word) ++words;
      in_word = letter;
    }
    if ((tags < 2 && (tags == 0 || words > 8)) || a_.has(kEsRequest) || a_.has(kEsReply) || a_.has(kRoutine) ||
        a_.has(kOldQuote))
      return std::nullopt;
    firm_ = true;
    Classification c = Make(Category::kUnknown, 0.6);
    c.reasons.push_back("only noise and voices away from the phone: sounds like a pocket dial");
    return c;
  }

  Classification Unknown() {
    Classification c = Make(Category::kUnknown, 0.4);
    c.reasons.push_back("no words that name a need, a problem or a request");
    Says(c, kEmUrgency);
    return c;
  }

  void Finish(Classification& c) {
    for (const Hit& h : switched_)
      c.reasons.push_back("not counted as a stop: " + Quote(h.begin, h.end) + " (asks to be reached by " +
                          std::string(switched_to_) + " instead)");
    for (const Hit& h : taken_back_)
      c.reasons.push_back("not counted as a stop: " + Quote(h.begin, h.end) +
                          (OfficeTurnedAway() ? " (the office's note about a seller it turned away)"
                                              : " (a request for work follows)"));
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
  bool footer_stop_ = false;  // every stop phrase was a bulk-mail footer
  bool weak_ = false;         // decided by the weak steps (7-11) or a bare party and time
  bool firm_ = false;         // decided by facts or explicit words the model may not overrule
  std::vector<Hit> taken_back_;  // soft opt-outs a later request took back
  std::vector<Hit> switched_;    // one channel refused while another is asked for
  std::string_view switched_to_;
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
