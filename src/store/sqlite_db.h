// Thin RAII wrappers over the SQLite C API: a connection and prepared statements. Every
// statement Ringback runs goes through Statement, so every value is bound, never spliced.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace ringback::sqlite {

class Statement {
 public:
  Statement() = default;
  Statement(sqlite3* db, std::string_view sql, Status* status);
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  // Binds by 1-based position. Empty optionals bind NULL.
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::optional<std::int64_t> value);
  Statement& BindNull(int index);

  // Steps once: true when a row is available, false when done. Errors go to Status.
  StatusOr<bool> Step();
  // Runs to completion, then resets for reuse.
  Status Run();
  // Calls `row` for every row until the end or `row`'s first error, then resets for reuse.
  Status Each(const std::function<Status(const Statement&)>& row);
  // Each, collecting `read(statement)` of every row.
  template <typename T, typename Read>
  StatusOr<std::vector<T>> Collect(Read read) {
    std::vector<T> out;
    if (Status s = Each([&](const Statement& st) { out.push_back(read(st)); return Status::Ok(); }); !s.ok())
      return s;
    return out;
  }
  void Reset();

  std::string Text(int column) const;
  std::int64_t Int(int column) const;
  double Real(int column) const;
  bool IsNull(int column) const;
  int Changes() const;
  // The statement's parameters: how many, and the name of the 1-based `index` ("$1"), "" for
  // a bare "?".
  int ParameterCount() const;
  std::string ParameterName(int index) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Database {
 public:
  static StatusOr<Database> Open(const std::string& path);
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  ~Database();

  // For schema and pragmas only (no values): statements with values use Prepare.
  Status Exec(std::string_view sql);
  StatusOr<Statement> Prepare(std::string_view sql);
  sqlite3* handle() const { return db_; }

 private:
  explicit Database(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

}  // namespace ringback::sqlite
