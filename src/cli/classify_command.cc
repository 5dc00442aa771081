#include "cli/classify_command.h"

#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>

#include "classify/classifier.h"
#include "classify/evaluation.h"
#include "classify/json_lines.h"
#include "cli/commands.h"

namespace ringback::cli {
namespace {

constexpr const char* kClassifyUsage =
    "usage: ringback classify [FILE|-]\n"
    "  reads JSON lines {\"id\",\"channel\",\"text\",\"context\"} (stdin when no FILE) and\n"
    "  writes {\"id\",\"category\",\"confidence\",\"reasons\"} per line\n";
constexpr const char* kEvalUsage =
    "usage: ringback eval [--quiet] LABELLED.jsonl\n"
    "  prints the confusion matrix, precision/recall, accuracy, stop recall and false stops;\n"
    "  exits 1 when a stop is missed or a non-stop is called stop\n";

struct Options {
  std::optional<std::string> file;
  bool quiet = false;
  bool help = false;
};

// Returns nullopt on bad usage (the message is already written to err).
std::optional<Options> ParseArgs(const std::vector<std::string>& args, bool allow_quiet,
                                 const char* usage, std::ostream& err) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      o.help = true;
    } else if (a == "--config") {
      ++i;  // read by the main program
      if (i >= args.size()) {
        err << "--config needs a file\n" << usage;
        return std::nullopt;
      }
    } else if (a.starts_with("--config=")) {
      continue;
    } else if (allow_quiet && a == "--quiet") {
      o.quiet = true;
    } else if (a.size() > 1 && a.starts_with('-')) {
      err << "unknown option " << a << "\n" << usage;
      return std::nullopt;
    } else if (o.file) {
      err << "only one input file may be given\n" << usage;
      return std::nullopt;
    } else {
      o.file = a;
    }
  }
  return o;
}

// Opens the named file, or uses `in` for none or "-".
std::istream* OpenInput(const std::optional<std::string>& file, std::istream& in,
                        std::unique_ptr<std::ifstream>& holder) {
  if (!file || *file == "-") return &in;
  holder = std::make_unique<std::ifstream>(*file);
  return holder->is_open() ? holder.get() : nullptr;
}

std::shared_ptr<const Classifier> Build(const CompanyConfig& config, const char* command,
                                        std::ostream& err) {
  StatusOr<std::shared_ptr<const Classifier>> c = Classifier::Create(config);
  if (!c.ok()) {
    err << command << ": " << c.status().ToString() << "\n";
    return nullptr;
  }
  return *c;
}

bool Blank(const std::string& line) {
  return line.find_first_not_of(" \t\r") == std::string::npos;
}

// Invalid UTF-8 in a quote is replaced, never thrown over.
std::string Dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

void StripCr(std::string& line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
}

}  // namespace

int ClassifyCommand(const std::vector<std::string>& args, const CompanyConfig& config,
                    std::istream& in, std::ostream& out, std::ostream& err) {
  const std::optional<Options> opts = ParseArgs(args, false, kClassifyUsage, err);
  if (!opts) return kExitUsage;
  if (opts->help) {
    out << kClassifyUsage;
    return kExitOk;
  }
  std::unique_ptr<std::ifstream> holder;
  std::istream* input = OpenInput(opts->file, in, holder);
  if (!input) {
    err << "classify: cannot open " << *opts->file << "\n";
    return kExitFatal;
  }
  const std::shared_ptr<const Classifier> classifier = Build(config, "classify", err);
  if (!classifier) return kExitFatal;
  std::string line;
  std::int64_t line_no = 0;
  int errors = 0;
  while (std::getline(*input, line)) {
    ++line_no;
    StripCr(line);
    if (Blank(line)) continue;
    nlohmann::json id = line_no;
    const StatusOr<classify::JsonLine> req = classify::ParseJsonLine(line, false, &id);
    if (!req.ok()) {
      ++errors;
      out << Dump(classify::ErrorJson(id, line_no, req.status().message())) << "\n";
      continue;
    }
    if (!req->warning.empty()) err << "classify: line " << line_no << ": " << req->warning << "\n";
    const Classification c = classifier->Classify(req->channel, req->text, req->context);
    out << Dump(classify::ResultJson(req->id, c)) << "\n";
  }
  if (errors > 0) err << "classify: " << errors << " line(s) could not be read\n";
  return kExitOk;
}

int EvalCommand(const std::vector<std::string>& args, const CompanyConfig& config,
                std::istream& in, std::ostream& out, std::ostream& err) {
  const std::optional<Options> opts = ParseArgs(args, true, kEvalUsage, err);
  if (!opts) return kExitUsage;
  if (opts->help) {
    out << kEvalUsage;
    return kExitOk;
  }
  if (!opts->file) {
    err << "eval: which labelled file?\n" << kEvalUsage;
    return kExitUsage;
  }
  std::unique_ptr<std::ifstream> holder;
  std::istream* input = OpenInput(opts->file, in, holder);
  if (!input) {
    err << "eval: cannot open " << *opts->file << "\n";
    return kExitFatal;
  }
  std::vector<classify::LabelledExample> examples;
  std::string line;
  std::int64_t line_no = 0;
  int malformed = 0;
  while (std::getline(*input, line)) {
    ++line_no;
    StripCr(line);
    if (Blank(line)) continue;
    const StatusOr<classify::JsonLine> ex = classify::ParseJsonLine(line, true, nullptr);
    if (!ex.ok()) {
      ++malformed;
      err << *opts->file << ":" << line_no << ": " << ex.status().message() << "\n";
      continue;
    }
    if (!ex->warning.empty()) err << *opts->file << ":" << line_no << ": " << ex->warning << "\n";
    examples.push_back(classify::ToExample(*ex));
  }
  if (examples.empty()) {
    err << "eval: no labelled examples in " << *opts->file << "\n";
    return kExitFatal;
  }
  const std::shared_ptr<const Classifier> classifier = Build(config, "eval", err);
  if (!classifier) return kExitFatal;
  const classify::EvalReport report = classify::Evaluate(*classifier, examples);
  out << classify::FormatReport(report, !opts->quiet);
  if (!report.StopsSafe()) {
    err << "eval: FAILED: stop recall " << report.StopRecall() << ", false stops "
        << report.FalseStops() << "\n";
    return kExitFatal;
  }
  if (malformed > 0) {
    err << "eval: " << malformed << " malformed line(s)\n";
    return kExitFatal;
  }
  return kExitOk;
}

}  // namespace ringback::cli
