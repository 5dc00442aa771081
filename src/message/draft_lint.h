// The lint every draft passes before anyone may copy it, and that the golden tests and the
// sample week's drafts are held to: no unfilled field ("{{", "Hi ,"), a text message of at
// most two segments with the stop wording, an email with a subject and a plain way to decline
// in words (never an SMS keyword like "Reply STOP"), and nothing for a channel that is empty.
// Pure.
#pragma once

#include <string_view>
#include <vector>

#include "message/draft_channel.h"
#include "message/wording.h"

namespace ringback {

// Lints a draft as the office sees it (Draft::FullText(): an email starts with its
// "Subject: " line). Errors only: each one is a draft no one should send.
std::vector<LintIssue> LintDraft(DraftChannel channel, std::string_view full_text);

// Sentences in an email's body: the lines between the greeting and the sign-off, without the
// way to decline; a quotation of the person's own words counts as part of its sentence.
int BodySentences(std::string_view email_text);

}  // namespace ringback
