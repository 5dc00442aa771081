// The labelled classification corpus (tests/cases/classify): JSON lines files in a folder,
// read recursively, split by a fixed rule into a development part and a held-out part.
//
// The split rule: a file with a folder named "heldout" in its path below the root is held
// out; every other *.jsonl file is development. Rules are tuned on the development part only;
// for the held-out part the runner shows aggregates, never a case (docs/classification.md).
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "classify/evaluation.h"
#include "core/status.h"

namespace ringback::cli {

struct Corpus {
  std::vector<classify::LabelledExample> development;
  std::vector<classify::LabelledExample> held_out;
  std::vector<std::string> files;   // every file read, relative to the root, in read order
  std::vector<std::string> errors;  // "FILE:LINE: message" for each malformed line
};

// True when `relative` (a path below the corpus root) is in the held-out part.
bool IsHeldOut(const std::string& relative);

// Reads `path`: a folder (every *.jsonl below it, in path order) or one .jsonl file (its part
// by the same rule, from its own path). Malformed lines and duplicate ids become `errors` and
// are left out; the others are read. An unreadable path is an error Status.
StatusOr<Corpus> ReadCorpus(const std::string& path);

// Reads JSON lines from `in` (standard input) as one development file named `name`.
Corpus ReadCorpusStream(std::istream& in, const std::string& name);

}  // namespace ringback::cli
