// Lexicons: the word lists the classifier matches, kept as data in data/lexicon/*.txt (compiled
// into the binary) and extended by CompanyConfig::extra_terms.
//
// File format (one entry per line, UTF-8):
//   # comment                 a line starting with '#' is ignored; so is " # ..." after an entry
//                             (write a literal '#' after a space as [#] in a regex)
//   [section]                 following entries belong to this section (see kSchema in
//                             lexicon.cc for the sections each file may use); entries before the
//                             first header go to the file's first section
//   water coming through      a phrase, matched on whole words against normalized text
//   re: leak(s|ing)? (in|on)  an RE2 regex, used as written (no word boundaries added)
//   thru = through            spelling.txt only: a one-word variant and what it stands for
//   {contact} = call|text     a word class: "{contact}" in a later "re:" entry of the same file
//                             stands for (?:call|text); classes may use earlier classes
//
// Phrase syntax (everything else is a literal character):
//   space      one space or hyphen          -      a hyphen, a space or nothing ("tune-up")
//   '          an optional apostrophe       *      any word characters ("leak*": leaks, leaking)
//   n't        "don't" also matches "dont" and "do not" ("won't" -> "will not", "can't" ->
//              "cannot")
//   (a|b)      alternatives                  (a|b)? optional, together with the space before it
// Text is normalized before matching (lower case, quotes folded, whitespace collapsed, spelling
// variants replaced), so entries are written in lower case with straight apostrophes.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace ringback::classify {

struct LexiconEntry {
  std::string source;  // "data/lexicon/emergency.txt:12" or "extra_terms[emergency]"
  std::string text;    // as written, for messages
  std::string regex;   // RE2 syntax for the entry itself
  bool raw = false;    // a "re:" entry: no word boundaries are added around it
};

struct Lexicon {
  std::string name;  // the file stem: "emergency", "trade_hvac", "negation", "spelling"
  std::map<std::string, std::vector<LexiconEntry>> sections;
  std::vector<std::pair<std::string, std::string>> spellings;  // spelling.txt: variant, canonical
};

// The sections a lexicon may have, first one the default; empty when the name is unknown.
// "trade_<name>" files have the single section "words"; "spelling" has none (only variants).
std::vector<std::string_view> SectionsOf(std::string_view lexicon_name);

// The lexicon name of a path like "data/lexicon/emergency.txt" ("emergency").
std::string LexiconName(std::string_view path);

// Converts a phrase (see the syntax above) to RE2 syntax, or says what is wrong with it.
StatusOr<std::string> PhraseToRegex(std::string_view phrase);

// Word classes of one file: name -> regex ("{contact} = call|text|email").
using WordClasses = std::map<std::string, std::string>;

// Parses one entry line (a phrase or "re: ..."), already stripped of comments. "{name}" in a
// "re:" entry is replaced by the word class `name` (an unknown name is an error).
StatusOr<LexiconEntry> ParseEntry(std::string_view line, std::string source,
                                  const WordClasses& classes = {});

// Parses a whole file. `path` names it in errors ("data/lexicon/emergency.txt:12: ...").
StatusOr<Lexicon> ParseLexicon(std::string_view path, std::string_view text);

// The entry wrapped for searching: capture group 1 is the entry's span; phrases get word
// boundaries (no letter or digit directly before or after).
std::string SearchPattern(const LexiconEntry& entry);

}  // namespace ringback::classify
