// Accounts and the web app's own records: who may sign in, their sessions, the changes people
// make to the queue by hand (reassign, reclassify) and the ticks on checklists and the plan.
// Plain values; the store keeps them and the web edge decides what each role may do.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"

namespace ringback {

// The four kinds of people in a contractor's office. The names are a contract (CLI, JSON).
enum class AccessRole { kAdmin, kOffice, kEstimator, kTechnician };
std::string_view AccessRoleName(AccessRole r);  // "admin", "office", "estimator", "technician"
std::optional<AccessRole> ParseAccessRole(std::string_view name);  // also "owner" for admin

// An account as one company sees it: the login and password are the account's (one login
// signs in to every company it belongs to); the roster name, role and disabled flag are its
// membership in that company.
struct User {
  std::string login;          // what they type to sign in, lower case
  std::string person;         // their name on the team roster ("Rick Hollis"): work assigned to them
  AccessRole role = AccessRole::kOffice;
  std::string password_hash;  // Argon2id, PHC string form ("$argon2id$v=19$...")
  Timestamp created_at{};
  bool disabled = false;
};

// An account's place in one company.
struct Membership {
  std::string company;  // the company's slug
  std::string person;
  AccessRole role = AccessRole::kOffice;
  bool disabled = false;
};

// An account with every company it belongs to (sign-in, before a company is chosen).
struct Account {
  std::string login;
  std::string password_hash;
  Timestamp created_at{};
  std::vector<Membership> memberships;  // by company slug
};

// A signed-in browser. The cookie carries the token; the store keeps only its SHA-256, so a
// copy of the database does not sign anyone in.
struct SessionRecord {
  std::string token_hash;  // hex SHA-256 of the cookie's token
  std::string login;
  std::string csrf_token;  // echoed by every form and unsafe API call
  Timestamp created_at{};
  Timestamp expires_at{};
  // The company the person works in (a server for several companies): a slug they are a member
  // of; empty until one is chosen.
  std::string company;
};

// A person's change to one opportunity that the derived queue must keep across rebuilds.
struct Override {
  std::string opportunity_id;
  Timestamp at{};
  std::string field;  // "owner" or "category"
  std::string value;  // a roster name, or a category name
  std::string actor;
  std::string reason;
};

// One tick on a checklist ("cleanup", "profile") or a day of the seven-day plan ("plan").
struct Mark {
  std::string list;
  std::string item;
  bool done = false;
  std::string actor;
  Timestamp at{};
};

// A person's calendar subscription: a secret URL (/ical/TOKEN.ics) that shows the callbacks
// they own. Like a session, only the token's SHA-256 is kept; revoking it ends the URL.
struct CalendarFeed {
  std::string token_hash;  // hex SHA-256 of the token in the URL
  std::string person;      // roster name: the feed shows the callbacks this person owns
  Timestamp created_at{};
  std::string created_by;
  std::optional<Timestamp> revoked_at;
  std::string revoked_by;
};

}  // namespace ringback
