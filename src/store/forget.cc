#include "store/forget.h"

#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <set>
#include <vector>

#include "store/sqlite_db.h"

namespace ringback {
namespace {

using sqlite::Database;
using sqlite::Statement;

// A connection for privacy work: deleted rows are overwritten with zeros (secure_delete), so
// what is removed does not linger in free pages or in the WAL's copies of them.
StatusOr<Database> Open(const std::string& path) {
  StatusOr<Database> db = Database::Open(path);
  if (!db.ok()) return db.status();
  if (Status s = db->Exec("PRAGMA secure_delete=ON"); !s.ok()) return s;
  return db;
}

// Runs `sql` with `values` bound in order; adds the rows it changed to *changed.
Status Run(Database& db, const std::string& sql, const std::vector<std::string>& values, std::int64_t* changed) {
  StatusOr<Statement> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (std::size_t i = 0; i < values.size(); ++i) st->Bind(static_cast<int>(i + 1), values[i]);
  if (Status s = st->Run(); !s.ok()) return s;
  if (changed) *changed += st->Changes();
  return Status::Ok();
}

StatusOr<std::vector<std::string>> Column(Database& db, const std::string& sql, const std::vector<std::string>& values) {
  StatusOr<Statement> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  for (std::size_t i = 0; i < values.size(); ++i) st->Bind(static_cast<int>(i + 1), values[i]);
  return st->Collect<std::string>([](const Statement& row) { return row.Text(0); });
}

// The database's HMAC key; made (32 random bytes) when `create` and there is none yet.
StatusOr<std::string> Key(Database& db, bool create) {
  StatusOr<Statement> read = db.Prepare("SELECT key FROM privacy_key WHERE id = 1");
  if (!read.ok()) return read.status();
  StatusOr<bool> row = read->Step();
  if (!row.ok()) return row.status();
  if (*row) return read->Text(0);
  if (!create) return std::string();
  std::string key(32, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(key.data()), static_cast<int>(key.size())) != 1)
    return Status::Internal("no randomness for the privacy key");
  StatusOr<Statement> write = db.Prepare("INSERT INTO privacy_key (id, key) VALUES (1, ?)");
  if (!write.ok()) return write.status();
  write->Bind(1, key);
  if (Status s = write->Run(); !s.ok()) return s;
  return key;
}

std::string Hmac(const std::string& key, const std::string& handle) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(handle.data()),
       handle.size(), out, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < len; ++i) {
    hex += kHex[out[i] >> 4];
    hex += kHex[out[i] & 0xf];
  }
  return hex;
}

// `text` with every occurrence of each of `secrets` replaced: the reason an operator typed
// may name the person it is about.
std::string Blank(std::string text, const std::set<std::string>& secrets) {
  for (const std::string& secret : secrets) {
    if (secret.size() < 3) continue;
    for (std::size_t at; (at = text.find(secret)) != std::string::npos;) text.replace(at, secret.size(), "[forgotten]");
  }
  return text;
}

// Every page rewritten without the removed rows' old copies, and the WAL emptied.
Status Compact(Database& db) {
  if (Status s = db.Exec("VACUUM"); !s.ok()) return s;
  return db.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

Status ForgetIn(Database& db, const ForgetRequest& request, ForgetReport& report) {
  StatusOr<std::vector<std::string>> key_of = Column(db, "SELECT contact_key FROM handles WHERE handle = ?", {request.handle});
  if (!key_of.ok()) return key_of.status();
  if (key_of->empty()) return Status::NotFound("no contact with " + request.handle + " in the database");
  const std::string contact = key_of->front();
  StatusOr<std::vector<std::string>> handles = Column(db, "SELECT handle FROM handles WHERE contact_key = ?", {contact});
  if (!handles.ok()) return handles.status();
  std::vector<std::string> phones, emails;
  std::set<std::string> secrets;  // what must not survive in the log's reason
  for (const std::string& h : *handles) {
    if (h.rfind("tel:", 0) == 0) phones.push_back(h.substr(4));
    if (h.rfind("mailto:", 0) == 0) emails.push_back(h.substr(7));
    secrets.insert(h.substr(h.find(':') + 1));
  }
  for (const std::string& h : *handles) {
    StatusOr<std::vector<std::string>> names =
        Column(db, "SELECT DISTINCT name FROM signals WHERE handle = ? AND name != ''", {h});
    if (!names.ok()) return names.status();
    secrets.insert(names->begin(), names->end());
  }
  for (const std::string& p : phones) {
    StatusOr<std::vector<std::string>> names =
        Column(db, "SELECT DISTINCT name FROM estimates WHERE phone = ? AND name != ''", {p});
    if (!names.ok()) return names.status();
    secrets.insert(names->begin(), names->end());
  }
  for (const std::string& e : emails) {
    StatusOr<std::vector<std::string>> names =
        Column(db, "SELECT DISTINCT name FROM estimates WHERE email = ? AND name != ''", {e});
    if (!names.ok()) return names.status();
    secrets.insert(names->begin(), names->end());
  }

  StatusOr<std::string> key = Key(db, true);
  if (!key.ok()) return key.status();
  for (const std::string& h : *handles) {
    // The earliest stop in force for this handle stays, as the handle's HMAC.
    StatusOr<Statement> stop = db.Prepare(
        "SELECT at, channel FROM suppressions WHERE handle = ? AND lifted_at IS NULL ORDER BY at LIMIT 1");
    if (!stop.ok()) return stop.status();
    stop->Bind(1, h);
    StatusOr<bool> has = stop->Step();
    if (!has.ok()) return has.status();
    StatusOr<Statement> keep = db.Prepare(
        "INSERT INTO forgotten_handles (handle_hmac, stop_at, stop_channel) VALUES (?, ?, ?) "
        "ON CONFLICT (handle_hmac) DO UPDATE SET stop_at = coalesce(excluded.stop_at, stop_at), "
        "stop_channel = CASE WHEN excluded.stop_at IS NULL THEN stop_channel ELSE excluded.stop_channel END");
    if (!keep.ok()) return keep.status();
    keep->Bind(1, Hmac(*key, h));
    if (*has) {
      keep->Bind(2, stop->Int(0)).Bind(3, stop->Text(1));
      report.stop_kept = true;
    } else {
      keep->BindNull(2).Bind(3, std::string_view(""));
    }
    if (Status s = keep->Run(); !s.ok()) return s;
  }

  std::int64_t& rows = report.rows;
  StatusOr<std::vector<std::string>> opportunities =
      Column(db, "SELECT id FROM opportunities WHERE contact_key = ?", {contact});
  if (!opportunities.ok()) return opportunities.status();
  for (const std::string& id : *opportunities)
    for (const char* table : {"events", "outcomes", "overrides"})
      if (Status s = Run(db, std::string("DELETE FROM ") + table + " WHERE opportunity_id = ?", {id}, &rows); !s.ok())
        return s;
  if (Status s = Run(db, "DELETE FROM opportunities WHERE contact_key = ?", {contact}, &rows); !s.ok()) return s;
  for (const std::string& h : *handles)
    for (const char* sql : {"DELETE FROM signals WHERE handle = ?", "DELETE FROM attempts WHERE handle = ?",
                            "DELETE FROM suppressions WHERE handle = ?", "DELETE FROM handles WHERE handle = ?"})
      if (Status s = Run(db, sql, {h}, &rows); !s.ok()) return s;
  for (const std::string& p : phones)
    for (const char* sql : {"DELETE FROM signals WHERE phone = ?", "DELETE FROM estimates WHERE phone = ?"})
      if (Status s = Run(db, sql, {p}, &rows); !s.ok()) return s;
  for (const std::string& e : emails)
    for (const char* sql : {"DELETE FROM signals WHERE email = ?", "DELETE FROM estimates WHERE email = ?"})
      if (Status s = Run(db, sql, {e}, &rows); !s.ok()) return s;
  // Rejected rows that quote their phone or email (an estimate without a date, say).
  for (const std::string& secret : secrets)
    if (secret.size() >= 5)
      if (Status s = Run(db, "DELETE FROM rejects WHERE instr(reason, ?) > 0", {secret}, &rows); !s.ok()) return s;

  report.handles = static_cast<std::int64_t>(handles->size());
  StatusOr<Statement> log =
      db.Prepare("INSERT INTO forget_log (at, actor, reason, handles, rows) VALUES (?, ?, ?, ?, ?)");
  if (!log.ok()) return log.status();
  log->Bind(1, ToUnix(request.at)).Bind(2, Blank(request.actor, secrets)).Bind(3, Blank(request.reason, secrets))
      .Bind(4, report.handles).Bind(5, report.rows);
  return log->Run();
}

}  // namespace

StatusOr<ForgetReport> ForgetPerson(const std::string& db_path, const ForgetRequest& request) {
  StatusOr<Database> db = Open(db_path);
  if (!db.ok()) return db.status();
  if (Status s = db->Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  ForgetReport report;
  if (Status s = ForgetIn(*db, request, report); !s.ok()) {
    (void)db->Exec("ROLLBACK");
    return s;
  }
  if (Status s = db->Exec("COMMIT"); !s.ok()) {
    (void)db->Exec("ROLLBACK");
    return s;
  }
  if (Status s = Compact(*db); !s.ok())
    return Status::IoError("the person is forgotten, but the file could not be compacted (" + s.message() +
                           "): run the command again when no other program has the database open");
  return report;
}

StatusOr<std::int64_t> ReinstateForgottenStops(const std::string& db_path) {
  StatusOr<Database> db = Open(db_path);
  if (!db.ok()) return db.status();
  StatusOr<std::vector<std::string>> any =
      Column(*db, "SELECT handle_hmac FROM forgotten_handles WHERE stop_at IS NOT NULL LIMIT 1", {});
  if (!any.ok()) return any.status();
  if (any->empty()) return std::int64_t{0};
  StatusOr<std::string> key = Key(*db, false);
  if (!key.ok()) return key.status();
  if (key->empty()) return std::int64_t{0};
  if (Status s = db->Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  std::int64_t added = 0;
  Status status = [&]() -> Status {
    StatusOr<std::vector<std::string>> handles = Column(*db, "SELECT handle FROM handles", {});
    if (!handles.ok()) return handles.status();
    StatusOr<Statement> find =
        db->Prepare("SELECT stop_at, stop_channel FROM forgotten_handles WHERE handle_hmac = ? AND stop_at IS NOT NULL");
    StatusOr<Statement> put = db->Prepare(
        "INSERT OR IGNORE INTO suppressions (handle, signal_id, at, channel, words) VALUES (?, ?, ?, ?, ?)");
    if (!find.ok()) return find.status();
    if (!put.ok()) return put.status();
    for (const std::string& h : *handles) {
      const std::string hmac = Hmac(*key, h);
      find->Bind(1, hmac);
      StatusOr<bool> hit = find->Step();
      if (!hit.ok()) return hit.status();
      if (*hit) {
        put->Bind(1, h).Bind(2, "forgotten:" + hmac.substr(0, 16)).Bind(3, find->Int(0)).Bind(4, find->Text(1))
            .Bind(5, std::string_view("(a stop kept when this person was forgotten)"));
        if (Status s = put->Run(); !s.ok()) return s;
        added += put->Changes();
      }
      find->Reset();
    }
    return Status::Ok();
  }();
  if (!status.ok()) {
    (void)db->Exec("ROLLBACK");
    return status;
  }
  if (Status s = db->Exec("COMMIT"); !s.ok()) return s;
  return added;
}

StatusOr<std::int64_t> PurgeTextBefore(const std::string& db_path, Timestamp before) {
  StatusOr<Database> db = Open(db_path);
  if (!db.ok()) return db.status();
  StatusOr<Statement> purge = db->Prepare("UPDATE signals SET body = '' WHERE received_at < ? AND body != ''");
  if (!purge.ok()) return purge.status();
  purge->Bind(1, ToUnix(before));
  if (Status s = purge->Run(); !s.ok()) return s;
  const std::int64_t purged = purge->Changes();
  if (purged > 0)
    if (Status s = db->Exec("PRAGMA wal_checkpoint(TRUNCATE)"); !s.ok()) return s;
  return purged;
}

}  // namespace ringback
