#include "message/templates.h"

#include <kainjow/mustache.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <memory>
#include <unordered_map>

#include "core/embedded.h"
#include "message/language.h"
#include "core/text.h"

namespace ringback {
namespace {

namespace mustache = kainjow::mustache;

constexpr std::string_view kObjects[] = {"contact", "agent", "company", "request", "estimate", "followup"};
constexpr std::string_view kOurOffice = "our office";

// A Mustache tag in a template's source, with the standard {{ }} delimiters.
struct Tag {
  char kind = 'v';  // 'v' variable, '&' unescaped ({{&x}}, {{{x}}}), '#', '^', '/', '!', '>', '='
  std::string name;
  std::size_t begin = 0;  // byte offsets of the whole tag
  std::size_t end = 0;
};

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
    std::string contents = TrimmedString(text.substr(start, stop - start));
    if (triple) {
      tag.kind = '&';
    } else if (!contents.empty() && std::string_view("&#^/!>=").find(contents[0]) != std::string_view::npos) {
      tag.kind = contents[0];
      contents = TrimmedString(std::string_view(contents).substr(1));
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
        out[tag.name] = TrimmedString(file.substr(begin->end, tag.begin - begin->end));
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
    const std::string line = TrimmedString(text.substr(start, nl - start));
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
    const bool mark_only = TrimmedString(line) == std::string(1, kStandalone);
    std::erase(line, kStandalone);
    if (!mark_only) out += line + (last ? "" : "\n");
    start = nl + 1;
  }
  return out;
}

// A value as plain text on one line: no braces (nothing that looks like a tag), no controls.
// For a text message, curly quotes, dashes and the ellipsis become their plain forms: one of
// them would make the whole text UCS-2 (70 characters a segment instead of 160).
std::string CleanValue(std::string_view value, bool sms = false) {
  static constexpr std::pair<std::string_view, std::string_view> kPlain[] = {
      {"\xE2\x80\x98", "'"}, {"\xE2\x80\x99", "'"}, {"\xE2\x80\x9C", "\""}, {"\xE2\x80\x9D", "\""},
      {"\xE2\x80\x93", "-"}, {"\xE2\x80\x94", "-"}, {"\xE2\x80\xA6", "..."}, {"\xC2\xA0", " "}};
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    // Every replaced sequence starts with one of these two bytes; the rest are copied.
    if (sms && (c == '\xE2' || c == '\xC2')) {
      bool replaced = false;
      for (const auto& [from, to] : kPlain)
        if (value.substr(i, from.size()) == from) {
          out += to;
          i += from.size() - 1;
          replaced = true;
          break;
        }
      if (replaced) continue;
    }
    if (c == '{' || c == '}') continue;
    out += (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) ? ' ' : c;
  }
  return TrimmedString(out);
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

mustache::data MergeData(Category category, const MergeValues& v, DraftChannel channel) {
  const bool sms = channel == DraftChannel::kSms;
  const auto object = [sms](std::initializer_list<std::pair<const char*, std::string>> fields) {
    mustache::data obj{mustache::data::type::object};
    for (const auto& [name, value] : fields) {
      std::string clean = CleanValue(value, sms);
      if (!clean.empty()) obj.set(name, clean);  // unset: sections skip it, variables render nothing
    }
    return obj;
  };
  mustache::data data;
  data.set("contact", object({{"first_name", v.contact_first_name}}));
  data.set("agent", object({{"first_name", v.agent_first_name}, {"name", v.agent_name}, {"phone", v.agent_phone}}));
  const std::string company = CleanValue(v.company_name, sms);
  data.set("company", object({{"name", company.empty() ? std::string(kOurOffice) : company}, {"phone", v.company_phone}}));
  mustache::data request = object({{"summary", v.request_summary}, {"day", v.request_day},
                                   {"service", v.request_service}, {"question", v.request_question},
                                   {"topics", v.request_topics}, {"subject", v.request_subject}});
  switch (v.intent) {
    case Intent::kGoAhead: request.set("go_ahead", true); break;
    case Intent::kProblem: request.set("problem", true); break;
    case Intent::kQuestion: request.set("asking", true); break;
    case Intent::kRequest: request.set("plain", true); break;
    case Intent::kMissedCall: request.set("missed_call", true); break;
  }
  if (v.called) request.set("called", true);
  data.set("request", request);
  data.set("estimate", object({{"number", v.estimate_number}, {"for", v.estimate_for}}));
  mustache::data followup{mustache::data::type::object};
  if (!TrimmedString(v.followup_text).empty()) followup.set("text", TrimmedString(v.followup_text));  // already a clean SMS
  data.set("followup", followup);
  data.set(std::string(CategoryName(category)), true);
  if (v.brief) data.set("brief", true);
  return data;
}

// `v` with every optional value missing: what a caller with no name, no agent, no request
// details and no company phone receives. What kind of request it is stays.
MergeValues WithoutOptionalValues(const MergeValues& v) {
  MergeValues bare;
  bare.company_name = v.company_name;
  bare.intent = v.intent;
  bare.called = v.called;
  bare.brief = v.brief;
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

std::string TemplateKey(DraftChannel channel, Category category, std::string_view locale) {
  const std::string key = std::string(DraftChannelName(channel)) + "." + std::string(CategoryName(category));
  return locale.empty() || locale == kDefaultLocale ? key : std::string(locale) + "." + key;
}

const std::vector<std::string>& MergeFields() {
  static const std::vector<std::string> fields{
      "contact.first_name", "agent.first_name", "agent.name",        "agent.phone",      "company.name",
      "company.phone",      "request.summary",  "request.day",       "request.service",  "request.question",
      "request.topics",     "request.subject",  "request.go_ahead",  "request.problem",  "request.asking",
      "request.plain",      "request.missed_call", "request.called", "estimate.number",  "estimate.for",
      "followup.text"};
  return fields;
}

std::vector<std::string> CompanyLocales(const CompanyConfig& config) {
  return config.draft_locales.empty() ? ShippedLocales() : config.draft_locales;
}

const std::map<std::string, std::string>& BuiltinTemplates() {
  static const std::map<std::string, std::string> templates = [] {
    std::map<std::string, std::string> out;
    for (const std::string& locale : ShippedLocales()) {
      for (DraftChannel channel : kDraftChannels) {
        const std::string file = "draft_" + std::string(DraftChannelName(channel)) +
                                 (locale == kDefaultLocale ? "" : "." + locale) + ".mustache";
        for (const auto& [path, bytes] : embedded::templates()) {
          if (!path.ends_with("/" + file)) continue;
          for (auto& [category, body] : SplitSections(bytes))
            out[TemplateKey(channel, *ParseCategory(category), locale)] = std::move(body);
        }
      }
    }
    return out;
  }();
  return templates;
}

TemplateSource FindTemplate(DraftChannel channel, Category category,
                            const std::map<std::string, std::string>* company, std::string_view locale) {
  TemplateSource source;
  source.key = TemplateKey(channel, category, locale);
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

namespace {

// An audit renders the same few templates for every contact, and parsing one costs more than
// rendering it: each thread keeps the templates it parsed, keyed by their source text. Bounded,
// since a company's edited templates come and go in a long-running server.
constexpr std::size_t kCachedTemplates = 64;

template <typename Value>
Value& Cached(std::unordered_map<std::string, Value>& cache, std::string_view text,
              const std::function<Value()>& make) {
  if (auto it = cache.find(std::string(text)); it != cache.end()) return it->second;
  if (cache.size() >= kCachedTemplates) cache.clear();
  return cache.emplace(std::string(text), make()).first->second;
}

std::vector<LintIssue> LintTemplateText(std::string_view text);  // LintTemplateSource, uncached

std::shared_ptr<mustache::mustache> ParsedTemplate(std::string_view text) {
  thread_local std::unordered_map<std::string, std::shared_ptr<mustache::mustache>> cache;
  return Cached<std::shared_ptr<mustache::mustache>>(cache, text, [&] {
    auto tmpl = std::make_shared<mustache::mustache>(MarkStandaloneTags(text));
    // Plain text, not HTML: "O'Brien" and "Roofing & Air" stay as written.
    tmpl->set_custom_escape([](const std::string& s) { return s; });
    return tmpl;
  });
}

}  // namespace

StatusOr<Rendered> RenderTemplate(std::string_view text, DraftChannel channel, Category category,
                                  const MergeValues& values) {
  const std::shared_ptr<mustache::mustache> tmpl = ParsedTemplate(text);
  if (!tmpl->is_valid()) return Status::InvalidArgument("template does not parse: " + tmpl->error_message());
  const std::string raw = DropStandaloneMarks(tmpl->render(MergeData(category, values, channel)));
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
  // Every draft checks its template first: the issues depend on the text alone.
  thread_local std::unordered_map<std::string, std::vector<LintIssue>> cache;
  return Cached<std::vector<LintIssue>>(cache, text, [&] { return LintTemplateText(text); });
}

namespace {

std::vector<LintIssue> LintTemplateText(std::string_view text) {
  std::vector<LintIssue> issues;
  mustache::mustache tmpl{std::string(text)};
  if (!tmpl.is_valid()) {
    AddIssue(issues, Severity::kError, "template does not parse: " + tmpl.error_message());
    return issues;
  }
  if (TrimmedString(text).empty()) AddIssue(issues, Severity::kError, "empty template");
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
        if (!IsObject(tag.name) && !ParseCategory(tag.name) && tag.name != "brief" && !Resolves(tag.name, scope))
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
  for (const std::string& phrase : PromisePhrases(fixed_text))
    AddIssue(issues, Severity::kError, "promise \"" + phrase + "\": never promise a time, a price or a result");
  return issues;
}

}  // namespace

namespace {

// "+15125550101" as "(512) 555-0101" for a sample; other numbers as given.
std::string SamplePhone(const std::string& e164) {
  if (e164.size() != 12 || !e164.starts_with("+1") ||
      !std::all_of(e164.begin() + 2, e164.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
    return e164;
  return "(" + e164.substr(2, 3) + ") " + e164.substr(5, 3) + "-" + e164.substr(8);
}

}  // namespace

MergeValues SampleValues(const CompanyConfig& config, Category category, std::string_view locale) {
  const bool es = locale == "es";
  MergeValues v;
  v.contact_first_name = es ? "José" : "Jordan";
  v.agent_first_name = "Alex";
  v.agent_name = "Alex Rivera";
  v.agent_phone = "(512) 555-0100";
  if (!config.team.empty()) {
    const Person& p = config.team.front();
    v.agent_first_name = p.name.substr(0, p.name.find(' '));
    v.agent_name = p.name;
    v.agent_phone = SamplePhone(p.phone);
  }
  v.company_name = config.name;
  v.company_phone = config.phone;
  v.request_day = es ? "jueves" : "Thursday";
  switch (category) {
    case Category::kEmergency:
      v.intent = Intent::kProblem;
      v.request_service = ServicePhrase("roof", locale);
      v.request_summary = es ? "entra agua por el techo de la cocina" : "water coming through the kitchen ceiling";
      break;
    case Category::kActiveEstimate:
      v.intent = Intent::kGoAhead;
      v.estimate_number = "3897";
      v.estimate_for = "roof replacement";
      v.request_service = ServicePhrase("roof", locale);
      v.request_topics = TopicsPhrase({Topic::kStart, Topic::kDeposit}, locale);
      v.request_question = es ? "¿Cuándo podrían empezar y necesitan un depósito?"
                              : "What is the earliest start date, and do you need a deposit up front?";
      v.request_subject = "Estimate #3897";
      v.request_summary = es ? "queremos seguir adelante con el presupuesto" : "we'd like to go ahead with the estimate";
      break;
    case Category::kOldEstimate:
      v.intent = Intent::kQuestion;
      v.estimate_number = "3715";
      v.estimate_for = "gutters";
      v.request_service = ServicePhrase("gutters", locale);
      v.request_topics = TopicsPhrase({Topic::kPrice}, locale);
      v.request_question = es ? "¿Sigue vigente el presupuesto de las canaletas?"
                              : "Is the gutter quote from September still good?";
      v.request_summary = es ? "¿sigue vigente el presupuesto?" : "is the quote still good?";
      break;
    case Category::kWarranty:
      v.intent = Intent::kProblem;
      v.request_service = ServicePhrase("heat_pump", locale);
      v.request_topics = TopicsPhrase({Topic::kWarranty}, locale);
      v.request_question = es ? "¿Lo cubre la garantía?" : "Is that covered?";
      v.request_summary = es ? "la bomba de calor hace ruido" : "the heat pump makes a loud rattle";
      break;
    case Category::kRoutine:
      v.intent = Intent::kQuestion;
      v.request_topics = TopicsPhrase({Topic::kArea}, locale);
      v.request_question = es ? "¿Trabajan en Kyle?" : "Do you service the Temple area?";
      v.request_summary = v.request_question;
      break;
    default:
      v.intent = Intent::kMissedCall;  // a missed call without a message
      v.called = true;
      break;
  }
  return v;
}

namespace {

// The values of `sample` as each kind of request: every branch of a template gets rendered.
std::vector<MergeValues> IntentVariants(const MergeValues& sample) {
  std::vector<MergeValues> out;
  for (Intent i : {Intent::kGoAhead, Intent::kProblem, Intent::kQuestion, Intent::kRequest, Intent::kMissedCall}) {
    MergeValues v = sample;
    v.intent = i;
    v.called = i == Intent::kMissedCall || sample.called;
    out.push_back(v);
  }
  return out;
}

}  // namespace

MergeValues WithoutDetails(MergeValues v, bool drop_names) {
  v.brief = true;
  v.request_service.clear();
  v.request_topics.clear();
  v.request_day.clear();
  v.request_question.clear();
  v.request_summary.clear();
  v.estimate_for.clear();
  if (drop_names) v.contact_first_name.clear(), v.agent_first_name.clear();
  return v;
}

namespace {

// The accented letters GSM-7 lacks, and their plain forms (é, ñ, ü, à... are in GSM-7).
constexpr std::pair<std::string_view, std::string_view> kNonGsmAccents[] = {
    {"\xC3\xA1", "a"}, {"\xC3\xAD", "i"}, {"\xC3\xB3", "o"}, {"\xC3\xBA", "u"}, {"\xC3\x81", "A"},
    {"\xC3\x8D", "I"}, {"\xC3\x93", "O"}, {"\xC3\x9A", "U"}, {"\xC3\xA2", "a"}, {"\xC3\xA3", "a"},
    {"\xC3\xA7", "c"}, {"\xC3\xAA", "e"}, {"\xC3\xAB", "e"}, {"\xC3\xAE", "i"}, {"\xC3\xAF", "i"},
    {"\xC3\xB4", "o"}, {"\xC3\xB5", "o"}, {"\xC3\xBB", "u"}, {"\xC3\xBD", "y"}, {"\xC3\xBF", "y"},
    {"\xC3\x82", "A"}, {"\xC3\x83", "A"}, {"\xC3\x8A", "E"}, {"\xC3\x8B", "E"}, {"\xC3\x8E", "I"},
    {"\xC3\x8F", "I"}, {"\xC3\x94", "O"}, {"\xC3\x95", "O"}, {"\xC3\x9B", "U"}, {"\xC3\x9D", "Y"}};

std::string PlainLetters(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool replaced = false;
    if (s[i] != '\xC3') {  // the lead byte of every letter replaced
      out += s[i];
      continue;
    }
    for (const auto& [from, to] : kNonGsmAccents)
      if (std::string_view(s).substr(i, 2) == from) {
        out += to;
        ++i;
        replaced = true;
        break;
      }
    if (!replaced) out += s[i];
  }
  return out;
}

}  // namespace

MergeValues WithPlainLetters(MergeValues v) {
  for (std::string* s : {&v.contact_first_name, &v.agent_first_name, &v.agent_name, &v.company_name,
                         &v.request_summary, &v.request_day, &v.request_service, &v.request_question,
                         &v.request_topics, &v.request_subject, &v.estimate_for})
    *s = PlainLetters(*s);
  return v;
}

namespace {

// The renderings FitSms may choose from, each rendered when first asked for: most texts fit
// one segment as written, and rendering costs more than the rest of a draft. Values with no
// letter to make plain render the same text with or without kPlainLetters, so that rendering
// is reused (FitSms only asks for it once the text as written has not fitted).
class SmsRenderings {
 public:
  struct Entry {
    Rendered rendered;
    std::size_t segments = 0;
  };

  SmsRenderings(std::string_view text, Category category, const MergeValues& values)
      : text_(text), category_(category), values_(values), plain_(WithPlainLetters(values)),
        plain_same_(plain_ == values) {}

  void Seed(SmsFit fit, Rendered rendered) {
    const std::size_t segments = SmsSegments(rendered.text);
    entries_[Index(fit)] = Entry{std::move(rendered), segments};
  }

  // nullptr when the template does not render.
  const Entry* Get(SmsFit fit) {
    if (plain_same_ && fit == SmsFit::kPlainLetters) fit = SmsFit::kFull;
    if (plain_same_ && fit == SmsFit::kBriefPlainLetters) fit = SmsFit::kBrief;
    std::optional<Entry>& entry = entries_[Index(fit)];
    if (!entry) {
      const bool plain = fit == SmsFit::kPlainLetters || fit == SmsFit::kBriefPlainLetters;
      MergeValues v = plain ? plain_ : values_;
      v.brief = fit == SmsFit::kBrief || fit == SmsFit::kBriefPlainLetters;
      StatusOr<Rendered> r = RenderTemplate(text_, DraftChannel::kSms, category_, v);
      if (!r.ok()) return nullptr;
      Seed(fit, std::move(*r));
    }
    return &*entry;
  }

 private:
  static std::size_t Index(SmsFit fit) { return static_cast<std::size_t>(fit); }

  std::string_view text_;
  Category category_;
  const MergeValues& values_;
  MergeValues plain_;
  bool plain_same_;
  std::array<std::optional<Entry>, 4> entries_;  // kFull .. kBriefPlainLetters
};

std::optional<FittedSms> Fit(SmsRenderings& renderings, std::string_view text, Category category,
                             const MergeValues& values) {
  // A template that does not render fails at its first rendering, whatever the values.
  if (!renderings.Get(SmsFit::kFull)) return std::nullopt;
  // One text keeping every detail; then two texts, as written, then in plain letters; then the
  // shortened text.
  for (const auto& [fit, max] : std::initializer_list<std::pair<SmsFit, std::size_t>>{
           {SmsFit::kFull, 1}, {SmsFit::kBrief, 1}, {SmsFit::kFull, 2}, {SmsFit::kPlainLetters, 1},
           {SmsFit::kPlainLetters, 2}, {SmsFit::kBrief, 2}, {SmsFit::kBriefPlainLetters, 1}, {SmsFit::kBriefPlainLetters, 2}}) {
    const SmsRenderings::Entry* entry = renderings.Get(fit);
    if (!entry) return std::nullopt;
    if (entry->segments <= max) return FittedSms{entry->rendered, fit};
  }
  for (bool drop_names : {false, true}) {
    StatusOr<Rendered> r =
        RenderTemplate(text, DraftChannel::kSms, category, WithoutDetails(WithPlainLetters(values), drop_names));
    if (r.ok() && SmsSegments(r->text) <= 2)
      return FittedSms{*r, drop_names ? SmsFit::kWithoutNames : SmsFit::kWithoutDetails};
  }
  return std::nullopt;
}

}  // namespace

std::optional<FittedSms> FitSms(std::string_view text, Category category, const MergeValues& values) {
  SmsRenderings renderings(text, category, values);
  return Fit(renderings, text, category, values);
}

std::optional<FittedSms> FitSms(std::string_view text, Category category, const MergeValues& values,
                                Rendered full) {
  SmsRenderings renderings(text, category, values);
  renderings.Seed(SmsFit::kFull, std::move(full));
  return Fit(renderings, text, category, values);
}

TemplateCheck CheckTemplate(DraftChannel channel, Category category, const TemplateSource& source,
                            const MergeValues& sample, std::string_view locale) {
  TemplateCheck check;
  check.key = source.key;
  check.locale = std::string(locale);
  check.channel = channel;
  check.category = category;
  check.company = source.company;
  check.issues = LintTemplateSource(source.text);
  if (HasErrors(check.issues) && source.text.empty()) return check;
  StatusOr<Rendered> full = RenderTemplate(source.text, channel, category, sample);
  if (!full.ok()) return check;  // the parse error is already reported
  if (channel == DraftChannel::kSms)
    if (std::optional<FittedSms> fitted = FitSms(source.text, category, sample)) full = fitted->rendered;
  check.sample = *full;
  const Severity stop_severity = channel == DraftChannel::kCall ? Severity::kWarning : Severity::kError;
  if (channel == DraftChannel::kSms) {
    check.sms = LintSms(full->text);
    for (const LintIssue& i : check.sms->issues) AddIssue(check.issues, i.severity, i.message);
  }
  for (const MergeValues& variant : IntentVariants(sample)) {
    for (const MergeValues& values : {variant, WithoutOptionalValues(variant)}) {
      StatusOr<Rendered> r = RenderTemplate(source.text, channel, category, values);
      if (!r.ok()) continue;
      const std::string what = std::string(IntentName(values.intent));
      if (r->text.empty()) {
        AddIssue(check.issues, Severity::kError, "renders to an empty text for a " + what);
        continue;
      }
      if (channel == DraftChannel::kSms) {
        const std::optional<FittedSms> fitted = FitSms(source.text, category, values);
        if (!fitted)
          AddIssue(check.issues, Severity::kError, "longer than two texts even without details, for a " + what);
        else if (fitted->fit == SmsFit::kWithoutDetails || fitted->fit == SmsFit::kWithoutNames)
          AddIssue(check.issues, Severity::kWarning,
                   "fits two texts only without the request's details, for a " + what + ": shorten it or mark parts {{^brief}}");
        if (!HasStopWording(r->text)) AddIssue(check.issues, Severity::kError, "no way to stop for a " + what);
      } else if (!HasStopWording(r->text)) {
        AddIssue(check.issues, stop_severity,
                 channel == DraftChannel::kCall
                     ? "no way to stop: offer one (\"just say so and we won't call again\")"
                     : "no way to stop: add \"reply not interested and we won't contact you again\"");
      }
      if (channel == DraftChannel::kEmail && HasSmsStopKeyword(r->text))
        AddIssue(check.issues, Severity::kError,
                 "an SMS keyword in an email: people decline an email in words (\"reply not interested\"), not STOP");
      if (r->text.find("{{") != std::string::npos || r->text.find("}}") != std::string::npos)
        AddIssue(check.issues, Severity::kError, "an unfilled field shows in the text");
    }
  }
  StatusOr<Rendered> bare = RenderTemplate(source.text, channel, category, WithoutOptionalValues(sample));
  if (bare.ok()) {
    if (HasStopWording(full->text) && !HasStopWording(bare->text))
      AddIssue(check.issues, stop_severity, "the way to stop disappears when a value is missing");
    for (const std::string& gap : FindGaps(bare->text + "\n" + bare->subject))
      AddIssue(check.issues, Severity::kWarning, "a value looks missing when the name, agent or request is unknown: \"" + gap + "\"");
  }
  return check;
}

std::vector<TemplateCheck> CheckTemplates(const CompanyConfig& config) {
  std::vector<TemplateCheck> checks;
  const std::vector<std::string> locales = CompanyLocales(config);
  for (const std::string& locale : locales)
    for (DraftChannel channel : kDraftChannels)
      for (Category category : kDraftCategories)
        checks.push_back(CheckTemplate(channel, category, FindTemplate(channel, category, &config.templates, locale),
                                       SampleValues(config, category, locale), locale));
  for (const auto& [key, text] : config.templates) {
    std::string rest = key, locale(kDefaultLocale);
    if (const std::size_t dot = key.find('.'); dot != std::string::npos && !ParseDraftChannel(key.substr(0, dot))) {
      locale = key.substr(0, dot);
      rest = key.substr(dot + 1);
    }
    const std::size_t dot = rest.find('.');
    const auto channel = ParseDraftChannel(rest.substr(0, dot));
    std::optional<Category> category;
    if (dot != std::string::npos) category = ParseCategory(rest.substr(dot + 1));
    const bool written = std::find(locales.begin(), locales.end(), locale) != locales.end();
    if (channel && category && IsReal(*category) && written) continue;  // checked above
    TemplateCheck check;
    check.key = key;
    check.locale = locale;
    check.company = true;
    if (channel && category && !written) {
      check.channel = *channel;
      check.category = *category;
      check.issues.push_back({Severity::kWarning, "never used: the office does not write drafts in \"" + locale +
                                                      "\" ([drafts] languages)"});
    } else if (channel && category) {
      check.channel = *channel;
      check.category = *category;
      check.issues.push_back({Severity::kWarning, "never used: no draft is written for " +
                                                      std::string(CategoryName(*category))});
    } else {
      check.issues.push_back({Severity::kError, "unknown template: expected sms|email|call.CATEGORY or LOCALE.sms|email|call.CATEGORY"});
    }
    checks.push_back(check);
  }
  return checks;
}

}  // namespace ringback
