#include "classify/lexicon.h"

#include <re2/re2.h>

#include <array>

namespace ringback::classify {
namespace {

struct SchemaRow {
  std::string_view name;
  std::vector<std::string_view> sections;  // first: default
};

// The sections each lexicon may use; classifier.cc gives them their meaning.
const std::array<SchemaRow, 8>& Schema() {
  static const std::array<SchemaRow, 8> rows{{
      {"stop", {"phrase", "keyword", "soft", "mask"}},
      {"emergency", {"strong", "safety", "problem", "urgency", "calm", "mask"}},
      {"warranty", {"claim", "work", "problem", "staff", "mask"}},
      {"active_estimate", {"request", "reply", "weak", "mask"}},
      {"old_estimate", {"reply", "time", "quote", "stale", "recent", "month", "mask"}},
      {"routine", {"question", "logistics", "party", "when", "mask"}},
      {"spam", {"strong", "weak", "buyer", "newsletter", "mass", "scam", "mask"}},
      {"negation", {"before", "after", "keep"}},
  }};
  return rows;
}

constexpr std::string_view kSpace = "[ -]";

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// "don't" matches "don't", "dont" and "do not"; irregular forms spelled out.
std::string ContractionRegex(std::string_view word) {
  if (word == "won't") return "(?:won'?t|will not)";
  if (word == "can't") return "(?:can'?t|can ?not)";
  const std::string base(word.substr(0, word.size() - 3));
  return "(?:" + base + "n'?t|" + base + std::string(kSpace) + "not)";
}

bool IsContraction(std::string_view word) {
  if (word.size() < 4 || !word.ends_with("n't") || word == "ain't") return false;
  for (char c : word.substr(0, word.size() - 3))
    if (!(c >= 'a' && c <= 'z')) return false;
  return true;
}

std::string WordToRegex(std::string_view word) {
  if (IsContraction(word)) return ContractionRegex(word);
  std::string out;
  for (char c : word) {
    if (IsAlnum(c)) out += c;
    else if (c == '\'') out += "'?";
    else if (c == '-') out += "[- ]?";
    else if (c == '*') out += "[a-z0-9']*";
    else out += RE2::QuoteMeta(std::string_view(&c, 1));
  }
  return out;
}

// Recursive descent over the phrase syntax documented in lexicon.h.
class PhraseParser {
 public:
  explicit PhraseParser(std::string_view s) : s_(s) {}

  StatusOr<std::string> Parse() {
    std::string out;
    if (Status st = Alternatives(out); !st.ok()) return st;
    if (pos_ != s_.size()) return Status::InvalidArgument("unbalanced ')'");
    return out;
  }

 private:
  struct Item {
    std::string re;
    bool optional = false;
    bool space_before = false;
  };

  Status Alternatives(std::string& out) {
    for (bool first = true;; first = false) {
      std::string seq;
      if (Status st = Sequence(seq); !st.ok()) return st;
      if (!first) out += '|';
      out += seq;
      if (pos_ >= s_.size() || s_[pos_] != '|') return Status::Ok();
      ++pos_;
    }
  }

  Status Sequence(std::string& out) {
    std::vector<Item> items;
    bool space = false;
    while (pos_ < s_.size() && s_[pos_] != '|' && s_[pos_] != ')') {
      const char c = s_[pos_];
      if (c == ' ') {
        space = !items.empty();
        ++pos_;
        continue;
      }
      if (c == '?') return Status::InvalidArgument("'?' may only follow a group");
      Item item;
      item.space_before = space;
      space = false;
      if (c == '(') {
        if (Status st = Group(item); !st.ok()) return st;
      } else {
        item.re = WordToRegex(Word());
      }
      items.push_back(std::move(item));
    }
    out = Join(items);
    return Status::Ok();
  }

  Status Group(Item& item) {
    ++pos_;  // '('
    std::string alts;
    if (Status st = Alternatives(alts); !st.ok()) return st;
    if (pos_ >= s_.size() || s_[pos_] != ')') return Status::InvalidArgument("missing ')'");
    ++pos_;
    item.re = "(?:" + alts + ")";
    if (pos_ < s_.size() && s_[pos_] == '?') {
      item.optional = true;
      ++pos_;
    }
    return Status::Ok();
  }

  std::string_view Word() {
    const std::size_t start = pos_;
    while (pos_ < s_.size() && std::string_view(" ()|?").find(s_[pos_]) == std::string_view::npos)
      ++pos_;
    return s_.substr(start, pos_ - start);
  }

  // An optional item takes the space that separates it from its neighbour, so that "(your)?
  // list" matches "list" as well as "your list".
  static std::string Join(std::vector<Item>& items) {
    std::string out;
    bool leading = true;  // only optional items so far
    for (std::size_t i = 0; i < items.size(); ++i) {
      Item& it = items[i];
      const std::string sp = it.space_before ? std::string(kSpace) : "";
      if (it.optional && leading) {
        const bool next_space = i + 1 < items.size() && items[i + 1].space_before;
        if (next_space) items[i + 1].space_before = false;
        out += "(?:" + it.re + (next_space ? std::string(kSpace) : "") + ")?";
      } else if (it.optional) {
        out += "(?:" + sp + it.re + ")?";
      } else {
        out += sp + it.re;
        leading = false;
      }
    }
    return out;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
};

Status Compiles(const std::string& regex) {
  RE2::Options options;
  options.set_log_errors(false);
  RE2 re(regex, options);
  if (!re.ok()) return Status::InvalidArgument("bad regex: " + re.error());
  return Status::Ok();
}

// Cuts a trailing " # comment"; a line starting with '#' is all comment.
std::string_view StripComment(std::string_view line) {
  const std::string_view t = Trim(line);
  if (t.starts_with('#')) return {};
  for (std::size_t i = 1; i < t.size(); ++i)
    if (t[i] == '#' && (t[i - 1] == ' ' || t[i - 1] == '\t')) return Trim(t.substr(0, i));
  return t;
}

Status ParseSpelling(std::string_view line, Lexicon& lex) {
  const auto eq = line.find('=');
  if (eq == std::string_view::npos) return Status::InvalidArgument("expected \"variant = word\"");
  const std::string variant = Lower(Trim(line.substr(0, eq)));
  const std::string canonical = Lower(Trim(line.substr(eq + 1)));
  if (variant.empty() || canonical.empty() || variant.find(' ') != std::string::npos)
    return Status::InvalidArgument("expected \"variant = word\" with a one-word variant");
  lex.spellings.emplace_back(variant, canonical);
  return Status::Ok();
}

}  // namespace

std::vector<std::string_view> SectionsOf(std::string_view lexicon_name) {
  if (lexicon_name.starts_with("trade_") && lexicon_name.size() > 6) return {"words"};
  for (const SchemaRow& row : Schema())
    if (row.name == lexicon_name) return row.sections;
  return {};
}

std::string LexiconName(std::string_view path) {
  const auto slash = path.rfind('/');
  std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (base.ends_with(".txt")) base.remove_suffix(4);
  return std::string(base);
}

StatusOr<std::string> PhraseToRegex(std::string_view phrase) {
  const std::string lower = Lower(Trim(phrase));
  if (lower.empty()) return Status::InvalidArgument("empty phrase");
  StatusOr<std::string> re = PhraseParser(lower).Parse();
  if (!re.ok()) return re;
  if (re->empty()) return Status::InvalidArgument("empty phrase");
  return re;
}

namespace {

// "{name}" in a regex replaced by the word class `name`.
StatusOr<std::string> ExpandClasses(std::string_view regex, const WordClasses& classes) {
  std::string out;
  std::size_t pos = 0;
  while (pos < regex.size()) {
    const std::size_t open = regex.find('{', pos);
    const std::size_t close = open == std::string_view::npos ? open : regex.find('}', open);
    const std::string_view name =
        close == std::string_view::npos ? std::string_view() : regex.substr(open + 1, close - open - 1);
    // "{2,3}" is a repetition, not a class: a class name starts with a letter.
    if (name.empty() || !(name[0] >= 'a' && name[0] <= 'z')) {
      const std::size_t next = open == std::string_view::npos ? regex.size() : open + 1;
      out += regex.substr(pos, next - pos);
      pos = next;
      continue;
    }
    out += regex.substr(pos, open - pos);
    const auto it = classes.find(std::string(name));
    if (it == classes.end())
      return Status::InvalidArgument("unknown word class {" + std::string(name) + "}");
    out += "(?:" + it->second + ")";
    pos = close + 1;
  }
  return out;
}

}  // namespace

StatusOr<LexiconEntry> ParseEntry(std::string_view line, std::string source,
                                  const WordClasses& classes) {
  LexiconEntry entry;
  entry.source = std::move(source);
  entry.text = std::string(Trim(line));
  if (entry.text.starts_with("re:")) {
    entry.raw = true;
    StatusOr<std::string> re =
        ExpandClasses(Trim(std::string_view(entry.text).substr(3)), classes);
    if (!re.ok()) return Status::InvalidArgument(entry.source + ": " + re.status().message());
    entry.regex = std::move(*re);
    if (entry.regex.empty()) return Status::InvalidArgument(entry.source + ": empty regex");
  } else {
    StatusOr<std::string> re = PhraseToRegex(entry.text);
    if (!re.ok()) return Status::InvalidArgument(entry.source + ": " + re.status().message());
    entry.regex = std::move(*re);
  }
  if (Status st = Compiles(entry.regex); !st.ok())
    return Status::InvalidArgument(entry.source + ": " + st.message());
  return entry;
}

StatusOr<Lexicon> ParseLexicon(std::string_view path, std::string_view text) {
  Lexicon lex;
  lex.name = LexiconName(path);
  const std::vector<std::string_view> sections = SectionsOf(lex.name);
  const bool spelling = lex.name == "spelling";
  if (sections.empty() && !spelling)
    return Status::InvalidArgument(std::string(path) + ": unknown lexicon \"" + lex.name + "\"");
  std::string section = sections.empty() ? "" : std::string(sections.front());
  WordClasses classes;
  int line_no = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const auto nl = text.find('\n', pos);
    const std::string_view raw = text.substr(pos, nl == std::string_view::npos ? nl : nl - pos);
    pos = nl == std::string_view::npos ? text.size() + 1 : nl + 1;
    ++line_no;
    const std::string_view line = StripComment(raw);
    if (line.empty()) continue;
    const std::string where = std::string(path) + ":" + std::to_string(line_no);
    if (spelling) {
      if (Status st = ParseSpelling(line, lex); !st.ok())
        return Status::InvalidArgument(where + ": " + st.message());
      continue;
    }
    if (line.starts_with('[') && line.ends_with(']')) {
      section = std::string(Trim(line.substr(1, line.size() - 2)));
      bool known = false;
      for (std::string_view s : sections) known = known || s == section;
      if (!known) return Status::InvalidArgument(where + ": unknown section [" + section + "]");
      continue;
    }
    if (line.starts_with('{')) {  // "{name} = regex": a word class for later re: entries
      const std::size_t close = line.find('}');
      const std::size_t eq = close == std::string_view::npos ? close : line.find('=', close);
      const std::string name(close == std::string_view::npos ? "" : line.substr(1, close - 1));
      if (eq == std::string_view::npos || name.empty() || !Trim(line.substr(close + 1, eq - close - 1)).empty())
        return Status::InvalidArgument(where + ": expected \"{name} = regex\"");
      StatusOr<std::string> re = ExpandClasses(Trim(line.substr(eq + 1)), classes);
      if (!re.ok()) return Status::InvalidArgument(where + ": " + re.status().message());
      if (Status st = Compiles(*re); !st.ok()) return Status::InvalidArgument(where + ": " + st.message());
      classes[name] = std::move(*re);
      continue;
    }
    StatusOr<LexiconEntry> entry = ParseEntry(line, where, classes);
    if (!entry.ok()) return entry.status();
    lex.sections[section].push_back(std::move(*entry));
  }
  return lex;
}

std::string SearchPattern(const LexiconEntry& entry) {
  if (entry.raw) return "(" + entry.regex + ")";
  return "(?:^|[^a-z0-9])(" + entry.regex + ")(?:[^a-z0-9]|$)";
}

}  // namespace ringback::classify
