// `ringback classify` and `ringback eval`. `args` are the arguments after the command name;
// `--config FILE` is read by the main program into `config` and is skipped here if present.
//
//   ringback classify [--jobs N] [FILE|-]
//     Reads JSON lines {"id","channel","text","context"?} from FILE or stdin and writes one
//     line per input, in order: {"id","category","confidence","reasons","trade"?}. A line that
//     cannot be read gets {"id": <its id, else its line number>, "line": N, "error": "..."}
//     and the others go on. Blank lines are skipped. Lines are classified on N threads (default:
//     one per core) while the input is read; each result is written once those before it are,
//     so the output is the same for any N.
//     Exit: 0 done (even with error lines), 1 the file cannot be read or the classifier
//     cannot be built, 2 bad usage.
//
//   ringback eval [--quiet] [--markdown] [--require-heldout] LABELLED.jsonl|FOLDER
//     Classifies lines that also carry "labels" and prints the confusion matrix, per-category
//     precision and recall, accuracy, per-family recall, stop recall and false stops, then the
//     misclassified development lines with their reasons (not with --quiet). A FOLDER is read
//     as a corpus (cli/corpus.h): its held-out part is printed in aggregate only and held to
//     classify::Gate. --markdown prints both parts as Markdown for docs/classification.md.
//     Exit: 0 when every development stop is found, none is invented and the held-out part
//     (when there is one) passes the gate; 1 when not, when --require-heldout finds no
//     held-out case, a line is malformed, the set is empty or the path cannot be read (with
//     --markdown: 1 only for unreadable input); 2 bad usage. CI relies on this.
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
