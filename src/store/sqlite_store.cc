// The embedded SQLite implementation of Store: one file, WAL, prepared statements only.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "store/migrations.h"
#include "store/sqlite_db.h"
#include "store/store.h"
#include "core/text.h"

namespace ringback {
namespace {

using sqlite::Database;
using sqlite::Statement;

std::string Lines(const std::vector<std::string>& items) { return Join(items, "\n"); }

std::string JoinChannels(const std::vector<Channel>& channels) {
  std::string out;
  for (Channel c : channels) {
    if (!out.empty()) out += ',';
    out += ChannelName(c);
  }
  return out;
}

std::vector<Channel> SplitChannels(const std::string& text) {
  std::vector<Channel> out;
  std::istringstream in(text);
  for (std::string name; std::getline(in, name, ',');)
    if (auto c = ParseChannel(name)) out.push_back(*c);
  return out;
}

std::optional<std::int64_t> OptUnix(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return ToUnix(*t);
}

// Contact keys prefer a phone, then an email, then raw text: a total order, so the key of a
// contact is the same whatever order its handles arrived in.
int HandleRank(const std::string& h) {
  if (h.rfind("tel:", 0) == 0) return 0;
  if (h.rfind("mailto:", 0) == 0) return 1;
  return 2;
}

bool HandleLess(const std::string& a, const std::string& b) {
  const int ra = HandleRank(a), rb = HandleRank(b);
  return ra != rb ? ra < rb : a < b;
}

// The columns ReadSignal reads, from its column 1 on (column 0 is the caller's: a contact key).
constexpr std::string_view kSignalColumns =
    "s.id, s.channel, s.received_at, s.name, s.phone_raw, s.phone, s.email, s.subject, s.body, s.trade, s.duration, "
    "s.answered, s.source_file, s.source_line, s.lead_source, s.bulk";

// The columns ReadEstimate reads, from the caller's first column on.
#define RB_ESTIMATE_COLUMNS \
  "e.id, e.number, e.name, e.phone, e.email, e.estimator, e.trade, e.status, e.total_cents, e.sent_at, " \
  "e.source_file, e.source_line"

// The columns of live_calls in LiveCall's order (ReadLiveCall).
constexpr std::string_view kLiveCallColumns =
    "sid, parent_sid, direction, from_number, to_number, caller_name, status, sequence, duration, started_at, "
    "answered, dial_status, voicemail, transcript, transcript_status";

// One query sorted by contact key (its column 0), read alongside others in a merge join.
struct KeyedCursor {
  explicit KeyedCursor(Statement& statement) : st(statement) {}

  Status Next() {
    StatusOr<bool> row = st.Step();
    if (!row.ok()) return row.status();
    has_row = *row;
    if (has_row) key = st.Text(0);
    return Status::Ok();
  }

  // Passes over the rows of keys before `want` (contacts the caller does not visit) and calls
  // `read` for each row of `want`.
  template <typename Read>
  Status Take(const std::string& want, Read read) {
    while (has_row && key < want)
      if (Status s = Next(); !s.ok()) return s;
    while (has_row && key == want) {
      read(st);
      if (Status s = Next(); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Statement& st;
  bool has_row = false;
  std::string key;
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(Database db) : db_(std::move(db)) {}

  Status Init() {
    // A 16 MiB page cache (the default is 2 MiB): imports insert into several indexes in
    // random key order, and with a small cache each insert reads and spills pages (a
    // million-signal audit spent 50 s in the kernel). Not more: SQLite's sorters size their
    // memory from it, and the contact pass runs five sorts at once (64 MiB took the 1M audit
    // to 300 MiB). A fixed size, so memory stays flat however large the import.
    for (std::string_view pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                                    "PRAGMA foreign_keys=ON", "PRAGMA temp_store=FILE",
                                    "PRAGMA main.cache_size=-16384"}) {
      if (Status s = db_.Exec(pragma); !s.ok()) return s;
    }
    return Migrate();
  }

  Status Begin() override { return db_.Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return db_.Exec("COMMIT"); }
  Status Rollback() override { return db_.Exec("ROLLBACK"); }

  Status PutSignal(const Signal& s, const std::string& handle, bool* inserted) override {
    Statement* st = nullptr;
    if (Status e = Prepared("INSERT OR IGNORE INTO signals (id, channel, received_at, handle, name, phone_raw, phone, "
                            "email, subject, body, trade, duration, answered, source_file, source_line, lead_source, "
                            "bulk) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &st); !e.ok()) return e;
    st->Bind(1, s.id).Bind(2, ChannelName(s.channel)).Bind(3, ToUnix(s.received_at)).Bind(4, handle)
        .Bind(5, s.name).Bind(6, s.phone_raw).Bind(7, s.phone).Bind(8, s.email).Bind(9, s.subject)
        .Bind(10, s.text).Bind(11, s.trade).Bind(12, s.duration_seconds)
        .Bind(13, std::int64_t{s.answered ? 1 : 0}).Bind(14, s.source.file).Bind(15, s.source.line)
        .Bind(16, s.lead_source).Bind(17, s.bulk);
    return RunCounting(st, inserted);
  }

  Status PutAttempt(const Attempt& a, const std::string& handle, bool* inserted) override {
    Statement* st = nullptr;
    if (Status e = Prepared("INSERT OR IGNORE INTO attempts (id, channel, at, handle, actor, duration, source_file, "
                            "source_line, from_email) VALUES (?,?,?,?,?,?,?,?,?)", &st);
        !e.ok())
      return e;
    st->Bind(1, a.id).Bind(2, ChannelName(a.channel)).Bind(3, ToUnix(a.at)).Bind(4, handle)
        .Bind(5, a.actor).Bind(6, a.duration_seconds).Bind(7, a.source.file).Bind(8, a.source.line)
        .Bind(9, a.from_email);
    return RunCounting(st, inserted);
  }

  Status PutEstimate(const Estimate& e, bool* inserted) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT OR IGNORE INTO estimates VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", &st); !s.ok()) return s;
    st->Bind(1, e.id).Bind(2, e.number).Bind(3, e.name).Bind(4, e.phone).Bind(5, e.email)
        .Bind(6, e.estimator).Bind(7, e.trade).Bind(8, e.status).Bind(9, e.total_cents)
        .Bind(10, ToUnix(e.sent_at)).Bind(11, e.source.file).Bind(12, e.source.line);
    return RunCounting(st, inserted);
  }

  Status PutReject(const Reject& r) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT OR IGNORE INTO rejects VALUES (?,?,?,?)", &st); !s.ok()) return s;
    st->Bind(1, r.file).Bind(2, r.line).Bind(3, r.field).Bind(4, r.reason);
    return st->Run();
  }

  Status LinkHandles(const std::vector<std::string>& handles) override {
    Statement *find = nullptr, *insert = nullptr, *merge = nullptr;
    if (Status s = Prepared("SELECT contact_key FROM handles WHERE handle = ?", &find); !s.ok()) return s;
    if (Status s = Prepared("INSERT OR IGNORE INTO handles VALUES (?, ?)", &insert); !s.ok()) return s;
    if (Status s = Prepared("UPDATE handles SET contact_key = ? WHERE contact_key = ?", &merge); !s.ok()) return s;
    std::vector<std::string> keys;
    std::string key;
    for (const std::string& h : handles) {
      if (h.empty()) continue;
      find->Bind(1, h);
      StatusOr<bool> row = find->Step();
      if (!row.ok()) return row.status();
      keys.push_back(*row ? find->Text(0) : h);
      find->Reset();
      if (key.empty() || HandleLess(keys.back(), key)) key = keys.back();
    }
    for (const std::string& old : keys) {
      if (old == key) continue;
      merge->Bind(1, key).Bind(2, old);
      if (Status s = merge->Run(); !s.ok()) return s;
    }
    for (const std::string& h : handles) {
      if (h.empty()) continue;
      insert->Bind(1, h).Bind(2, key);
      if (Status s = insert->Run(); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status PutSuppression(const Suppression& stop) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT OR IGNORE INTO suppressions (handle, signal_id, at, channel, words) VALUES (?,?,?,?,?)", &st); !s.ok()) return s;
    st->Bind(1, stop.handle).Bind(2, stop.signal_id).Bind(3, ToUnix(stop.at)).Bind(4, ChannelName(stop.channel)).Bind(5, stop.words);
    return st->Run();
  }

  StatusOr<std::optional<Suppression>> StopFor(const std::string& contact_key) override {
    Statement* st = nullptr;
    if (Status s = Prepared(
            "SELECT handle, signal_id, at, channel, words FROM suppressions WHERE lifted_at IS NULL AND "
            "handle IN (SELECT handle FROM handles WHERE contact_key = ?) ORDER BY at, signal_id LIMIT 1", &st);
        !s.ok())
      return s;
    st->Bind(1, contact_key);
    StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    std::optional<Suppression> out;
    if (*row) {
      Suppression sup;
      sup.handle = st->Text(0);
      sup.signal_id = st->Text(1);
      sup.at = FromUnix(st->Int(2));
      sup.channel = ParseChannel(st->Text(3)).value_or(Channel::kSms);
      sup.words = st->Text(4);
      out = sup;
    }
    st->Reset();
    return out;
  }

  StatusOr<std::vector<Suppression>> StopsFor(const std::string& contact_key) override {
    Statement* st = nullptr;
    if (Status s = Prepared(
            "SELECT handle, signal_id, at, channel, words, lifted_at, lifted_by, lift_reason FROM suppressions "
            "WHERE handle IN (SELECT handle FROM handles WHERE contact_key = ?) ORDER BY at, signal_id, handle", &st);
        !s.ok())
      return s;
    st->Bind(1, contact_key);
    return st->Collect<Suppression>([](const Statement& row) { return ReadSuppression(row, 0); });
  }

  Status LiftStops(const std::string& contact_key, Timestamp at, const std::string& actor,
                   const std::string& reason) override {
    Statement* st = nullptr;
    if (Status s = Prepared(
            "UPDATE suppressions SET lifted_at = ?, lifted_by = ?, lift_reason = ? WHERE lifted_at IS NULL AND "
            "handle IN (SELECT handle FROM handles WHERE contact_key = ?)", &st);
        !s.ok())
      return s;
    st->Bind(1, ToUnix(at)).Bind(2, actor).Bind(3, reason).Bind(4, contact_key);
    if (Status s = st->Run(); !s.ok()) return s;
    if (st->Changes() == 0) return Status::NotFound(contact_key + " has no stop in force");
    return Status::Ok();
  }

  Status ForEachStop(const std::function<Status(const std::string&, const Suppression&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare(
        "SELECT coalesce(h.contact_key, s.handle), s.handle, s.signal_id, s.at, s.channel, s.words, s.lifted_at, "
        "s.lifted_by, s.lift_reason FROM suppressions s LEFT JOIN handles h ON h.handle = s.handle "
        "ORDER BY s.at, s.signal_id, s.handle");
    if (!st.ok()) return st.status();
    return st->Each([&](const Statement& row) { return fn(row.Text(0), ReadSuppression(row, 1)); });
  }

  StatusOr<std::string> ContactKeyFor(const std::string& handle) override {
    Statement* st = nullptr;
    if (Status s = Prepared("SELECT contact_key FROM handles WHERE handle = ?", &st); !s.ok()) return s;
    st->Bind(1, handle);
    StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    std::string key = *row ? st->Text(0) : std::string();
    st->Reset();
    if (key.empty()) return Status::NotFound(handle + " is not a known contact");
    return key;
  }

  Status ForEachContactInfo(const std::function<Status(const ContactInfo&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare("SELECT contact_key, handle FROM handles ORDER BY contact_key, handle");
    if (!st.ok()) return st.status();
    ContactInfo info;
    for (;;) {
      StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      std::string key = *row ? st->Text(0) : std::string();
      if ((!*row || key != info.key) && !info.key.empty()) {
        if (Status s = FillContactInfo(info); !s.ok()) return s;
        if (Status s = fn(info); !s.ok()) return s;
        info = ContactInfo{};
      }
      if (!*row) return Status::Ok();
      info.key = key;
      info.handles.push_back(st->Text(1));
    }
  }

  Status ForEachContactHistory(const HistoryOptions& options,
                               const std::function<Status(ContactHistory&)>& fn) override {
    // Statements of their own, each sorted by contact key: `fn` may use the cached ones (and
    // write) while these are stepping. One pass each, merged by key: no query per contact.
    StatusOr<Statement> signals = db_.Prepare(
        "SELECT h.contact_key, " + std::string(kSignalColumns) +
        " FROM signals s JOIN handles h ON h.handle = s.handle ORDER BY h.contact_key, s.received_at, s.id");
    StatusOr<Statement> attempts = db_.Prepare(
        "SELECT h.contact_key, a.id, a.channel, a.at, a.handle, a.actor, a.duration, a.source_file, a.source_line, "
        "a.from_email FROM attempts a JOIN handles h ON h.handle = a.handle ORDER BY h.contact_key, a.at, a.id");
    // An estimate belongs to the contact of its phone or of its email (linked at import, so
    // both are the same contact); UNION keeps one row when both match.
    StatusOr<Statement> estimates = db_.Prepare(
        "SELECT h.contact_key, " RB_ESTIMATE_COLUMNS " FROM estimates e JOIN handles h "
        "ON h.handle = 'tel:' || e.phone WHERE e.phone != '' "
        "UNION SELECT h.contact_key, " RB_ESTIMATE_COLUMNS " FROM estimates e JOIN handles h "
        "ON h.handle = 'mailto:' || e.email WHERE e.email != '' ORDER BY 1, 11, 2");
    StatusOr<Statement> stops = db_.Prepare(
        "SELECT h.contact_key, s.handle, s.signal_id, s.at, s.channel, s.words, s.lifted_at, s.lifted_by, "
        "s.lift_reason FROM suppressions s JOIN handles h ON h.handle = s.handle "
        "ORDER BY h.contact_key, s.at, s.signal_id, s.handle");
    StatusOr<Statement> open = db_.Prepare(
        "SELECT DISTINCT contact_key FROM opportunities WHERE duplicate_of = '' AND status IN "
        "('open', 'overdue', 'attempted') AND ?1 ORDER BY contact_key");
    for (auto* st : {&signals, &attempts, &estimates, &stops, &open})
      if (!st->ok()) return st->status();
    open->Bind(1, std::int64_t{options.open_opportunities ? 1 : 0});
    KeyedCursor by_signal(*signals), by_attempt(*attempts), by_estimate(*estimates), by_stop(*stops),
        by_open(*open);
    for (KeyedCursor* c : {&by_signal, &by_attempt, &by_estimate, &by_stop, &by_open})
      if (Status s = c->Next(); !s.ok()) return s;
    ContactHistory history;
    for (;;) {
      // The next contact: the smallest key with a signal (or, when asked, an estimate).
      const std::string* key = by_signal.has_row ? &by_signal.key : nullptr;
      if (options.estimate_contacts && by_estimate.has_row && (!key || by_estimate.key < *key))
        key = &by_estimate.key;
      if (!key) return options.estimate_contacts ? ForEachUnlinkedEstimate(fn) : Status::Ok();
      history = ContactHistory{};
      history.key = *key;
      Status s = by_signal.Take(history.key, [&](const Statement& row) { history.signals.push_back(ReadSignal(row)); });
      if (s.ok()) s = by_attempt.Take(history.key, [&](const Statement& row) { history.attempts.push_back(ReadAttempt(row, 1)); });
      if (s.ok()) s = by_estimate.Take(history.key, [&](const Statement& row) { history.estimates.push_back(ReadEstimate(row, 1)); });
      if (s.ok()) s = by_stop.Take(history.key, [&](const Statement& row) { history.stops.push_back(ReadSuppression(row, 1)); });
      if (s.ok()) s = by_open.Take(history.key, [&](const Statement&) { history.has_open_opportunity = true; });
      if (s.ok()) s = fn(history);
      if (!s.ok()) return s;
    }
  }

  Status ClearRankedQuotes() override {
    return db_.Exec(
        "CREATE TEMP TABLE IF NOT EXISTS ranked_quotes (estimate_id TEXT NOT NULL, visit INTEGER NOT NULL, "
        "rank INTEGER NOT NULL, expected INTEGER NOT NULL, number TEXT NOT NULL, contact_key TEXT NOT NULL, "
        "stopped_at INTEGER, has_open INTEGER NOT NULL, reached_at INTEGER, later INTEGER NOT NULL); "
        "DELETE FROM temp.ranked_quotes");
  }

  Status PutRankedQuote(const RankedQuote& q) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT INTO temp.ranked_quotes VALUES (?,?,?,?,?,?,?,?,?,?)", &st); !s.ok()) return s;
    st->Bind(1, q.estimate_id).Bind(2, ++visits_).Bind(3, std::int64_t{q.rank}).Bind(4, q.expected_value_cents)
        .Bind(5, q.number).Bind(6, q.contact_key).Bind(7, OptUnix(q.stopped_at))
        .Bind(8, std::int64_t{q.has_open_opportunity ? 1 : 0}).Bind(9, OptUnix(q.last_reached_at))
        .Bind(10, std::int64_t{q.later_estimate ? 1 : 0});
    return st->Run();
  }

  Status ForEachRankedQuote(const std::function<Status(const RankedQuote&, const Estimate&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare(
        "SELECT r.estimate_id, r.rank, r.expected, r.number, r.contact_key, r.stopped_at, r.has_open, r.reached_at, "
        "r.later, " RB_ESTIMATE_COLUMNS " FROM temp.ranked_quotes r JOIN estimates e ON e.id = r.estimate_id "
        "ORDER BY r.rank, r.expected DESC, r.number, r.visit");
    if (!st.ok()) return st.status();
    return st->Each([&](const Statement& row) {
      RankedQuote q;
      q.estimate_id = row.Text(0);
      q.rank = static_cast<int>(row.Int(1));
      q.expected_value_cents = row.Int(2);
      q.number = row.Text(3);
      q.contact_key = row.Text(4);
      if (!row.IsNull(5)) q.stopped_at = FromUnix(row.Int(5));
      q.has_open_opportunity = row.Int(6) != 0;
      if (!row.IsNull(7)) q.last_reached_at = FromUnix(row.Int(7));
      q.later_estimate = row.Int(8) != 0;
      return fn(q, ReadEstimate(row, 9));
    });
  }

  // Estimates whose phone and email match no contact (a quote with neither), each on its own.
  Status ForEachUnlinkedEstimate(const std::function<Status(ContactHistory&)>& fn) {
    StatusOr<Statement> st = db_.Prepare(
        "SELECT '', " RB_ESTIMATE_COLUMNS " FROM estimates e "
        "WHERE NOT EXISTS (SELECT 1 FROM handles WHERE handle = 'tel:' || e.phone) "
        "AND NOT EXISTS (SELECT 1 FROM handles WHERE handle = 'mailto:' || e.email) ORDER BY e.sent_at, e.id");
    if (!st.ok()) return st.status();
    return st->Each([&](const Statement& row) {
      ContactHistory history;
      history.estimates.push_back(ReadEstimate(row, 1));
      return fn(history);
    });
  }

  Status ForEachOverride(const std::function<Status(const Override&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare(
        "SELECT opportunity_id, at, field, value, actor, reason FROM overrides ORDER BY at, rowid");
    if (!st.ok()) return st.status();
    return st->Each([&](const Statement& row) { return fn(ReadOverride(row)); });
  }

  StatusOr<std::vector<Attempt>> AttemptsFor(const std::string& contact_key) override {
    Statement* st = nullptr;
    if (Status s = Prepared(
            "SELECT a.id, a.channel, a.at, a.handle, a.actor, a.duration, a.source_file, a.source_line, "
            "a.from_email FROM attempts a JOIN handles h ON h.handle = a.handle WHERE h.contact_key = ? ORDER BY a.at, a.id", &st);
        !s.ok())
      return s;
    st->Bind(1, contact_key);
    return st->Collect<Attempt>([](const Statement& row) { return ReadAttempt(row, 0); });
  }

  StatusOr<std::vector<Estimate>> EstimatesFor(const std::string& contact_key) override {
    Statement* st = nullptr;
    if (Status s = Prepared(
            // Compares the bare phone and email so that their indexes apply: a per-contact call
            // must not scan every estimate (that made the audit quadratic).
            "SELECT id, number, name, phone, email, estimator, trade, status, total_cents, sent_at, "
            "source_file, source_line FROM estimates WHERE phone IN "
            "(SELECT substr(handle, 5) FROM handles WHERE contact_key = ?1 AND substr(handle, 1, 4) = 'tel:') "
            "UNION SELECT id, number, name, phone, email, estimator, trade, status, total_cents, sent_at, "
            "source_file, source_line FROM estimates WHERE email IN "
            "(SELECT substr(handle, 8) FROM handles WHERE contact_key = ?1 AND substr(handle, 1, 7) = 'mailto:') "
            "ORDER BY sent_at, id", &st);
        !s.ok())
      return s;
    st->Bind(1, contact_key);
    return st->Collect<Estimate>([](const Statement& row) { return ReadEstimate(row, 0); });
  }

  // Replacing an outcome gives it a new rowid: of two outcomes at the same second, the one said
  // last is last (OutcomesFor orders ties by rowid).
  Status PutOutcome(const Outcome& o) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT OR REPLACE INTO outcomes VALUES (?,?,?,?,?,?)", &st); !s.ok()) return s;
    st->Bind(1, o.opportunity_id).Bind(2, ToUnix(o.at)).Bind(3, OutcomeName(o.kind)).Bind(4, o.actor)
        .Bind(5, o.note).Bind(6, std::int64_t{o.inferred ? 1 : 0});
    return st->Run();
  }

  StatusOr<std::vector<Outcome>> OutcomesFor(const std::string& opportunity_id) override {
    Statement* st = nullptr;
    if (Status s = Prepared("SELECT opportunity_id, at, outcome, actor, note, inferred FROM outcomes "
                            "WHERE opportunity_id = ? ORDER BY at, inferred DESC, rowid", &st);
        !s.ok())
      return s;
    st->Bind(1, opportunity_id);
    return st->Collect<Outcome>(ReadOutcome);
  }

  Status ForEachOutcome(const std::function<Status(const Outcome&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare("SELECT opportunity_id, at, outcome, actor, note, inferred FROM outcomes "
                                         "ORDER BY at, opportunity_id, inferred DESC, rowid");
    if (!st.ok()) return st.status();
    return st->Each([&](const Statement& row) { return fn(ReadOutcome(row)); });
  }

  Status ForEachSignal(Timestamp from, Timestamp to, const std::function<Status(const Signal&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare(
        "SELECT coalesce(h.contact_key, s.handle), " + std::string(kSignalColumns) +
        " FROM signals s LEFT JOIN handles h ON h.handle = s.handle WHERE s.received_at >= ? AND s.received_at < ? "
        "ORDER BY s.received_at, s.id");
    if (!st.ok()) return st.status();
    st->Bind(1, ToUnix(from)).Bind(2, ToUnix(to));
    return st->Each([&](const Statement& row) { return fn(ReadSignal(row)); });
  }

  Status ForEachAttempt(Timestamp from, Timestamp to, const std::function<Status(const Attempt&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare(
        "SELECT id, channel, at, handle, actor, duration, source_file, source_line, from_email FROM attempts "
        "WHERE at >= ? AND at < ? ORDER BY at, id");
    if (!st.ok()) return st.status();
    st->Bind(1, ToUnix(from)).Bind(2, ToUnix(to));
    return st->Each([&](const Statement& row) { return fn(ReadAttempt(row, 0)); });
  }

  Status ForEachEstimate(const std::function<Status(const std::string&, const Estimate&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare(
        "SELECT coalesce(hp.contact_key, he.contact_key, ''), " RB_ESTIMATE_COLUMNS " FROM estimates e "
        "LEFT JOIN handles hp ON hp.handle = 'tel:' || e.phone LEFT JOIN handles he ON he.handle = 'mailto:' || e.email "
        "ORDER BY 1, e.sent_at, e.id");
    if (!st.ok()) return st.status();
    return st->Each([&](const Statement& row) { return fn(row.Text(0), ReadEstimate(row, 1)); });
  }

  StatusOr<Opportunity> GetOpportunity(const std::string& id) override {
    Statement* st = nullptr;
    if (Status s = Prepared("SELECT * FROM opportunities WHERE id = ?", &st); !s.ok()) return s;
    st->Bind(1, id);
    StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      st->Reset();
      return Status::NotFound("no opportunity " + id);
    }
    Opportunity o = ReadOpportunity(*st);
    st->Reset();
    return o;
  }

  Status ClearOpportunities() override {
    if (Status s = db_.Exec("DELETE FROM outcomes WHERE inferred = 1"); !s.ok()) return s;
    if (Status s = db_.Exec("DELETE FROM opportunities"); !s.ok()) return s;
    return db_.Exec("DELETE FROM events WHERE derived = 1");
  }

  Status PutEvent(const TimelineEvent& e) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT INTO events VALUES (?,?,?,?,?,1)", &st); !s.ok()) return s;
    st->Bind(1, e.opportunity_id).Bind(2, ToUnix(e.at)).Bind(3, e.kind).Bind(4, e.actor).Bind(5, e.detail);
    return st->Run();
  }

  StatusOr<std::vector<TimelineEvent>> EventsFor(const std::string& opportunity_id) override {
    Statement* st = nullptr;
    if (Status s = Prepared("SELECT opportunity_id, at, kind, actor, detail FROM events WHERE opportunity_id = ? "
                            "ORDER BY at, rowid", &st);
        !s.ok())
      return s;
    st->Bind(1, opportunity_id);
    return st->Collect<TimelineEvent>([](const Statement& row) {
      return TimelineEvent{row.Text(0), FromUnix(row.Int(1)), row.Text(2), row.Text(3), row.Text(4)};
    });
  }

  Status PutOpportunity(const Opportunity& o) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT OR REPLACE INTO opportunities VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", &st); !s.ok()) return s;
    st->Bind(1, o.id).Bind(2, o.contact_key).Bind(3, o.contact_display).Bind(4, ToUnix(o.received_at))
        .Bind(5, ChannelName(o.channel)).Bind(6, JoinChannels(o.channels)).Bind(7, CategoryName(o.category))
        .Bind(8, o.confidence).Bind(9, Lines(o.reasons)).Bind(10, o.trade).Bind(11, o.owner)
        .Bind(12, o.backup_owner).Bind(13, o.next_action).Bind(14, OptUnix(o.deadline))
        .Bind(15, OptUnix(o.first_attempt_at)).Bind(16, StatusName(o.status)).Bind(17, o.duplicate_of)
        .Bind(18, o.draft).Bind(19, o.summary).Bind(20, Lines(o.signal_ids))
        .Bind(21, std::int64_t{o.escalations}).Bind(22, o.lead_source).Bind(23, o.draft_channel);
    return st->Run();
  }

  Status ForEachOpportunity(const std::function<Status(const Opportunity&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare(
        "SELECT * FROM opportunities ORDER BY "
        "CASE status WHEN 'overdue' THEN 0 WHEN 'open' THEN 0 WHEN 'attempted' THEN 1 WHEN 'reached' THEN 2 "
        "ELSE 3 END, deadline IS NULL, deadline, received_at, id");
    if (!st.ok()) return st.status();
    return st->Each([&](const Statement& row) { return fn(ReadOpportunity(row)); });
  }

  StatusOr<std::vector<Signal>> SignalsFor(const std::string& contact_key) override {
    static const std::string sql = "SELECT h.contact_key, " + std::string(kSignalColumns) +
                                   " FROM signals s JOIN handles h ON h.handle = s.handle WHERE h.contact_key = ? "
                                   "ORDER BY s.received_at, s.id";
    Statement* st = nullptr;
    if (Status s = Prepared(sql.c_str(), &st); !s.ok()) return s;
    st->Bind(1, contact_key);
    return st->Collect<Signal>(ReadSignal);
  }

  Status PutOverride(const Override& c) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT INTO overrides VALUES (?,?,?,?,?,?)", &st); !s.ok()) return s;
    st->Bind(1, c.opportunity_id).Bind(2, ToUnix(c.at)).Bind(3, c.field).Bind(4, c.value).Bind(5, c.actor)
        .Bind(6, c.reason);
    return st->Run();
  }

  StatusOr<std::vector<Override>> OverridesFor(const std::string& opportunity_id) override {
    Statement* st = nullptr;
    if (Status s = Prepared("SELECT opportunity_id, at, field, value, actor, reason FROM overrides "
                            "WHERE opportunity_id = ? ORDER BY at, rowid", &st);
        !s.ok())
      return s;
    st->Bind(1, opportunity_id);
    return st->Collect<Override>(ReadOverride);
  }

  Status PutPersonEvent(const TimelineEvent& e) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT INTO events VALUES (?,?,?,?,?,0)", &st); !s.ok()) return s;
    st->Bind(1, e.opportunity_id).Bind(2, ToUnix(e.at)).Bind(3, e.kind).Bind(4, e.actor).Bind(5, e.detail);
    return st->Run();
  }

  Status PutUser(const User& u) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT OR REPLACE INTO users VALUES (?,?,?,?,?,?)", &st); !s.ok()) return s;
    st->Bind(1, u.login).Bind(2, u.person).Bind(3, AccessRoleName(u.role)).Bind(4, u.password_hash)
        .Bind(5, ToUnix(u.created_at)).Bind(6, std::int64_t{u.disabled ? 1 : 0});
    return st->Run();
  }

  StatusOr<User> GetUser(const std::string& login) override {
    Statement* st = nullptr;
    if (Status s = Prepared("SELECT login, person, role, password_hash, created_at, disabled FROM users "
                            "WHERE login = ?", &st);
        !s.ok())
      return s;
    st->Bind(1, login);
    StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      st->Reset();
      return Status::NotFound("no user " + login);
    }
    User u = ReadUser(*st);
    st->Reset();
    return u;
  }

  Status ForEachUser(const std::function<Status(const User&)>& fn) override {
    StatusOr<Statement> st =
        db_.Prepare("SELECT login, person, role, password_hash, created_at, disabled FROM users ORDER BY login");
    if (!st.ok()) return st.status();
    return st->Each([&](const Statement& row) { return fn(ReadUser(row)); });
  }

  Status PutSession(const SessionRecord& r) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT OR REPLACE INTO sessions VALUES (?,?,?,?,?)", &st); !s.ok()) return s;
    st->Bind(1, r.token_hash).Bind(2, r.login).Bind(3, r.csrf_token).Bind(4, ToUnix(r.created_at))
        .Bind(5, ToUnix(r.expires_at));
    return st->Run();
  }

  StatusOr<SessionRecord> GetSession(const std::string& token_hash) override {
    Statement* st = nullptr;
    if (Status s = Prepared("SELECT token_hash, login, csrf_token, created_at, expires_at FROM sessions "
                            "WHERE token_hash = ?", &st);
        !s.ok())
      return s;
    st->Bind(1, token_hash);
    StatusOr<bool> row = st->Step();
    if (!row.ok()) return row.status();
    if (!*row) {
      st->Reset();
      return Status::NotFound("no session");
    }
    SessionRecord r{st->Text(0), st->Text(1), st->Text(2), FromUnix(st->Int(3)), FromUnix(st->Int(4))};
    st->Reset();
    return r;
  }

  Status DeleteSession(const std::string& token_hash) override {
    Statement* st = nullptr;
    if (Status s = Prepared("DELETE FROM sessions WHERE token_hash = ?", &st); !s.ok()) return s;
    st->Bind(1, token_hash);
    return st->Run();
  }

  Status DeleteExpiredSessions(Timestamp now) override {
    Statement* st = nullptr;
    if (Status s = Prepared("DELETE FROM sessions WHERE expires_at < ?", &st); !s.ok()) return s;
    st->Bind(1, ToUnix(now));
    return st->Run();
  }

  Status PutMark(const Mark& m) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT OR REPLACE INTO marks VALUES (?,?,?,?,?)", &st); !s.ok()) return s;
    st->Bind(1, m.list).Bind(2, m.item).Bind(3, std::int64_t{m.done ? 1 : 0}).Bind(4, m.actor).Bind(5, ToUnix(m.at));
    return st->Run();
  }

  StatusOr<std::vector<Mark>> MarksOf(const std::string& list) override {
    Statement* st = nullptr;
    if (Status s = Prepared("SELECT list, item, done, actor, at FROM marks WHERE list = ? ORDER BY item", &st); !s.ok())
      return s;
    st->Bind(1, list);
    return st->Collect<Mark>([](const Statement& row) {
      return Mark{row.Text(0), row.Text(1), row.Int(2) != 0, row.Text(3), FromUnix(row.Int(4))};
    });
  }

  Status SetDurableCommits(bool on) override {
    return db_.Exec(on ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  }

  Status ReplaceSignal(const Signal& s, const std::string& handle) override {
    Statement* st = nullptr;
    if (Status e = Prepared("DELETE FROM signals WHERE id = ?", &st); !e.ok()) return e;
    st->Bind(1, s.id);
    if (Status e = st->Run(); !e.ok()) return e;
    return PutSignal(s, handle, nullptr);
  }

  StatusOr<std::optional<LiveCall>> GetLiveCall(const std::string& sid) override {
    Statement* st = nullptr;
    static const std::string sql = "SELECT " + std::string(kLiveCallColumns) + " FROM live_calls WHERE sid = ?";
    if (Status s = Prepared(sql.c_str(), &st); !s.ok()) return s;
    st->Bind(1, sid);
    StatusOr<std::vector<LiveCall>> rows = st->Collect<LiveCall>(ReadLiveCall);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return std::optional<LiveCall>();
    return std::optional<LiveCall>(std::move(rows->front()));
  }

  Status PutLiveCall(const LiveCall& c) override {
    Statement* st = nullptr;
    static const std::string sql = "INSERT OR REPLACE INTO live_calls (" + std::string(kLiveCallColumns) +
                                   ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    if (Status s = Prepared(sql.c_str(), &st); !s.ok()) return s;
    st->Bind(1, c.sid).Bind(2, c.parent_sid).Bind(3, c.direction).Bind(4, c.from).Bind(5, c.to)
        .Bind(6, c.caller_name).Bind(7, c.status).Bind(8, c.sequence).Bind(9, c.duration)
        .Bind(10, OptUnix(c.started_at)).Bind(11, std::int64_t{c.answered ? 1 : 0}).Bind(12, c.dial_status)
        .Bind(13, std::int64_t{c.voicemail ? 1 : 0}).Bind(14, c.transcript).Bind(15, c.transcript_status);
    return st->Run();
  }

  StatusOr<std::vector<LiveCall>> LiveCallLegs(const std::string& sid) override {
    Statement* st = nullptr;
    static const std::string sql = "SELECT " + std::string(kLiveCallColumns) +
                                   " FROM live_calls WHERE parent_sid = ? AND parent_sid != '' ORDER BY sid";
    if (Status s = Prepared(sql.c_str(), &st); !s.ok()) return s;
    st->Bind(1, sid);
    return st->Collect<LiveCall>(ReadLiveCall);
  }

  StatusOr<ContactHistory> ContactHistoryFor(const std::string& contact_key) override {
    ContactHistory h;
    h.key = contact_key;
    StatusOr<std::vector<Signal>> signals = SignalsFor(contact_key);
    if (!signals.ok()) return signals.status();
    h.signals = std::move(signals).value();
    StatusOr<std::vector<Attempt>> attempts = AttemptsFor(contact_key);
    if (!attempts.ok()) return attempts.status();
    h.attempts = std::move(attempts).value();
    StatusOr<std::vector<Estimate>> estimates = EstimatesFor(contact_key);
    if (!estimates.ok()) return estimates.status();
    h.estimates = std::move(estimates).value();
    StatusOr<std::vector<Suppression>> stops = StopsFor(contact_key);
    if (!stops.ok()) return stops.status();
    h.stops = std::move(stops).value();
    return h;
  }

  StatusOr<std::map<std::string, int>> OpenWorkByOwner(const std::vector<std::string>& except_contacts) override {
    static constexpr const char* kWaiting =
        "duplicate_of = '' AND owner != '' AND status IN ('open', 'overdue', 'attempted')";
    std::map<std::string, int> load;
    StatusOr<Statement> all =
        db_.Prepare(std::string("SELECT owner, count(*) FROM opportunities WHERE ") + kWaiting + " GROUP BY owner");
    if (!all.ok()) return all.status();
    if (Status s = all->Each([&](const Statement& row) {
          load[row.Text(0)] += static_cast<int>(row.Int(1));
          return Status::Ok();
        });
        !s.ok())
      return s;
    // Subtracting the few contacts left out keeps to one indexed query each.
    StatusOr<Statement> one = db_.Prepare(std::string("SELECT owner, count(*) FROM opportunities WHERE contact_key = ? AND ") +
                                          kWaiting + " GROUP BY owner");
    if (!one.ok()) return one.status();
    for (const std::string& key : std::set<std::string>(except_contacts.begin(), except_contacts.end())) {
      one->Bind(1, key);
      if (Status s = one->Each([&](const Statement& row) {
            if ((load[row.Text(0)] -= static_cast<int>(row.Int(1))) <= 0) load.erase(row.Text(0));
            return Status::Ok();
          });
          !s.ok())
        return s;
    }
    return load;
  }

  Status ClearContactQueue(const std::string& contact_key) override {
    for (const char* sql :
         {"DELETE FROM events WHERE derived = 1 AND opportunity_id IN (SELECT id FROM opportunities WHERE contact_key = ?)",
          "DELETE FROM outcomes WHERE inferred = 1 AND opportunity_id IN "
          "(SELECT id FROM opportunities WHERE contact_key = ?)",
          "DELETE FROM opportunities WHERE contact_key = ?"}) {
      Statement* st = nullptr;
      if (Status s = Prepared(sql, &st); !s.ok()) return s;
      st->Bind(1, contact_key);
      if (Status s = st->Run(); !s.ok()) return s;
    }
    return Status::Ok();
  }

  Status PutCalendarFeed(const CalendarFeed& f) override {
    Statement* st = nullptr;
    if (Status s = Prepared("INSERT INTO calendar_feeds (token_hash, person, created_at, created_by, revoked_at, "
                            "revoked_by) VALUES (?,?,?,?,?,?)", &st);
        !s.ok())
      return s;
    st->Bind(1, f.token_hash).Bind(2, f.person).Bind(3, ToUnix(f.created_at)).Bind(4, f.created_by)
        .Bind(5, OptUnix(f.revoked_at)).Bind(6, f.revoked_by);
    return st->Run();
  }

  StatusOr<CalendarFeed> GetCalendarFeed(const std::string& token_hash) override {
    Statement* st = nullptr;
    if (Status s = Prepared("SELECT token_hash, person, created_at, created_by, revoked_at, revoked_by "
                            "FROM calendar_feeds WHERE token_hash = ?", &st);
        !s.ok())
      return s;
    st->Bind(1, token_hash);
    StatusOr<std::vector<CalendarFeed>> rows = st->Collect<CalendarFeed>(ReadCalendarFeed);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::NotFound("no calendar feed");
    return rows->front();
  }

  Status ForEachCalendarFeed(const std::function<Status(const CalendarFeed&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare(
        "SELECT token_hash, person, created_at, created_by, revoked_at, revoked_by FROM calendar_feeds "
        "WHERE revoked_at IS NULL ORDER BY person, created_at, token_hash");
    if (!st.ok()) return st.status();
    return st->Each([&](const Statement& row) { return fn(ReadCalendarFeed(row)); });
  }

  StatusOr<int> RevokeCalendarFeeds(const std::string& person, Timestamp at, const std::string& actor) override {
    Statement* st = nullptr;
    if (Status s = Prepared("UPDATE calendar_feeds SET revoked_at = ?, revoked_by = ? WHERE person = ? AND "
                            "revoked_at IS NULL", &st);
        !s.ok())
      return s;
    st->Bind(1, ToUnix(at)).Bind(2, actor).Bind(3, person);
    if (Status s = st->Run(); !s.ok()) return s;
    return st->Changes();
  }

  Status ForEachReject(const std::function<Status(const Reject&)>& fn) override {
    StatusOr<Statement> st = db_.Prepare("SELECT file, line, field, reason FROM rejects ORDER BY file, line, field");
    if (!st.ok()) return st.status();
    return st->Each([&](const Statement& row) { return fn(Reject{row.Text(0), row.Int(1), row.Text(2), row.Text(3)}); });
  }

  StatusOr<StoreCounts> Counts() override {
    StoreCounts c;
    const std::pair<std::int64_t*, std::string_view> queries[] = {
        {&c.signals, "SELECT count(*) FROM signals"},
        {&c.attempts, "SELECT count(*) FROM attempts"},
        {&c.estimates, "SELECT count(*) FROM estimates"},
        {&c.rejects, "SELECT count(*) FROM rejects"},
        {&c.contacts, "SELECT count(DISTINCT contact_key) FROM handles"},
        {&c.suppressions, "SELECT count(*) FROM suppressions WHERE lifted_at IS NULL"},
        {&c.opportunities, "SELECT count(*) FROM opportunities"},
    };
    for (const auto& [out, sql] : queries) {
      StatusOr<Statement> st = db_.Prepare(sql);
      if (!st.ok()) return st.status();
      StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      *out = st->Int(0);
    }
    return c;
  }

 private:
  Status Migrate() {
    if (Status s = db_.Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)"); !s.ok())
      return s;
    StatusOr<Statement> current = db_.Prepare("SELECT coalesce(max(version), 0) FROM schema_migrations");
    if (!current.ok()) return current.status();
    StatusOr<bool> row = current->Step();
    if (!row.ok()) return row.status();
    const std::int64_t have = current->Int(0);
    for (const Migration& m : SqliteMigrations()) {
      if (m.version <= have) continue;
      if (Status s = db_.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
      Status s = db_.Exec(m.sql);
      StatusOr<Statement> record = db_.Prepare("INSERT INTO schema_migrations VALUES (?)");
      if (s.ok() && !record.ok()) s = record.status();
      if (s.ok()) s = record->Bind(1, std::int64_t{m.version}).Run();
      if (!s.ok()) {
        (void)db_.Exec("ROLLBACK");
        return Status::Corruption("migration " + std::to_string(m.version) + " failed: " + s.message());
      }
      if (Status c = db_.Exec("COMMIT"); !c.ok()) return c;
    }
    return Status::Ok();
  }

  // Statements are prepared once per store and reused.
  Status Prepared(const char* sql, Statement** out) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      StatusOr<Statement> st = db_.Prepare(sql);
      if (!st.ok()) return st.status();
      it = cache_.emplace(sql, std::move(st).value()).first;
    }
    *out = &it->second;
    return Status::Ok();
  }

  static Status RunCounting(Statement* st, bool* inserted) {
    Status s = st->Run();
    if (inserted) *inserted = s.ok() && st->Changes() > 0;
    return s;
  }

  static Outcome ReadOutcome(const Statement& st) {
    Outcome o;
    o.opportunity_id = st.Text(0);
    o.at = FromUnix(st.Int(1));
    o.kind = ParseOutcome(st.Text(2)).value_or(OutcomeKind::kReached);
    o.actor = st.Text(3);
    o.note = st.Text(4);
    o.inferred = st.Int(5) != 0;
    return o;
  }

  // Columns id, channel, at, handle, actor, duration, source_file, source_line, from_email
  // from `first` on.
  static Attempt ReadAttempt(const Statement& st, int first) {
    Attempt a;
    a.id = st.Text(first);
    a.channel = ParseChannel(st.Text(first + 1)).value_or(Channel::kCall);
    a.at = FromUnix(st.Int(first + 2));
    const std::string handle = st.Text(first + 3);
    if (handle.rfind("tel:", 0) == 0) a.phone = handle.substr(4);
    if (handle.rfind("mailto:", 0) == 0) a.email = handle.substr(7);
    a.actor = st.Text(first + 4);
    a.duration_seconds = st.Int(first + 5);
    a.source = {st.Text(first + 6), st.Int(first + 7)};
    a.from_email = st.Text(first + 8);
    return a;
  }

  // Columns id, number, name, phone, email, estimator, trade, status, total_cents, sent_at,
  // source_file, source_line from `first` on.
  static Estimate ReadEstimate(const Statement& st, int first) {
    Estimate e;
    e.id = st.Text(first);
    e.number = st.Text(first + 1);
    e.name = st.Text(first + 2);
    e.phone = st.Text(first + 3);
    e.email = st.Text(first + 4);
    e.estimator = st.Text(first + 5);
    e.trade = st.Text(first + 6);
    e.status = st.Text(first + 7);
    e.total_cents = st.Int(first + 8);
    e.sent_at = FromUnix(st.Int(first + 9));
    e.source = {st.Text(first + 10), st.Int(first + 11)};
    return e;
  }

  static Override ReadOverride(const Statement& st) {
    return {st.Text(0), FromUnix(st.Int(1)), st.Text(2), st.Text(3), st.Text(4), st.Text(5)};
  }

  static Suppression ReadSuppression(const Statement& st, int first) {
    Suppression sup;
    sup.handle = st.Text(first);
    sup.signal_id = st.Text(first + 1);
    sup.at = FromUnix(st.Int(first + 2));
    sup.channel = ParseChannel(st.Text(first + 3)).value_or(Channel::kSms);
    sup.words = st.Text(first + 4);
    if (!st.IsNull(first + 5)) sup.lifted_at = FromUnix(st.Int(first + 5));
    sup.lifted_by = st.Text(first + 6);
    sup.lift_reason = st.Text(first + 7);
    return sup;
  }

  Status FillContactInfo(ContactInfo& info) {
    Statement* st = nullptr;
    if (Status s = Prepared(
            "SELECT channel, name, count(*) FROM signals WHERE handle IN (SELECT handle FROM handles WHERE "
            "contact_key = ?) GROUP BY channel, name ORDER BY min(received_at), channel, name", &st);
        !s.ok())
      return s;
    st->Bind(1, info.key);
    for (;;) {
      StatusOr<bool> row = st->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      if (auto c = ParseChannel(st->Text(0)); c && std::find(info.channels.begin(), info.channels.end(), *c) == info.channels.end())
        info.channels.push_back(*c);
      std::string name = st->Text(1);
      if (!name.empty() && std::find(info.names.begin(), info.names.end(), name) == info.names.end())
        info.names.push_back(name);
      info.signals += st->Int(2);
    }
    st->Reset();
    Statement* open = nullptr;
    if (Status s = Prepared(
            "SELECT id FROM opportunities WHERE contact_key = ? AND duplicate_of = '' AND status IN "
            "('open', 'overdue', 'attempted') ORDER BY received_at LIMIT 1", &open);
        !s.ok())
      return s;
    open->Bind(1, info.key);
    StatusOr<bool> row = open->Step();
    if (!row.ok()) return row.status();
    if (*row) info.open_opportunity = open->Text(0);
    open->Reset();
    StatusOr<std::optional<Suppression>> stop = StopFor(info.key);
    if (!stop.ok()) return stop.status();
    info.stop = *stop;
    return Status::Ok();
  }

  static LiveCall ReadLiveCall(const Statement& st) {
    LiveCall c;
    c.sid = st.Text(0);
    c.parent_sid = st.Text(1);
    c.direction = st.Text(2);
    c.from = st.Text(3);
    c.to = st.Text(4);
    c.caller_name = st.Text(5);
    c.status = st.Text(6);
    c.sequence = st.Int(7);
    c.duration = st.Int(8);
    if (!st.IsNull(9)) c.started_at = FromUnix(st.Int(9));
    c.answered = st.Int(10) != 0;
    c.dial_status = st.Text(11);
    c.voicemail = st.Int(12) != 0;
    c.transcript = st.Text(13);
    c.transcript_status = st.Text(14);
    return c;
  }

  static CalendarFeed ReadCalendarFeed(const Statement& st) {
    CalendarFeed f;
    f.token_hash = st.Text(0);
    f.person = st.Text(1);
    f.created_at = FromUnix(st.Int(2));
    f.created_by = st.Text(3);
    if (!st.IsNull(4)) f.revoked_at = FromUnix(st.Int(4));
    f.revoked_by = st.Text(5);
    return f;
  }

  static User ReadUser(const Statement& st) {
    User u;
    u.login = st.Text(0);
    u.person = st.Text(1);
    u.role = ParseAccessRole(st.Text(2)).value_or(AccessRole::kTechnician);  // an unknown role gets the least
    u.password_hash = st.Text(3);
    u.created_at = FromUnix(st.Int(4));
    u.disabled = st.Int(5) != 0;
    return u;
  }

  static Signal ReadSignal(const Statement& st) {
    Signal s;
    s.id = st.Text(1);
    s.channel = ParseChannel(st.Text(2)).value_or(Channel::kCall);
    s.received_at = FromUnix(st.Int(3));
    s.name = st.Text(4);
    s.phone_raw = st.Text(5);
    s.phone = st.Text(6);
    s.email = st.Text(7);
    s.subject = st.Text(8);
    s.text = st.Text(9);
    s.trade = st.Text(10);
    s.duration_seconds = st.Int(11);
    s.answered = st.Int(12) != 0;
    s.source = {st.Text(13), st.Int(14)};
    s.lead_source = st.Text(15);
    s.bulk = st.Text(16);
    return s;
  }

  static Opportunity ReadOpportunity(const Statement& st) {
    Opportunity o;
    o.id = st.Text(0);
    o.contact_key = st.Text(1);
    o.contact_display = st.Text(2);
    o.received_at = FromUnix(st.Int(3));
    o.channel = ParseChannel(st.Text(4)).value_or(Channel::kCall);
    o.channels = SplitChannels(st.Text(5));
    o.category = ParseCategory(st.Text(6)).value_or(Category::kUnknown);
    o.confidence = st.Real(7);
    o.reasons = Split(st.Text(8), '\n');
    o.trade = st.Text(9);
    o.owner = st.Text(10);
    o.backup_owner = st.Text(11);
    o.next_action = st.Text(12);
    if (!st.IsNull(13)) o.deadline = FromUnix(st.Int(13));
    if (!st.IsNull(14)) o.first_attempt_at = FromUnix(st.Int(14));
    const std::string status = st.Text(15);
    for (auto s : {OpportunityStatus::kOpen, OpportunityStatus::kOverdue, OpportunityStatus::kAttempted,
                   OpportunityStatus::kReached, OpportunityStatus::kClosed, OpportunityStatus::kDoNotContact})
      if (StatusName(s) == status) o.status = s;
    o.duplicate_of = st.Text(16);
    o.draft = st.Text(17);
    o.summary = st.Text(18);
    o.signal_ids = Split(st.Text(19), '\n');
    o.escalations = static_cast<int>(st.Int(20));
    o.lead_source = st.Text(21);
    o.draft_channel = st.Text(22);
    return o;
  }

  Database db_;
  std::map<std::string, Statement, std::less<>> cache_;
  std::int64_t visits_ = 0;  // the order ranked quotes were put in: the last tie-break
};

}  // namespace

StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path) {
  StatusOr<Database> db = Database::Open(path);
  if (!db.ok()) return db.status();
  auto store = std::make_unique<SqliteStore>(std::move(db).value());
  if (Status s = store->Init(); !s.ok()) return s;
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace ringback
