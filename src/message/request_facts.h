// What the person asked, read from their own words and the facts the pipeline passes: a
// go-ahead, a problem, a question or a plain request (or a bare missed call, with no words at
// all); what they asked about; the service; the estimate they wrote about and what it was
// for; when they reached out; the language they wrote in; and a channel they asked for
// ("email is best"). The draft answers these instead of repeating one line per category.
// Pure: phrase lists are here, not in the classifier's lexicons.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "message/draft_request.h"

namespace ringback {

// What the request is, most telling first: a go-ahead outranks a problem, a problem a
// question, a question a plain request.
enum class Intent { kGoAhead, kProblem, kQuestion, kRequest, kMissedCall };
std::string_view IntentName(Intent i);  // "go_ahead", "problem", "question", "request", "missed_call"

// What people ask about, for "your question about the start date and the deposit".
enum class Topic { kStart, kVisit, kDeposit, kPrice, kPayment, kFinancing, kWarranty, kArea, kHours, kServices, kPlan };

struct RequestFacts {
  Intent intent = Intent::kMissedCall;
  std::string locale = "en";          // the language to answer in, among the company's
  std::string question;               // their first question as written (<= 200 chars); may be empty
  std::vector<Topic> topics;          // what their questions are about, in order, at most 3
  std::string service;                // a service id ("heat_pump", "roof"), empty when unknown
  std::optional<DraftEstimate> estimate;  // the estimate they wrote about, or their latest quote
  Timestamp first_at{};               // when they first reached out
  std::string their_subject;          // the subject of their latest email, as written
  std::optional<DraftChannel> asked_for;  // a channel they asked to be answered on
  // Channels they asked not to be reached on: "no texts please", "don't call, text me", "email
  // only". A time or a person named after the words ("don't call before 9", "don't call my
  // husband") limits when or whom, not the channel, and does not count.
  std::vector<DraftChannel> refused;
  std::vector<std::string> reasons;   // what decided the facts: "go-ahead: \"like to go ahead\""
};

RequestFacts ReadRequest(const DraftRequest& request);

// True when the person asked not to be reached on `channel`.
bool Refuses(const RequestFacts& facts, DraftChannel channel);

// Localized words for the facts, for the templates. `locale` is "en" or "es" (anything else
// reads as "en").
std::string TopicPhrase(Topic t, std::string_view locale);        // "the start date", "el depósito"
std::string TopicsPhrase(const std::vector<Topic>& topics, std::string_view locale);  // "a, b and c"
std::string ServicePhrase(std::string_view id, std::string_view locale);  // "the heat pump", "el techo"
// "Thursday" / "jueves" within six days of `as_of`, else "Nov 12" / "12 de noviembre".
std::string DayPhrase(Timestamp t, Timestamp as_of, const std::string& zone, std::string_view locale);

}  // namespace ringback
