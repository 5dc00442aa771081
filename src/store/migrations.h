// The SQLite schema as numbered migrations. Migration N is applied once, in order, inside a
// transaction, and recorded in schema_migrations; a released migration is never edited, a
// change is a new number.
#pragma once

#include <string_view>
#include <vector>

namespace ringback {

struct Migration {
  int version;
  std::string_view sql;
};

const std::vector<Migration>& SqliteMigrations();

}  // namespace ringback
