// `ringback classify` and `ringback eval`. `args` are the arguments after the command name;
// `--config FILE` is read by the main program into `config` and is skipped here if present.
//
//   ringback classify [FILE|-]
//     Reads JSON lines {"id","channel","text","context"?} from FILE or stdin and writes one
//     line per input, in order: {"id","category","confidence","reasons","trade"?}. A line that
//     cannot be read gets {"id": <its id, else its line number>, "line": N, "error": "..."}
//     and the others go on. Blank lines are skipped.
//     Exit: 0 done (even with error lines), 1 the file cannot be read or the classifier
//     cannot be built, 2 bad usage.
//
//   ringback eval [--quiet] LABELLED.jsonl
//     Classifies lines that also carry "label" and prints the confusion matrix, per-category
//     precision and recall, accuracy, stop recall and false stops, then the misclassified
//     lines (not with --quiet).
//     Exit: 0 when stop recall is 1.0 and there is no false stop, however imperfect the rest;
//     1 when a stop was missed, a non-stop was called stop, a line is malformed, the set is
//     empty or the file cannot be read; 2 bad usage. CI relies on this.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "core/company_config.h"

namespace ringback::cli {

int ClassifyCommand(const std::vector<std::string>& args, const CompanyConfig& config,
                    std::istream& in, std::ostream& out, std::ostream& err);

int EvalCommand(const std::vector<std::string>& args, const CompanyConfig& config,
                std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace ringback::cli
