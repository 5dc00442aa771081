// classify_phrases OUT: compiles the built-in lexicons (data/lexicon/*.txt, as the classifier
// adds them) into the phrase matcher's Hyperscan database and writes it to OUT
// (classify/phrase_database.h). Run by the build; the classify library embeds OUT.
#include <fstream>
#include <iostream>

#include "classify/phrase_database.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: classify_phrases OUT\n";
    return 2;
  }
  const ringback::StatusOr<std::string> db = ringback::classify::CompileBuiltInPhrases();
  if (!db.ok()) {
    std::cerr << "classify_phrases: " << db.status().ToString() << "\n";
    return 1;
  }
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out << *db;
  out.close();
  if (!out) {
    std::cerr << "classify_phrases: cannot write " << argv[1] << "\n";
    return 1;
  }
  return 0;
}
