// Data files compiled into the binary by cmake/embed.cmake, as {path, bytes} pairs with paths
// relative to the source tree ("data/lexicon/emergency.txt", "templates/report.html.mustache").
#pragma once

#include <string_view>
#include <utility>
#include <vector>

namespace ringback::embedded {

using Files = std::vector<std::pair<std::string_view, std::string_view>>;

const Files& lexicon();    // data/lexicon/*.txt, defined in the classify library
const Files& model();      // the classifier's word model, trained at build time (classify)
// The built-in lexicons compiled into one Hyperscan database at build time (classify, see
// classify/phrase_database.h); empty in the tool that compiles it.
std::string_view lexicon_database();
const Files& templates();  // templates/*.mustache, defined in the message library
const Files& web();        // templates/web/*.mustache and web/static/*, defined in the web library

}  // namespace ringback::embedded
