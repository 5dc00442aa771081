// Rules for callback wording, shared by drafts and the template lint: a text that starts a
// conversation carries an easy way to stop, never pressure (urgency tricks, invented
// discounts), and no gap where a merge value was missing. Pure functions over UTF-8 text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ringback {

// A finding of a lint. Errors stop a company template from being used (the built-in one is
// used instead) and make `ringback templates check` exit 1; warnings are advice.
enum class Severity { kWarning, kError };

struct LintIssue {
  Severity severity = Severity::kWarning;
  std::string message;
};

bool HasErrors(const std::vector<LintIssue>& issues);

// True when the text offers an easy opt-out: "Reply STOP", "opt out", "unsubscribe",
// "reply not interested", "we won't contact you again", "responda STOP", "no me interesa", ...
// (case, accents and quotes ignored).
bool HasStopWording(std::string_view text);

// True when the text uses an SMS opt-out keyword ("Reply STOP", "text STOP", "responda
// STOP"): right in a text message, wrong in an email, where people decline in words.
bool HasSmsStopKeyword(std::string_view text);

// Promises a callback must not make, as written in the rule list: "guarantee", "we'll be
// there", "same day", "within the hour", "mañana mismo", ... Empty when there are none.
std::vector<std::string> PromisePhrases(std::string_view text);

// The pressure phrases found, as written in the rule list: "act now", "limited time",
// "discount", "% off", "$50 off", ... Empty when the wording is clean.
std::vector<std::string> PressurePhrases(std::string_view text);

// Places where a merge value looks missing: "help with." or "Hi ,". Returns short excerpts.
std::vector<std::string> FindGaps(std::string_view text);

}  // namespace ringback
