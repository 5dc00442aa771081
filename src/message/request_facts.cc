#include "message/request_facts.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.h"
#include "message/language.h"
#include "message/text_match.h"

namespace ringback {
namespace {

// How much of each text a request is read from: the classifier's bound (classify/classifier.h).
constexpr std::size_t kMaxReadBytes = 32 * 1024;

using message_internal::FindWords;
using message_internal::Fold;

// --- phrase lists (folded: lower case, no accents) ---------------------------------------

constexpr std::string_view kGoAhead[] = {
    "go ahead", "move forward", "moving forward", "get on the schedule", "ready to do it", "ready to start",
    "ready to sign", "ready to go", "we'll take it", "we will take it", "let's do it", "lets do it",
    "let's go with", "we'll go with", "we'd like to go with", "we want to go with", "we accept", "accept the estimate",
    "accept the quote", "approve the", "get the install scheduled", "schedule the install", "book the install",
    "sign the contract", "like to proceed", "want to proceed", "ready to proceed",
    "seguir adelante", "queremos proceder", "aceptamos", "estamos listos", "adelante con"};

constexpr std::string_view kProblem[] = {
    "leak", "leaks", "leaking", "leaked", "not working", "stopped working", "quit working", "doesn't work",
    "does not work", "won't turn on", "won't start", "broken", "broke", "loose", "sagging", "rattle", "rattling",
    "noise", "noisy", "squeal", "squealing", "no heat", "no cooling", "no ac", "no air", "no hot water",
    "blowing cold", "blowing warm", "blowing hot", "quit", "missing", "damage", "damaged", "popping", "lifting",
    "hole", "water got in", "water came in", "flooding", "flooded", "problem", "issue", "uneven", "cracked",
    "crack", "clicks", "not heating", "not cooling", "gotera", "goteras", "fuga", "no funciona", "no prende",
    "roto", "rota", "dano", "danos", "problema", "ruido", "no calienta", "no enfria", "se rompio", "goteando",
    "cayendo", "se cae", "entra agua", "metiendo agua", "sin calefaccion", "no hay calefaccion", "no tenemos calefaccion"};

// Words that undo a phrase when they come just before it: "no leaks inside", "before we go ahead".
constexpr std::string_view kNegators[] = {"no",     "not",   "never", "without", "before", "if",   "whether",
                                          "don't",  "didn't", "won't", "aren't", "can't",  "isn't", "antes",
                                          "si",     "sin",   "nunca"};

// Unpunctuated transcripts: a question is known by how it starts.
constexpr std::string_view kQuestionStarts[] = {
    "do you", "do yall", "do y'all", "do you all", "can you", "could you", "is it", "are you", "what", "how much",
    "how long", "when can", "when could", "wondering if", "is there", "is that", "does it", "will you",
    "pueden", "tienen", "hacen", "cuanto", "cuando", "trabajan", "ofrecen"};

// A question that asks for a quote or a visit ("Could you provide an estimate?") is a request.
constexpr std::string_view kRequestWords[] = {
    "an estimate", "a quote", "a price", "a bid", "second opinion", "send the estimate", "send a quote",
    "quote a repair", "quote for", "come out", "come look", "take a look", "stop by", "come by", "assessment",
    "inspection", "help me", "help us", "un presupuesto", "una cotizacion", "una visita", "un precio", "ayudar",
    "ayuda", "ayudarme"};

struct TopicWords {
  Topic topic;
  std::vector<std::string_view> words;
};

// In the order overlapping matches are decided: "come out to Marble Falls" is the area, not a visit.
const std::vector<TopicWords>& TopicList() {
  static const std::vector<TopicWords> list = {
      {Topic::kArea, {"service the", "work in", "come out to", "do you service", "your area", "service area", "zona",
                      "trabajan en", "llegan a", "van hasta"}},
      {Topic::kPlan, {"maintenance plan", "plan de mantenimiento"}},
      {Topic::kStart, {"start date", "earliest", "how soon", "start the", "empezar", "comenzar", "fecha de inicio"}},
      {Topic::kVisit, {"come out", "come look", "come by", "stop by", "take a look", "look at", "inspection", "measure",
                       "go over", "visit", "visita", "venir", "revisar", "inspeccion"}},
      {Topic::kDeposit, {"deposit", "down payment", "up front", "upfront", "deposito", "anticipo", "enganche"}},
      {Topic::kFinancing, {"financing", "finance", "financiamiento", "financiar"}},
      {Topic::kPayment, {"credit card", "credit cards", "check only", "pay", "payment", "billing", "tarjeta", "pago",
                         "pagar"}},
      {Topic::kPrice, {"the price", "cost", "costs", "how much", "include", "included", "includes", "extra", "still good",
                       "still valid", "update it", "precio", "cuanto cuesta", "costo", "valid", "valido", "vigente",
                       "sigue igual"}},
      {Topic::kWarranty, {"warranty", "warrantied", "covered", "guarantee", "garantia"}},
      {Topic::kHours, {"open", "hours", "closed", "abierto", "abiertos", "horario"}},
      {Topic::kServices, {"do you do", "do you install", "do you offer", "do yall do", "do y'all do", "do you all do",
                          "do you guys do", "or is it just", "do you work on", "hacen", "ofrecen", "instalan"}},
  };
  return list;
}

struct ServiceWords {
  std::string_view id;
  std::vector<std::string_view> words;
};

// Services people name; the thermostat last (see ServiceFrom).
const std::vector<ServiceWords>& ServiceList() {
  static const std::vector<ServiceWords> list = {
      {"heat_pump", {"heat pump", "heatpump", "bomba de calor"}},
      {"furnace", {"furnace", "calefactor"}},
      {"water_heater", {"water heater", "hot water", "calentador de agua"}},
      {"ac", {"ac", "a/c", "air conditioner", "air conditioning", "outdoor unit", "condenser", "cooling",
              "aire acondicionado", "minisplit"}},
      {"heating", {"heater", "heating", "no heat", "calefaccion", "calenton"}},
      {"ductwork", {"duct", "ducts", "ductwork", "ductos"}},
      {"insulation", {"insulation", "radiant barrier", "aislamiento"}},
      {"skylight", {"skylight", "tragaluz"}},
      {"gutters", {"gutter", "gutters", "fascia", "canaleta", "canaletas"}},
      {"roof", {"roof", "roofing", "shingle", "shingles", "flashing", "ridge", "drip edge", "chimney", "techo",
                "tejas", "teja"}},
      {"siding", {"siding", "revestimiento"}},
      {"plumbing", {"pipe", "pipes", "drain", "toilet", "faucet", "sewer", "tuberia", "drenaje", "inodoro"}},
      {"water_damage", {"water damage", "flooding", "flooded", "mold", "inundacion", "moho"}},
      {"thermostat", {"thermostat", "termostato"}},
  };
  return list;
}

struct ChannelWords {
  DraftChannel channel;
  std::vector<std::string_view> words;
};

const std::vector<ChannelWords>& AskedChannelList() {
  static const std::vector<ChannelWords> list = {
      {DraftChannel::kEmail, {"email is best", "email is better", "e-mail is best", "email me", "e-mail me",
                              "prefer email", "by email", "via email", "over email", "reply by email",
                              "send me an email", "please email", "por correo", "mandeme un correo", "just email",
                              "envieme un correo"}},
      {DraftChannel::kSms, {"text me", "text is best", "text is better", "prefer text", "please text", "by text",
                            "send me a text", "texting is best", "por mensaje", "mandeme un mensaje", "por texto",
                            "just text", "por whatsapp", "by whatsapp", "whatsapp me"}},
      {DraftChannel::kCall, {"call me", "give me a call", "please call", "call back", "call us back", "llameme", "just call",
                             "llamenme", "que me llamen", "me pueden llamar", "devuelvame la llamada", "por telefono"}},
  };
  return list;
}

// Words that refuse one channel, and words that keep to one ("text only"), which refuse the
// others. They count only where the clause ends after them (see EndsClause).
const std::vector<ChannelWords>& RefusedChannelList() {
  static const std::vector<ChannelWords> list = {
      {DraftChannel::kSms, {"don't text", "dont text", "do not text", "don't text me", "dont text me", "do not text me",
                            "no texts", "no text", "no text messages", "no texting", "not by text", "can't text",
                            "cant text", "cannot text", "can't receive texts", "can't get texts", "cant get texts",
                            "stop texting", "stop texting me", "quit texting", "quit texting me", "no more texts",
                            "stop the texts", "stop sending texts", "stop sending me texts",
                            "don't read texts", "dont read texts", "do not read texts", "can't read texts",
                            "cant read texts", "don't get texts", "dont get texts", "do not get texts",
                            "no mensajes", "no me mande mensajes", "no me manden mensajes", "no textos"}},
      {DraftChannel::kEmail, {"don't email", "dont email", "do not email", "don't email me", "dont email me",
                              "do not email me", "no emails", "no email", "not by email", "don't use email",
                              "stop emailing", "stop emailing me", "quit emailing", "no more emails",
                              "stop the emails",
                              "dont use email", "don't check email", "dont check email", "no correos",
                              "no me manden correos"}},
      {DraftChannel::kCall, {"don't call", "dont call", "do not call", "don't call me", "dont call me", "do not call me",
                             "no calls", "no phone calls", "not by phone", "can't talk", "cant talk", "can't take calls",
                             "stop calling", "stop calling me", "quit calling", "quit calling me", "no more calls",
                             "cant take calls", "can't answer the phone", "cant answer the phone", "no llamadas",
                             "no me llamen", "no puedo contestar"}},
  };
  return list;
}

const std::vector<ChannelWords>& OnlyChannelList() {
  static const std::vector<ChannelWords> list = {
      {DraftChannel::kSms, {"text only", "texts only", "texting only", "only text", "only texts", "only by text",
                            "text me only", "solo mensajes", "solo texto", "solo por mensaje"}},
      {DraftChannel::kEmail, {"email only", "only email", "only by email", "email me only", "solo correo",
                              "solo por correo"}},
      {DraftChannel::kCall, {"calls only", "call only", "phone only", "only by phone", "solo llamadas"}},
  };
  return list;
}

// --- helpers --------------------------------------------------------------------------

// The last `n` words before `at` in folded text.
std::vector<std::string> WordsBefore(std::string_view folded, std::size_t at, int n) {
  std::vector<std::string> words;
  std::size_t end = at;
  while (static_cast<int>(words.size()) < n && end > 0) {
    while (end > 0 && !std::isalnum(static_cast<unsigned char>(folded[end - 1])) && folded[end - 1] != '\'') {
      if (folded[end - 1] == '.' || folded[end - 1] == '?' || folded[end - 1] == '!') return words;  // sentence ends
      --end;
    }
    std::size_t begin = end;
    while (begin > 0 && (std::isalnum(static_cast<unsigned char>(folded[begin - 1])) || folded[begin - 1] == '\''))
      --begin;
    if (begin == end) break;
    words.emplace_back(folded.substr(begin, end - begin));
    end = begin;
  }
  return words;
}

bool Negated(std::string_view folded, std::size_t at, int window) {
  for (const std::string& w : WordsBefore(folded, at, window))
    if (std::find(std::begin(kNegators), std::end(kNegators), w) != std::end(kNegators) || w.ends_with("n't"))
      return true;
  return false;
}

// The first phrase of `list` found in `folded` and not negated; its position in `at`.
template <typename List>
std::string_view FirstFound(std::string_view folded, const List& list, int negation_window, std::size_t* at = nullptr) {
  std::string_view best;
  std::size_t best_at = std::string_view::npos;
  for (std::string_view phrase : list) {
    for (std::size_t p = FindWords(folded, phrase); p != std::string_view::npos; p = FindWords(folded, phrase, p + 1)) {
      if (Negated(folded, p, negation_window)) continue;
      if (p < best_at) best_at = p, best = phrase;
      break;
    }
  }
  if (at) *at = best_at;
  return best;
}

// Sentences of `text`, each with its ending punctuation; line breaks end a sentence too.
std::vector<std::string> Sentences(std::string_view text) {
  std::vector<std::string> out;
  std::string current;
  auto flush = [&] {
    std::string s = TrimmedString(current);
    if (!s.empty()) out.push_back(s);
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') {
      flush();
      continue;
    }
    current += c;
    if ((c == '.' || c == '?' || c == '!') && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n'))
      flush();
  }
  flush();
  return out;
}

bool IsQuestionSentence(const std::string& s) { return !s.empty() && (s.back() == '?' || s.rfind("\xC2\xBF", 0) == 0); }

// "Hi do you work in Kyle/Buda?" -> "do you work in Kyle/Buda?": a greeting is not the question.
std::string WithoutGreeting(std::string s) {
  const std::string folded = Fold(s);
  for (std::string_view g : {"hi there", "hello", "hola", "hey", "hi"}) {
    if (folded.rfind(g, 0) == 0 && (folded.size() == g.size() || !std::isalnum(static_cast<unsigned char>(folded[g.size()])))) {
      std::size_t cut = g.size();
      while (cut < s.size() && (s[cut] == ',' || s[cut] == ' ' || s[cut] == '!')) ++cut;
      std::string rest = s.substr(cut);
      if (!rest.empty()) rest[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(rest[0])));
      return rest;
    }
  }
  return s;
}

std::size_t CountWords(std::string_view s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool letter = std::isalnum(static_cast<unsigned char>(c)) || (c & 0x80);
    if (letter && !in) ++n;
    in = letter;
  }
  return n;
}

// Topics found in `folded`, with their first position, in list order (a later topic's phrase
// inside an earlier match does not count).
void AddTopics(std::string_view folded, std::vector<std::pair<std::size_t, Topic>>& found) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (const TopicWords& t : TopicList()) {
    if (t.topic == Topic::kServices && !found.empty()) continue;  // "do you offer financing": financing says it
    for (std::string_view w : t.words) {
      std::size_t at = FindWords(folded, w);
      if (at == std::string_view::npos) continue;
      const bool inside = std::any_of(spans.begin(), spans.end(), [&](const auto& s) { return at >= s.first && at < s.second; });
      if (inside) continue;
      spans.emplace_back(at, at + w.size());
      if (std::none_of(found.begin(), found.end(), [&](const auto& f) { return f.second == t.topic; }))
        found.emplace_back(at, t.topic);
      break;
    }
  }
}

// Digit runs of `folded` with the word before each ("#", "estimate"...).
std::vector<std::pair<std::string, std::string>> Numbers(std::string_view folded) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < folded.size();) {
    if (!std::isdigit(static_cast<unsigned char>(folded[i])) || (i > 0 && (std::isalnum(static_cast<unsigned char>(folded[i - 1])) || folded[i - 1] == ',' || folded[i - 1] == '.'))) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < folded.size() && std::isdigit(static_cast<unsigned char>(folded[j]))) ++j;
    if (j < folded.size() && (std::isalpha(static_cast<unsigned char>(folded[j])) ||
                              ((folded[j] == ',' || folded[j] == '.') && j + 1 < folded.size() &&
                               std::isdigit(static_cast<unsigned char>(folded[j + 1]))))) {
      i = j;  // "3rd", "1,800", "2.5": not a number people quote
      continue;
    }
    std::string before;
    if (i > 0 && folded[i - 1] == '#') {
      before = "#";
    } else {
      const std::vector<std::string> w = WordsBefore(folded, i, 2);
      for (const std::string& word : w)
        if (word == "estimate" || word == "quote" || word == "bid" || word == "proposal" || word == "presupuesto" ||
            word == "cotizacion" || word == "invoice")
          before = word;
      if (before.empty() && !w.empty() && (w.front() == "number" || w.front() == "no")) before = "number";
    }
    out.emplace_back(std::string(folded.substr(i, j - i)), before);
    i = j;
  }
  return out;
}

bool IsClosedOrWon(const std::string& status) {
  for (std::string_view s : {"declined", "lost", "archived", "rejected", "expired", "approved", "converted", "won",
                             "sold", "accepted", "complete", "invoiced"})
    if (status.find(s) != std::string::npos) return true;
  return false;
}

std::optional<DraftEstimate> FindEstimate(const DraftRequest& r, std::string_view folded, Timestamp first_at,
                                          std::vector<std::string>& reasons) {
  const auto numbers = Numbers(folded);
  for (const auto& [digits, before] : numbers)
    for (const DraftEstimate& e : r.estimates)
      if (!e.number.empty() && e.number == digits) {
        reasons.push_back("names estimate #" + e.number);
        return e;
      }
  for (const auto& [digits, before] : numbers)
    if (!before.empty() && digits.size() >= 3 && digits.size() <= 10) {
      reasons.push_back("names estimate #" + digits + " (not in the estimate exports)");
      return DraftEstimate{digits, "", "", {}};
    }
  if (r.category != Category::kActiveEstimate && r.category != Category::kOldEstimate) return std::nullopt;
  const DraftEstimate* latest = nullptr;
  for (const DraftEstimate& e : r.estimates)
    if (e.sent_at <= first_at && !IsClosedOrWon(e.status) && (!latest || e.sent_at >= latest->sent_at)) latest = &e;
  if (!latest) return std::nullopt;
  reasons.push_back("their latest open estimate is #" + latest->number);
  return *latest;
}

// The service named first ("a standing seam metal roof ... also gutters" is about the roof); a
// thermostat only when nothing else is named ("thermostat says 56 ... furnace clicks").
std::string ServiceFrom(std::string_view folded) {
  std::string best;
  std::size_t best_at = std::string_view::npos;
  for (const ServiceWords& s : ServiceList()) {
    if (s.id == "thermostat" && !best.empty()) break;  // listed last
    for (std::string_view w : s.words)
      for (std::size_t at = FindWords(folded, w); at != std::string_view::npos; at = FindWords(folded, w, at + 1))
        if (!Negated(folded, at, 1)) {
          if (at < best_at) best_at = at, best = std::string(s.id);
          break;
        }
  }
  return best;
}

std::string ServiceFromTrade(const std::string& trade) {
  if (trade == "roofing") return "roof";
  if (trade == "hvac") return "hvac";
  if (trade == "plumbing") return "plumbing";
  if (trade == "restoration") return "water_damage";
  if (trade == "remodeling") return "remodel";
  return "";
}

std::string Quote(std::string_view phrase) { return "\"" + std::string(phrase) + "\""; }

// True when the clause ends at `at`, or only courtesy or another channel follows: "don't call,
// text me", "no texts please", "text only thanks". A word like "before", "my" or "at" goes on
// to say when or whom.
bool EndsClause(std::string_view folded, std::size_t at) {
  static constexpr std::string_view kGoesOn[] = {"please", "pls", "plz", "thanks", "thank", "thx", "just",
                                                 "only", "but", "instead", "anymore", "ever", "i", "i'm", "im",
                                                 "we", "call", "text", "email", "por", "favor", "gracias", "solo",
                                                 "about", "and"};
  while (at < folded.size() && folded[at] == ' ') ++at;
  if (at == folded.size()) return true;
  if (std::string_view(".,;:!?-)/\n").find(folded[at]) != std::string_view::npos) return true;
  std::size_t end = at;
  while (end < folded.size() && (std::isalnum(static_cast<unsigned char>(folded[end])) || folded[end] == '\''))
    ++end;
  const std::string_view word = folded.substr(at, end - at);
  return std::find(std::begin(kGoesOn), std::end(kGoesOn), word) != std::end(kGoesOn);
}

// The first of `words` found where its clause ends; empty when none is.
std::string_view FoundEndingClause(std::string_view folded, const std::vector<std::string_view>& words) {
  std::size_t best = std::string_view::npos;
  std::string_view found;
  for (std::string_view phrase : words)
    for (std::size_t p = FindWords(folded, phrase); p != std::string_view::npos && p < best;
         p = FindWords(folded, phrase, p + 1))
      if (EndsClause(folded, p + phrase.size())) best = p, found = phrase;
  return found;
}

void AddRefused(std::string_view folded, RequestFacts& f) {
  auto refuse = [&](DraftChannel c, std::string_view said) {
    if (std::find(f.refused.begin(), f.refused.end(), c) != f.refused.end()) return;
    f.refused.push_back(c);
    f.reasons.push_back("asks not to be reached by " + std::string(DraftChannelName(c)) + ": " + Quote(said));
  };
  for (const ChannelWords& c : RefusedChannelList())
    if (std::string_view said = FoundEndingClause(folded, c.words); !said.empty()) refuse(c.channel, said);
  for (const ChannelWords& only : OnlyChannelList())
    if (std::string_view said = FoundEndingClause(folded, only.words); !said.empty())
      for (DraftChannel other : {DraftChannel::kSms, DraftChannel::kEmail, DraftChannel::kCall})
        if (other != only.channel) refuse(other, said);
}

}  // namespace

std::string_view IntentName(Intent i) {
  switch (i) {
    case Intent::kGoAhead: return "go_ahead";
    case Intent::kProblem: return "problem";
    case Intent::kQuestion: return "question";
    case Intent::kRequest: return "request";
    case Intent::kMissedCall: return "missed_call";
  }
  return "request";
}

RequestFacts ReadRequest(const DraftRequest& r) {
  RequestFacts f;
  std::string all;       // everything they wrote, subjects included
  bool wrote = false, only_calls = true;
  for (const DraftSignal& s : r.signals) {
    if (f.first_at == Timestamp{} || s.received_at < f.first_at) f.first_at = s.received_at;
    if (s.channel != Channel::kCall && s.channel != Channel::kVoicemail) only_calls = false;
    if (!Trim(s.subject).empty() || !Trim(s.text).empty()) wrote = true;
    if (s.channel == Channel::kEmail && !TrimmedString(s.subject).empty()) f.their_subject = TrimmedString(s.subject);
    // Each part is read up to the classifier's bound (kMaxClassifiedBytes, 32 KiB): what a
    // person asks is at its start, and a 10 MB body must not cost seconds here either.
    for (const std::string* part : {&s.subject, &s.text})
      if (!part->empty()) {
        if (!all.empty()) all += '\n';
        all += Utf8Prefix(*part, kMaxReadBytes);
      }
  }
  if (r.signals.empty() && !r.summary.empty()) all = r.summary, wrote = true;  // only a summary is known
  const std::string folded = Fold(all);

  // The language: theirs when the company writes it, else the company's first.
  const LanguageGuess guess = GuessLanguage(all);
  const std::vector<std::string> locales =
      r.company && !r.company->draft_locales.empty() ? r.company->draft_locales : ShippedLocales();
  f.locale = std::find(locales.begin(), locales.end(), guess.locale) != locales.end() ? guess.locale : locales.front();
  if (guess.locale != std::string(kDefaultLocale))
    f.reasons.push_back("written in " + guess.locale + " (" + std::to_string(guess.spanish) + " Spanish and " +
                        std::to_string(guess.english) + " English stop words)" +
                        (f.locale == guess.locale ? "" : "; the company writes " + f.locale));

  // Questions: sentences ending in "?", or an unpunctuated transcript that starts like one.
  std::vector<std::pair<std::size_t, Topic>> topics;
  bool asked = false;
  for (const DraftSignal& s : r.signals) {
    for (const std::string& sentence : Sentences(Utf8Prefix(s.text, kMaxReadBytes))) {
      const std::string fs = Fold(sentence);
      const bool transcript = s.channel == Channel::kVoicemail && sentence.find('?') == std::string::npos;
      bool question = IsQuestionSentence(sentence);
      if (transcript)
        for (std::string_view q : kQuestionStarts) question = question || FindWords(fs, q) != std::string_view::npos;
      if (!question) continue;
      std::vector<std::pair<std::size_t, Topic>> found;
      AddTopics(fs, found);
      std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
      const bool wants_visit_or_quote =
          std::any_of(std::begin(kRequestWords), std::end(kRequestWords),
                      [&](std::string_view w) { return FindWords(fs, w) != std::string_view::npos; }) &&
          std::all_of(found.begin(), found.end(), [](const auto& t) { return t.second == Topic::kVisit; });
      if (wants_visit_or_quote) continue;  // "Can we get a quote for ours?" asks for work, not an answer
      asked = true;
      for (const auto& t : found)
        if (std::none_of(topics.begin(), topics.end(), [&](const auto& u) { return u.second == t.second; }))
          topics.push_back(t);
      const std::string q = WithoutGreeting(sentence);
      if (f.question.empty() && !transcript && q.size() <= 200 && (!found.empty() || CountWords(q) >= 6))
        f.question = q;
    }
  }
  for (const auto& [at, topic] : topics)
    if (f.topics.size() < 3) f.topics.push_back(topic);

  // The intent.
  if (!wrote && only_calls && !r.signals.empty()) {
    f.intent = Intent::kMissedCall;
  } else if (std::string_view p = FirstFound(folded, kGoAhead, 4); !p.empty()) {
    f.intent = Intent::kGoAhead;
    f.reasons.push_back("go-ahead: " + Quote(p));
  } else if (std::string_view problem = FirstFound(folded, kProblem, 2); !problem.empty()) {
    f.intent = Intent::kProblem;
    f.reasons.push_back("a problem: " + Quote(problem));
  } else if (asked) {
    f.intent = Intent::kQuestion;
  } else {
    f.intent = Intent::kRequest;
  }
  if (asked) f.reasons.push_back("asks" + std::string(f.topics.empty() ? " a question" : " about " + TopicsPhrase(f.topics, "en")));

  // A follow-up with no signal of its own (an old quote) looks at the quotes sent by now.
  f.estimate = FindEstimate(r, folded, f.first_at == Timestamp{} ? r.as_of : f.first_at, f.reasons);
  f.service = ServiceFrom(folded);
  if (f.service.empty()) f.service = ServiceFromTrade(r.trade);

  std::size_t best = std::string_view::npos;
  for (const ChannelWords& c : AskedChannelList()) {
    std::size_t at = std::string_view::npos;
    std::string_view p = FirstFound(folded, c.words, 2, &at);
    if (!p.empty() && at < best) best = at, f.asked_for = c.channel;
  }
  if (f.asked_for) f.reasons.push_back("asks to be answered by " + std::string(DraftChannelName(*f.asked_for)));
  AddRefused(folded, f);
  for (DraftChannel c : r.refused)
    if (!Refuses(f, c)) {
      f.refused.push_back(c);
      f.reasons.push_back("asked in an earlier message not to be reached by " + std::string(DraftChannelName(c)));
    }
  return f;
}

bool Refuses(const RequestFacts& facts, DraftChannel channel) {
  return std::find(facts.refused.begin(), facts.refused.end(), channel) != facts.refused.end();
}

// --- localized words ----------------------------------------------------------------------

namespace {

bool Spanish(std::string_view locale) { return locale == "es"; }

}  // namespace

std::string TopicPhrase(Topic t, std::string_view locale) {
  const bool es = Spanish(locale);
  switch (t) {
    case Topic::kStart: return es ? "la fecha de inicio" : "the start date";
    case Topic::kVisit: return es ? "una visita" : "a visit";
    case Topic::kDeposit: return es ? "el dep\xC3\xB3sito" : "the deposit";
    case Topic::kPrice: return es ? "el precio" : "the price";
    case Topic::kPayment: return es ? "la forma de pago" : "how to pay";
    case Topic::kFinancing: return es ? "el financiamiento" : "financing";
    case Topic::kWarranty: return es ? "la garant\xC3\xAD" "a" : "the warranty";
    case Topic::kArea: return es ? "la zona que cubrimos" : "the area we serve";
    case Topic::kHours: return es ? "nuestro horario" : "our hours";
    case Topic::kServices: return es ? "los servicios que ofrecemos" : "what we offer";
    case Topic::kPlan: return es ? "el plan de mantenimiento" : "the maintenance plan";
  }
  return "";
}

std::string TopicsPhrase(const std::vector<Topic>& topics, std::string_view locale) {
  std::string out;
  for (std::size_t i = 0; i < topics.size(); ++i) {
    if (i > 0) out += i + 1 == topics.size() ? (Spanish(locale) ? " y " : " and ") : ", ";
    out += TopicPhrase(topics[i], locale);
  }
  return out;
}

std::string ServicePhrase(std::string_view id, std::string_view locale) {
  struct Row {
    std::string_view id, en, es;
  };
  static constexpr Row kRows[] = {
      {"heat_pump", "the heat pump", "la bomba de calor"},
      {"furnace", "the furnace", "la calefacci\xC3\xB3n"},
      {"water_heater", "the water heater", "el calentador de agua"},
      {"ac", "the AC", "el aire acondicionado"},
      {"heating", "the heating", "la calefacci\xC3\xB3n"},
      {"ductwork", "the ductwork", "los ductos"},
      {"insulation", "the insulation", "el aislamiento"},
      {"skylight", "the skylight", "el tragaluz"},
      {"gutters", "the gutters", "las canaletas"},
      {"roof", "the roof", "el techo"},
      {"siding", "the siding", "el revestimiento"},
      {"plumbing", "the plumbing", "la plomer\xC3\xAD" "a"},
      {"water_damage", "the water damage", "los da\xC3\xB1os por agua"},
      {"thermostat", "the thermostat", "el termostato"},
      {"hvac", "the heating and cooling", "la calefacci\xC3\xB3n y el aire"},
      {"remodel", "the remodeling project", "el proyecto de remodelaci\xC3\xB3n"},
  };
  for (const Row& r : kRows)
    if (r.id == id) return std::string(Spanish(locale) ? r.es : r.en);
  return "";
}

std::string DayPhrase(Timestamp t, Timestamp as_of, const std::string& zone, std::string_view locale) {
  static constexpr std::array<std::string_view, 7> kEn{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday",
                                                       "Friday", "Saturday"};
  static constexpr std::array<std::string_view, 7> kEs{"domingo", "lunes",   "martes", "mi\xC3\xA9rcoles",
                                                       "jueves",  "viernes", "s\xC3\xA1" "bado"};
  static constexpr std::array<std::string_view, 12> kMonthEn{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  static constexpr std::array<std::string_view, 12> kMonthEs{"enero", "febrero", "marzo", "abril", "mayo", "junio",
                                                             "julio", "agosto", "septiembre", "octubre", "noviembre",
                                                             "diciembre"};
  const bool es = Spanish(locale);
  if (t <= as_of && as_of - t < std::chrono::days(6)) {
    const int wd = std::stoi(FormatLocal(t, zone, "%w"));
    return std::string(es ? kEs[static_cast<std::size_t>(wd)] : kEn[static_cast<std::size_t>(wd)]);
  }
  const int month = std::stoi(FormatLocal(t, zone, "%m")) - 1;
  const int day = std::stoi(FormatLocal(t, zone, "%d"));
  return es ? std::to_string(day) + " de " + std::string(kMonthEs[static_cast<std::size_t>(month)])
            : std::string(kMonthEn[static_cast<std::size_t>(month)]) + " " + std::to_string(day);
}

}  // namespace ringback
