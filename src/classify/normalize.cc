#include "classify/normalize.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

namespace ringback::classify {
namespace {

struct Fold {
  std::string_view utf8;
  std::string_view ascii;  // " " means whitespace
};

// Typographic characters common in phone transcripts and pasted form text, and the accented
// letters of Spanish: texts often drop the accents anyway ("numero", "cotizacion"), so the
// lexicons are written without them and match either spelling.
constexpr std::array<Fold, 42> kFolds{{
    {"\u2018", "'"}, {"\u2019", "'"}, {"\u201B", "'"}, {"\u2032", "'"}, {"\u00B4", "'"},
    {"\u201C", "\""}, {"\u201D", "\""}, {"\u2033", "\""}, {"\u2013", "-"}, {"\u2014", "-"},
    {"\u2012", "-"}, {"\u2026", "..."}, {"\u00A0", " "}, {"\u2002", " "}, {"\u2003", " "},
    {"\u2009", " "}, {"\u200A", " "}, {"\u202F", " "}, {"\u3000", " "}, {"\u200B", ""},
    {"\u00E1", "a"}, {"\u00C1", "a"}, {"\u00E9", "e"}, {"\u00C9", "e"}, {"\u00ED", "i"},
    {"\u00CD", "i"}, {"\u00F3", "o"}, {"\u00D3", "o"}, {"\u00FA", "u"}, {"\u00DA", "u"},
    {"\u00FC", "u"}, {"\u00DC", "u"}, {"\u00F1", "n"}, {"\u00D1", "n"}, {"\u00E0", "a"},
    {"\u00E8", "e"}, {"\u00E7", "c"}, {"\u00C7", "c"}, {"\u00E2", "a"}, {"\u00EA", "e"},
    {"\u00BF", " "}, {"\u00A1", " "},
}};

class Builder {
 public:
  explicit Builder(NormalizedText& out) : out_(out) {}

  void Whitespace(std::uint32_t begin, std::uint32_t end, bool line_break) {
    if (!pending_) ws_begin_ = begin;
    pending_ = true;
    ws_end_ = end;
    ws_break_ = ws_break_ || line_break;
  }

  void Emit(std::string_view chars, std::uint32_t begin, std::uint32_t end) {
    if (pending_ && !out_.text.empty()) Push(ws_break_ ? '\n' : ' ', ws_begin_, ws_end_);
    pending_ = false;
    ws_break_ = false;
    for (char c : chars) Push(c, begin, end);
  }

 private:
  void Push(char c, std::uint32_t begin, std::uint32_t end) {
    out_.text += c;
    out_.from.push_back(begin);
    out_.to.push_back(end);
  }

  NormalizedText& out_;
  bool pending_ = false;
  bool ws_break_ = false;
  std::uint32_t ws_begin_ = 0;
  std::uint32_t ws_end_ = 0;
};

NormalizedText FoldChars(std::string_view text) {
  NormalizedText out;
  out.text.reserve(text.size());
  out.from.reserve(text.size());
  out.to.reserve(text.size());
  Builder b(out);
  std::size_t i = 0;
  while (i < text.size()) {
    const auto begin = static_cast<std::uint32_t>(i);
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      bool folded = false;
      for (const Fold& f : kFolds) {
        if (text.substr(i).starts_with(f.utf8)) {
          i += f.utf8.size();
          const auto end = static_cast<std::uint32_t>(i);
          if (f.ascii == " ") b.Whitespace(begin, end, false);
          else if (!f.ascii.empty()) b.Emit(f.ascii, begin, end);
          folded = true;
          break;
        }
      }
      if (folded) continue;
      ++i;
      b.Emit(std::string_view(&text[begin], 1), begin, begin + 1);
      continue;
    }
    ++i;
    if (c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      b.Whitespace(begin, begin + 1, true);
    } else if (c <= ' ' || c == 0x7F) {
      b.Whitespace(begin, begin + 1, false);
    } else {
      char ch = static_cast<char>(c);
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
      if (ch == '`') ch = '\'';
      b.Emit(std::string_view(&ch, 1), begin, begin + 1);
    }
  }
  return out;
}

bool IsWordByte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\'' || c == '/';
}

// A run of word bytes, [begin, end); begin is the text's size when there is none left.
struct WordSpan {
  std::size_t begin;
  std::size_t end;
};

// The first word at or after `from`. Both word passes below walk the text with it.
WordSpan NextWord(std::string_view t, std::size_t from) {
  while (from < t.size() && !IsWordByte(t[from])) ++from;
  std::size_t end = from;
  while (end < t.size() && IsWordByte(t[end])) ++end;
  return {from, end};
}

// Appends in's bytes [b, e) to out, with where each came from.
void AppendRange(NormalizedText& out, const NormalizedText& in, std::size_t b, std::size_t e) {
  out.text.append(in.text, b, e - b);
  out.from.insert(out.from.end(), in.from.begin() + b, in.from.begin() + e);
  out.to.insert(out.to.end(), in.to.begin() + b, in.to.begin() + e);
}

// Replaces whole words found in `spelling` (a word spelled kDropWord is removed with the commas
// and spaces after it); quotes and slashes at a word's edges stay put. Most
// texts have no variant: they are returned as they are, not copied.
NormalizedText Respell(NormalizedText in, const SpellingMap& spelling) {
  NormalizedText out;
  bool changed = false;
  std::size_t copied = 0;  // in's bytes before this are in out
  const std::string& t = in.text;
  auto copy_to = [&](std::size_t e) {
    AppendRange(out, in, copied, e);
    copied = e;
  };
  std::size_t i = 0;  // where the next word is looked for
  for (WordSpan w = NextWord(t, 0); w.begin < t.size(); w = NextWord(t, i)) {
    const std::size_t end = w.end;
    i = end;
    std::size_t wb = w.begin, we = end;
    while (wb < we && (t[wb] == '\'' || t[wb] == '/')) ++wb;
    while (we > wb && (t[we - 1] == '\'' || t[we - 1] == '/')) --we;
    const auto hit =
        wb < we ? spelling.find(std::string_view(t).substr(wb, we - wb)) : spelling.end();
    if (hit != spelling.end()) {
      if (hit->second == kDropWord) {
        // A spoken filler ("back in uh the spring"): the words around it read as one phrase.
        changed = true;
        copy_to(wb);
        std::size_t next = we;
        while (next < t.size() && (t[next] == ',' || t[next] == ' ')) ++next;
        copied = next == t.size() || t[next] == '\n' ? we : next;
        i = std::max(end, copied);
        continue;
      }
      if (!changed) {
        out.text.reserve(t.size() + 16);
        out.from.reserve(t.size() + 16);
        out.to.reserve(t.size() + 16);
        changed = true;
      }
      copy_to(wb);
      out.text += hit->second;
      out.from.insert(out.from.end(), hit->second.size(), in.from[wb]);
      out.to.insert(out.to.end(), hit->second.size(), in.to[we - 1]);
      copied = we;
    }
  }
  if (!changed) return in;
  copy_to(t.size());
  return out;
}

// Speech-to-text stutters ("about the the estimate", "to to call"): a short function word said
// twice in a row reads once, so phrases match across it. Content words are left alone ("had had").
NormalizedText DropStutters(NormalizedText in) {
  static constexpr std::array<std::string_view, 24> kStutter{
      "the", "a", "an", "to", "of", "in", "on", "for", "and", "my", "our", "your",
      "i", "we", "you", "it", "is", "was", "she", "he", "they", "with", "at", "this"};
  const std::string& t = in.text;
  NormalizedText out;
  std::size_t copied = 0;
  bool changed = false;
  std::string_view prev;
  std::size_t prev_end = 0;
  for (WordSpan w = NextWord(t, 0); w.begin < t.size(); w = NextWord(t, w.end)) {
    const std::size_t i = w.begin, end = w.end;
    const std::string_view word = std::string_view(t).substr(i, end - i);
    const bool spaces = i > prev_end && t.find_first_not_of(' ', prev_end) == i;
    if (word == prev && spaces && std::find(kStutter.begin(), kStutter.end(), word) != kStutter.end()) {
      changed = true;
      AppendRange(out, in, copied, prev_end);
      copied = end;  // the spaces and the repeat are dropped
      prev_end = end;
      continue;
    }
    prev = word;
    prev_end = end;
  }
  if (!changed) return in;
  AppendRange(out, in, copied, t.size());
  return out;
}

}  // namespace

std::string_view NormalizedText::Original(std::string_view original, std::size_t begin,
                                          std::size_t end) const {
  if (begin >= end || end > text.size()) return {};
  const std::size_t b = from[begin];
  const std::size_t e = to[end - 1];
  if (b >= e || e > original.size()) return {};
  return original.substr(b, e - b);
}

NormalizedText Normalize(std::string_view text, const SpellingMap& spelling) {
  NormalizedText folded = FoldChars(text);
  if (spelling.empty()) return DropStutters(std::move(folded));
  return DropStutters(Respell(std::move(folded), spelling));
}

std::size_t SubjectLineEnd(std::string_view t) {
  return t.starts_with("subject:") ? std::min(t.find('\n'), t.size()) : 0;
}

namespace {

// Outlook's line of underscores above the quoted mail's "From:" (or "De:") block.
bool RuleLine(std::string_view l) {
  const std::size_t end = l.find_last_not_of(' ');
  return end != std::string_view::npos && end + 1 >= 10 &&
         l.substr(0, end + 1).find_first_not_of('_') == std::string_view::npos;
}

// "On Tue, Mar 4, 2025 at 9:14 AM Name <addr> wrote:", "El jue, ... escribió:".
bool Attribution(std::string_view l) {
  const std::size_t end = l.find_last_not_of(' ');
  if (end == std::string_view::npos) return false;
  l = l.substr(0, end + 1);
  return l.ends_with("wrote:") || l.ends_with("escribio:");
}

// A phone's or mail app's line under a short reply: "Sent from my iPhone", "Get Outlook for
// Android". What follows it is the quoted mail.
bool MobileSignature(std::string_view l) {
  return l.starts_with("sent from my ") || l.starts_with("sent from mail for windows") ||
         l.starts_with("get outlook for ") || l.starts_with("enviado desde mi ");
}

// Outlook's quoted header without its rule line: "From: ..." then "Sent: ..." or "Date: ..."
// ("De:" then "Enviado:" or "Fecha:") on the next line.
bool HeaderBlock(std::string_view t, std::size_t line) {
  const std::string_view l = t.substr(line);
  if (!l.starts_with("from:") && !l.starts_with("de:")) return false;
  const std::size_t nl = l.find('\n');
  if (nl == std::string_view::npos) return false;
  const std::string_view next = l.substr(nl + 1);
  return next.starts_with("sent:") || next.starts_with("date:") || next.starts_with("enviado:") ||
         next.starts_with("fecha:");
}

// A line that starts the quoted mail or a forward: what follows it is not the person's.
bool Separator(std::string_view l) {
  const std::size_t first = l.find_first_not_of(' ');
  if (first == std::string_view::npos) return false;
  l = l.substr(first);
  return Attribution(l) || l.find("original message") != std::string_view::npos ||
         l.find("mensaje original") != std::string_view::npos || l.find("forwarded message") != std::string_view::npos ||
         RuleLine(l) || MobileSignature(l) || l.starts_with("from:") || l.starts_with("de:") ||
         l.starts_with("sent:") || l.starts_with("-----");
}

// Lines that close a mail under its first paragraph: a name, a title, a phone, a legal notice.
bool SignOffLine(std::string_view l) {
  static constexpr std::string_view kNotice[] = {"confidential", "intended only", "privileged",
                                                 "consider the environment", "disclaimer"};
  for (std::string_view n : kNotice)
    if (l.find(n) != std::string_view::npos) return true;
  std::size_t words = 0;
  bool in_word = false;
  for (char c : l) {
    const bool w = c != ' ';
    if (w && !in_word) ++words;
    in_word = w;
  }
  return words <= 8 && l.find('?') == std::string_view::npos;
}

}  // namespace

std::string_view AboveSignOff(std::string_view body) {
  std::size_t start = body.find_first_not_of(" \n");
  if (start == std::string_view::npos) return {};
  const std::size_t first_end = body.find('\n', start);
  if (first_end == std::string_view::npos) return body.substr(start);
  for (std::size_t line = first_end + 1; line < body.size();) {
    const std::size_t nl = std::min(body.find('\n', line), body.size());
    if (!SignOffLine(body.substr(line, nl - line))) return {};
    line = nl + 1;
  }
  return body.substr(start, first_end - start);
}

bool InlineReply(std::string_view t, std::size_t body_end, std::size_t pos) {
  if (pos < body_end || pos >= t.size()) return false;
  bool quoted = false;
  for (std::size_t line = body_end; line < t.size();) {
    const std::size_t nl = std::min(t.find('\n', line), t.size());
    const std::string_view l = t.substr(line, nl - line);
    const std::size_t first = l.find_first_not_of(' ');
    if (pos >= line && pos <= nl) return quoted && first != std::string_view::npos && l[first] != '>';
    if (first != std::string_view::npos && l[first] == '>') quoted = true;
    else if (Separator(l)) return false;
    line = nl + 1;
  }
  return false;
}

std::string_view ReplyBody(std::string_view t) {
  if (const std::size_t subject = SubjectLineEnd(t); subject > 0)
    t = subject < t.size() ? t.substr(subject + 1) : std::string_view();
  // A reply written under the quote it answers ("> Your estimate expires Friday\n\nSTOP").
  std::size_t start = 0;
  while (start < t.size()) {
    const std::size_t nl = std::min(t.find('\n', start), t.size());
    const std::string_view l = t.substr(start, nl - start);
    const std::size_t first = l.find_first_not_of(' ');
    if (first != std::string_view::npos && l[first] != '>' && !Attribution(l)) break;
    start = nl + 1;
  }
  if (start >= t.size()) return t;  // all quote: nothing else to read
  t = t.substr(start);
  std::size_t line = 0;
  while (line < t.size()) {
    const std::size_t nl = std::min(t.find('\n', line), t.size());
    const std::string_view l = t.substr(line, nl - line);
    const std::size_t first = l.find_first_not_of(' ');
    if (first != std::string_view::npos &&
        (l[first] == '>' || Attribution(l) || l.find("original message") != std::string_view::npos ||
         l.find("mensaje original") != std::string_view::npos || RuleLine(l.substr(first)) ||
         MobileSignature(l.substr(first)) || HeaderBlock(t, line)))
      return t.substr(0, line);
    line = nl + 1;
  }
  return t;
}

namespace {

struct Token {
  std::string lower;
  bool capital = false;    // Titlecase ("Gary"), not all capitals ("GARY")
  bool opens = false;      // first word of a line or a sentence: a capital there says nothing
};

// The words of the lines a person wrote, apostrophes kept ("i'm", "isn't"; a typographic one
// becomes '), without quoted lines and their attribution.
std::vector<Token> WrittenWords(std::string_view original) {
  std::vector<Token> words;
  Token cur;
  bool opens = true;
  bool upper_rest = false;  // a capital after the first letter: "GARY", not a Titlecase name
  auto flush = [&] {
    if (!cur.lower.empty()) {
      cur.capital = cur.capital && !upper_rest;
      cur.opens = opens;
      opens = false;
      words.push_back(std::move(cur));
    }
    cur = Token();
    upper_rest = false;
  };
  std::size_t line = 0;
  while (line < original.size()) {
    const std::size_t nl = std::min(original.find('\n', line), original.size());
    std::string_view l = original.substr(line, nl - line);
    line = nl + 1;
    while (!l.empty() && (l.back() == ' ' || l.back() == '\r')) l.remove_suffix(1);
    const std::size_t first = l.find_first_not_of(" \t");
    if (first == std::string_view::npos || l[first] == '>' || l.ends_with("wrote:")) continue;
    opens = true;
    for (std::size_t i = first; i < l.size(); ++i) {
      const unsigned char ch = static_cast<unsigned char>(l[i]);
      if (l.substr(i).starts_with("\u2019")) {
        cur.lower += '\'';
        i += 2;
      } else if (std::isalpha(ch) || ch == '\'' || ch >= 0x80) {
        if (cur.lower.empty()) cur.capital = std::isupper(ch) != 0;
        else if (std::isupper(ch)) upper_rest = true;
        cur.lower += static_cast<char>(std::tolower(ch));
      } else {
        flush();
        if (ch == '.' || ch == '!' || ch == '?') opens = true;
      }
    }
    flush();
  }
  return words;
}

// Capitalised words that are not names: "Not Yet", "Not Today", "It's Not Working".
bool CommonWord(std::string_view w) {
  static constexpr std::string_view kCommon[] = {
      "i", "yet", "today", "tonight", "tomorrow", "now", "sure", "really", "bad", "good", "working",
      "fixed", "done", "ready", "home", "here", "there", "this", "that", "again", "quite",
      "exactly", "much", "me", "us", "you", "him", "her", "them", "the", "a", "an", "my", "our",
      "your", "it", "great", "cool", "happy", "available", "interested", "right", "wrong", "ok",
      "okay", "true", "yes", "no", "so", "too", "enough", "open", "closed", "finished", "over",
      "broken", "leaking", "possible", "cheap", "expensive", "anymore", "necessary", "needed",
      "urgent", "serious", "funny", "fine", "sorry", "number", "time", "day", "date", "address",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "what",
      "how", "why", "when", "who", "where", "sir", "maam", "ma'am", "mine", "ours", "his",
      "hers", "theirs", "problem", "covered", "included", "responsible", "happening", "coming",
      "going", "back", "in", "on", "at", "for", "with", "all", "one", "two", "everything",
      "acceptable", "fair", "normal", "real", "legit", "clean", "safe", "cold", "hot", "warm",
      "level", "straight", "sealed", "complete", "correct", "cheap", "reasonable", "worth", "it's",
      "what", "right", "funny", "cool", "over", "dry", "wet", "big", "small", "off", "draining",
      "running", "cooling", "heating", "flushing", "draining", "spam", "legal", "allowed", "ok",
      "before", "after", "until", "till", "next", "this", "last", "morning", "afternoon", "evening",
      "weekend", "weekends", "week", "month", "year", "spring", "summer", "fall", "autumn", "winter",
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "price", "quote", "estimate", "bill", "invoice", "color",
      "size", "model", "part", "unit", "house", "job", "accurate", "affordable", "doable",
      "realistic", "usual", "free", "paid", "sold", "interested", "thanks", "thank", "bye"};
  for (std::string_view c : kCommon)
    if (w == c) return true;
  return false;
}

bool Is(const std::vector<Token>& w, std::size_t at, std::initializer_list<std::string_view> seq) {
  if (at + seq.size() > w.size()) return false;
  std::size_t i = at;
  for (std::string_view s : seq)
    if (w[i++].lower != s) return false;
  return true;
}

// The words that say "not that person", and how many there are at `at` (0: none).
std::size_t Denial(const std::vector<Token>& w, std::size_t at) {
  static const std::initializer_list<std::string_view> kForms[] = {
      {"i", "am", "not"}, {"this", "is", "not"}, {"it", "is", "not"}, {"i'm", "not"},
      {"im", "not"},      {"this", "isn't"},      {"this", "isnt"},   {"this", "ain't"},
      {"it's", "not"},    {"its", "not"},         {"wrong"},          {"not"}};
  for (const auto& f : kForms)
    if (Is(w, at, f)) return f.size();
  return 0;
}

bool Filler(std::string_view w);

// A word that can only be a name here: Titlecase inside a sentence, not a common word.
bool Name(const Token& t) { return t.capital && !t.opens && !CommonWord(t.lower) && !Filler(t.lower); }

bool Filler(std::string_view w) {
  for (std::string_view f : {"hi", "hey", "hello", "sorry", "no", "nope", "lol", "bye", "thanks",
                             "thx", "ty", "sir", "maam", "ma'am", "mate", "dude", "bro", "here",
                             "pal", "buddy", "haha", "ok", "okay", "k"})
    if (w == f) return true;
  return false;
}

}  // namespace

std::string_view PicksTheOptOut(std::string_view t) {
  std::string_view answer;
  std::string quoted;
  std::size_t line = 0;
  while (line < t.size()) {
    const std::size_t nl = std::min(t.find('\n', line), t.size());
    std::string_view l = t.substr(line, nl - line);
    line = nl + 1;
    const std::size_t first = l.find_first_not_of(' ');
    if (first == std::string_view::npos) continue;
    l.remove_prefix(first);
    if (l.front() == '>') {
      quoted += ' ';
      quoted += l.substr(1);
    } else if (!l.ends_with("wrote:") && !MobileSignature(l)) {
      if (!answer.empty()) return {};  // more than one line written: not a bare answer
      answer = l;
    }
  }
  while (!answer.empty() && std::string_view(" .!").find(answer.back()) != std::string_view::npos)
    answer.remove_suffix(1);
  if (answer.empty() || answer.size() > 4 || quoted.empty() ||
      answer.find(' ') != std::string_view::npos)
    return {};
  const std::string a(answer);
  for (std::string_view then : {" to stop", " to opt out", " to opt-out", " to unsubscribe", " to be removed",
                                " to cancel all", " if you've decided not", " if you have decided not",
                                " if you're no longer", " if you are no longer", " if not interested",
                                " if you're not interested", " for no more"}) {
    const std::string offer = a + std::string(then);
    for (std::size_t at = quoted.find(offer); at != std::string::npos; at = quoted.find(offer, at + 1)) {
      const std::string_view next = std::string_view(quoted).substr(at + offer.size());
      if ((at == 0 || !std::isalnum(static_cast<unsigned char>(quoted[at - 1]))) &&
          (next.empty() || !std::isalnum(static_cast<unsigned char>(next.front()))) &&
          !next.starts_with(" by"))  // "2 to stop by Tuesday" books a visit
        return answer;
    }
  }
  // "Still interested in your estimate? Reply YES or NO": a no ends it; not a no to "any
  // questions?" or to "have you gone with someone else?".
  if ((a == "no" || a == "n" || a == "nope" || a == "nah") && quoted.find("still interested") != std::string::npos &&
      quoted.find("someone else") == std::string::npos && quoted.find("another") == std::string::npos &&
      quoted.find("question") == std::string::npos)
    return answer;
  return {};
}

bool DeniesTheName(std::string_view original) {
  const std::vector<Token> w = WrittenWords(original);
  if (w.empty() || w.size() > 9) return false;
  // Written all in lower case, only "this isn't mike" alone is read as a name.
  const bool lower = std::none_of(w.begin(), w.end(), [](const Token& t) { return t.capital; });
  // ("NOT GARY" in capitals reads like "NOT BEFORE 9": only the strict form below is a name.)
  if (lower) {
    const std::size_t n = w.size();
    return n >= 3 && n <= 4 && !CommonWord(w[n - 1].lower) &&
           (Is(w, 0, {"this", "isnt"}) || Is(w, 0, {"this", "isn't"}) || Is(w, 0, {"this", "ain't"}) ||
            Is(w, 0, {"this", "is", "not"})) &&
           n == (w[1].lower == "is" ? 4u : 3u);
  }
  std::size_t i = 0;
  bool named = false;
  while (i < w.size()) {
    if (Filler(w[i].lower)) {
      ++i;
    } else if (Is(w, i, {"not", "me"}) || Is(w, i, {"wrong", "number"}) || Is(w, i, {"wrong", "person"})) {
      i += 2;
    } else if (const std::size_t d = Denial(w, i); d > 0 && i + d < w.size() && Name(w[i + d])) {
      i += d + 1;
      if (i < w.size() && Name(w[i])) ++i;  // "Not Gary Ruiz"; "Not Gary. Garrett" corrects, it does not deny
      named = true;
    } else {
      return false;
    }
  }
  return named;
}

}  // namespace ringback::classify
