// The built-in lexicons' phrase matcher, compiled once at build time: compiling every entry into
// Hyperscan's database takes seconds, so the build runs classify_phrases (src/classify/train),
// which writes CompileBuiltInPhrases() to a file that the classify library embeds
// (embedded::lexicon_database()); Classifier::Create reads it back in milliseconds and compiles
// only a company's extra_terms itself.
#pragma once

#include <string>

#include "core/company_config.h"
#include "core/status.h"

namespace ringback::classify {

// The phrase matcher of the built-in lexicons (no company terms), compiled and serialized
// (PhraseMatcher::Serialize).
StatusOr<std::string> CompileBuiltInPhrases();

// Whether a classifier for `config` uses the embedded database rather than compiling the
// built-in lexicons itself (false when the database is missing or was built from other entries).
StatusOr<bool> BuiltInPhrasesPrebuilt(const CompanyConfig& config);

}  // namespace ringback::classify
