// The decision rules: from what the lexicons found (an Analysis) and what the import knows
// about the contact (ClassifyContext) to one category, a confidence and the reasons.
//
// Precedence, first match wins:
//   1. stop        an opt-out keyword alone, or a stop phrase anywhere
//   2. spam        a sales pitch to the business, unless the buyer talks about their own home
//   3. emergency   a safety cue; or an urgent problem (a weak problem counts with an urgency
//                  cue or repeated calls); "no rush" demotes all but safety cues
//   4. warranty    a problem with work the company did, or an explicit warranty claim
//   5. estimates   a reply about an estimate (its age decides active or old), or a request
//   6. routine     a question: service area, hours, warranty terms, maintenance
//   7. estimates   a quote, price or job named without asking (weaker than a question)
//   8. a problem described without a request: active_estimate (it needs a visit or a quote)
//   9. spam        pitch-like words, or a block-listed number, with no real request
//  10. an open estimate on file: active or old by its age
//  11. unknown
// The naive Bayes model (bayes.h), trained on the development corpus, then decides among the
// categories that are neither stop nor emergency: it may change a decision of steps 7-11 (or a
// booked visit read only from a party and a time) when at least 0.8 sure, any other one of
// those categories when at least 0.9 sure, except spam the rules read as a pitch or mass
// mail. Never a stop or an emergency, either way; warranty
// only when the words name the company's work (or a past job is on file), old estimate only
// when they name a quote (or one is on file); and in the inbox never a job for mail that is
// not about a home or a trade.
#pragma once

#include <string_view>

#include "classify/analysis.h"
#include "classify/bayes.h"
#include "classify/classifier.h"

namespace ringback::classify {

struct RuleInput {
  const Analysis& analysis;
  const NormalizedText& norm;
  std::string_view original;
  const ClassifyContext& context;
  Channel channel = Channel::kSms;
  int old_estimate_days = 30;
  const BayesModel* model = nullptr;  // decides where the rules found little; may be null
};

// A message with words in it.
Classification Decide(const RuleInput& in);

// A signal with no words: a missed call, an empty voicemail or form.
Classification DecideEmpty(Channel channel, const ClassifyContext& context,
                           int old_estimate_days);

}  // namespace ringback::classify
