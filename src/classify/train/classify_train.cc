// classify_train CORPUS_DIR SPELLING_TXT OUT: trains the word model (word_model.h) on the
// development part of the corpus (every *.jsonl below CORPUS_DIR not under a heldout/ folder)
// and writes it to OUT. Run by the build; the classify library embeds OUT.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "classify/word_model.h"
#include "classify/lexicon.h"
#include "classify/normalize.h"

namespace fs = std::filesystem;
using namespace ringback;
using namespace ringback::classify;

namespace {

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool HeldOut(const fs::path& relative) {
  return std::any_of(relative.begin(), relative.end(),
                     [](const fs::path& part) { return part == "heldout"; });
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: classify_train CORPUS_DIR SPELLING_TXT OUT\n";
    return 2;
  }
  const fs::path root = argv[1];
  StatusOr<Lexicon> spelling = ParseLexicon(argv[2], ReadAll(argv[2]));
  if (!spelling.ok()) {
    std::cerr << "classify_train: " << spelling.status().ToString() << "\n";
    return 1;
  }
  SpellingMap map;
  for (const auto& [variant, canonical] : spelling->spellings) map[variant] = canonical;
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().extension() == ".jsonl" &&
        !HeldOut(fs::relative(e.path(), root)))
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  WordModel model;
  int examples = 0;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string line;
    int line_no = 0;
    while (std::getline(in, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      const nlohmann::json obj = nlohmann::json::parse(line, nullptr, false);
      std::string label;
      if (obj.is_object() && obj.contains("labels") && obj["labels"].is_array() &&
          !obj["labels"].empty() && obj["labels"][0].is_string())
        label = obj["labels"][0].get<std::string>();
      else if (obj.is_object() && obj.contains("label") && obj["label"].is_string())
        label = obj["label"].get<std::string>();
      const std::optional<Category> cat = ParseCategory(label);
      if (!cat) {
        std::cerr << f.string() << ":" << line_no << ": no label\n";
        return 1;
      }
      const std::string text =
          obj.contains("text") && obj["text"].is_string() ? obj["text"].get<std::string>() : "";
      model.Add(Normalize(text, map).text, *cat);
      ++examples;
    }
  }
  std::ofstream out(argv[3], std::ios::binary);
  out << model.Serialize();
  if (!out) {
    std::cerr << "classify_train: cannot write " << argv[3] << "\n";
    return 1;
  }
  std::cout << "classify_train: " << examples << " development examples from " << files.size()
            << " files\n";
  return 0;
}
