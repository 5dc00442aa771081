// Classifier: decides the category of one inbound signal from its words and from facts the
// import knows about the contact, and says why. Pure: no I/O; lexicons are compiled into the
// binary from data/lexicon/*.txt and extended by the company's config.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "core/company_config.h"
#include "core/status.h"
#include "core/time.h"

namespace ringback {

// Facts from the whole import about the signal's contact; all optional.
struct ClassifyContext {
  // Days since the contact's most recent estimate was sent, when there is one that is not
  // declined/lost. Decides active_estimate vs old_estimate for a reply about a quote.
  std::optional<int> estimate_age_days;
  bool has_past_job = false;       // an approved/won estimate or completed job: warranty cue
  int calls_within_minutes = 0;    // other calls from the same number within 15 minutes
  bool on_spam_list = false;       // the number is on the company's block list
  bool answered = false;           // a call answered live
  std::int64_t duration_seconds = -1;  // call length, -1 unknown
  bool has_contact_handle = true;  // false: no phone or email we could use
  // Why the message is bulk or automated mail ("List-Unsubscribe header"), empty when a
  // person wrote it. Bulk mail is spam, and its unsubscribe footer is never a stop.
  std::string bulk;
  // When the message arrived: dates a past quote named by its month ("the quote from May").
  std::optional<Timestamp> received_at;
};

struct Classification {
  Category category = Category::kUnknown;
  double confidence = 0;             // 0..1
  std::vector<std::string> reasons;  // human-readable: "says \"water coming through\""
  std::string trade;                 // "roofing", "hvac", ... when the words name one
};

struct ClassifierOptions {
  // The word model (word_model.h) trained on the development corpus decides where the rules found
  // little (never stop or emergency). Off: the rules alone (to measure what the model adds).
  bool model = true;
  // A model file written by classify_train to use instead of the built-in one (empty: the
  // built-in one). Cross-validation trains one per fold (scripts/classification-cv).
  std::string model_text;
};

// The classifier reads at most this much of a text: its first 32 KiB (cut at a character
// boundary). What a person newly writes to a contractor fits many times over; a longer text (a
// pasted log, a 10 MB mail body) is classified on this prefix, so its cost stays bounded.
inline constexpr std::size_t kMaxClassifiedBytes = 32 * 1024;

class Classifier {
 public:
  // Builds the matchers once from the built-in lexicons plus config.extra_terms.
  static StatusOr<std::shared_ptr<const Classifier>> Create(const CompanyConfig& config,
                                                            const ClassifierOptions& options = {});

  virtual ~Classifier() = default;
  // Classifies one signal. `text` is the message, transcript or form text (may be empty); only
  // its first kMaxClassifiedBytes are read.
  virtual Classification Classify(Channel channel, std::string_view text,
                                  const ClassifyContext& context) const = 0;
};

}  // namespace ringback
