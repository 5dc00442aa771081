#include "classify/classifier.h"

#include <re2/re2.h>

#include <algorithm>
#include <map>

#include "classify/analysis.h"
#include "classify/word_model.h"
#include "classify/lexicon.h"
#include "classify/normalize.h"
#include "classify/phrase_database.h"
#include "classify/phrase_matcher.h"
#include "classify/rules.h"
#include "core/embedded.h"
#include "core/text.h"

namespace ringback {
namespace {

using classify::Analysis;
using classify::Cue;
using classify::Hit;
using classify::Lexicon;
using classify::LexiconEntry;

// Category lexicons that companies may extend through extra_terms.
constexpr std::array<std::string_view, 7> kCategoryLexicons{
    "stop", "emergency", "warranty", "active_estimate", "old_estimate", "routine", "spam"};

bool IsCategoryLexicon(std::string_view name) {
  return std::find(kCategoryLexicons.begin(), kCategoryLexicons.end(), name) !=
         kCategoryLexicons.end();
}

RE2::Options QuietOptions() {
  RE2::Options options;
  options.set_log_errors(false);
  return options;
}

// One regex matching any entry of `entries` with its word boundaries; null when empty.
StatusOr<std::shared_ptr<const RE2>> AnyOf(const std::vector<LexiconEntry>& entries,
                                           bool whole_text) {
  if (entries.empty()) return std::shared_ptr<const RE2>();
  std::string alt;
  for (const LexiconEntry& e : entries) {
    if (!alt.empty()) alt += '|';
    alt += whole_text ? "(?:" + e.regex + ")" : classify::SearchPattern(e);
  }
  if (whole_text) alt = "^(?:" + alt + ")$";
  auto re = std::make_shared<const RE2>(alt, QuietOptions());
  if (!re->ok()) return Status::InvalidArgument(entries.front().source + ": " + re->error());
  return std::shared_ptr<const RE2>(re);
}

bool HasWords(std::string_view t) {
  return std::any_of(t.begin(), t.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
  });
}

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// A message of stop signs and nothing else ("🛑", "⛔⛔"): the emoji says what STOP says.
bool OnlyStopSigns(std::string_view t) {
  bool any = false;
  while (!t.empty()) {
    if (t.front() == ' ' || t.front() == '\n' || t.front() == '!' || t.front() == '.') {
      t.remove_prefix(1);
      continue;
    }
    bool sign = false;
    for (std::string_view s : {"\U0001F6D1", "\U0001F6AB", "\u26D4", "\U0001F4F5", "\uFE0F"})  // 🛑 🚫 ⛔ 📵, variation selector
      if (t.starts_with(s)) {
        t.remove_prefix(s.size());
        sign = true;
        any = any || s != "\uFE0F";
        break;
      }
    if (!sign) return false;
  }
  return any;
}

class RuleClassifier final : public Classifier {
 public:
  // `phrases`: the built-in lexicons' prebuilt phrase database (PhraseMatcher::Compile).
  Status Load(const embedded::Files& files, const CompanyConfig& config,
              std::string_view phrases);
  Status LoadModel(const embedded::Files& files);

  Classification Classify(Channel channel, std::string_view text,
                          const ClassifyContext& context) const override;

  const classify::PhraseMatcher& matcher() const { return matcher_; }

 private:
  struct Pending {
    int cue;
    LexiconEntry entry;
  };

  Status AddBuiltIn(const std::map<std::string, Lexicon>& lexicons);
  Status AddExtraTerms(const CompanyConfig& config);
  Status AddExtraTerm(const std::string& key, const std::string& phrase,
                      const CompanyConfig& config);
  int TradeCue(const std::string& trade);
  Status BuildNegationAndKeywords(const std::map<std::string, Lexicon>& lexicons);
  bool WrittenNegative(const LexiconEntry& entry) const;
  bool StopKeyword(std::string_view normalized) const;
  std::string Trade(const Analysis& a) const;

  classify::PhraseMatcher matcher_;
  classify::SpellingMap spelling_;
  classify::Negation negation_;
  std::shared_ptr<const RE2> keywords_;
  std::vector<LexiconEntry> keyword_entries_;
  std::vector<Pending> pending_;
  std::vector<std::string> trades_;
  int old_estimate_days_ = 30;
  std::optional<classify::WordModel> model_;
};

Status RuleClassifier::LoadModel(const embedded::Files& files) {
  for (const auto& [path, bytes] : files) {
    StatusOr<classify::WordModel> m = classify::WordModel::Parse(bytes);
    if (!m.ok()) return Status::InvalidArgument(std::string(path) + ": " + m.status().message());
    if (!m->empty()) model_ = std::move(*m);
  }
  return Status::Ok();
}

Status RuleClassifier::Load(const embedded::Files& files, const CompanyConfig& config,
                            std::string_view phrases) {
  if (config.old_estimate_days <= 0)
    return Status::InvalidArgument("old_estimate_days must be positive");
  old_estimate_days_ = config.old_estimate_days;
  std::map<std::string, Lexicon> lexicons;
  for (const auto& [path, bytes] : files) {
    StatusOr<Lexicon> lex = classify::ParseLexicon(path, bytes);
    if (!lex.ok()) return lex.status();
    lexicons[lex->name] = std::move(*lex);
  }
  for (std::string_view need : {"stop", "emergency", "warranty", "active_estimate",
                                "old_estimate", "routine", "spam", "negation", "spelling"})
    if (!lexicons.contains(std::string(need)))
      return Status::NotFound("lexicon data/lexicon/" + std::string(need) + ".txt is missing");
  for (const auto& [variant, canonical] : lexicons["spelling"].spellings)
    spelling_[variant] = canonical;
  if (Status st = AddBuiltIn(lexicons); !st.ok()) return st;
  if (Status st = AddExtraTerms(config); !st.ok()) return st;
  if (Status st = BuildNegationAndKeywords(lexicons); !st.ok()) return st;
  for (const Pending& p : pending_) {
    if (Status st = matcher_.Add(p.cue, p.entry); !st.ok()) return st;
    negation_.written_negative.push_back(WrittenNegative(p.entry));
  }
  pending_.clear();
  return matcher_.Compile(phrases);
}

Status RuleClassifier::AddBuiltIn(const std::map<std::string, Lexicon>& lexicons) {
  for (const classify::CueSpec& spec : classify::CueSpecs()) {
    const auto& sections = lexicons.at(std::string(spec.lexicon)).sections;
    const auto it = sections.find(std::string(spec.section));
    if (it == sections.end()) continue;
    for (const LexiconEntry& e : it->second) pending_.push_back({spec.cue, e});
  }
  keyword_entries_ = lexicons.at("stop").sections.count("keyword")
                         ? lexicons.at("stop").sections.at("keyword")
                         : std::vector<LexiconEntry>{};
  for (const auto& [name, lex] : lexicons) {
    if (!name.starts_with("trade_")) continue;
    const int cue = TradeCue(name.substr(6));
    for (const auto& [section, entries] : lex.sections)
      for (const LexiconEntry& e : entries) pending_.push_back({cue, e});
  }
  return Status::Ok();
}

int RuleClassifier::TradeCue(const std::string& trade) {
  auto it = std::find(trades_.begin(), trades_.end(), trade);
  if (it == trades_.end()) it = trades_.insert(trades_.end(), trade);
  return classify::kTrade + static_cast<int>(it - trades_.begin());
}

Status RuleClassifier::AddExtraTerms(const CompanyConfig& config) {
  for (const auto& [key, phrases] : config.extra_terms)
    for (const std::string& phrase : phrases)
      if (Status st = AddExtraTerm(key, phrase, config); !st.ok()) return st;
  return Status::Ok();
}

// Keys: a category ("emergency"), a category and section ("emergency.problem"), or a trade
// ("roofing", also one only named in config.trades).
Status RuleClassifier::AddExtraTerm(const std::string& key, const std::string& phrase,
                                    const CompanyConfig& config) {
  const std::string source = "extra_terms[" + key + "]";
  StatusOr<LexiconEntry> entry = classify::ParseEntry(phrase, source);
  if (!entry.ok()) return entry.status();
  const auto dot = key.find('.');
  const std::string name = key.substr(0, dot);
  if (IsCategoryLexicon(name)) {
    const auto sections = classify::SectionsOf(name);
    const std::string section =
        dot == std::string::npos ? std::string(sections.front()) : key.substr(dot + 1);
    if (name == "stop" && section == "keyword") {
      keyword_entries_.push_back(std::move(*entry));
      return Status::Ok();
    }
    for (const classify::CueSpec& spec : classify::CueSpecs())
      if (spec.lexicon == name && spec.section == section) {
        pending_.push_back({spec.cue, std::move(*entry)});
        return Status::Ok();
      }
    return Status::InvalidArgument(source + ": no section \"" + section + "\" in " + name);
  }
  const std::string trade = name.starts_with("trade_") ? name.substr(6) : name;
  const bool known = std::find(trades_.begin(), trades_.end(), trade) != trades_.end() ||
                     std::find(config.trades.begin(), config.trades.end(), trade) !=
                         config.trades.end();
  if (!known || dot != std::string::npos)
    return Status::InvalidArgument(source + ": not a category, category.section or trade");
  pending_.push_back({TradeCue(trade), std::move(*entry)});
  return Status::Ok();
}

Status RuleClassifier::BuildNegationAndKeywords(const std::map<std::string, Lexicon>& lexicons) {
  const auto& neg = lexicons.at("negation").sections;
  auto section = [&](const char* name) {
    const auto it = neg.find(name);
    return it == neg.end() ? std::vector<LexiconEntry>{} : it->second;
  };
  StatusOr<std::shared_ptr<const RE2>> before = AnyOf(section("before"), false);
  StatusOr<std::shared_ptr<const RE2>> after = AnyOf(section("after"), false);
  StatusOr<std::shared_ptr<const RE2>> keep = AnyOf(section("keep"), false);
  StatusOr<std::shared_ptr<const RE2>> keywords = AnyOf(keyword_entries_, true);
  for (const auto* s : {&before, &after, &keep, &keywords})
    if (!s->ok()) return s->status();
  negation_ = {*before, *after, *keep};
  keywords_ = *keywords;
  return Status::Ok();
}

// Whether an entry contains a negation of its own: its text, with regex punctuation turned
// into spaces, holds a negation word ("not working" in "(heat|ac) (not working|died)").
bool RuleClassifier::WrittenNegative(const LexiconEntry& entry) const {
  if (!negation_.before) return false;
  std::string plain;
  for (std::size_t i = 0; i < entry.text.size(); ++i) {
    const char c = entry.text[i];
    if (c == '?') continue;  // "won'?t" reads as "won't"
    if (c == '\\') {      // "\b", "\s": an escape, not a letter
      ++i;
      plain += ' ';
      continue;
    }
    plain += (IsAlnum(c) || c == '\'') ? c : ' ';
  }
  return RE2::PartialMatch(plain, *negation_.before);
}

// What a quoted message may still tell: which quote the reply is about and when it was sent
// ("> the estimate from May", "On Aug 5, 2024 ... wrote:"), and the trade.
bool DatesTheQuote(int cue) {
  return cue == classify::kOldQuote || cue == classify::kOldTime || cue == classify::kOldRecent ||
         cue == classify::kOldMonth || cue == classify::kOldReply || cue == classify::kEsReply ||
         cue >= classify::kTrade;
}

// The hits in what the person wrote (the subject line, the reply and lines answered inline
// between the quoted ones), and the quoted
// message's hits that date a quote. The rest of a quote is the office's own mail: its footer,
// tips and offers say nothing about the person.
std::vector<Hit> OwnWords(std::string_view t, std::vector<Hit> hits) {
  const std::string_view body = classify::ReplyBody(t);
  const auto begin = static_cast<std::size_t>(body.data() - t.data());
  const std::size_t end = begin + body.size();
  const std::size_t subject = classify::SubjectLineEnd(t);
  std::erase_if(hits, [&](const Hit& h) {
    return h.begin >= subject && (h.begin < begin || h.begin >= end) && !DatesTheQuote(h.group) &&
           !classify::InlineReply(t, end, h.begin);
  });
  return hits;
}

// The whole message, punctuation and emoji trimmed, is an opt-out keyword ("STOP.").
bool RuleClassifier::StopKeyword(std::string_view t) const {
  if (OnlyStopSigns(t)) return true;
  if (!keywords_) return false;
  while (!t.empty() && !IsAlnum(t.front())) t.remove_prefix(1);
  while (!t.empty() && !IsAlnum(t.back())) t.remove_suffix(1);
  return !t.empty() && RE2::FullMatch(t, *keywords_);
}

// The trade named most often; the first named wins a tie.
std::string RuleClassifier::Trade(const Analysis& a) const {
  int best = -1;
  for (std::size_t i = 0; i < trades_.size(); ++i) {
    const std::vector<Hit>& hits = a[classify::kTrade + static_cast<int>(i)];
    if (hits.empty()) continue;
    if (best < 0) {
      best = static_cast<int>(i);
      continue;
    }
    const std::vector<Hit>& top = a[classify::kTrade + best];
    if (hits.size() > top.size() ||
        (hits.size() == top.size() && hits.front().begin < top.front().begin))
      best = static_cast<int>(i);
  }
  return best < 0 ? "" : trades_[best];
}

Classification RuleClassifier::Classify(Channel channel, std::string_view whole,
                                        const ClassifyContext& context) const {
  const std::string_view text = Utf8Prefix(whole, kMaxClassifiedBytes);
  const classify::NormalizedText norm = classify::Normalize(text, spelling_);
  if (!HasWords(norm.text)) return classify::DecideEmpty(channel, context, old_estimate_days_);
  const int cue_count = classify::kTrade + static_cast<int>(trades_.size());
  Analysis a = classify::Analyze(norm, OwnWords(norm.text, matcher_.FindAll(norm.text)),
                                 cue_count, negation_);
  const std::string_view body = classify::ReplyBody(norm.text);
  a.stop_keyword = StopKeyword(norm.text) || StopKeyword(body) ||
                   (channel == Channel::kEmail && StopKeyword(classify::AboveSignOff(body)));
  a.denies_name = classify::DeniesTheName(text);
  a.opt_out_choice = classify::PicksTheOptOut(norm.text);
  const classify::RuleInput in{a,        norm,
                               text,     context,
                               channel,  old_estimate_days_,
                               model_ ? &*model_ : nullptr};
  Classification c = classify::Decide(in);
  c.trade = Trade(a);
  return c;
}

}  // namespace

StatusOr<std::shared_ptr<const Classifier>> Classifier::Create(const CompanyConfig& config,
                                                              const ClassifierOptions& options) {
  auto classifier = std::make_shared<RuleClassifier>();
  if (Status st = classifier->Load(embedded::lexicon(), config, embedded::lexicon_database());
      !st.ok())
    return st;
  if (options.model && !options.model_text.empty()) {
    const embedded::Files given{{"model", options.model_text}};
    if (Status st = classifier->LoadModel(given); !st.ok()) return st;
  } else if (options.model) {
    if (Status st = classifier->LoadModel(embedded::model()); !st.ok()) return st;
  }
  return std::shared_ptr<const Classifier>(std::move(classifier));
}

namespace classify {

StatusOr<std::string> CompileBuiltInPhrases() {
  RuleClassifier c;
  if (Status st = c.Load(embedded::lexicon(), CompanyConfig{}, {}); !st.ok()) return st;
  return c.matcher().Serialize();
}

StatusOr<bool> BuiltInPhrasesPrebuilt(const CompanyConfig& config) {
  RuleClassifier c;
  if (Status st = c.Load(embedded::lexicon(), config, embedded::lexicon_database()); !st.ok())
    return st;
  return c.matcher().used_prebuilt();
}

}  // namespace classify
}  // namespace ringback
