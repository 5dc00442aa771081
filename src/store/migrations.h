// The schema as numbered migrations, one list per engine with the same numbers and meaning.
// Migration N is applied once, in order, inside a transaction, when a store opens, and recorded
// in schema_migrations; a released migration is never edited, a change is a new number (in both
// lists).
#pragma once

#include <string_view>
#include <vector>

namespace ringback {

struct Migration {
  int version;
  std::string_view sql;
};

const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

}  // namespace ringback
