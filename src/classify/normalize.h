// Text normalization before matching: lower case, typographic quotes and dashes folded to
// ASCII, whitespace collapsed (a run with a line break becomes '\n', which ends a clause),
// and spelling variants from data/lexicon/spelling.txt replaced word by word. Every byte of
// the result remembers where it came from, so reasons can quote the buyer's own words.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ringback::classify {

struct SpellingHash {
  using is_transparent = void;  // looked up by string_view: no string made per word
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// Variant word -> what it stands for ("leek" -> "leak", "a/c" -> "ac").
using SpellingMap = std::unordered_map<std::string, std::string, SpellingHash, std::equal_to<>>;

// The spelling that drops a word ("uh = -" in spelling.txt): fillers of speech-to-text.
inline constexpr std::string_view kDropWord = "-";

struct NormalizedText {
  std::string text;
  std::vector<std::uint32_t> from;  // per byte of text: first original byte it came from
  std::vector<std::uint32_t> to;    // per byte of text: one past the last original byte

  // The original bytes behind text[begin, end).
  std::string_view Original(std::string_view original, std::size_t begin,
                            std::size_t end) const;
};

NormalizedText Normalize(std::string_view text, const SpellingMap& spelling);

// Where a first "subject: ..." line of a normalized mail ends (its line break); 0 when the
// text does not start with one.
std::size_t SubjectLineEnd(std::string_view normalized);

// The words a person newly wrote in a reply: without a first "subject: ..." line, without
// a quote it starts with ("> ..." lines above a bottom-posted answer) and without the quoted
// part after it (from the first "> " line, "... wrote:" or "... escribió:" line, "original
// message" or "mensaje original" line, Outlook's line of underscores, or a phone's "Sent from
// my iPhone"). A bottom-posted reply's leading "... wrote:" line goes with the quote above it.
// The whole text when it has none of these.
std::string_view ReplyBody(std::string_view normalized);

// The first line of a reply body when all that follows it is a sign-off (short lines: a name,
// a title, a phone; or a legal notice): "remove" over a signature and a disclaimer. Empty when
// the body goes on to say more.
std::string_view AboveSignOff(std::string_view body);

// Whether `pos` lies in a line the person wrote between the quoted lines ("> ...") of a reply
// answered inline, after the reply body that ends at `body_end`, with no forward or second quote
// header in between.
bool InlineReply(std::string_view normalized, std::size_t body_end, std::size_t pos);

// Whether the whole reply (quoted "> " lines and a "... wrote:" line aside) only says the
// reader is not the person the office named: "Not Gary", "Wrong Sarah. Bye", "Im not Diane",
// "this isn't Maria". Reads the original text, because only a capital tells a name ("Not
// Gary") from a word ("not yet", "it's not working").
bool DeniesTheName(std::string_view original);

// The one-word answer of a reply ("2", "n", "no") when the automated message it quotes offered
// that answer to opt out ("Reply 1 to keep getting tips, 2 to stop receiving them", "N if you've
// decided not to proceed", "Still interested? Reply YES or NO"). Empty otherwise; the answer
// points into `normalized`.
std::string_view PicksTheOptOut(std::string_view normalized);

}  // namespace ringback::classify
