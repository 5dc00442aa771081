// Forgetting a person, and keeping message text no longer than the company says. The SQL of
// both lives here, apart from the Store interface: each function opens its own connection to
// the SQLite file (with secure_delete on, so deleted rows are overwritten, not left in free
// pages), and the tables it adds are migration 11 (store/migrations.cc).
//
// What stands in for a forgotten person: HMAC-SHA256 of each of their handles ("tel:+1…",
// "mailto:…") under a per-database key of 32 random bytes kept in the `privacy_key` table (made
// on the first forget; it never leaves the database, so the hashes cannot be tested against a
// list of numbers without the file itself). A stop that was in force is kept with the hash, so
// when an export brings the person back, ReinstateForgottenStops puts their stop back before
// the queue is built.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "core/time.h"

namespace ringback {

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

// Removes everything the store holds about the contact `request.handle` belongs to: their
// handles, signals (names, texts), attempts, estimates, stops, queue rows with their drafts,
// outcomes, reassignments and events, and rejected rows that quote their phone or email; keeps
// only the HMAC of each handle (with the stop in force) and a forget_log row (when, who, why,
// how many). Then VACUUM and a truncating WAL checkpoint, so the bytes are gone from the file.
// NotFound when no contact has that handle. All or nothing.
StatusOr<ForgetReport> ForgetPerson(const std::string& db_path, const ForgetRequest& request);

// Puts back, for every handle in the store whose HMAC was forgotten with a stop, that stop (a
// suppression with signal id "forgotten:…"; once lifted it stays lifted). Returns how many
// were put back. Costs one HMAC per stored handle, and nothing when no forgotten person had a stop.
StatusOr<std::int64_t> ReinstateForgottenStops(const std::string& db_path);

// Empties the body of every signal received before `before` ([retention] keep_text_days).
// Returns how many bodies were purged.
StatusOr<std::int64_t> PurgeTextBefore(const std::string& db_path, Timestamp before);

}  // namespace ringback
