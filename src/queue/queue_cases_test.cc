// Runs the queue scenarios in tests/cases/queue/*.case through the pure queue stage. Cases are
// data, this runner is code (the sqllogictest habit); the format is in tests/cases/queue/README.md.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "config/config_loader.h"
#include "core/text.h"
#include "queue/contact_queue.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = RINGBACK_SOURCE_DIR;

// A line split into words; "quoted words" stay one word; key=value and key="v a l" keep the key.
std::vector<std::string> Words(std::string_view line) {
  std::vector<std::string> out;
  std::string word;
  bool quoted = false, any = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (!quoted && (c == ' ' || c == '\t')) {
      if (any || !word.empty()) out.push_back(word);
      word.clear();
      any = false;
    } else {
      word += c;
    }
  }
  if (any || !word.empty()) out.push_back(word);
  return out;
}

struct Fields {
  std::vector<std::string> positional;
  std::map<std::string, std::string> named;
  std::string Get(const std::string& key) const {
    auto it = named.find(key);
    return it == named.end() ? std::string() : it->second;
  }
};

Fields ParseFields(const std::vector<std::string>& words) {
  Fields f;
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::size_t eq = words[i].find('=');
    if (eq != std::string::npos && eq > 0 && words[i].find_first_of(" ") > eq)
      f.named[words[i].substr(0, eq)] = words[i].substr(eq + 1);
    else
      f.positional.push_back(words[i]);
  }
  return f;
}

Timestamp At(const std::string& text, const std::string& where) {
  std::optional<Timestamp> t = ParseUtc(text);
  if (!t) ADD_FAILURE() << where << ": not a UTC time: \"" << text << "\" (write 2026-11-17T15:00:00Z)";
  return t.value_or(Timestamp{});
}

std::int64_t Int(const std::string& text, std::int64_t fallback) { return text.empty() ? fallback : std::stoll(text); }

struct Check {
  std::string where;
  std::string id;     // an opportunity id, or "" for the contact ("stops", "rows")
  std::string field;
  std::string op;     // "=", "~" (contains), "!~" (does not contain)
  std::string value;
};

struct Case {
  fs::path config = kSource / "config/company.example.toml";
  Timestamp now{};
  bool sanitize = false;
  std::vector<ContactHistory> contacts;
  std::vector<std::string> columns;                 // of the expected table
  std::vector<std::vector<std::string>> expected;   // rows, in the stage's order
  std::string table_where;
  std::vector<Check> checks;
};

Signal SignalFrom(const Fields& f, const std::string& where) {
  Signal s;
  s.id = f.positional.at(0);
  s.channel = ParseChannel(f.positional.at(1)).value_or(Channel::kCall);
  s.received_at = At(f.positional.at(2), where);
  s.phone = f.Get("phone");
  s.phone_raw = f.named.count("raw") ? f.Get("raw") : s.phone;
  s.email = f.Get("email");
  s.name = f.Get("name");
  s.subject = f.Get("subject");
  s.text = f.Get("text");
  s.trade = f.Get("trade");
  s.duration_seconds = Int(f.Get("duration"), -1);
  s.answered = f.Get("answered") == "yes";
  s.lead_source = f.Get("lead");
  s.bulk = f.Get("bulk");
  s.source = {"case", 0};
  return s;
}

Attempt AttemptFrom(const Fields& f, const std::string& where) {
  Attempt a;
  a.id = f.positional.at(0);
  a.channel = ParseChannel(f.positional.at(1)).value_or(Channel::kCall);
  a.at = At(f.positional.at(2), where);
  a.phone = f.Get("phone");
  a.email = f.Get("email");
  a.actor = f.Get("actor");
  a.duration_seconds = Int(f.Get("duration"), -1);
  a.source = {"calls.csv", Int(f.Get("line"), 2)};
  return a;
}

Estimate EstimateFrom(const Fields& f, const std::string& where) {
  Estimate e;
  e.id = f.positional.at(0);
  e.sent_at = At(f.positional.at(1), where);
  e.number = f.Get("number");
  e.name = f.Get("name");
  e.phone = f.Get("phone");
  e.email = f.Get("email");
  e.estimator = f.Get("estimator");
  e.trade = f.Get("trade");
  e.status = f.Get("status");
  e.total_cents = Int(f.Get("cents"), 0);
  return e;
}

Suppression StopFrom(const Fields& f, const std::string& where) {
  Suppression s;
  s.handle = f.positional.at(0);
  s.at = At(f.positional.at(1), where);
  s.channel = ParseChannel(f.positional.at(2)).value_or(Channel::kSms);
  s.signal_id = f.Get("signal");
  s.words = f.Get("words");
  if (!f.Get("lifted").empty()) {
    s.lifted_at = At(f.Get("lifted"), where);
    s.lifted_by = f.Get("by");
    s.lift_reason = f.Get("reason");
  }
  return s;
}

std::vector<std::string> Cells(std::string_view line) {
  std::vector<std::string> out;
  for (const std::string& cell : Split(line, '|')) out.emplace_back(Trim(cell));
  if (!line.empty() && line.back() == '|') out.emplace_back();
  return out;
}

Case ReadCase(const fs::path& path) {
  Case c;
  std::ifstream in(path);
  std::string line;
  int number = 0;
  bool in_table = false;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = path.filename().string() + ":" + std::to_string(number);
    const std::string_view text = Trim(line);
    if (in_table) {
      if (text.empty()) {
        in_table = false;
      } else {
        c.expected.push_back(Cells(text));
      }
      continue;
    }
    if (text.empty() || text[0] == '#') continue;
    const std::vector<std::string> words = Words(text);
    const Fields f = ParseFields(words);
    const std::string& verb = words[0];
    if (verb == "config") c.config = kSource / f.positional.at(0);
    else if (verb == "now") c.now = At(f.positional.at(0), where);
    else if (verb == "sanitize") c.sanitize = true;
    else if (verb == "contact") c.contacts.push_back(ContactHistory{f.positional.at(0)});
    else if (c.contacts.empty() && (verb == "signal" || verb == "attempt" || verb == "estimate" || verb == "stop" ||
                                    verb == "outcome" || verb == "override"))
      ADD_FAILURE() << where << ": \"" << verb << "\" before any \"contact\"";
    else if (verb == "signal") c.contacts.back().signals.push_back(SignalFrom(f, where));
    else if (verb == "attempt") c.contacts.back().attempts.push_back(AttemptFrom(f, where));
    else if (verb == "estimate") c.contacts.back().estimates.push_back(EstimateFrom(f, where));
    else if (verb == "stop") c.contacts.back().stops.push_back(StopFrom(f, where));
    else if (verb == "outcome")
      c.contacts.back().outcomes.push_back({f.positional.at(0), At(f.positional.at(2), where),
                                            ParseOutcome(f.positional.at(1)).value_or(OutcomeKind::kReached),
                                            f.Get("actor"), f.Get("note"), false});
    else if (verb == "override")
      c.contacts.back().overrides.push_back({f.positional.at(0), At(f.positional.at(3), where), f.positional.at(1),
                                             f.positional.at(2), f.Get("actor"), f.Get("reason")});
    else if (verb == "expect") {
      c.columns = Cells(text.substr(6));
      c.table_where = where;
      in_table = true;
    } else if (verb == "check") {
      Check k{where, "", "", "", ""};
      std::vector<std::string> rest(words.begin() + 1, words.end());
      if (rest.size() == 4) k.id = rest[0], rest.erase(rest.begin());
      if (rest.size() != 3) {
        ADD_FAILURE() << where << ": check [ID] FIELD =|~|!~ \"VALUE\"";
        continue;
      }
      k.field = rest[0], k.op = rest[1], k.value = rest[2];
      c.checks.push_back(k);
    } else {
      ADD_FAILURE() << where << ": unknown line \"" << verb << "\"";
    }
  }
  return c;
}

std::string When(const std::optional<Timestamp>& t) { return t ? FormatUtc(*t) : std::string(); }

// The value of a queue field as the case file writes it.
std::string Field(const Opportunity& o, const std::string& name, const ContactQueue& q) {
  if (name == "id") return o.id;
  if (name == "category") return std::string(CategoryName(o.category));
  if (name == "status") return std::string(StatusName(o.status));
  if (name == "owner") return o.owner;
  if (name == "backup_owner") return o.backup_owner;
  if (name == "next_action") return o.next_action;
  if (name == "deadline") return When(o.deadline);
  if (name == "first_attempt_at") return When(o.first_attempt_at);
  if (name == "duplicate_of") return o.duplicate_of;
  if (name == "trade") return o.trade;
  if (name == "lead_source") return o.lead_source;
  if (name == "contact") return o.contact_display;
  if (name == "contact_key") return o.contact_key;
  if (name == "escalations") return std::to_string(o.escalations);
  if (name == "draft") return o.draft;
  if (name == "draft_channel") return o.draft_channel;
  if (name == "summary") return o.summary;
  if (name == "reasons") return Join(o.reasons, "\n");
  if (name == "channels") {
    std::vector<std::string> names;
    for (Channel c : o.channels) names.emplace_back(ChannelName(c));
    return Join(names, ",");
  }
  if (name == "events") {
    std::vector<std::string> kinds;
    for (const TimelineEvent& e : q.events)
      if (e.opportunity_id == o.id) kinds.push_back(e.kind + ": " + e.detail);
    return Join(kinds, "\n");
  }
  if (name == "outcomes") {
    std::vector<std::string> kinds;
    for (const Outcome& x : q.inferred_outcomes)
      if (x.opportunity_id == o.id) kinds.emplace_back(OutcomeName(x.kind));
    return Join(kinds, ",");
  }
  ADD_FAILURE() << "unknown field \"" << name << "\"";
  return "";
}

std::string Table(const std::vector<std::string>& columns, const std::vector<std::vector<std::string>>& rows) {
  std::string out = "  " + Join(columns, " | ") + "\n";
  for (const auto& r : rows) out += "  " + Join(r, " | ") + "\n";
  return out;
}

class QueueCase : public ::testing::TestWithParam<std::string> {};

TEST_P(QueueCase, Runs) {
  const fs::path path = GetParam();
  Case c = ReadCase(path);
  StatusOr<CompanyConfig> config = LoadConfig(c.config.string());
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  StatusOr<std::shared_ptr<const Classifier>> classifier = Classifier::Create(*config);
  ASSERT_TRUE(classifier.ok()) << classifier.status().ToString();
  const QueueContext ctx{&*config, classifier->get(), c.now, c.sanitize};
  OpenWork load;
  std::vector<Opportunity> rows;
  ContactQueue all;
  for (const ContactHistory& h : c.contacts) {
    StatusOr<ContactQueue> q = BuildContactQueue(h, ClassifyContact(h, ctx), ctx, load);
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    for (auto& r : q->rows) all.rows.push_back(r);
    for (auto& e : q->events) all.events.push_back(e);
    for (auto& s : q->new_stops) all.new_stops.push_back(s);
    for (auto& o : q->inferred_outcomes) all.inferred_outcomes.push_back(o);
  }
  // The audit assigns a batch of contacts, then writes their drafts on another thread, in
  // whatever order: the rows must be BuildContactQueue's.
  OpenWork load_again;
  std::vector<ContactQueue> assigned;
  for (const ContactHistory& h : c.contacts) {
    StatusOr<ContactQueue> q = AssignContactQueue(h, ClassifyContact(h, ctx), ctx, load_again);
    ASSERT_TRUE(q.ok()) << q.status().ToString();
    assigned.push_back(std::move(q).value());
  }
  for (auto it = assigned.rbegin(); it != assigned.rend(); ++it) WriteQueueDrafts(*it);
  std::vector<Opportunity> deferred;
  for (const ContactQueue& q : assigned) deferred.insert(deferred.end(), q.rows.begin(), q.rows.end());
  ASSERT_EQ(deferred.size(), all.rows.size());
  for (std::size_t i = 0; i < deferred.size(); ++i) {
    EXPECT_EQ(deferred[i].id, all.rows[i].id);
    EXPECT_EQ(deferred[i].owner, all.rows[i].owner) << deferred[i].id;
    EXPECT_EQ(deferred[i].draft, all.rows[i].draft) << deferred[i].id;
    EXPECT_EQ(deferred[i].draft_channel, all.rows[i].draft_channel) << deferred[i].id;
  }
  std::vector<std::vector<std::string>> actual;
  for (const Opportunity& o : all.rows) {
    std::vector<std::string> cells;
    for (const std::string& col : c.columns) cells.push_back(Field(o, col, all));
    actual.push_back(cells);
  }
  EXPECT_EQ(actual, c.expected) << c.table_where << ": the queue differs.\nexpected:\n"
                                << Table(c.columns, c.expected) << "actual:\n" << Table(c.columns, actual);
  for (const Check& k : c.checks) {
    std::string value;
    if (k.id.empty() && k.field == "new_stops") {
      std::vector<std::string> handles;
      for (const Suppression& s : all.new_stops) handles.push_back(s.handle);
      value = Join(handles, ",");
    } else {
      auto it = std::find_if(all.rows.begin(), all.rows.end(), [&](const Opportunity& o) { return o.id == k.id; });
      if (it == all.rows.end()) {
        ADD_FAILURE() << k.where << ": no row " << k.id;
        continue;
      }
      value = Field(*it, k.field, all);
    }
    if (k.op == "=") EXPECT_EQ(value, k.value) << k.where;
    else if (k.op == "~") EXPECT_TRUE(Contains(value, k.value)) << k.where << ": " << k.field << " lacks \"" << k.value << "\":\n" << value;
    else if (k.op == "!~") EXPECT_FALSE(Contains(value, k.value)) << k.where << ": " << k.field << " has \"" << k.value << "\":\n" << value;
    else ADD_FAILURE() << k.where << ": unknown operator " << k.op;
  }
}

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(kSource / "tests/cases/queue"))
    if (entry.path().extension() == ".case") files.push_back(entry.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

// Each case is a test named after its file.
std::string CaseName(const ::testing::TestParamInfo<std::string>& file) {
  std::string name = fs::path(file.param).stem().string();
  for (char& ch : name)
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, QueueCase, ::testing::ValuesIn(CaseFiles()), CaseName);

}  // namespace
}  // namespace ringback
