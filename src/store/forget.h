// Forgetting a person, and keeping message text no longer than the company says: the SQL of
// Store::Forget, Store::ReinstateForgottenStops and Store::PurgeTextBefore (store.h), on either
// engine. Internal to src/store; the store runs each inside its own transaction.
//
// What stands in for a forgotten person: HMAC-SHA256 of each of their handles ("tel:+1…",
// "mailto:…") under a key of 32 random bytes per company, kept (as hex) in `privacy_key` (made on
// the first forget; it never leaves the database, so the hashes cannot be tested against a list
// of numbers without the database itself). A stop that was in force is kept with the hash, so
// when an export brings the person back, their stop is put back before the queue is built.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "core/time.h"
#include "store/sql_driver.h"
#include "store/store.h"

namespace ringback::privacy {

// Removes what the company holds about the contact of `request.handle` (store.h, Store::Forget)
// and records it in forget_log. NotFound when no contact has that handle.
Status Forget(sql::Driver& db, const std::string& company, const ForgetRequest& request, ForgetReport& report);

// Puts back the stops of forgotten handles that are in the store again; adds how many to *added.
Status ReinstateStops(sql::Driver& db, const std::string& company, std::int64_t* added);

// Whether the company has a forgotten handle with a stop (ReinstateStops has work to do).
StatusOr<bool> HasForgottenStops(sql::Driver& db, const std::string& company);

// Empties the body of every signal received before `before`; adds how many to *purged.
Status PurgeText(sql::Driver& db, const std::string& company, Timestamp before, std::int64_t* purged);

}  // namespace ringback::privacy
