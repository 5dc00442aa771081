// classify_phrases compiles the database the classify library embeds, so it cannot embed it
// itself: its classifier compiles every entry (PhraseMatcher::Compile without `prebuilt`).
#include "core/embedded.h"

namespace ringback::embedded {

std::string_view lexicon_database() { return {}; }

}  // namespace ringback::embedded
