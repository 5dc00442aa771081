#include "cli/templates_command.h"

#include <algorithm>
#include <iomanip>
#include <optional>
#include <ostream>

#include "cli/commands.h"
#include "message/templates.h"

namespace ringback::cli {
namespace {

constexpr const char* kUsage =
    "usage: ringback templates check [--config FILE]\n"
    "       ringback templates show CATEGORY [--channel sms|email|call] [--locale en|es] [--config FILE]\n"
    "  check: lint every callback template of every language the office writes ([drafts]\n"
    "         languages): way to stop, merge fields, pressure wording and promises, SMS\n"
    "         encoding and segments, no \"Reply STOP\" in an email; exits 1 on an error\n"
    "  show:  render one template with sample values\n";

struct Options {
  std::string command;
  std::vector<std::string> positional;
  std::string channel = "sms";
  std::string locale = "en";
  bool help = false;
};

// Returns nullopt on bad usage (the message is already written to err).
std::optional<Options> ParseArgs(const std::vector<std::string>& args, std::ostream& err) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      o.help = true;
    } else if (a == "--config" || a == "--channel" || a == "--locale") {
      if (i + 1 >= args.size()) {
        err << "templates: " << a << " needs a value\n" << kUsage;
        return std::nullopt;
      }
      if (a == "--channel") o.channel = args[i + 1];
      if (a == "--locale") o.locale = args[i + 1];
      ++i;  // --config is read by the main program
    } else if (a.starts_with("--config=")) {
      continue;
    } else if (a.starts_with("--channel=")) {
      o.channel = a.substr(10);
    } else if (a.starts_with("--locale=")) {
      o.locale = a.substr(9);
    } else if (a.size() > 1 && a.starts_with('-')) {
      err << "templates: unknown option " << a << "\n" << kUsage;
      return std::nullopt;
    } else if (o.command.empty()) {
      o.command = a;
    } else {
      o.positional.push_back(a);
    }
  }
  return o;
}

// Unicode code points in UTF-8 text (continuation bytes are not counted).
std::size_t CodePoints(const std::string& s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void PrintIssues(const std::vector<LintIssue>& issues, std::ostream& out) {
  for (const LintIssue& i : issues)
    out << "  " << (i.severity == Severity::kError ? "error: " : "warning: ") << i.message << "\n";
}

void PrintRow(const TemplateCheck& c, std::ostream& out) {
  out << std::left << std::setw(26) << c.key << std::setw(10) << (c.company ? "company" : "built-in");
  if (c.sms) {
    out << std::setw(9) << SmsEncodingName(c.sms->encoding) << std::right << std::setw(6) << c.sms->characters
        << std::setw(10) << c.sms->segments;
  } else {
    out << std::setw(9) << "-" << std::right << std::setw(6) << CodePoints(c.sample.subject + c.sample.text)
        << std::setw(10) << "-";
  }
  out << "\n";
  PrintIssues(c.issues, out);
}

int Check(const Options& o, const CompanyConfig& config, std::ostream& out, std::ostream& err) {
  if (!o.positional.empty()) {
    err << "templates check: unexpected argument " << o.positional.front() << "\n" << kUsage;
    return kExitUsage;
  }
  const std::vector<TemplateCheck> checks = CheckTemplates(config);
  out << std::left << std::setw(26) << "TEMPLATE" << std::setw(10) << "SOURCE" << std::setw(9) << "ENCODING"
      << std::right << std::setw(6) << "CHARS" << std::setw(10) << "SEGMENTS" << "\n";
  int with_errors = 0, with_warnings = 0;
  for (const TemplateCheck& c : checks) {
    PrintRow(c, out);
    if (!c.ok()) ++with_errors;
    else if (!c.issues.empty()) ++with_warnings;
  }
  out << checks.size() << " templates: " << with_errors << " with errors, " << with_warnings
      << " with warnings only\n";
  if (with_errors > 0) {
    err << "templates check: " << with_errors
        << " template(s) have errors; drafts use the built-in template instead of a company one that breaks a rule\n";
    return kExitFatal;
  }
  return kExitOk;
}

int Show(const Options& o, const CompanyConfig& config, std::ostream& out, std::ostream& err) {
  if (o.positional.size() != 1) {
    err << "templates show: which category?\n" << kUsage;
    return kExitUsage;
  }
  const std::optional<Category> category = ParseCategory(o.positional[0]);
  if (!category) {
    err << "templates show: unknown category \"" << o.positional[0]
        << "\" (emergency, active_estimate, old_estimate, warranty, routine, unknown)\n"
        << kUsage;
    return kExitUsage;
  }
  const std::optional<DraftChannel> channel = ParseDraftChannel(o.channel);
  if (!channel) {
    err << "templates show: unknown channel \"" << o.channel << "\" (sms, email, call)\n" << kUsage;
    return kExitUsage;
  }
  const std::vector<std::string> locales = CompanyLocales(config);
  if (std::find(locales.begin(), locales.end(), o.locale) == locales.end()) {
    err << "templates show: unknown language \"" << o.locale << "\" (the office writes:";
    for (const std::string& l : locales) err << " " << l;
    err << ")\n" << kUsage;
    return kExitUsage;
  }
  if (!IsReal(*category)) {
    out << "No draft is ever written for " << CategoryName(*category) << ".\n";
    return kExitOk;
  }
  const TemplateSource source = FindTemplate(*channel, *category, &config.templates, o.locale);
  const TemplateCheck c =
      CheckTemplate(*channel, *category, source, SampleValues(config, *category, o.locale), o.locale);
  out << c.key << " (" << (c.company ? "company" : "built-in") << "), with sample values:\n\n";
  if (!c.sample.subject.empty()) out << "Subject: " << c.sample.subject << "\n\n";
  out << c.sample.text << "\n\n";
  if (c.sms) {
    out << SmsEncodingName(c.sms->encoding) << ", " << c.sms->characters << " characters, " << c.sms->segments
        << (c.sms->segments == 1 ? " segment\n" : " segments\n");
  } else {
    out << CodePoints(c.sample.text) << " characters\n";
  }
  PrintIssues(c.issues, out);
  return c.ok() ? kExitOk : kExitFatal;
}

}  // namespace

int TemplatesCommand(const std::vector<std::string>& args, const CompanyConfig& config, std::ostream& out,
                     std::ostream& err) {
  const std::optional<Options> o = ParseArgs(args, err);
  if (!o) return kExitUsage;
  if (o->help) {
    out << kUsage;
    return kExitOk;
  }
  if (o->command == "check") return Check(*o, config, out, err);
  if (o->command == "show") return Show(*o, config, out, err);
  err << (o->command.empty() ? "templates: which subcommand?\n"
                             : "templates: unknown subcommand \"" + o->command + "\"\n")
      << kUsage;
  return kExitUsage;
}

}  // namespace ringback::cli
