#include "store/migrations.h"

namespace ringback {

const std::vector<Migration>& SqliteMigrations() {
  static const std::vector<Migration> migrations = {
      {1, R"sql(
CREATE TABLE signals (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  handle TEXT NOT NULL,
  name TEXT NOT NULL,
  phone_raw TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  trade TEXT NOT NULL,
  duration INTEGER NOT NULL,
  answered INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE INDEX signals_by_handle ON signals(handle, received_at);

CREATE TABLE handles (
  handle TEXT PRIMARY KEY,
  contact_key TEXT NOT NULL
);
CREATE INDEX handles_by_contact ON handles(contact_key);

CREATE TABLE attempts (
  id TEXT PRIMARY KEY,
  channel TEXT NOT NULL,
  at INTEGER NOT NULL,
  handle TEXT NOT NULL,
  actor TEXT NOT NULL,
  duration INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE INDEX attempts_by_handle ON attempts(handle, at);

CREATE TABLE estimates (
  id TEXT PRIMARY KEY,
  number TEXT NOT NULL,
  name TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  estimator TEXT NOT NULL,
  trade TEXT NOT NULL,
  status TEXT NOT NULL,
  total_cents INTEGER NOT NULL,
  sent_at INTEGER NOT NULL,
  source_file TEXT NOT NULL,
  source_line INTEGER NOT NULL
);
CREATE INDEX estimates_by_phone ON estimates(phone);
CREATE INDEX estimates_by_email ON estimates(email);

CREATE TABLE rejects (
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  field TEXT NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (file, line, field, reason)
);

CREATE TABLE suppressions (
  handle TEXT NOT NULL,
  signal_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  words TEXT NOT NULL,
  lifted_at INTEGER,
  lifted_by TEXT,
  lift_reason TEXT,
  PRIMARY KEY (handle, signal_id)
);

CREATE TABLE opportunities (
  id TEXT PRIMARY KEY,
  contact_key TEXT NOT NULL,
  contact_display TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  channels TEXT NOT NULL,
  category TEXT NOT NULL,
  confidence REAL NOT NULL,
  reasons TEXT NOT NULL,
  trade TEXT NOT NULL,
  owner TEXT NOT NULL,
  backup_owner TEXT NOT NULL,
  next_action TEXT NOT NULL,
  deadline INTEGER,
  first_attempt_at INTEGER,
  status TEXT NOT NULL,
  duplicate_of TEXT NOT NULL,
  draft TEXT NOT NULL,
  summary TEXT NOT NULL,
  signal_ids TEXT NOT NULL
);
CREATE INDEX opportunities_by_owner ON opportunities(owner, deadline);
)sql"},
      {2, R"sql(
ALTER TABLE opportunities ADD COLUMN escalations INTEGER NOT NULL DEFAULT 0;
CREATE TABLE events (
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  detail TEXT NOT NULL,
  derived INTEGER NOT NULL  -- 1: rebuilt with the queue (escalations); 0: recorded by a person
);
CREATE INDEX events_by_opportunity ON events(opportunity_id, at);
)sql"},
      {3, R"sql(
CREATE TABLE outcomes (
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  actor TEXT NOT NULL,
  note TEXT NOT NULL,
  inferred INTEGER NOT NULL,  -- 1: from the exports, rebuilt with the queue; 0: said by a person
  PRIMARY KEY (opportunity_id, at, outcome, inferred)
);
)sql"},
      {4, R"sql(
-- Per-contact lookups (open opportunity, contact listing) without scanning the queue.
CREATE INDEX opportunities_by_contact ON opportunities(contact_key, duplicate_of, status);
)sql"},
      {5, R"sql(
-- Mail attempts keep their sender, so the review can tell a shared inbox from a person's own.
ALTER TABLE attempts ADD COLUMN from_email TEXT NOT NULL DEFAULT '';
)sql"},
      {6, R"sql(
-- The web app: accounts, sessions (only a hash of the token), people's changes to the queue,
-- and checklist / plan ticks.
CREATE TABLE users (
  login TEXT PRIMARY KEY,
  person TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  login TEXT NOT NULL REFERENCES users(login) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE overrides (
  opportunity_id TEXT NOT NULL,
  at INTEGER NOT NULL,
  field TEXT NOT NULL,
  value TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX overrides_by_opportunity ON overrides(opportunity_id, at);
CREATE TABLE marks (
  list TEXT NOT NULL,
  item TEXT NOT NULL,
  done INTEGER NOT NULL,
  actor TEXT NOT NULL,
  at INTEGER NOT NULL,
  PRIMARY KEY (list, item)
);
)sql"},
      {7, R"sql(
-- Where a signal came from (lead source: "Google Business Profile", "Website"...) and why a
-- message is bulk or automated mail; the opportunity keeps the lead source of its first signal.
ALTER TABLE signals ADD COLUMN lead_source TEXT NOT NULL DEFAULT '';
ALTER TABLE signals ADD COLUMN bulk TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunities ADD COLUMN lead_source TEXT NOT NULL DEFAULT '';
)sql"},
      {8, R"sql(
-- The channel each draft was written for (sms, email, call); empty when there is no draft.
ALTER TABLE opportunities ADD COLUMN draft_channel TEXT NOT NULL DEFAULT '';
)sql"},
      // Live intake (issue 20): one block, renumber it as a whole if another migration lands first.
      {9, R"sql(
-- What Twilio's callbacks said so far about each call (status callbacks arrive repeated and out
-- of order; the merged state decides whether the call was missed, answered or a voicemail).
CREATE TABLE live_calls (
  sid TEXT PRIMARY KEY,
  parent_sid TEXT NOT NULL,
  direction TEXT NOT NULL,
  from_number TEXT NOT NULL,
  to_number TEXT NOT NULL,
  caller_name TEXT NOT NULL,
  status TEXT NOT NULL,
  sequence INTEGER NOT NULL,
  duration INTEGER NOT NULL,
  started_at INTEGER,
  answered INTEGER NOT NULL,
  dial_status TEXT NOT NULL,
  voicemail INTEGER NOT NULL,
  transcript TEXT NOT NULL,
  transcript_status TEXT NOT NULL
);
CREATE INDEX live_calls_by_parent ON live_calls(parent_sid) WHERE parent_sid != '';
-- Open work per owner (the load a one-contact rebuild balances) from the index alone: a scan of
-- the table took 175 ms at 94k opportunities, this 10 ms.
CREATE INDEX opportunities_open_work ON opportunities(owner, status) WHERE duplicate_of = '';
-- Per-person calendar subscriptions: only the SHA-256 of the URL's token is kept.
CREATE TABLE calendar_feeds (
  token_hash TEXT PRIMARY KEY,
  person TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL,
  revoked_at INTEGER,
  revoked_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX calendar_feeds_by_person ON calendar_feeds(person, created_at);
)sql"},
      {11, R"sql(
-- Forgetting a person (store/forget.h). The key of the HMAC that stands in for a forgotten
-- person's handles (32 random bytes, made on the first forget, never leaves the database);
-- each forgotten handle as that HMAC, with the stop that was in force; and who forgot whom
-- and why, without the person's data.
CREATE TABLE privacy_key (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  key BLOB NOT NULL
);
CREATE TABLE forgotten_handles (
  handle_hmac TEXT PRIMARY KEY,
  stop_at INTEGER,                      -- the stop in force when forgotten; NULL: none
  stop_channel TEXT NOT NULL DEFAULT ''
);
CREATE TABLE forget_log (
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL,
  handles INTEGER NOT NULL,  -- how many handles were forgotten
  rows INTEGER NOT NULL      -- how many rows were removed
);
)sql"},
  };
  return migrations;
}

}  // namespace ringback
