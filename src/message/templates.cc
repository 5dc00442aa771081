#include "message/templates.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <cctype>

#include "core/embedded.h"

namespace ringback {
namespace {

namespace mustache = kainjow::mustache;

constexpr std::string_view kObjects[] = {"contact", "agent", "company", "request"};
constexpr std::string_view kOurOffice = "our office";

// A Mustache tag in a template's source, with the standard {{ }} delimiters.
struct Tag {
  char kind = 'v';  // 'v' variable, '&' unescaped ({{&x}}, {{{x}}}), '#', '^', '/', '!', '>', '='
  std::string name;
  std::size_t begin = 0;  // byte offsets of the whole tag
  std::size_t end = 0;
};

std::string Trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// The tags of `text`, in order. Stops at an unclosed tag (kainjow reports the syntax error).
std::vector<Tag> ScanTags(std::string_view text) {
  std::vector<Tag> tags;
  for (std::size_t at = text.find("{{"); at != std::string_view::npos; at = text.find("{{", at)) {
    const bool triple = text.substr(at, 3) == "{{{";
    const std::string_view close = triple ? "}}}" : "}}";
    const std::size_t start = at + (triple ? 3 : 2);
    const std::size_t stop = text.find(close, start);
    if (stop == std::string_view::npos) break;
    Tag tag;
    tag.begin = at;
    tag.end = stop + close.size();
    std::string contents = Trim(text.substr(start, stop - start));
    if (triple) {
      tag.kind = '&';
    } else if (!contents.empty() && std::string_view("&#^/!>=").find(contents[0]) != std::string_view::npos) {
      tag.kind = contents[0];
      contents = Trim(std::string_view(contents).substr(1));
    }
    tag.name = contents;
    tags.push_back(tag);
    at = tag.end;
  }
  return tags;
}

bool IsField(std::string_view name) {
  const auto& fields = MergeFields();
  return std::find(fields.begin(), fields.end(), name) != fields.end();
}

bool IsObject(std::string_view name) {
  return std::find(std::begin(kObjects), std::end(kObjects), name) != std::end(kObjects);
}

// Whether `name` resolves inside the open sections `scope` (innermost last).
bool Resolves(std::string_view name, const std::vector<std::string>& scope) {
  if (IsField(name)) return true;
  for (const std::string& s : scope) {
    if (name == "." && IsField(s)) return true;
    if (IsObject(s) && IsField(s + "." + std::string(name))) return true;
  }
  return false;
}

std::string UnknownFieldMessage(const Tag& tag) {
  std::string message = "unknown merge field {{" + tag.name + "}}";
  for (const std::string& f : MergeFields())
    if (f.size() > tag.name.size() && f.ends_with("." + tag.name)) return message + "; did you mean {{" + f + "}}?";
  message += "; known:";
  for (const std::string& f : MergeFields()) message += (f == MergeFields().front() ? " " : ", ") + f;
  return message;
}

// Top-level sections named after a category: "emergency" -> its body, trimmed.
std::map<std::string, std::string> SplitSections(std::string_view file) {
  std::map<std::string, std::string> out;
  const std::vector<Tag> tags = ScanTags(file);
  std::vector<const Tag*> open;
  for (const Tag& tag : tags) {
    if (tag.kind == '#' || tag.kind == '^') {
      open.push_back(&tag);
    } else if (tag.kind == '/' && !open.empty()) {
      const Tag* begin = open.back();
      open.pop_back();
      if (open.empty() && begin->kind == '#' && begin->name == tag.name && ParseCategory(tag.name))
        out[tag.name] = Trim(file.substr(begin->end, tag.begin - begin->end));
    }
  }
  return out;
}

// The Mustache rule for standalone tags: a line holding nothing but one section or comment
// tag leaves no line behind. kainjow applies it only to sections it renders, so a skipped
// section ("{{#agent.phone}}" on its own line) would leave a blank line. Such lines get a
// marker after the tag, and the lines that render to just the marker are dropped afterwards.
constexpr char kStandalone = '\x1F';

std::string MarkStandaloneTags(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    const bool last = nl == std::string_view::npos;
    if (last) nl = text.size();
    const std::string line = Trim(text.substr(start, nl - start));
    const std::vector<Tag> tags = ScanTags(line);
    const bool standalone = tags.size() == 1 && tags[0].begin == 0 && tags[0].end == line.size() &&
                            std::string_view("#^/!").find(tags[0].kind) != std::string_view::npos;
    out += standalone ? line + kStandalone : std::string(text.substr(start, nl - start));
    if (!last) out += '\n';
    start = nl + 1;
  }
  return out;
}

std::string DropStandaloneMarks(std::string_view rendered) {
  std::string out;
  for (std::size_t start = 0; start <= rendered.size();) {
    std::size_t nl = rendered.find('\n', start);
    const bool last = nl == std::string_view::npos;
    if (last) nl = rendered.size();
    std::string line(rendered.substr(start, nl - start));
    const bool mark_only = Trim(line) == std::string(1, kStandalone);
    std::erase(line, kStandalone);
    if (!mark_only) out += line + (last ? "" : "\n");
    start = nl + 1;
  }
  return out;
}

// A value as plain text on one line: no braces (nothing that looks like a tag), no controls.
std::string CleanValue(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '{' || c == '}') continue;
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? ' ' : c;
  }
  return Trim(out);
}

bool IsClosingPunct(char c) { return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?'; }

// One line without gaps: whitespace runs folded, no space before punctuation, no comma at the
// start or after other punctuation (what a missing value leaves behind: "Hello! , are you").
std::string TidyLine(std::string_view line) {
  std::string out;
  for (char c : line) {
    const bool space = c == ' ' || c == '\t';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (IsClosingPunct(c)) {
      while (!out.empty() && out.back() == ' ') out.pop_back();
      if (c == ',' && (out.empty() || IsClosingPunct(out.back()))) continue;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::string line(text.substr(start, i - start));
      if (!line.empty() && line.back() == '\r') line.pop_back();
      lines.push_back(line);
      start = i + 1;
    }
  }
  return lines;
}

// Lines tidied, blank runs folded into one blank line, none at either end.
std::string TidyLines(const std::vector<std::string>& lines) {
  std::string out;
  bool pending_blank = false;
  for (const std::string& raw : lines) {
    const std::string line = TidyLine(raw);
    if (line.empty()) {
      pending_blank = !out.empty();
      continue;
    }
    if (!out.empty()) out += pending_blank ? "\n\n" : "\n";
    out += line;
    pending_blank = false;
  }
  return out;
}

bool StartsWithNoCase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
  return true;
}

mustache::data MergeData(Category category, const MergeValues& v) {
  const auto object = [](std::initializer_list<std::pair<const char*, std::string>> fields) {
    mustache::data obj{mustache::data::type::object};
    for (const auto& [name, value] : fields) {
      std::string clean = CleanValue(value);
      if (!clean.empty()) obj.set(name, clean);  // unset: sections skip it, variables render nothing
    }
    return obj;
  };
  mustache::data data;
  data.set("contact", object({{"first_name", v.contact_first_name}}));
  data.set("agent", object({{"first_name", v.agent_first_name}, {"phone", v.agent_phone}}));
  const std::string company = CleanValue(v.company_name);
  data.set("company", object({{"name", company.empty() ? std::string(kOurOffice) : company}}));
  data.set("request", object({{"summary", v.request_summary}}));
  data.set(std::string(CategoryName(category)), true);
  return data;
}

// Renders `text` with every optional value missing: what a caller with no name, no agent and
// no summary receives.
MergeValues WithoutOptionalValues(const MergeValues& v) {
  MergeValues bare;
  bare.company_name = v.company_name;
  return bare;
}

void AddIssue(std::vector<LintIssue>& issues, Severity severity, std::string message) {
  for (const LintIssue& i : issues)
    if (i.message == message) return;
  issues.push_back({severity, std::move(message)});
}

}  // namespace

std::string_view DraftChannelName(DraftChannel c) {
  switch (c) {
    case DraftChannel::kSms: return "sms";
    case DraftChannel::kEmail: return "email";
    case DraftChannel::kCall: return "call";
  }
  return "sms";
}

std::optional<DraftChannel> ParseDraftChannel(std::string_view name) {
  for (DraftChannel c : kDraftChannels)
    if (DraftChannelName(c) == name) return c;
  return std::nullopt;
}

std::string TemplateKey(DraftChannel channel, Category category) {
  return std::string(DraftChannelName(channel)) + "." + std::string(CategoryName(category));
}

const std::vector<std::string>& MergeFields() {
  static const std::vector<std::string> fields{"contact.first_name", "agent.first_name", "agent.phone",
                                               "company.name", "request.summary"};
  return fields;
}

const std::map<std::string, std::string>& BuiltinTemplates() {
  static const std::map<std::string, std::string> templates = [] {
    std::map<std::string, std::string> out;
    for (DraftChannel channel : kDraftChannels) {
      const std::string file = "draft_" + std::string(DraftChannelName(channel)) + ".mustache";
      for (const auto& [path, bytes] : embedded::templates()) {
        if (!path.ends_with("/" + file)) continue;
        for (auto& [category, body] : SplitSections(bytes))
          out[std::string(DraftChannelName(channel)) + "." + category] = std::move(body);
      }
    }
    return out;
  }();
  return templates;
}

TemplateSource FindTemplate(DraftChannel channel, Category category,
                            const std::map<std::string, std::string>* company) {
  TemplateSource source;
  source.key = TemplateKey(channel, category);
  if (company) {
    if (auto it = company->find(source.key); it != company->end()) {
      source.text = it->second;
      source.company = true;
      return source;
    }
  }
  if (auto it = BuiltinTemplates().find(source.key); it != BuiltinTemplates().end()) source.text = it->second;
  return source;
}

StatusOr<Rendered> RenderTemplate(std::string_view text, DraftChannel channel, Category category,
                                  const MergeValues& values) {
  mustache::mustache tmpl{MarkStandaloneTags(text)};
  if (!tmpl.is_valid()) return Status::InvalidArgument("template does not parse: " + tmpl.error_message());
  // Plain text, not HTML: "O'Brien" and "Roofing & Air" stay as written.
  tmpl.set_custom_escape([](const std::string& s) { return s; });
  const std::string raw = DropStandaloneMarks(tmpl.render(MergeData(category, values)));
  Rendered out;
  if (channel == DraftChannel::kSms) {
    std::string flat = raw;
    for (char& c : flat)
      if (c == '\n' || c == '\r') c = ' ';
    out.text = TidyLine(flat);
    return out;
  }
  std::vector<std::string> lines = Lines(raw);
  auto first = std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return !TidyLine(l).empty(); });
  if (channel == DraftChannel::kEmail && first != lines.end() && StartsWithNoCase(TidyLine(*first), "subject:")) {
    out.subject = TidyLine(TidyLine(*first).substr(8));
    lines.erase(first);
  }
  if (channel == DraftChannel::kEmail && out.subject.empty()) {
    const std::string company = CleanValue(values.company_name);
    out.subject = "Your message to " + (company.empty() ? std::string(kOurOffice) : company);
  }
  out.text = TidyLines(lines);
  return out;
}

std::vector<LintIssue> LintTemplateSource(std::string_view text) {
  std::vector<LintIssue> issues;
  mustache::mustache tmpl{std::string(text)};
  if (!tmpl.is_valid()) {
    AddIssue(issues, Severity::kError, "template does not parse: " + tmpl.error_message());
    return issues;
  }
  if (Trim(text).empty()) AddIssue(issues, Severity::kError, "empty template");
  std::vector<std::string> scope;
  std::string fixed_text;  // the words the template always says, for the pressure check
  std::size_t last = 0;
  for (const Tag& tag : ScanTags(text)) {
    fixed_text += text.substr(last, tag.begin - last);
    last = tag.end;
    switch (tag.kind) {
      case '!':
        break;
      case '>':
        AddIssue(issues, Severity::kError, "partials ({{> " + tag.name + "}}) are not supported");
        break;
      case '=':
        AddIssue(issues, Severity::kError, "changing delimiters ({{=" + tag.name + "}}) is not supported");
        return issues;  // the tags after it cannot be read
      case '#':
      case '^':
        if (!IsObject(tag.name) && !ParseCategory(tag.name) && !Resolves(tag.name, scope))
          AddIssue(issues, Severity::kError, UnknownFieldMessage(tag));
        scope.push_back(tag.name);
        break;
      case '/':
        if (!scope.empty()) scope.pop_back();
        break;
      default:
        if (!Resolves(tag.name, scope)) AddIssue(issues, Severity::kError, UnknownFieldMessage(tag));
    }
  }
  fixed_text += text.substr(last);
  for (const std::string& phrase : PressurePhrases(fixed_text))
    AddIssue(issues, Severity::kError,
             "pressure wording \"" + phrase + "\": no urgency tricks or invented discounts");
  return issues;
}

namespace {

// "+15125550101" as "(512) 555-0101" for a sample; other numbers as given.
std::string SamplePhone(const std::string& e164) {
  if (e164.size() != 12 || !e164.starts_with("+1") ||
      !std::all_of(e164.begin() + 2, e164.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return e164;
  return "(" + e164.substr(2, 3) + ") " + e164.substr(5, 3) + "-" + e164.substr(8);
}

}  // namespace

MergeValues SampleValues(const CompanyConfig& config, Category category) {
  MergeValues v;
  v.contact_first_name = "Jordan";
  v.agent_first_name = "Alex";
  v.agent_phone = "(512) 555-0100";
  if (!config.team.empty()) {
    const Person& p = config.team.front();
    v.agent_first_name = p.name.substr(0, p.name.find(' '));
    v.agent_phone = SamplePhone(p.phone);
  }
  v.company_name = config.name;
  switch (category) {
    case Category::kEmergency: v.request_summary = "water coming through the kitchen ceiling"; break;
    case Category::kActiveEstimate: v.request_summary = "need a quote to replace the roof"; break;
    case Category::kOldEstimate: v.request_summary = "estimate for new gutters"; break;
    case Category::kWarranty: v.request_summary = "the repair from last spring is leaking again"; break;
    case Category::kRoutine: v.request_summary = "do you service the Temple area?"; break;
    default: break;  // a missed call without a message
  }
  return v;
}

TemplateCheck CheckTemplate(DraftChannel channel, Category category, const TemplateSource& source,
                            const MergeValues& sample) {
  TemplateCheck check;
  check.key = source.key;
  check.channel = channel;
  check.category = category;
  check.company = source.company;
  check.issues = LintTemplateSource(source.text);
  if (HasErrors(check.issues) && source.text.empty()) return check;
  StatusOr<Rendered> full = RenderTemplate(source.text, channel, category, sample);
  StatusOr<Rendered> bare = RenderTemplate(source.text, channel, category, WithoutOptionalValues(sample));
  if (!full.ok() || !bare.ok()) return check;  // the parse error is already reported
  check.sample = *full;
  const Severity stop_severity = channel == DraftChannel::kCall ? Severity::kWarning : Severity::kError;
  if (channel == DraftChannel::kSms) {
    check.sms = LintSms(full->text);
    for (const LintIssue& i : check.sms->issues) AddIssue(check.issues, i.severity, i.message);
  } else if (full->text.empty()) {
    AddIssue(check.issues, Severity::kError, "renders to an empty text");
  } else if (!HasStopWording(full->text)) {
    AddIssue(check.issues, stop_severity,
             channel == DraftChannel::kCall
                 ? "no way to stop: offer one (\"just say so and we won't call again\")"
                 : "no way to stop: add \"reply not interested and we won't contact you again\"");
  }
  if (HasStopWording(full->text) && !HasStopWording(bare->text))
    AddIssue(check.issues, stop_severity, "the way to stop disappears when a value is missing");
  for (const std::string& gap : FindGaps(bare->text + "\n" + bare->subject))
    AddIssue(check.issues, Severity::kWarning, "a value looks missing when the name, agent or request is unknown: \"" + gap + "\"");
  return check;
}

std::vector<TemplateCheck> CheckTemplates(const CompanyConfig& config) {
  std::vector<TemplateCheck> checks;
  for (DraftChannel channel : kDraftChannels)
    for (Category category : kDraftCategories)
      checks.push_back(CheckTemplate(channel, category, FindTemplate(channel, category, &config.templates),
                                     SampleValues(config, category)));
  for (const auto& [key, text] : config.templates) {
    const std::size_t dot = key.find('.');
    const auto channel = ParseDraftChannel(key.substr(0, dot));
    std::optional<Category> category;
    if (dot != std::string::npos) category = ParseCategory(key.substr(dot + 1));
    if (channel && category && IsReal(*category)) continue;  // checked above
    TemplateCheck check;
    check.key = key;
    check.company = true;
    if (channel && category) {
      check.channel = *channel;
      check.category = *category;
      check.issues.push_back({Severity::kWarning, "never used: no draft is written for " +
                                                      std::string(CategoryName(*category))});
    } else {
      check.issues.push_back({Severity::kError, "unknown template: expected sms|email|call.CATEGORY"});
    }
    checks.push_back(check);
  }
  return checks;
}

}  // namespace ringback
