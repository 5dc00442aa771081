// The little the store needs from an SQL engine, so that one implementation of Store (and one
// text of each statement) runs on SQLite and on PostgreSQL: statements with bound values (never
// spliced), rows read by column, and reads that stay open while other statements run.
//
// Parameters are written $1, $2, ... in both dialects. A driver prepares each distinct
// statement once per connection and reuses it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"

namespace ringback::sql {

enum class Dialect { kSqlite, kPostgres };

// A value bound to one parameter. Holds a view of text: it lives as long as the call it is
// passed to (the full expression), which is all a driver needs.
class Param {
 public:
  enum class Kind { kNull, kInt, kReal, kText };
  Param(std::string_view text) : kind_(Kind::kText), text_(text) {}  // NOLINT: implicit by design
  Param(const std::string& text) : Param(std::string_view(text)) {}  // NOLINT
  Param(const char* text) : Param(std::string_view(text)) {}         // NOLINT
  Param(std::int64_t n) : kind_(Kind::kInt), int_(n) {}              // NOLINT
  Param(int n) : Param(std::int64_t{n}) {}                           // NOLINT
  Param(double x) : kind_(Kind::kReal), real_(x) {}                  // NOLINT
  Param(std::optional<std::int64_t> n) : kind_(n ? Kind::kInt : Kind::kNull), int_(n.value_or(0)) {}  // NOLINT
  Param(std::nullptr_t) {}                                           // NOLINT
  Param(bool) = delete;  // say 0 or 1: flags are integers in both schemas

  Kind kind() const { return kind_; }
  std::int64_t integer() const { return int_; }
  double real() const { return real_; }
  std::string_view text() const { return text_; }

 private:
  Kind kind_ = Kind::kNull;
  std::int64_t int_ = 0;
  double real_ = 0;
  std::string_view text_;
};

using Params = std::span<const Param>;

// One row of a result; columns from 0. A NULL reads as "" or 0.
class Row {
 public:
  virtual ~Row() = default;
  virtual std::string Text(int column) const = 0;
  virtual std::int64_t Int(int column) const = 0;
  virtual double Real(int column) const = 0;
  virtual bool IsNull(int column) const = 0;
};

using RowFn = std::function<Status(const Row&)>;

// A read the caller steps through (the merge of several sorted reads). While it is open the
// connection may run other statements, writes included.
class Cursor {
 public:
  virtual ~Cursor() = default;
  // True with the next row in row(); false at the end.
  virtual StatusOr<bool> Next() = 0;
  virtual const Row& row() const = 0;
};

class Driver {
 public:
  virtual ~Driver() = default;
  virtual Dialect dialect() const = 0;
  // False once the connection to the server is lost (a PostgreSQL restart, a terminated
  // backend): nothing on it will work again. A SQLite file has no connection to lose.
  virtual bool Connected() const { return true; }

  // Schema statements only: no values.
  virtual Status Exec(std::string_view sql) = 0;

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  virtual bool InTransaction() const = 0;

  // Runs a statement; `changed` (may be null) gets how many rows it inserted, updated or
  // deleted. A statement that takes a different number of values than `params` is an error.
  virtual Status Run(std::string_view sql, Params params, std::int64_t* changed) = 0;
  // Calls `fn` for every row of a small result (one contact's, one opportunity's), read at
  // once; stops at fn's first error.
  virtual Status Query(std::string_view sql, Params params, const RowFn& fn) = 0;
  // Opens a result of any size, read a batch at a time.
  virtual StatusOr<std::unique_ptr<Cursor>> Open(std::string_view sql, Params params) = 0;
};

// Opens the SQLite file at `path` (":memory:" for a private in-memory database), WAL mode.
StatusOr<std::unique_ptr<Driver>> OpenSqliteDriver(const std::string& path);
// Connects to PostgreSQL with a libpq connection string or URI.
StatusOr<std::unique_ptr<Driver>> OpenPostgresDriver(const std::string& uri);

}  // namespace ringback::sql
