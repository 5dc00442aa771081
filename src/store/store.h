// Store: where Ringback keeps its facts (signals, attempts, estimates, contacts' handles,
// stops, rejected rows) and the queue it derives from them. An interface, because an agency
// runs PostgreSQL where a single office runs the embedded SQLite file; one implementation
// (sql_store.cc) runs the same statements on both engines.
//
// Facts are written with stable ids and "insert if absent", so importing the same export twice
// changes nothing. The derived queue is replaced as a whole inside one transaction.
//
// Companies (tenants): one database may hold many companies. A Store is bound to one company
// when it is opened and every statement it runs on the company's data filters by it, so no
// method can read or write another company's rows. Accounts and sessions are not a company's
// data: one login signs in once and belongs to companies through memberships (GetUser sees the
// membership in the store's company; GetAccount lists them all).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/account.h"
#include "core/contact_history.h"
#include "core/live_call.h"
#include "core/opportunity.h"
#include "core/reject.h"
#include "core/signal.h"
#include "core/status.h"

namespace ringback {

// Counts of what the store holds, for summaries and tests.
struct StoreCounts {
  std::int64_t signals = 0;
  std::int64_t attempts = 0;
  std::int64_t estimates = 0;
  std::int64_t rejects = 0;
  std::int64_t contacts = 0;
  std::int64_t suppressions = 0;
  std::int64_t opportunities = 0;
};

// Which contacts ForEachContactHistory visits and what it fills in.
struct HistoryOptions {
  // Also contacts with estimates but no signal; estimates whose phone and email match no
  // contact come last, one history each, with an empty key.
  bool estimate_contacts = false;
  bool open_opportunities = false;  // fill has_open_opportunity from the stored queue
};

struct ForgetRequest {
  std::string handle;  // "tel:+15125550178" or "mailto:jane@example.com"
  std::string actor;   // who asked the office to forget (recorded)
  std::string reason;  // why (recorded; the person's phone, email and name are blanked out of it)
  Timestamp at{};
};

struct ForgetReport {
  std::int64_t handles = 0;  // the person's handles forgotten (phones and emails linked to them)
  std::int64_t rows = 0;     // rows removed: signals, attempts, estimates, stops, queue rows, outcomes...
  bool stop_kept = false;    // a stop was in force and is kept as a hash
};

// What the weekly review keeps about one contact while it reads the queue (Store::PutContactNote).
struct ContactNote {
  bool in_estimates = false;        // an estimate export names the contact
  bool technician_attempt = false;  // a roster technician called or texted them
  bool other_attempt = false;       // someone who is not a technician contacted them
  std::string personal_reply_from;  // the first reply mailed from outside the shared inboxes
};

class Store {
 public:
  virtual ~Store() = default;

  // The company (slug) every call reads and writes.
  virtual const std::string& company() const = 0;
  // False once the store's connection to its server is lost (PostgreSQL restarted, or its
  // backend terminated): every call fails from then on, and a pool closes it instead of
  // lending it again.
  virtual bool Connected() const { return true; }

  // Transactions: an import of one file, or the rebuild of the queue, is all or nothing.
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Inserts if absent; sets *inserted to whether the row is new (may be null).
  virtual Status PutSignal(const Signal& signal, const std::string& handle, bool* inserted) = 0;
  virtual Status PutAttempt(const Attempt& attempt, const std::string& handle, bool* inserted) = 0;
  virtual Status PutEstimate(const Estimate& estimate, bool* inserted) = 0;
  virtual Status PutReject(const Reject& reject) = 0;

  // Records that the handles belong to one person, merging the contacts they had. A contact's
  // key is the first of all its handles in a fixed order (phones, then emails, then raw text;
  // alphabetically within each), so keys do not depend on the order exports are imported in.
  virtual Status LinkHandles(const std::vector<std::string>& handles) = 0;

  // Stops are stored facts, never recomputed: they outlive re-imports.
  virtual Status PutSuppression(const Suppression& stop) = 0;
  // The earliest stop in force for any of the contact's handles.
  virtual StatusOr<std::optional<Suppression>> StopFor(const std::string& contact_key) = 0;
  // Every stop of the contact, lifted or not, oldest first.
  virtual StatusOr<std::vector<Suppression>> StopsFor(const std::string& contact_key) = 0;
  // Lifts every stop in force for the contact, recording who, when and why. NotFound when
  // the contact has none.
  virtual Status LiftStops(const std::string& contact_key, Timestamp at, const std::string& actor,
                           const std::string& reason) = 0;
  virtual Status ForEachStop(const std::function<Status(const std::string& contact_key, const Suppression&)>& fn) = 0;
  // The contact a handle belongs to; NotFound when the handle was never seen.
  virtual StatusOr<std::string> ContactKeyFor(const std::string& handle) = 0;
  // Every contact in key order, with what the office needs to see of it.
  virtual Status ForEachContactInfo(const std::function<Status(const ContactInfo&)>& fn) = 0;

  // Calls `fn` once per contact with everything stored about it: signals, attempts, estimates
  // and stops (ContactHistory; outcomes and overrides are left empty: ForEachOutcome and
  // ForEachOverride give them). Contacts in key order: each table is read once, sorted by
  // contact, so there is no query per contact and memory holds one contact at a time. `fn` may
  // write to the store (the queue, stops) while this runs.
  virtual Status ForEachContactHistory(const HistoryOptions& options,
                                       const std::function<Status(ContactHistory& history)>& fn) = 0;
  virtual StatusOr<std::vector<Attempt>> AttemptsFor(const std::string& contact_key) = 0;
  virtual StatusOr<std::vector<Estimate>> EstimatesFor(const std::string& contact_key) = 0;

  // Outcomes. A person's outcomes are facts; inferred ones are rebuilt with the queue.
  virtual Status PutOutcome(const Outcome& outcome) = 0;
  virtual StatusOr<std::vector<Outcome>> OutcomesFor(const std::string& opportunity_id) = 0;
  virtual Status ForEachOutcome(const std::function<Status(const Outcome&)>& fn) = 0;
  // Facts in a time range [from, to), oldest first: for the weekly review.
  virtual Status ForEachSignal(Timestamp from, Timestamp to, const std::function<Status(const Signal&)>& fn) = 0;
  virtual Status ForEachAttempt(Timestamp from, Timestamp to, const std::function<Status(const Attempt&)>& fn) = 0;
  // How many signals were received in [from, to).
  virtual StatusOr<std::int64_t> CountSignals(Timestamp from, Timestamp to) = 0;
  // Every estimate with the key of its contact, by contact then date sent.
  virtual Status ForEachEstimate(const std::function<Status(const std::string& contact_key, const Estimate&)>& fn) = 0;
  // Attempts in a time range [from, to) whose handle belongs to a contact, with its key: by
  // contact key, then oldest first. One sorted read: memory holds one attempt at a time.
  virtual Status ForEachContactAttempt(Timestamp from, Timestamp to,
                                       const std::function<Status(const std::string& contact_key, const Attempt&)>& fn) = 0;
  // One opportunity (or duplicate row) by id; NotFound when there is none.
  virtual StatusOr<Opportunity> GetOpportunity(const std::string& id) = 0;

  // The derived queue and its automatic timeline events (escalations).
  virtual Status ClearOpportunities() = 0;
  virtual Status PutEvent(const TimelineEvent& event) = 0;
  virtual StatusOr<std::vector<TimelineEvent>> EventsFor(const std::string& opportunity_id) = 0;
  virtual Status PutOpportunity(const Opportunity& opportunity) = 0;
  // In queue order: open work by deadline first, then the rest by time received.
  virtual Status ForEachOpportunity(const std::function<Status(const Opportunity&)>& fn) = 0;

  virtual Status ForEachReject(const std::function<Status(const Reject&)>& fn) = 0;
  virtual StatusOr<StoreCounts> Counts() = 0;

  // One contact's signals, oldest first: the opportunity page's timeline.
  virtual StatusOr<std::vector<Signal>> SignalsFor(const std::string& contact_key) = 0;

  // A person's reassign or reclassify. Facts: the queue rebuild applies the latest of each field.
  virtual Status PutOverride(const Override& change) = 0;
  virtual StatusOr<std::vector<Override>> OverridesFor(const std::string& opportunity_id) = 0;
  // Scratch space for the recovery plan: quotes put here come back in plan order (rank, then
  // expected value highest first, then number, then as visited), each with its estimate, sorted
  // by the database rather than in memory. Not stored in the database file; Clear empties it.
  virtual Status ClearRankedQuotes() = 0;
  virtual Status PutRankedQuote(const RankedQuote& quote) = 0;
  virtual Status ForEachRankedQuote(const std::function<Status(const RankedQuote&, const Estimate&)>& fn) = 0;

  // Scratch space for the weekly review: what it learned about each contact, looked up by the
  // database as the review reads the queue instead of kept in memory. Not stored in the
  // database file; ClearContactNotes empties it.
  virtual Status ClearContactNotes() = 0;
  // Adds to the contact's note (after ClearContactNotes): flags already set stay set, and a
  // reply address already noted stays (the first one put wins).
  virtual Status PutContactNote(const std::string& contact_key, const ContactNote& note) = 0;
  // The queue rows received in [from, to), in ForEachOpportunity's order, each with its
  // contact's note (all false and empty when none was put) and its outcomes (OutcomesFor's
  // order). One sorted read: memory holds one row at a time.
  virtual Status ForEachNotedOpportunity(
      Timestamp from, Timestamp to,
      const std::function<Status(const Opportunity&, const ContactNote&, const std::vector<Outcome>&)>& fn) = 0;

  // Every override, oldest first (then in the order recorded).
  virtual Status ForEachOverride(const std::function<Status(const Override&)>& fn) = 0;
  // A timeline entry recorded by a person (reassigned, reclassified, stop lifted): it survives
  // the queue rebuild, unlike PutEvent's derived escalations.
  virtual Status PutPersonEvent(const TimelineEvent& event) = 0;

  // The web app's accounts. Logins are unique across companies. PutUser inserts or replaces the
  // account (its password) and its membership in this company (roster name, role, disabled); a
  // new password, or disabling it, signs the account out (its sessions go).
  virtual Status PutUser(const User& user) = 0;
  // The account as a member of this company; NotFound when it is not one (or does not exist).
  virtual StatusOr<User> GetUser(const std::string& login) = 0;
  // This company's members, by login.
  virtual Status ForEachUser(const std::function<Status(const User&)>& fn) = 0;
  // The account and all its memberships, whatever the store's company: for signing in and
  // choosing a company. NotFound when there is no such login.
  virtual StatusOr<Account> GetAccount(const std::string& login) = 0;
  // Sessions belong to an account (a login), not to a company.
  virtual Status PutSession(const SessionRecord& session) = 0;
  virtual StatusOr<SessionRecord> GetSession(const std::string& token_hash) = 0;  // NotFound when absent
  virtual Status DeleteSession(const std::string& token_hash) = 0;
  // Drops sessions that expired before `now`.
  virtual Status DeleteExpiredSessions(Timestamp now) = 0;

  // Checklist and plan ticks: the latest mark per (list, item) wins.
  virtual Status PutMark(const Mark& mark) = 0;
  // The current mark of every item of `list` that was ever ticked, by item.
  virtual StatusOr<std::vector<Mark>> MarksOf(const std::string& list) = 0;

  // --- live intake: `ringback serve`'s webhooks, one contact at a time ---

  // Every commit waits until the change is on disk (SQLite: synchronous=FULL), not only until
  // the operating system has it: what a webhook was answered 200 for survives a power cut.
  virtual Status SetDurableCommits(bool on) = 0;
  // Replaces a signal whose facts grow as callbacks arrive (a live call: missed, then the words
  // of its voicemail). Every other signal is written once, with PutSignal.
  virtual Status ReplaceSignal(const Signal& signal, const std::string& handle) = 0;
  // What Twilio's callbacks said so far about a call; nullopt when none came.
  virtual StatusOr<std::optional<LiveCall>> GetLiveCall(const std::string& sid) = 0;
  virtual Status PutLiveCall(const LiveCall& call) = 0;  // inserts or replaces, by sid
  // The legs <Dial> forwarded the call `sid` on (their parent_sid is `sid`), by sid.
  virtual StatusOr<std::vector<LiveCall>> LiveCallLegs(const std::string& sid) = 0;

  // One contact's history exactly as ForEachContactHistory gives it (outcomes and overrides
  // left empty); a key with no handle gives an empty history.
  virtual StatusOr<ContactHistory> ContactHistoryFor(const std::string& contact_key) = 0;
  // Open work per owner in the stored queue (first rows open, overdue or attempted, with an
  // owner), leaving out the rows of `except_contacts`: the load a one-contact rebuild balances.
  virtual StatusOr<std::map<std::string, int>> OpenWorkByOwner(const std::vector<std::string>& except_contacts) = 0;
  // Deletes one contact's derived rows: its opportunities, their escalation events and their
  // inferred outcomes. What people recorded stays.
  virtual Status ClearContactQueue(const std::string& contact_key) = 0;

  // Calendar subscriptions (`/ical/TOKEN.ics`): the store keeps only the token's SHA-256.
  virtual Status PutCalendarFeed(const CalendarFeed& feed) = 0;
  // The feed of a token hash, revoked or not; NotFound when there is none.
  virtual StatusOr<CalendarFeed> GetCalendarFeed(const std::string& token_hash) = 0;
  // Feeds not revoked, by person then creation.
  virtual Status ForEachCalendarFeed(const std::function<Status(const CalendarFeed&)>& fn) = 0;
  // Revokes every feed of `person` still in force; returns how many.
  virtual StatusOr<int> RevokeCalendarFeeds(const std::string& person, Timestamp at, const std::string& actor) = 0;

  // --- privacy (forget.h) ---

  // Removes everything the company holds about the contact `request.handle` belongs to: their
  // handles, signals (names, texts), attempts, estimates, stops, queue rows with their drafts,
  // outcomes, reassignments and events, and rejected rows that quote their phone or email; keeps
  // only the HMAC of each handle (with the stop in force) and a forget_log row (when, who, why,
  // how many). All or nothing, in a transaction of its own. Then, on SQLite, VACUUM and a
  // truncating WAL checkpoint, with deleted rows overwritten (secure_delete), so the bytes are
  // gone from the file; on PostgreSQL, VACUUM of the tables touched (the rows are gone from
  // every table; their old bytes leave the disk as PostgreSQL reuses the pages and WAL, and
  // backups keep them: docs/operations.md). NotFound when no contact has that handle.
  virtual StatusOr<ForgetReport> Forget(const ForgetRequest& request) = 0;
  // Puts back, for every handle whose HMAC was forgotten with a stop, that stop (a suppression
  // with signal id "forgotten:…"; once lifted it stays lifted). Returns how many were put back.
  // Costs one HMAC per stored handle, and nothing when no forgotten person had a stop.
  virtual StatusOr<std::int64_t> ReinstateForgottenStops() = 0;
  // Empties the body of every signal received before `before` ([retention] keep_text_days).
  // Returns how many bodies were purged.
  virtual StatusOr<std::int64_t> PurgeTextBefore(Timestamp before) = 0;
};

// The company every command uses without --company.
inline constexpr std::string_view kDefaultCompany = "default";

// True for a company slug: 1 to 40 of a-z, 0-9 and '-'.
bool ValidCompany(std::string_view slug);

// True when `db` names a PostgreSQL database (a libpq URI: postgresql://... or postgres://...);
// anything else is a SQLite file path.
bool IsPostgresUri(std::string_view db);

// `db` fit for messages: a URI's password is replaced by "***".
std::string DisplayDb(const std::string& db);

struct OpenOptions {
  // False: the database must already hold Ringback's schema (a SQLite file that exists, a
  // PostgreSQL database an audit has written): NotFound otherwise, and nothing is created.
  bool create_database = true;
  // False: the company must already be in the database (NotFound otherwise): a mistyped
  // --company is an error, not an empty company.
  bool create_company = true;
};

// Opens the store for `company` on `db`: a PostgreSQL URI, or a SQLite file path (":memory:"
// for a private in-memory store). Brings the schema up to date with the numbered migrations of
// its engine (migrations.h) and registers the company when allowed. InvalidArgument for a
// company that is not a slug.
StatusOr<std::unique_ptr<Store>> OpenStore(const std::string& db, const std::string& company,
                                           const OpenOptions& options = {});

// OpenStore on a SQLite file, for the default company unless told.
StatusOr<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                                 const std::string& company = std::string(kDefaultCompany));

}  // namespace ringback
