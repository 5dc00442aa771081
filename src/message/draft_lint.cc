#include "message/draft_lint.h"

#include <string>

#include "message/sms_lint.h"

namespace ringback {
namespace {

void Error(std::vector<LintIssue>& issues, std::string message) {
  issues.push_back({Severity::kError, std::move(message)});
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i)
    if (i == text.size() || text[i] == '\n') {
      lines.emplace_back(text.substr(start, i - start));
      start = i + 1;
    }
  return lines;
}

// Sentences in `line`, not counting the ends of sentences inside quotation marks.
int CountSentences(std::string_view line) {
  int n = 0;
  bool quoted = false, open = false;
  char last = ' ';  // the last character inside the quotation
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    const bool opens = (c == '"' && !quoted) || line.substr(i, 3) == "\xE2\x80\x9C";
    const bool closes = (c == '"' && quoted) || line.substr(i, 3) == "\xE2\x80\x9D";
    if (opens) quoted = true;
    if (closes) {
      quoted = false;
      if (open && (last == '.' || last == '?' || last == '!')) ++n, open = false;  // You asked: "Why?"
      continue;
    }
    if (quoted && c != ' ') last = c;
    if (c != ' ' && c != '"' && c != '.' && c != '?' && c != '!') open = true;
    if (!quoted && open && (c == '.' || c == '?' || c == '!') && (i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '"')) {
      ++n;
      open = false;
    }
  }
  return n + (open ? 1 : 0);
}

}  // namespace

int BodySentences(std::string_view email_text) {
  const std::vector<std::string> lines = Lines(email_text);
  // The greeting is the first line ending in a comma; the body ends at the first blank line
  // after it: the decline and the sign-off follow.
  std::size_t i = 0;
  while (i < lines.size() && (lines[i].empty() || lines[i].rfind("Subject:", 0) == 0)) ++i;
  if (i < lines.size() && !lines[i].empty() && lines[i].back() == ',') ++i;
  while (i < lines.size() && lines[i].empty()) ++i;
  int n = 0;
  for (; i < lines.size() && !lines[i].empty(); ++i) n += CountSentences(lines[i]);
  return n;
}

std::vector<LintIssue> LintDraft(DraftChannel channel, std::string_view text) {
  std::vector<LintIssue> issues;
  if (text.find_first_not_of(" \n\r\t") == std::string_view::npos) {
    Error(issues, "empty draft");
    return issues;
  }
  if (text.find("{{") != std::string_view::npos || text.find("}}") != std::string_view::npos)
    Error(issues, "an unfilled merge field");
  for (const std::string& gap : FindGaps(text)) Error(issues, "a value looks missing: \"" + gap + "\"");
  switch (channel) {
    case DraftChannel::kSms: {
      const SmsLint sms = LintSms(text);
      for (const LintIssue& i : sms.issues)  // empty text, no way to stop, an unfilled field
        if (i.severity == Severity::kError) issues.push_back(i);
      if (sms.segments > 2)
        Error(issues, std::to_string(sms.segments) + " segments: a callback text is at most two");
      break;
    }
    case DraftChannel::kEmail:
      if (text.rfind("Subject: ", 0) != 0 || text.find("\n\n") == std::string_view::npos)
        Error(issues, "an email draft starts with its subject line");
      if (HasSmsStopKeyword(text))
        Error(issues, "an SMS keyword in an email (\"Reply STOP\"): decline in words instead");
      if (!HasStopWording(text)) Error(issues, "no plain way to decline");
      break;
    case DraftChannel::kCall:
      break;
  }
  return issues;
}

}  // namespace ringback
