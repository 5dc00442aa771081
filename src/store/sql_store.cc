// Store on SQL: one implementation, one text of each statement, run by the SQLite or the
// PostgreSQL driver (sql_driver.h). Every statement is prepared with bound values.
//
// Companies: the store is bound to one company. Statements on a company's data go through
// Run/Query/Stream/Open below, which bind the company as $1 before the caller's values; a
// statement that does not use $1 takes one value too many and fails, so none can leave the
// company out. Only accounts, sessions, the migrations and the list of companies are read
// without it (Global*).
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include "core/text.h"
#include "store/forget.h"
#include "store/migrations.h"
#include "store/sql_driver.h"
#include "store/store.h"

namespace ringback {
namespace {

using sql::Param;
using sql::Row;

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

int Flag(bool b) { return b ? 1 : 0; }

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
#define SIGNAL_COLUMNS                                                                                          \
  "s.id, s.channel, s.received_at, s.name, s.phone_raw, s.phone, s.email, s.subject, s.body, s.trade, s.duration, " \
  "s.answered, s.source_file, s.source_line, s.lead_source, s.bulk"
// The columns ReadEstimate reads, prefixed by table alias e.
#define ESTIMATE_COLUMNS                                                                                 \
  "e.id, e.number, e.name, e.phone, e.email, e.estimator, e.trade, e.status, e.total_cents, e.sent_at, " \
  "e.source_file, e.source_line"
#define ATTEMPT_COLUMNS "a.id, a.channel, a.at, a.handle, a.actor, a.duration, a.source_file, a.source_line, a.from_email"
#define OPPORTUNITY_COLUMNS                                                                                        \
  "id, contact_key, contact_display, received_at, channel, channels, category, confidence, reasons, trade, owner, " \
  "backup_owner, next_action, deadline, first_attempt_at, status, duplicate_of, draft, summary, signal_ids, "        \
  "escalations, lead_source, draft_channel"
// OPPORTUNITY_COLUMNS of table alias o, in the same order.
#define OPPORTUNITY_COLUMNS_OF_O                                                                                   \
  "o.id, o.contact_key, o.contact_display, o.received_at, o.channel, o.channels, o.category, o.confidence, "       \
  "o.reasons, o.trade, o.owner, o.backup_owner, o.next_action, o.deadline, o.first_attempt_at, o.status, "         \
  "o.duplicate_of, o.draft, o.summary, o.signal_ids, o.escalations, o.lead_source, o.draft_channel"
// The queue's order (ForEachOpportunity): open work by deadline first, then the rest by time
// received; `p` is the table's alias with its dot, or "".
#define QUEUE_ORDER(p)                                                                                        \
  "CASE " p "status WHEN 'overdue' THEN 0 WHEN 'open' THEN 0 WHEN 'attempted' THEN 1 WHEN 'reached' THEN 2 " \
  "ELSE 3 END, " p "deadline IS NULL, " p "deadline, " p "received_at, " p "id"
#define SUPPRESSION_COLUMNS "s.handle, s.signal_id, s.at, s.channel, s.words, s.lifted_at, s.lifted_by, s.lift_reason"

// The open work the queue keeps per contact (the history pass, contact listing, recovery).
#define OPEN_STATUSES "('open', 'overdue', 'attempted')"

// One read sorted by contact key (its column 0), merged with others by key.
struct KeyedCursor {
  std::unique_ptr<sql::Cursor> cursor;
  bool has_row = false;
  std::string key;

  Status Next() {
    StatusOr<bool> row = cursor->Next();
    if (!row.ok()) return row.status();
    has_row = *row;
    if (has_row) key = cursor->row().Text(0);
    return Status::Ok();
  }

  // Passes over the rows of keys before `want` (contacts the caller does not visit) and calls
  // `read` for each row of `want`.
  template <typename Read>
  Status Take(const std::string& want, Read read) {
    while (has_row && key < want)
      if (Status s = Next(); !s.ok()) return s;
    while (has_row && key == want) {
      read(cursor->row());
      if (Status s = Next(); !s.ok()) return s;
    }
    return Status::Ok();
  }
};

// Columns id, channel, at, handle, actor, duration, source_file, source_line, from_email from
// `first` on.
Attempt ReadAttempt(const Row& row, int first) {
  Attempt a;
  a.id = row.Text(first);
  a.channel = ParseChannel(row.Text(first + 1)).value_or(Channel::kCall);
  a.at = FromUnix(row.Int(first + 2));
  const std::string handle = row.Text(first + 3);
  if (handle.rfind("tel:", 0) == 0) a.phone = handle.substr(4);
  if (handle.rfind("mailto:", 0) == 0) a.email = handle.substr(7);
  a.actor = row.Text(first + 4);
  a.duration_seconds = row.Int(first + 5);
  a.source = {row.Text(first + 6), row.Int(first + 7)};
  a.from_email = row.Text(first + 8);
  return a;
}

// ESTIMATE_COLUMNS from `first` on.
Estimate ReadEstimate(const Row& row, int first) {
  Estimate e;
  e.id = row.Text(first);
  e.number = row.Text(first + 1);
  e.name = row.Text(first + 2);
  e.phone = row.Text(first + 3);
  e.email = row.Text(first + 4);
  e.estimator = row.Text(first + 5);
  e.trade = row.Text(first + 6);
  e.status = row.Text(first + 7);
  e.total_cents = row.Int(first + 8);
  e.sent_at = FromUnix(row.Int(first + 9));
  e.source = {row.Text(first + 10), row.Int(first + 11)};
  return e;
}

// Columns opportunity_id, at, outcome, actor, note, inferred from `first` on.
Outcome ReadOutcome(const Row& row, int first = 0) {
  Outcome o;
  o.opportunity_id = row.Text(first);
  o.at = FromUnix(row.Int(first + 1));
  o.kind = ParseOutcome(row.Text(first + 2)).value_or(OutcomeKind::kReached);
  o.actor = row.Text(first + 3);
  o.note = row.Text(first + 4);
  o.inferred = row.Int(first + 5) != 0;
  return o;
}

Override ReadOverride(const Row& row) {
  return {row.Text(0), FromUnix(row.Int(1)), row.Text(2), row.Text(3), row.Text(4), row.Text(5)};
}

// SUPPRESSION_COLUMNS from `first` on.
Suppression ReadSuppression(const Row& row, int first) {
  Suppression sup;
  sup.handle = row.Text(first);
  sup.signal_id = row.Text(first + 1);
  sup.at = FromUnix(row.Int(first + 2));
  sup.channel = ParseChannel(row.Text(first + 3)).value_or(Channel::kSms);
  sup.words = row.Text(first + 4);
  if (!row.IsNull(first + 5)) sup.lifted_at = FromUnix(row.Int(first + 5));
  sup.lifted_by = row.Text(first + 6);
  sup.lift_reason = row.Text(first + 7);
  return sup;
}

// Columns login, person, role, password_hash, created_at, disabled.
User ReadUser(const Row& row) {
  User u;
  u.login = row.Text(0);
  u.person = row.Text(1);
  u.role = ParseAccessRole(row.Text(2)).value_or(AccessRole::kTechnician);  // an unknown role gets the least
  u.password_hash = row.Text(3);
  u.created_at = FromUnix(row.Int(4));
  u.disabled = row.Int(5) != 0;
  return u;
}

// Column 0 a contact key, then SIGNAL_COLUMNS.
Signal ReadSignal(const Row& row) {
  Signal s;
  s.id = row.Text(1);
  s.channel = ParseChannel(row.Text(2)).value_or(Channel::kCall);
  s.received_at = FromUnix(row.Int(3));
  s.name = row.Text(4);
  s.phone_raw = row.Text(5);
  s.phone = row.Text(6);
  s.email = row.Text(7);
  s.subject = row.Text(8);
  s.text = row.Text(9);
  s.trade = row.Text(10);
  s.duration_seconds = row.Int(11);
  s.answered = row.Int(12) != 0;
  s.source = {row.Text(13), row.Int(14)};
  s.lead_source = row.Text(15);
  s.bulk = row.Text(16);
  return s;
}

// OPPORTUNITY_COLUMNS.
Opportunity ReadOpportunity(const Row& row) {
  Opportunity o;
  o.id = row.Text(0);
  o.contact_key = row.Text(1);
  o.contact_display = row.Text(2);
  o.received_at = FromUnix(row.Int(3));
  o.channel = ParseChannel(row.Text(4)).value_or(Channel::kCall);
  o.channels = SplitChannels(row.Text(5));
  o.category = ParseCategory(row.Text(6)).value_or(Category::kUnknown);
  o.confidence = row.Real(7);
  o.reasons = Split(row.Text(8), '\n');
  o.trade = row.Text(9);
  o.owner = row.Text(10);
  o.backup_owner = row.Text(11);
  o.next_action = row.Text(12);
  if (!row.IsNull(13)) o.deadline = FromUnix(row.Int(13));
  if (!row.IsNull(14)) o.first_attempt_at = FromUnix(row.Int(14));
  const std::string status = row.Text(15);
  for (auto s : {OpportunityStatus::kOpen, OpportunityStatus::kOverdue, OpportunityStatus::kAttempted,
                 OpportunityStatus::kReached, OpportunityStatus::kClosed, OpportunityStatus::kDoNotContact})
    if (StatusName(s) == status) o.status = s;
  o.duplicate_of = row.Text(16);
  o.draft = row.Text(17);
  o.summary = row.Text(18);
  o.signal_ids = Split(row.Text(19), '\n');
  o.escalations = static_cast<int>(row.Int(20));
  o.lead_source = row.Text(21);
  o.draft_channel = row.Text(22);
  return o;
}

// The columns of live_calls in LiveCall's order (ReadLiveCall).
#define LIVE_CALL_COLUMNS                                                                                       \
  "sid, parent_sid, direction, from_number, to_number, caller_name, status, sequence, duration, started_at, " \
  "answered, dial_status, voicemail, transcript, transcript_status"
#define CALENDAR_FEED_COLUMNS "token_hash, person, created_at, created_by, revoked_at, revoked_by"

LiveCall ReadLiveCall(const Row& row) {
  LiveCall c;
  c.sid = row.Text(0);
  c.parent_sid = row.Text(1);
  c.direction = row.Text(2);
  c.from = row.Text(3);
  c.to = row.Text(4);
  c.caller_name = row.Text(5);
  c.status = row.Text(6);
  c.sequence = row.Int(7);
  c.duration = row.Int(8);
  if (!row.IsNull(9)) c.started_at = FromUnix(row.Int(9));
  c.answered = row.Int(10) != 0;
  c.dial_status = row.Text(11);
  c.voicemail = row.Int(12) != 0;
  c.transcript = row.Text(13);
  c.transcript_status = row.Text(14);
  return c;
}

CalendarFeed ReadCalendarFeed(const Row& row) {
  CalendarFeed f;
  f.token_hash = row.Text(0);
  f.person = row.Text(1);
  f.created_at = FromUnix(row.Int(2));
  f.created_by = row.Text(3);
  if (!row.IsNull(4)) f.revoked_at = FromUnix(row.Int(4));
  f.revoked_by = row.Text(5);
  return f;
}

class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<sql::Driver> driver, std::string company)
      : db_(std::move(driver)), company_(std::move(company)) {}

  // Brings the schema up to date and checks or registers the company.
  Status Init(const OpenOptions& options, const std::string& display) {
    if (!options.create_database) {
      StatusOr<bool> has = HasSchema();
      if (!has.ok()) return has.status();
      if (!*has)
        return Status::NotFound("no Ringback database at " + display + ": run `ringback audit ... --db " + display +
                                "` first");
    }
    if (Status s = Migrate(); !s.ok()) return s;
    if (options.create_company)
      return Run("INSERT INTO companies (slug) VALUES ($1) ON CONFLICT (slug) DO NOTHING", {});
    bool found = false;
    if (Status s = Query("SELECT 1 FROM companies WHERE slug = $1", {}, [&](const Row&) {
          found = true;
          return Status::Ok();
        });
        !s.ok())
      return s;
    if (!found)
      return Status::NotFound("no company \"" + company_ + "\" in " + display + ": run `ringback audit ... --db " +
                              display + " --company " + company_ + "` first");
    return Status::Ok();
  }

  const std::string& company() const override { return company_; }
  bool Connected() const override { return db_->Connected(); }

  // The company's writers take turns (SQLite: BEGIN IMMEDIATE locks the file; PostgreSQL: a
  // lock per company held to the end of the transaction), so two imports never interleave
  // their merges of contacts.
  Status Begin() override {
    if (Status s = db_->Begin(); !s.ok()) return s;
    if (Postgres()) {
      if (Status s = Run("SELECT pg_advisory_xact_lock(hashtextextended('ringback:' || $1::text, 0))", {}); !s.ok()) {
        (void)db_->Rollback();
        return s;
      }
    }
    return Status::Ok();
  }
  Status Commit() override { return db_->Commit(); }
  Status Rollback() override { return db_->Rollback(); }

  Status PutSignal(const Signal& s, const std::string& handle, bool* inserted) override {
    std::int64_t changed = 0;
    Status st = Run("INSERT INTO signals (company, id, channel, received_at, handle, name, phone_raw, phone, email, "
                    "subject, body, trade, duration, answered, source_file, source_line, lead_source, bulk) VALUES "
                    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) "
                    "ON CONFLICT (company, id) DO NOTHING",
                    {s.id, ChannelName(s.channel), ToUnix(s.received_at), handle, s.name, s.phone_raw, s.phone,
                     s.email, s.subject, s.text, s.trade, s.duration_seconds, Flag(s.answered), s.source.file,
                     s.source.line, s.lead_source, s.bulk},
                    &changed);
    if (inserted) *inserted = st.ok() && changed > 0;
    return st;
  }

  Status PutAttempt(const Attempt& a, const std::string& handle, bool* inserted) override {
    std::int64_t changed = 0;
    Status st = Run("INSERT INTO attempts (company, id, channel, at, handle, actor, duration, source_file, "
                    "source_line, from_email) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                    "ON CONFLICT (company, id) DO NOTHING",
                    {a.id, ChannelName(a.channel), ToUnix(a.at), handle, a.actor, a.duration_seconds, a.source.file,
                     a.source.line, a.from_email},
                    &changed);
    if (inserted) *inserted = st.ok() && changed > 0;
    return st;
  }

  Status PutEstimate(const Estimate& e, bool* inserted) override {
    std::int64_t changed = 0;
    Status st = Run("INSERT INTO estimates (company, id, number, name, phone, email, estimator, trade, status, "
                    "total_cents, sent_at, source_file, source_line) VALUES "
                    "($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) ON CONFLICT (company, id) DO NOTHING",
                    {e.id, e.number, e.name, e.phone, e.email, e.estimator, e.trade, e.status, e.total_cents,
                     ToUnix(e.sent_at), e.source.file, e.source.line},
                    &changed);
    if (inserted) *inserted = st.ok() && changed > 0;
    return st;
  }

  Status PutReject(const Reject& r) override {
    return Run("INSERT INTO rejects (company, file, line, field, reason) VALUES ($1, $2, $3, $4, $5) "
               "ON CONFLICT (company, file, line, field, reason) DO NOTHING",
               {r.file, r.line, r.field, r.reason});
  }

  Status LinkHandles(const std::vector<std::string>& handles) override {
    std::vector<std::string> present;
    for (const std::string& h : handles)
      if (!h.empty()) present.push_back(h);
    // One handle merges nothing: it only has to be there (one statement, not two: an import
    // links every row, and on PostgreSQL each statement is a round trip).
    if (present.size() == 1)
      return Run("INSERT INTO handles (company, handle, contact_key) VALUES ($1, $2, $2) "
                 "ON CONFLICT (company, handle) DO NOTHING",
                 {present[0]});
    std::vector<std::string> keys;  // each handle's contact now ("" when the handle is new)
    std::string key;
    for (const std::string& h : present) {
      std::string found;
      if (Status s = Query("SELECT contact_key FROM handles WHERE company = $1 AND handle = $2", {h},
                           [&](const Row& row) {
                             found = row.Text(0);
                             return Status::Ok();
                           });
          !s.ok())
        return s;
      keys.push_back(found);
      const std::string& candidate = found.empty() ? h : found;
      if (key.empty() || HandleLess(candidate, key)) key = candidate;
    }
    std::vector<std::string> merged;
    for (const std::string& old : keys) {
      if (old.empty() || old == key || std::find(merged.begin(), merged.end(), old) != merged.end()) continue;
      merged.push_back(old);
      if (Status s = Run("UPDATE handles SET contact_key = $2 WHERE company = $1 AND contact_key = $3", {key, old});
          !s.ok())
        return s;
    }
    for (std::size_t i = 0; i < present.size(); ++i) {
      if (!keys[i].empty()) continue;  // there already, and merged above
      if (Status s = Run("INSERT INTO handles (company, handle, contact_key) VALUES ($1, $2, $3) "
                         "ON CONFLICT (company, handle) DO NOTHING",
                         {present[i], key});
          !s.ok())
        return s;
    }
    return Status::Ok();
  }

  Status PutSuppression(const Suppression& stop) override {
    return Run("INSERT INTO suppressions (company, handle, signal_id, at, channel, words) VALUES ($1, $2, $3, $4, $5, $6) "
               "ON CONFLICT (company, handle, signal_id) DO NOTHING",
               {stop.handle, stop.signal_id, ToUnix(stop.at), ChannelName(stop.channel), stop.words});
  }

  StatusOr<std::optional<Suppression>> StopFor(const std::string& contact_key) override {
    std::optional<Suppression> out;
    if (Status s = Query("SELECT " SUPPRESSION_COLUMNS " FROM suppressions s WHERE s.company = $1 AND "
                         "s.lifted_at IS NULL AND s.handle IN (SELECT handle FROM handles WHERE company = $1 AND "
                         "contact_key = $2) ORDER BY s.at, s.signal_id, s.handle LIMIT 1",
                         {contact_key},
                         [&](const Row& row) {
                           out = ReadSuppression(row, 0);
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
  }

  StatusOr<std::vector<Suppression>> StopsFor(const std::string& contact_key) override {
    std::vector<Suppression> out;
    if (Status s = Query("SELECT " SUPPRESSION_COLUMNS " FROM suppressions s WHERE s.company = $1 AND s.handle IN "
                         "(SELECT handle FROM handles WHERE company = $1 AND contact_key = $2) "
                         "ORDER BY s.at, s.signal_id, s.handle",
                         {contact_key},
                         [&](const Row& row) {
                           out.push_back(ReadSuppression(row, 0));
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
  }

  Status LiftStops(const std::string& contact_key, Timestamp at, const std::string& actor,
                   const std::string& reason) override {
    std::int64_t changed = 0;
    if (Status s = Run("UPDATE suppressions SET lifted_at = $2, lifted_by = $3, lift_reason = $4 WHERE company = $1 "
                       "AND lifted_at IS NULL AND handle IN (SELECT handle FROM handles WHERE company = $1 AND "
                       "contact_key = $5)",
                       {ToUnix(at), actor, reason, contact_key}, &changed);
        !s.ok())
      return s;
    if (changed == 0) return Status::NotFound(contact_key + " has no stop in force");
    return Status::Ok();
  }

  Status ForEachStop(const std::function<Status(const std::string&, const Suppression&)>& fn) override {
    return Stream("SELECT coalesce(h.contact_key, s.handle), " SUPPRESSION_COLUMNS " FROM suppressions s "
                  "LEFT JOIN handles h ON h.company = s.company AND h.handle = s.handle WHERE s.company = $1 "
                  "ORDER BY s.at, s.signal_id, s.handle",
                  {}, [&](const Row& row) { return fn(row.Text(0), ReadSuppression(row, 1)); }, /*small_sort=*/true);
  }

  StatusOr<std::string> ContactKeyFor(const std::string& handle) override {
    std::string key;
    if (Status s = Query("SELECT contact_key FROM handles WHERE company = $1 AND handle = $2", {handle},
                         [&](const Row& row) {
                           key = row.Text(0);
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    if (key.empty()) return Status::NotFound(handle + " is not a known contact");
    return key;
  }

  Status ForEachContactInfo(const std::function<Status(const ContactInfo&)>& fn) override {
    ContactInfo info;
    Status s = Stream("SELECT contact_key, handle FROM handles WHERE company = $1 ORDER BY contact_key, handle", {},
                      [&](const Row& row) {
                        std::string key = row.Text(0);
                        if (key != info.key && !info.key.empty()) {
                          if (Status e = FillContactInfo(info); !e.ok()) return e;
                          if (Status e = fn(info); !e.ok()) return e;
                          info = ContactInfo{};
                        }
                        info.key = std::move(key);
                        info.handles.push_back(row.Text(1));
                        return Status::Ok();
                      });
    if (!s.ok() || info.key.empty()) return s;
    if (Status e = FillContactInfo(info); !e.ok()) return e;
    return fn(info);
  }

  Status ForEachContactHistory(const HistoryOptions& options,
                               const std::function<Status(ContactHistory&)>& fn) override {
    // Reads of their own, each sorted by contact key: `fn` may query (and write) while these
    // are open. One pass each, merged by key: no query per contact.
    KeyedCursor by_signal, by_attempt, by_estimate, by_stop, by_open;
    std::pair<KeyedCursor*, StatusOr<std::unique_ptr<sql::Cursor>>> reads[] = {
        {&by_signal,
         Open("SELECT h.contact_key, " SIGNAL_COLUMNS " FROM signals s JOIN handles h ON h.company = s.company AND "
              "h.handle = s.handle WHERE s.company = $1 ORDER BY h.contact_key, s.received_at, s.id",
              {})},
        {&by_attempt,
         Open("SELECT h.contact_key, " ATTEMPT_COLUMNS " FROM attempts a JOIN handles h ON h.company = a.company AND "
              "h.handle = a.handle WHERE a.company = $1 ORDER BY h.contact_key, a.at, a.id",
              {})},
        // An estimate belongs to the contact of its phone or of its email (linked at import, so
        // both are the same contact); UNION keeps one row when both match.
        {&by_estimate,
         Open("SELECT h.contact_key, " ESTIMATE_COLUMNS " FROM estimates e JOIN handles h ON h.company = e.company "
              "AND h.handle = 'tel:' || e.phone WHERE e.company = $1 AND e.phone != '' "
              "UNION SELECT h.contact_key, " ESTIMATE_COLUMNS " FROM estimates e JOIN handles h ON h.company = "
              "e.company AND h.handle = 'mailto:' || e.email WHERE e.company = $1 AND e.email != '' "
              "ORDER BY 1, 11, 2",
              {})},
        {&by_stop,
         Open("SELECT h.contact_key, " SUPPRESSION_COLUMNS " FROM suppressions s JOIN handles h ON h.company = "
              "s.company AND h.handle = s.handle WHERE s.company = $1 ORDER BY h.contact_key, s.at, s.signal_id, "
              "s.handle",
              {})},
        {&by_open,
         Open("SELECT DISTINCT contact_key FROM opportunities WHERE company = $1 AND duplicate_of = '' AND status IN "
              OPEN_STATUSES " AND $2 = 1 ORDER BY contact_key",
              {Flag(options.open_opportunities)})},
    };
    // The first step of each read runs its whole sort.
    if (Status s = WithSmallSorts([&] {
          for (auto& [keyed, cursor] : reads) {
            if (!cursor.ok()) return cursor.status();
            keyed->cursor = std::move(cursor).value();
            if (Status n = keyed->Next(); !n.ok()) return n;
          }
          return Status::Ok();
        });
        !s.ok())
      return s;
    ContactHistory history;
    for (;;) {
      // The next contact: the smallest key with a signal (or, when asked, an estimate).
      const std::string* key = by_signal.has_row ? &by_signal.key : nullptr;
      if (options.estimate_contacts && by_estimate.has_row && (!key || by_estimate.key < *key))
        key = &by_estimate.key;
      if (!key) break;
      history = ContactHistory{};
      history.key = *key;
      Status s = by_signal.Take(history.key, [&](const Row& row) { history.signals.push_back(ReadSignal(row)); });
      if (s.ok()) s = by_attempt.Take(history.key, [&](const Row& row) { history.attempts.push_back(ReadAttempt(row, 1)); });
      if (s.ok()) s = by_estimate.Take(history.key, [&](const Row& row) { history.estimates.push_back(ReadEstimate(row, 1)); });
      if (s.ok()) s = by_stop.Take(history.key, [&](const Row& row) { history.stops.push_back(ReadSuppression(row, 1)); });
      if (s.ok()) s = by_open.Take(history.key, [&](const Row&) { history.has_open_opportunity = true; });
      if (s.ok()) s = fn(history);
      if (!s.ok()) return s;
    }
    for (KeyedCursor* c : {&by_signal, &by_attempt, &by_estimate, &by_stop, &by_open}) c->cursor.reset();
    return options.estimate_contacts ? ForEachUnlinkedEstimate(fn) : Status::Ok();
  }

  Status ClearRankedQuotes() override {
    // Per connection, not in the database file: a temporary table (each engine's own).
    if (Status s = db_->Exec(
            "CREATE TEMPORARY TABLE IF NOT EXISTS ranked_quotes (company TEXT NOT NULL, estimate_id TEXT NOT NULL, "
            "visit BIGINT NOT NULL, rank BIGINT NOT NULL, expected BIGINT NOT NULL, number TEXT " +
            std::string(Postgres() ? "COLLATE \"C\" " : "") +
            "NOT NULL, contact_key TEXT NOT NULL, stopped_at BIGINT, has_open INTEGER NOT NULL, reached_at BIGINT, "
            "later INTEGER NOT NULL, refused TEXT NOT NULL)");
        !s.ok())
      return s;
    return Run("DELETE FROM ranked_quotes WHERE company = $1", {});
  }

  Status PutRankedQuote(const RankedQuote& q) override {
    return Run("INSERT INTO ranked_quotes (company, estimate_id, visit, rank, expected, number, contact_key, "
               "stopped_at, has_open, reached_at, later, refused) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, "
               "$11, $12)",
               {q.estimate_id, ++visits_, q.rank, q.expected_value_cents, q.number, q.contact_key,
                OptUnix(q.stopped_at), Flag(q.has_open_opportunity), OptUnix(q.last_reached_at),
                Flag(q.later_estimate), q.refused_channels});
  }

  Status ForEachRankedQuote(const std::function<Status(const RankedQuote&, const Estimate&)>& fn) override {
    return Stream(
        "SELECT r.estimate_id, r.rank, r.expected, r.number, r.contact_key, r.stopped_at, r.has_open, r.reached_at, "
        "r.later, r.refused, " ESTIMATE_COLUMNS " FROM ranked_quotes r JOIN estimates e ON e.company = r.company AND "
        "e.id = r.estimate_id WHERE r.company = $1 ORDER BY r.rank, r.expected DESC, r.number, r.visit",
        {}, [&](const Row& row) {
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
          q.refused_channels = row.Text(9);
          return fn(q, ReadEstimate(row, 10));
        },
        /*small_sort=*/true);
  }

  Status ClearContactNotes() override {
    if (Status s = CreateContactNotes(); !s.ok()) return s;
    return Run("DELETE FROM contact_notes WHERE company = $1", {});
  }

  Status PutContactNote(const std::string& contact_key, const ContactNote& note) override {
    return Run("INSERT INTO contact_notes (company, contact_key, in_estimates, technician_attempt, other_attempt, "
               "personal_reply_from) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (company, contact_key) DO UPDATE SET "
               "in_estimates = contact_notes.in_estimates | excluded.in_estimates, "
               "technician_attempt = contact_notes.technician_attempt | excluded.technician_attempt, "
               "other_attempt = contact_notes.other_attempt | excluded.other_attempt, "
               "personal_reply_from = CASE WHEN contact_notes.personal_reply_from = '' THEN "
               "excluded.personal_reply_from ELSE contact_notes.personal_reply_from END",
               {contact_key, Flag(note.in_estimates), Flag(note.technician_attempt), Flag(note.other_attempt),
                note.personal_reply_from});
  }

  Status ForEachNotedOpportunity(
      Timestamp from, Timestamp to,
      const std::function<Status(const Opportunity&, const ContactNote&, const std::vector<Outcome>&)>& fn) override {
    if (Status s = CreateContactNotes(); !s.ok()) return s;
    // One row per outcome (or one with no outcome), so a row's outcomes come together: the
    // queue's order ends with the id.
    std::optional<Opportunity> row_of;
    ContactNote note;
    std::vector<Outcome> outcomes;
    Status s = Stream(
        "SELECT " OPPORTUNITY_COLUMNS_OF_O ", coalesce(n.in_estimates, 0), coalesce(n.technician_attempt, 0), "
        "coalesce(n.other_attempt, 0), coalesce(n.personal_reply_from, ''), oc.opportunity_id, oc.at, oc.outcome, "
        "oc.actor, oc.note, oc.inferred FROM opportunities o LEFT JOIN contact_notes n ON n.company = o.company AND "
        "n.contact_key = o.contact_key LEFT JOIN outcomes oc ON oc.company = o.company AND oc.opportunity_id = o.id "
        "WHERE o.company = $1 AND o.received_at >= $2 AND o.received_at < $3 ORDER BY " QUEUE_ORDER("o.") ", oc.at, "
        "oc.inferred DESC, oc.seq",
        {ToUnix(from), ToUnix(to)},
        [&](const Row& row) {
          if (!row_of || row.Text(0) != row_of->id) {
            if (row_of)
              if (Status e = fn(*row_of, note, outcomes); !e.ok()) return e;
            row_of = ReadOpportunity(row);
            note = {row.Int(23) != 0, row.Int(24) != 0, row.Int(25) != 0, row.Text(26)};
            outcomes.clear();
          }
          if (!row.IsNull(27)) outcomes.push_back(ReadOutcome(row, 27));
          return Status::Ok();
        },
        /*small_sort=*/true);
    if (!s.ok() || !row_of) return s;
    return fn(*row_of, note, outcomes);
  }

  Status ForEachOverride(const std::function<Status(const Override&)>& fn) override {
    return Stream("SELECT opportunity_id, at, field, value, actor, reason FROM overrides WHERE company = $1 "
                  "ORDER BY at, seq",
                  {}, [&](const Row& row) { return fn(ReadOverride(row)); });
  }

  StatusOr<std::vector<Attempt>> AttemptsFor(const std::string& contact_key) override {
    std::vector<Attempt> out;
    if (Status s = Query("SELECT " ATTEMPT_COLUMNS " FROM attempts a JOIN handles h ON h.company = a.company AND "
                         "h.handle = a.handle WHERE a.company = $1 AND h.contact_key = $2 ORDER BY a.at, a.id",
                         {contact_key},
                         [&](const Row& row) {
                           out.push_back(ReadAttempt(row, 0));
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
  }

  StatusOr<std::vector<Estimate>> EstimatesFor(const std::string& contact_key) override {
    std::vector<Estimate> out;
    // Compares the bare phone and email so that their indexes apply: a per-contact call must
    // not scan every estimate (that made the audit quadratic).
    if (Status s = Query("SELECT " ESTIMATE_COLUMNS " FROM estimates e WHERE e.company = $1 AND e.phone IN "
                         "(SELECT substr(handle, 5) FROM handles WHERE company = $1 AND contact_key = $2 AND "
                         "substr(handle, 1, 4) = 'tel:') "
                         "UNION SELECT " ESTIMATE_COLUMNS " FROM estimates e WHERE e.company = $1 AND e.email IN "
                         "(SELECT substr(handle, 8) FROM handles WHERE company = $1 AND contact_key = $2 AND "
                         "substr(handle, 1, 7) = 'mailto:') ORDER BY 10, 1",
                         {contact_key},
                         [&](const Row& row) {
                           out.push_back(ReadEstimate(row, 0));
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
  }

  // Replacing an outcome makes it the newest of its second: of two outcomes at the same second,
  // the one said last is last (OutcomesFor orders ties by seq). On PostgreSQL in one statement
  // (an identity column takes its next value when set to DEFAULT); on SQLite by deleting and
  // inserting again (seq is the rowid: a new row gets the highest).
  Status PutOutcome(const Outcome& o) override {
    const std::string_view kind = OutcomeName(o.kind);
    if (Postgres())
      return Run("INSERT INTO outcomes (company, opportunity_id, at, outcome, actor, note, inferred) VALUES "
                 "($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (company, opportunity_id, at, outcome, inferred) "
                 "DO UPDATE SET actor = excluded.actor, note = excluded.note, seq = DEFAULT",
                 {o.opportunity_id, ToUnix(o.at), kind, o.actor, o.note, Flag(o.inferred)});
    const bool own = !db_->InTransaction();
    if (own)
      if (Status s = Begin(); !s.ok()) return s;
    Status s = Run("DELETE FROM outcomes WHERE company = $1 AND opportunity_id = $2 AND at = $3 AND outcome = $4 AND "
                   "inferred = $5",
                   {o.opportunity_id, ToUnix(o.at), kind, Flag(o.inferred)});
    if (s.ok())
      s = Run("INSERT INTO outcomes (company, opportunity_id, at, outcome, actor, note, inferred) VALUES "
              "($1, $2, $3, $4, $5, $6, $7)",
              {o.opportunity_id, ToUnix(o.at), kind, o.actor, o.note, Flag(o.inferred)});
    return own ? Finish(s) : s;
  }

  StatusOr<std::vector<Outcome>> OutcomesFor(const std::string& opportunity_id) override {
    std::vector<Outcome> out;
    if (Status s = Query("SELECT opportunity_id, at, outcome, actor, note, inferred FROM outcomes WHERE company = $1 "
                         "AND opportunity_id = $2 ORDER BY at, inferred DESC, seq",
                         {opportunity_id},
                         [&](const Row& row) {
                           out.push_back(ReadOutcome(row));
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
  }

  Status ForEachOutcome(const std::function<Status(const Outcome&)>& fn) override {
    return Stream("SELECT opportunity_id, at, outcome, actor, note, inferred FROM outcomes WHERE company = $1 "
                  "ORDER BY at, opportunity_id, inferred DESC, seq",
                  {}, [&](const Row& row) { return fn(ReadOutcome(row)); }, /*small_sort=*/true);
  }

  Status ForEachSignal(Timestamp from, Timestamp to, const std::function<Status(const Signal&)>& fn) override {
    return Stream("SELECT coalesce(h.contact_key, s.handle), " SIGNAL_COLUMNS " FROM signals s LEFT JOIN handles h "
                  "ON h.company = s.company AND h.handle = s.handle WHERE s.company = $1 AND s.received_at >= $2 AND "
                  "s.received_at < $3 ORDER BY s.received_at, s.id",
                  {ToUnix(from), ToUnix(to)}, [&](const Row& row) { return fn(ReadSignal(row)); },
                  /*small_sort=*/true);
  }

  StatusOr<std::int64_t> CountSignals(Timestamp from, Timestamp to) override {
    std::int64_t n = 0;
    if (Status s = Query("SELECT count(*) FROM signals WHERE company = $1 AND received_at >= $2 AND received_at < $3",
                         {ToUnix(from), ToUnix(to)},
                         [&](const Row& row) {
                           n = row.Int(0);
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return n;
  }

  Status ForEachAttempt(Timestamp from, Timestamp to, const std::function<Status(const Attempt&)>& fn) override {
    return Stream("SELECT " ATTEMPT_COLUMNS " FROM attempts a WHERE a.company = $1 AND a.at >= $2 AND a.at < $3 "
                  "ORDER BY a.at, a.id",
                  {ToUnix(from), ToUnix(to)}, [&](const Row& row) { return fn(ReadAttempt(row, 0)); },
                  /*small_sort=*/true);
  }

  Status ForEachEstimate(const std::function<Status(const std::string&, const Estimate&)>& fn) override {
    return Stream("SELECT coalesce(hp.contact_key, he.contact_key, ''), " ESTIMATE_COLUMNS " FROM estimates e "
                  "LEFT JOIN handles hp ON hp.company = e.company AND hp.handle = 'tel:' || e.phone "
                  "LEFT JOIN handles he ON he.company = e.company AND he.handle = 'mailto:' || e.email "
                  "WHERE e.company = $1 ORDER BY 1, e.sent_at, e.id",
                  {}, [&](const Row& row) { return fn(row.Text(0), ReadEstimate(row, 1)); }, /*small_sort=*/true);
  }

  Status ForEachContactAttempt(Timestamp from, Timestamp to,
                               const std::function<Status(const std::string&, const Attempt&)>& fn) override {
    return Stream("SELECT h.contact_key, " ATTEMPT_COLUMNS " FROM attempts a JOIN handles h ON h.company = a.company AND "
                  "h.handle = a.handle WHERE a.company = $1 AND a.at >= $2 AND a.at < $3 ORDER BY h.contact_key, a.at, "
                  "a.id",
                  {ToUnix(from), ToUnix(to)}, [&](const Row& row) { return fn(row.Text(0), ReadAttempt(row, 1)); },
                  /*small_sort=*/true);
  }

  StatusOr<Opportunity> GetOpportunity(const std::string& id) override {
    std::optional<Opportunity> out;
    if (Status s = Query("SELECT " OPPORTUNITY_COLUMNS " FROM opportunities WHERE company = $1 AND id = $2", {id},
                         [&](const Row& row) {
                           out = ReadOpportunity(row);
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    if (!out) return Status::NotFound("no opportunity " + id);
    return *std::move(out);
  }

  Status ClearOpportunities() override {
    if (Status s = Run("DELETE FROM outcomes WHERE company = $1 AND inferred = 1", {}); !s.ok()) return s;
    if (Status s = Run("DELETE FROM opportunities WHERE company = $1", {}); !s.ok()) return s;
    return Run("DELETE FROM events WHERE company = $1 AND derived = 1", {});
  }

  Status PutEvent(const TimelineEvent& e) override { return PutEvent(e, 1); }
  Status PutPersonEvent(const TimelineEvent& e) override { return PutEvent(e, 0); }

  StatusOr<std::vector<TimelineEvent>> EventsFor(const std::string& opportunity_id) override {
    std::vector<TimelineEvent> out;
    if (Status s = Query("SELECT opportunity_id, at, kind, actor, detail FROM events WHERE company = $1 AND "
                         "opportunity_id = $2 ORDER BY at, seq",
                         {opportunity_id},
                         [&](const Row& row) {
                           out.push_back({row.Text(0), FromUnix(row.Int(1)), row.Text(2), row.Text(3), row.Text(4)});
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
  }

  Status PutOpportunity(const Opportunity& o) override {
    return Run("INSERT INTO opportunities (company, " OPPORTUNITY_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, "
               "$8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24) "
               "ON CONFLICT (company, id) DO UPDATE SET contact_key = excluded.contact_key, "
               "contact_display = excluded.contact_display, received_at = excluded.received_at, "
               "channel = excluded.channel, channels = excluded.channels, category = excluded.category, "
               "confidence = excluded.confidence, reasons = excluded.reasons, trade = excluded.trade, "
               "owner = excluded.owner, backup_owner = excluded.backup_owner, next_action = excluded.next_action, "
               "deadline = excluded.deadline, first_attempt_at = excluded.first_attempt_at, status = excluded.status, "
               "duplicate_of = excluded.duplicate_of, draft = excluded.draft, summary = excluded.summary, "
               "signal_ids = excluded.signal_ids, escalations = excluded.escalations, "
               "lead_source = excluded.lead_source, draft_channel = excluded.draft_channel",
               {o.id, o.contact_key, o.contact_display, ToUnix(o.received_at), ChannelName(o.channel),
                JoinChannels(o.channels), CategoryName(o.category), o.confidence, Lines(o.reasons), o.trade, o.owner,
                o.backup_owner, o.next_action, OptUnix(o.deadline), OptUnix(o.first_attempt_at), StatusName(o.status),
                o.duplicate_of, o.draft, o.summary, Lines(o.signal_ids), o.escalations, o.lead_source,
                o.draft_channel});
  }

  Status ForEachOpportunity(const std::function<Status(const Opportunity&)>& fn) override {
    return Stream("SELECT " OPPORTUNITY_COLUMNS " FROM opportunities WHERE company = $1 ORDER BY " QUEUE_ORDER(""),
                  {}, [&](const Row& row) { return fn(ReadOpportunity(row)); }, /*small_sort=*/true);
  }

  StatusOr<std::vector<Signal>> SignalsFor(const std::string& contact_key) override {
    std::vector<Signal> out;
    if (Status s = Query("SELECT h.contact_key, " SIGNAL_COLUMNS " FROM signals s JOIN handles h ON h.company = "
                         "s.company AND h.handle = s.handle WHERE s.company = $1 AND h.contact_key = $2 "
                         "ORDER BY s.received_at, s.id",
                         {contact_key},
                         [&](const Row& row) {
                           out.push_back(ReadSignal(row));
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
  }

  Status PutOverride(const Override& c) override {
    return Run("INSERT INTO overrides (company, opportunity_id, at, field, value, actor, reason) VALUES "
               "($1, $2, $3, $4, $5, $6, $7)",
               {c.opportunity_id, ToUnix(c.at), c.field, c.value, c.actor, c.reason});
  }

  StatusOr<std::vector<Override>> OverridesFor(const std::string& opportunity_id) override {
    std::vector<Override> out;
    if (Status s = Query("SELECT opportunity_id, at, field, value, actor, reason FROM overrides WHERE company = $1 "
                         "AND opportunity_id = $2 ORDER BY at, seq",
                         {opportunity_id},
                         [&](const Row& row) {
                           out.push_back(ReadOverride(row));
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
  }

  Status PutUser(const User& u) override {
    const bool own = !db_->InTransaction();
    if (own)
      if (Status s = Begin(); !s.ok()) return s;
    std::optional<std::string> old_hash;
    Status s = GlobalQuery("SELECT password_hash FROM accounts WHERE login = $1", {u.login}, [&](const Row& row) {
      old_hash = row.Text(0);
      return Status::Ok();
    });
    if (s.ok())
      s = GlobalRun("INSERT INTO accounts (login, password_hash, created_at) VALUES ($1, $2, $3) "
                    "ON CONFLICT (login) DO UPDATE SET password_hash = excluded.password_hash",
                    {u.login, u.password_hash, ToUnix(u.created_at)});
    // A reset must not leave a stolen session working; nor may a disabled account stay signed in.
    if (s.ok() && old_hash && (*old_hash != u.password_hash || u.disabled))
      s = GlobalRun("DELETE FROM sessions WHERE login = $1", {u.login});
    if (s.ok())
      s = Run("INSERT INTO memberships (company, login, person, role, disabled) VALUES ($1, $2, $3, $4, $5) "
              "ON CONFLICT (company, login) DO UPDATE SET person = excluded.person, role = excluded.role, "
              "disabled = excluded.disabled",
              {u.login, u.person, AccessRoleName(u.role), Flag(u.disabled)});
    return own ? Finish(s) : s;
  }

  StatusOr<User> GetUser(const std::string& login) override {
    std::optional<User> out;
    if (Status s = Query("SELECT a.login, m.person, m.role, a.password_hash, a.created_at, m.disabled FROM memberships m "
                         "JOIN accounts a ON a.login = m.login WHERE m.company = $1 AND m.login = $2",
                         {login},
                         [&](const Row& row) {
                           out = ReadUser(row);
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    if (!out) return Status::NotFound("no user " + login);
    return *std::move(out);
  }

  Status ForEachUser(const std::function<Status(const User&)>& fn) override {
    return Query("SELECT a.login, m.person, m.role, a.password_hash, a.created_at, m.disabled FROM memberships m "
                 "JOIN accounts a ON a.login = m.login WHERE m.company = $1 ORDER BY m.login",
                 {}, [&](const Row& row) { return fn(ReadUser(row)); });
  }

  StatusOr<Account> GetAccount(const std::string& login) override {
    std::optional<Account> out;
    Status s = GlobalQuery("SELECT login, password_hash, created_at FROM accounts WHERE login = $1", {login},
                           [&](const Row& row) {
                             out = Account{row.Text(0), row.Text(1), FromUnix(row.Int(2)), {}};
                             return Status::Ok();
                           });
    if (s.ok() && out)
      s = GlobalQuery("SELECT company, person, role, disabled FROM memberships WHERE login = $1 ORDER BY company",
                      {login}, [&](const Row& row) {
                        out->memberships.push_back(
                            {row.Text(0), row.Text(1), ParseAccessRole(row.Text(2)).value_or(AccessRole::kTechnician),
                             row.Int(3) != 0});
                        return Status::Ok();
                      });
    if (!s.ok()) return s;
    if (!out) return Status::NotFound("no account " + login);
    return *std::move(out);
  }

  Status PutSession(const SessionRecord& r) override {
    return GlobalRun("INSERT INTO sessions (token_hash, login, csrf_token, created_at, expires_at, company) VALUES "
                     "($1, $2, $3, $4, $5, $6) ON CONFLICT (token_hash) DO UPDATE SET login = excluded.login, "
                     "csrf_token = excluded.csrf_token, created_at = excluded.created_at, "
                     "expires_at = excluded.expires_at, company = excluded.company",
                     {r.token_hash, r.login, r.csrf_token, ToUnix(r.created_at), ToUnix(r.expires_at), r.company});
  }

  StatusOr<SessionRecord> GetSession(const std::string& token_hash) override {
    std::optional<SessionRecord> out;
    if (Status s = GlobalQuery("SELECT token_hash, login, csrf_token, created_at, expires_at, company FROM sessions "
                               "WHERE token_hash = $1",
                               {token_hash},
                               [&](const Row& row) {
                                 out = SessionRecord{row.Text(0), row.Text(1), row.Text(2), FromUnix(row.Int(3)),
                                                     FromUnix(row.Int(4)), row.Text(5)};
                                 return Status::Ok();
                               });
        !s.ok())
      return s;
    if (!out) return Status::NotFound("no session");
    return *std::move(out);
  }

  Status DeleteSession(const std::string& token_hash) override {
    return GlobalRun("DELETE FROM sessions WHERE token_hash = $1", {token_hash});
  }

  Status DeleteExpiredSessions(Timestamp now) override {
    return GlobalRun("DELETE FROM sessions WHERE expires_at < $1", {ToUnix(now)});
  }

  Status PutMark(const Mark& m) override {
    return Run("INSERT INTO marks (company, list, item, done, actor, at) VALUES ($1, $2, $3, $4, $5, $6) "
               "ON CONFLICT (company, list, item) DO UPDATE SET done = excluded.done, actor = excluded.actor, "
               "at = excluded.at",
               {m.list, m.item, Flag(m.done), m.actor, ToUnix(m.at)});
  }

  StatusOr<std::vector<Mark>> MarksOf(const std::string& list) override {
    std::vector<Mark> out;
    if (Status s = Query("SELECT list, item, done, actor, at FROM marks WHERE company = $1 AND list = $2 ORDER BY item",
                         {list},
                         [&](const Row& row) {
                           out.push_back({row.Text(0), row.Text(1), row.Int(2) != 0, row.Text(3), FromUnix(row.Int(4))});
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
  }

  // PostgreSQL commits durably by default (synchronous_commit); SQLite in WAL mode only with
  // synchronous=FULL.
  Status SetDurableCommits(bool on) override {
    if (Postgres()) return db_->Exec(on ? "SET synchronous_commit TO on" : "SET synchronous_commit TO off");
    return db_->Exec(on ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
  }

  Status ReplaceSignal(const Signal& s, const std::string& handle) override {
    if (Status e = Run("DELETE FROM signals WHERE company = $1 AND id = $2", {s.id}); !e.ok()) return e;
    return PutSignal(s, handle, nullptr);
  }

  StatusOr<std::optional<LiveCall>> GetLiveCall(const std::string& sid) override {
    std::optional<LiveCall> out;
    if (Status s = Query("SELECT " LIVE_CALL_COLUMNS " FROM live_calls WHERE company = $1 AND sid = $2", {sid},
                         [&](const Row& row) {
                           out = ReadLiveCall(row);
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
  }

  Status PutLiveCall(const LiveCall& c) override {
    return Run("INSERT INTO live_calls (company, " LIVE_CALL_COLUMNS ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
               "$10, $11, $12, $13, $14, $15, $16) ON CONFLICT (company, sid) DO UPDATE SET "
               "parent_sid = excluded.parent_sid, direction = excluded.direction, from_number = excluded.from_number, "
               "to_number = excluded.to_number, caller_name = excluded.caller_name, status = excluded.status, "
               "sequence = excluded.sequence, duration = excluded.duration, started_at = excluded.started_at, "
               "answered = excluded.answered, dial_status = excluded.dial_status, voicemail = excluded.voicemail, "
               "transcript = excluded.transcript, transcript_status = excluded.transcript_status",
               {c.sid, c.parent_sid, c.direction, c.from, c.to, c.caller_name, c.status, c.sequence, c.duration,
                OptUnix(c.started_at), Flag(c.answered), c.dial_status, Flag(c.voicemail), c.transcript,
                c.transcript_status});
  }

  StatusOr<std::vector<LiveCall>> LiveCallLegs(const std::string& sid) override {
    std::vector<LiveCall> out;
    if (Status s = Query("SELECT " LIVE_CALL_COLUMNS " FROM live_calls WHERE company = $1 AND parent_sid = $2 AND "
                         "parent_sid != '' ORDER BY sid",
                         {sid},
                         [&](const Row& row) {
                           out.push_back(ReadLiveCall(row));
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    return out;
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
#define WAITING_WORK "duplicate_of = '' AND owner != '' AND status IN " OPEN_STATUSES
    std::map<std::string, int> load;
    if (Status s = Query("SELECT owner, count(*) FROM opportunities WHERE company = $1 AND " WAITING_WORK
                         " GROUP BY owner",
                         {},
                         [&](const Row& row) {
                           load[row.Text(0)] += static_cast<int>(row.Int(1));
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    // Subtracting the few contacts left out keeps to one indexed query each.
    for (const std::string& key : std::set<std::string>(except_contacts.begin(), except_contacts.end()))
      if (Status s = Query("SELECT owner, count(*) FROM opportunities WHERE company = $1 AND contact_key = $2 AND "
                           WAITING_WORK " GROUP BY owner",
                           {key},
                           [&](const Row& row) {
                             if ((load[row.Text(0)] -= static_cast<int>(row.Int(1))) <= 0) load.erase(row.Text(0));
                             return Status::Ok();
                           });
          !s.ok())
        return s;
#undef WAITING_WORK
    return load;
  }

  Status ClearContactQueue(const std::string& contact_key) override {
    for (const char* sql : {"DELETE FROM events WHERE company = $1 AND derived = 1 AND opportunity_id IN "
                            "(SELECT id FROM opportunities WHERE company = $1 AND contact_key = $2)",
                            "DELETE FROM outcomes WHERE company = $1 AND inferred = 1 AND opportunity_id IN "
                            "(SELECT id FROM opportunities WHERE company = $1 AND contact_key = $2)",
                            "DELETE FROM opportunities WHERE company = $1 AND contact_key = $2"})
      if (Status s = Run(sql, {contact_key}); !s.ok()) return s;
    return Status::Ok();
  }

  Status PutCalendarFeed(const CalendarFeed& f) override {
    return Run("INSERT INTO calendar_feeds (company, token_hash, person, created_at, created_by, revoked_at, "
               "revoked_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
               {f.token_hash, f.person, ToUnix(f.created_at), f.created_by, OptUnix(f.revoked_at), f.revoked_by});
  }

  StatusOr<CalendarFeed> GetCalendarFeed(const std::string& token_hash) override {
    std::optional<CalendarFeed> out;
    if (Status s = Query("SELECT " CALENDAR_FEED_COLUMNS " FROM calendar_feeds WHERE company = $1 AND token_hash = $2",
                         {token_hash},
                         [&](const Row& row) {
                           out = ReadCalendarFeed(row);
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    if (!out) return Status::NotFound("no calendar feed");
    return *std::move(out);
  }

  Status ForEachCalendarFeed(const std::function<Status(const CalendarFeed&)>& fn) override {
    return Stream("SELECT " CALENDAR_FEED_COLUMNS " FROM calendar_feeds WHERE company = $1 AND revoked_at IS NULL "
                  "ORDER BY person, created_at, token_hash",
                  {}, [&](const Row& row) { return fn(ReadCalendarFeed(row)); });
  }

  StatusOr<int> RevokeCalendarFeeds(const std::string& person, Timestamp at, const std::string& actor) override {
    std::int64_t changed = 0;
    if (Status s = Run("UPDATE calendar_feeds SET revoked_at = $2, revoked_by = $3 WHERE company = $1 AND "
                       "person = $4 AND revoked_at IS NULL",
                       {ToUnix(at), actor, person}, &changed);
        !s.ok())
      return s;
    return static_cast<int>(changed);
  }

  StatusOr<ForgetReport> Forget(const ForgetRequest& request) override {
    // SQLite: what is deleted is overwritten with zeros, so it does not linger in free pages or
    // in the WAL's copies of them.
    if (!Postgres())
      if (Status s = db_->Exec("PRAGMA secure_delete=ON"); !s.ok()) return s;
    ForgetReport report;
    Status s = Begin();
    if (s.ok()) s = Finish(privacy::Forget(*db_, company_, request, report));
    if (!Postgres()) (void)db_->Exec("PRAGMA secure_delete=OFF");
    if (!s.ok()) return s;
    if (Status c = Compact(); !c.ok())
      return Status::IoError("the person is forgotten, but the database could not be compacted (" + c.message() +
                             "): run the command again when no other program has the database open");
    return report;
  }

  StatusOr<std::int64_t> ReinstateForgottenStops() override {
    StatusOr<bool> any = privacy::HasForgottenStops(*db_, company_);
    if (!any.ok()) return any.status();
    if (!*any) return std::int64_t{0};
    std::int64_t added = 0;
    if (Status s = Begin(); !s.ok()) return s;
    if (Status s = Finish(privacy::ReinstateStops(*db_, company_, &added)); !s.ok()) return s;
    return added;
  }

  StatusOr<std::int64_t> PurgeTextBefore(Timestamp before) override {
    std::int64_t purged = 0;
    if (Status s = privacy::PurgeText(*db_, company_, before, &purged); !s.ok()) return s;
    if (purged > 0 && !Postgres())
      if (Status s = db_->Exec("PRAGMA wal_checkpoint(TRUNCATE)"); !s.ok()) return s;
    return purged;
  }

  Status ForEachReject(const std::function<Status(const Reject&)>& fn) override {
    return Stream("SELECT file, line, field, reason FROM rejects WHERE company = $1 ORDER BY file, line, field, reason",
                  {}, [&](const Row& row) { return fn(Reject{row.Text(0), row.Int(1), row.Text(2), row.Text(3)}); });
  }

  StatusOr<StoreCounts> Counts() override {
    StoreCounts c;
    const std::pair<std::int64_t*, std::string_view> queries[] = {
        {&c.signals, "SELECT count(*) FROM signals WHERE company = $1"},
        {&c.attempts, "SELECT count(*) FROM attempts WHERE company = $1"},
        {&c.estimates, "SELECT count(*) FROM estimates WHERE company = $1"},
        {&c.rejects, "SELECT count(*) FROM rejects WHERE company = $1"},
        {&c.contacts, "SELECT count(DISTINCT contact_key) FROM handles WHERE company = $1"},
        {&c.suppressions, "SELECT count(*) FROM suppressions WHERE company = $1 AND lifted_at IS NULL"},
        {&c.opportunities, "SELECT count(*) FROM opportunities WHERE company = $1"},
    };
    for (const auto& [out, sql] : queries) {
      if (Status s = Query(sql, {}, [out = out](const Row& row) {
            *out = row.Int(0);
            return Status::Ok();
          });
          !s.ok())
        return s;
    }
    return c;
  }

 private:
  bool Postgres() const { return db_->dialect() == sql::Dialect::kPostgres; }

  // The company's statements: $1 is the company, `rest` are $2 on.
  std::vector<Param> WithCompany(std::initializer_list<Param> rest) const {
    std::vector<Param> all;
    all.reserve(rest.size() + 1);
    all.emplace_back(company_);
    all.insert(all.end(), rest.begin(), rest.end());
    return all;
  }
  Status Run(std::string_view sql, std::initializer_list<Param> rest, std::int64_t* changed = nullptr) {
    return db_->Run(sql, WithCompany(rest), changed);
  }
  Status Query(std::string_view sql, std::initializer_list<Param> rest, const sql::RowFn& fn) {
    return db_->Query(sql, WithCompany(rest), fn);
  }
  StatusOr<std::unique_ptr<sql::Cursor>> Open(std::string_view sql, std::initializer_list<Param> rest) {
    return db_->Open(sql, WithCompany(rest));
  }
  // Runs `start` (the first steps of reads that sort) with SQLite's page cache at 2 MiB, then
  // puts the cache size back. SQLite lets each sort hold as much memory as the cache when the
  // sort starts (vdbesort.c reads cache_size), and the contact pass runs five at once: with the
  // 16 MiB cache they held 68 MiB at a million signals (the opportunities, read sorted for the
  // outputs, 16 MiB more), so the audit's memory grew with its input. Past 2 MiB a sort writes
  // sorted runs to its temporary file and merges them.
  Status WithSmallSorts(const std::function<Status()>& start) {
    if (Postgres()) return start();
    std::int64_t cache = 0;
    if (Status s = db_->Query("PRAGMA main.cache_size", {}, [&](const sql::Row& row) {
          cache = row.Int(0);
          return Status::Ok();
        });
        !s.ok())
      return s;
    if (Status s = db_->Exec("PRAGMA main.cache_size=-2048"); !s.ok()) return s;
    const Status started = start();
    const Status back = db_->Exec("PRAGMA main.cache_size=" + std::to_string(cache));
    return started.ok() ? back : started;
  }
  // Every row of a result of any size, a batch at a time; `fn` may run other statements.
  // `small_sort`: the result is sorted from a large table, so its sort starts WithSmallSorts.
  Status Stream(std::string_view sql, std::initializer_list<Param> rest, const sql::RowFn& fn,
                bool small_sort = false) {
    StatusOr<std::unique_ptr<sql::Cursor>> cursor = Open(sql, rest);
    if (!cursor.ok()) return cursor.status();
    StatusOr<bool> row = false;
    if (Status s = small_sort ? WithSmallSorts([&] { return (row = (*cursor)->Next()).status(); })
                              : (row = (*cursor)->Next()).status();
        !s.ok())
      return s;
    for (;;) {
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      if (Status s = fn((*cursor)->row()); !s.ok()) return s;
      row = (*cursor)->Next();
    }
  }

  // Accounts, sessions, the schema: not a company's data.
  Status GlobalRun(std::string_view sql, std::initializer_list<Param> params) {
    return db_->Run(sql, std::span<const Param>(params.begin(), params.size()), nullptr);
  }
  Status GlobalQuery(std::string_view sql, std::initializer_list<Param> params, const sql::RowFn& fn) {
    return db_->Query(sql, std::span<const Param>(params.begin(), params.size()), fn);
  }

  // After a forget: every page rewritten without the removed rows' old copies (SQLite: VACUUM,
  // then the WAL emptied; PostgreSQL: VACUUM of the tables a forget deletes from, which runs
  // outside a transaction).
  Status Compact() {
    if (!Postgres()) {
      if (Status s = db_->Exec("VACUUM"); !s.ok()) return s;
      return db_->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return db_->Exec("VACUUM signals, attempts, estimates, suppressions, handles, opportunities, events, outcomes, "
                     "overrides, rejects");
  }

  // Ends a transaction the store opened itself: commits on success, rolls back on error.
  Status Finish(const Status& s) {
    if (!s.ok()) {
      (void)db_->Rollback();
      return s;
    }
    return db_->Commit();
  }

  Status PutEvent(const TimelineEvent& e, int derived) {
    return Run("INSERT INTO events (company, opportunity_id, at, kind, actor, detail, derived) VALUES "
               "($1, $2, $3, $4, $5, $6, $7)",
               {e.opportunity_id, ToUnix(e.at), e.kind, e.actor, e.detail, derived});
  }

  // The weekly review's scratch space: per connection, not in the database file (a temporary
  // table, each engine's own), like the ranked quotes.
  Status CreateContactNotes() {
    const std::string text = Postgres() ? "text COLLATE \"C\"" : "TEXT";
    return db_->Exec("CREATE TEMPORARY TABLE IF NOT EXISTS contact_notes (company " + text + " NOT NULL, contact_key " +
                     text + " NOT NULL, in_estimates INTEGER NOT NULL, technician_attempt INTEGER NOT NULL, "
                     "other_attempt INTEGER NOT NULL, personal_reply_from " + text + " NOT NULL, "
                     "PRIMARY KEY (company, contact_key))");
  }

  // Estimates whose phone and email match no contact (a quote with neither), each on its own.
  Status ForEachUnlinkedEstimate(const std::function<Status(ContactHistory&)>& fn) {
    return Stream("SELECT " ESTIMATE_COLUMNS " FROM estimates e WHERE e.company = $1 "
                  "AND NOT EXISTS (SELECT 1 FROM handles WHERE company = $1 AND handle = 'tel:' || e.phone) "
                  "AND NOT EXISTS (SELECT 1 FROM handles WHERE company = $1 AND handle = 'mailto:' || e.email) "
                  "ORDER BY e.sent_at, e.id",
                  {}, [&](const Row& row) {
                    ContactHistory history;
                    history.estimates.push_back(ReadEstimate(row, 0));
                    return fn(history);
                  },
                  /*small_sort=*/true);
  }

  Status FillContactInfo(ContactInfo& info) {
    if (Status s = Query("SELECT channel, name, count(*) FROM signals WHERE company = $1 AND handle IN (SELECT handle "
                         "FROM handles WHERE company = $1 AND contact_key = $2) GROUP BY channel, name "
                         "ORDER BY min(received_at), channel, name",
                         {info.key},
                         [&](const Row& row) {
                           if (auto c = ParseChannel(row.Text(0));
                               c && std::find(info.channels.begin(), info.channels.end(), *c) == info.channels.end())
                             info.channels.push_back(*c);
                           std::string name = row.Text(1);
                           if (!name.empty() && std::find(info.names.begin(), info.names.end(), name) == info.names.end())
                             info.names.push_back(name);
                           info.signals += row.Int(2);
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    if (Status s = Query("SELECT id FROM opportunities WHERE company = $1 AND contact_key = $2 AND duplicate_of = '' "
                         "AND status IN " OPEN_STATUSES " ORDER BY received_at, id LIMIT 1",
                         {info.key},
                         [&](const Row& row) {
                           info.open_opportunity = row.Text(0);
                           return Status::Ok();
                         });
        !s.ok())
      return s;
    StatusOr<std::optional<Suppression>> stop = StopFor(info.key);
    if (!stop.ok()) return stop.status();
    info.stop = *stop;
    return Status::Ok();
  }

  StatusOr<bool> HasSchema() {
    bool found = false;
    Status s = GlobalQuery(Postgres() ? "SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = current_schema() AND "
                                        "tablename = 'schema_migrations'"
                                      : "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
                           {}, [&](const Row&) {
                             found = true;
                             return Status::Ok();
                           });
    if (!s.ok()) return s;
    return found;
  }

  StatusOr<std::int64_t> SchemaVersion() {
    std::int64_t have = 0;
    if (Status s = GlobalQuery("SELECT coalesce(max(version), 0) FROM schema_migrations", {}, [&](const Row& row) {
          have = row.Int(0);
          return Status::Ok();
        });
        !s.ok())
      return s;
    return have;
  }

  // Applies the migrations this database has not had, in one transaction: under SQLite's write
  // lock, or on PostgreSQL under a lock of its own, so two programs opening a new database at
  // once do not both migrate it. Opening an up-to-date database writes nothing.
  Status Migrate() {
    const std::vector<Migration>& migrations = Postgres() ? PostgresMigrations() : SqliteMigrations();
    const std::int64_t latest = migrations.back().version;
    StatusOr<bool> exists = HasSchema();
    if (!exists.ok()) return exists.status();
    if (*exists) {
      StatusOr<std::int64_t> have = SchemaVersion();
      if (!have.ok()) return have.status();
      if (*have > latest)
        return Status::Corruption("the database is at schema version " + std::to_string(*have) +
                                  ", newer than this ringback knows (" + std::to_string(latest) +
                                  "): use a newer ringback");
      if (*have == latest) return Status::Ok();
    }
    if (Status s = db_->Begin(); !s.ok()) return s;
    Status s = Postgres() ? GlobalRun("SELECT pg_advisory_xact_lock(hashtextextended('ringback:schema', 0))", {})
                          : Status::Ok();
    if (s.ok()) s = db_->Exec("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)");
    StatusOr<std::int64_t> have = s.ok() ? SchemaVersion() : StatusOr<std::int64_t>(s);
    if (!have.ok()) s = have.status();
    for (const Migration& m : migrations) {
      if (!s.ok()) break;
      if (m.version <= *have) continue;
      s = db_->Exec(m.sql);
      if (s.ok()) s = GlobalRun("INSERT INTO schema_migrations (version) VALUES ($1)", {m.version});
      if (!s.ok()) s = Status::Corruption("migration " + std::to_string(m.version) + " failed: " + s.message());
    }
    return Finish(s);
  }

  std::unique_ptr<sql::Driver> db_;
  const std::string company_;
  std::int64_t visits_ = 0;  // the order ranked quotes were put in: the last tie-break
};

}  // namespace

bool ValidCompany(std::string_view slug) {
  return !slug.empty() && slug.size() <= 40 && std::all_of(slug.begin(), slug.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool IsPostgresUri(std::string_view db) {
  return db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0;
}

std::string DisplayDb(const std::string& db) {
  if (!IsPostgresUri(db)) return db;
  // postgresql://user:password@host/...: the password goes; so does a password= parameter.
  std::string out = db;
  const std::size_t scheme = out.find("://") + 3;
  const std::size_t at = out.find('@', scheme);
  const std::size_t slash = out.find('/', scheme);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
    const std::size_t colon = out.find(':', scheme);
    if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
  }
  for (std::size_t p = out.find("password="); p != std::string::npos; p = out.find("password=", p + 1)) {
    if (p > 0 && out[p - 1] != '?' && out[p - 1] != '&') continue;
    const std::size_t end = out.find('&', p);
    out.replace(p + 9, (end == std::string::npos ? out.size() : end) - p - 9, "***");
  }
  return out;
}

StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& db, const std::string& company,
                                           const OpenOptions& options) {
  if (!ValidCompany(company))
    return Status::InvalidArgument("\"" + company + "\" is not a company slug (1 to 40 of a-z, 0-9 and -)");
  const std::string display = DisplayDb(db);
  StatusOr<std::unique_ptr<sql::Driver>> driver = Status::Internal("no driver");
  if (IsPostgresUri(db)) {
    driver = sql::OpenPostgresDriver(db);
    if (!driver.ok()) return Status::IoError("cannot open " + display + ": " + driver.status().message());
  } else {
    std::error_code ec;
    if (!options.create_database && (db == ":memory:" || db.empty() || !std::filesystem::exists(db, ec)))
      return Status::NotFound("no database at " + display + ": run `ringback audit ... --db " + display + "` first");
    driver = sql::OpenSqliteDriver(db.empty() ? ":memory:" : db);
    if (!driver.ok()) return driver.status();
  }
  auto store = std::make_unique<SqlStore>(std::move(driver).value(), company);
  if (Status s = store->Init(options, display); !s.ok()) return s;
  return std::unique_ptr<Store>(std::move(store));
}

StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const std::string& company) {
  return OpenStore(path, company);
}

}  // namespace ringback
