// The decision rules: from what the lexicons found (an Analysis) and what the import knows
// about the contact (ClassifyContext) to one category, a confidence and the reasons.
//
// Precedence, first match wins:
//   -  unknown     a tapback ("Liked \"See you at 9\""): the quoted words are the office's own
//   0. spam        bulk or automated mail (context.bulk names why): never a stop
//   1. stop        an opt-out keyword alone, or a stop phrase anywhere; a soft opt-out ("wrong
//                  number", "we went with another company") unless a request for work or a
//                  question about the services follows; never the footer of bulk or mass mail
//   2. spam        a newsletter (its own footers), mass mail to strangers (email not about a
//                  home or a trade, with two marks of mass mail, not about our quote), a fake
//                  job's money trail (overpayment passed on to a mover or shipper), or a
//                  sales pitch to the business, unless the buyer talks about their own home
//   3. emergency   a safety cue; or an urgent problem (a weak problem counts with an urgency
//                  cue or repeated calls); urgency said plainly about a problem or a trade;
//                  "no rush" demotes all but safety cues. The company's own work failing goes
//                  to warranty instead, unless there is danger or urgency beyond time of day
//   4. warranty    a problem with work the company did, or an explicit warranty claim
//   5. estimates   a quote the company gave, dated in the same sentence: long ago (old), days
//                  or weeks (active), a month dated against received_at; or named after a wait
//                  ("we put it off"); an estimate on file outranks the words (step 7)
//   6. routine     a booked job's logistics: said outright, or a party of the job and a time
//   7. estimates   a reply about an estimate (its age decides active or old), or a request
//   8. routine     a question: service area, hours, warranty terms, maintenance
//   8b. unknown    a voicemail or call note of noise tags only ("[rustling] ... [inaudible]")
//   9. estimates   a quote, price or job named without asking (weaker than a question)
//  10. a problem described without a request: active_estimate (it needs a visit or a quote)
//  11. spam        pitch-like words, or a block-listed number, with no real request
//  12. an open estimate on file: active or old by its age
//  13. unknown
// In the inbox, generic words (steps 7, 9, 10) name a job only when the mail is about a home
// or a trade. Repeated calls (calls_within_minutes >= 2) count as urgency for a problem cue,
// otherwise they add a reason and confidence. A message with no words is decided by
// DecideEmpty.
//
// The word model (word_model.h), trained on the development corpus, then decides among the
// categories that are neither stop nor emergency: it may change a decision of steps 9-13 (or a
// booked visit read only from a party and a time) when at least 0.6 sure, any other one when
// at least 0.8 sure, except what facts or explicit words decided (an estimate on file, a dated
// quote, a quote or measurement asked for, the company's work named, a pitch or mass mail); and
// never to spam or unknown over a decision the rules made with evidence. Never a stop or an
// emergency; warranty only when the words name the company's work (or a past job is on file),
// old estimate only when they name a quote and a time or a wait; and in the inbox never a job
// for mail that is not about a home or a trade.
#pragma once

#include <string_view>

#include "classify/analysis.h"
#include "classify/word_model.h"
#include "classify/classifier.h"

namespace ringback::classify {

struct RuleInput {
  const Analysis& analysis;
  const NormalizedText& norm;
  std::string_view original;
  const ClassifyContext& context;
  Channel channel = Channel::kSms;
  int old_estimate_days = 30;
  const WordModel* model = nullptr;  // decides where the rules found little; may be null
};

// A message with words in it.
Classification Decide(const RuleInput& in);

// A signal with no words: a missed call, an empty voicemail or form.
Classification DecideEmpty(Channel channel, const ClassifyContext& context,
                           int old_estimate_days);

}  // namespace ringback::classify
