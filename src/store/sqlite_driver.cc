// The SQLite driver: one connection, each statement prepared once and reused; a statement
// still being read when the same text is asked for again (a callback that queries while it
// iterates) gets a second, temporary copy.
#include <charconv>
#include <map>
#include <vector>

#include "store/sql_driver.h"
#include "store/sqlite_db.h"

namespace ringback::sql {
namespace {

using sqlite::Database;
using sqlite::Statement;

// A prepared statement and where each $k goes among SQLite's parameter slots.
struct Prepared {
  Statement st;
  std::vector<int> slot;  // slot[k - 1]: SQLite's index of "$k"
  bool busy = false;      // a cursor is reading it
};

StatusOr<std::unique_ptr<Prepared>> Prepare(Database& db, std::string_view sql) {
  StatusOr<Statement> st = db.Prepare(sql);
  if (!st.ok()) return st.status();
  auto p = std::make_unique<Prepared>();
  p->st = std::move(st).value();
  const int n = p->st.ParameterCount();
  p->slot.assign(static_cast<std::size_t>(n), 0);
  for (int i = 1; i <= n; ++i) {
    const std::string name = p->st.ParameterName(i);
    int k = 0;
    const char* end = name.data() + name.size();
    if (name.size() < 2 || name[0] != '$' || std::from_chars(name.data() + 1, end, k).ptr != end || k < 1 ||
        k > n || p->slot[static_cast<std::size_t>(k - 1)] != 0)
      return Status::Internal("statement parameters must be $1..$" + std::to_string(n) + ": \"" +
                              std::string(sql.substr(0, 60)) + "\"");
    p->slot[static_cast<std::size_t>(k - 1)] = i;
  }
  return p;
}

Status Bind(Prepared& p, std::string_view sql, Params params) {
  if (params.size() != p.slot.size())
    return Status::Internal("statement takes " + std::to_string(p.slot.size()) + " values, given " +
                            std::to_string(params.size()) + ": \"" + std::string(sql.substr(0, 60)) + "\"");
  for (std::size_t k = 0; k < params.size(); ++k) {
    const int i = p.slot[k];
    const Param& v = params[k];
    switch (v.kind()) {
      case Param::Kind::kNull: p.st.BindNull(i); break;
      case Param::Kind::kInt: p.st.Bind(i, v.integer()); break;
      case Param::Kind::kReal: p.st.Bind(i, v.real()); break;
      case Param::Kind::kText: p.st.Bind(i, v.text()); break;
    }
  }
  return Status::Ok();
}

class SqliteRow final : public Row {
 public:
  explicit SqliteRow(const Statement& st) : st_(st) {}
  std::string Text(int column) const override { return st_.Text(column); }
  std::int64_t Int(int column) const override { return st_.Int(column); }
  double Real(int column) const override { return st_.Real(column); }
  bool IsNull(int column) const override { return st_.IsNull(column); }

 private:
  const Statement& st_;
};

// Steps a cached statement (released when done) or a temporary one (owned).
class SqliteCursor final : public Cursor {
 public:
  SqliteCursor(Prepared* cached, std::unique_ptr<Prepared> owned)
      : owned_(std::move(owned)), p_(cached ? cached : owned_.get()), row_(p_->st) {
    p_->busy = true;
  }
  ~SqliteCursor() override {
    p_->st.Reset();
    p_->busy = false;
  }
  StatusOr<bool> Next() override { return p_->st.Step(); }
  const Row& row() const override { return row_; }

 private:
  std::unique_ptr<Prepared> owned_;
  Prepared* p_;
  SqliteRow row_;
};

class SqliteDriver final : public Driver {
 public:
  explicit SqliteDriver(Database db) : db_(std::move(db)) {}

  Dialect dialect() const override { return Dialect::kSqlite; }
  Status Exec(std::string_view sql) override { return db_.Exec(sql); }

  Status Begin() override {
    if (Status s = db_.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    in_transaction_ = true;
    return Status::Ok();
  }
  Status Commit() override {
    if (Status s = db_.Exec("COMMIT"); !s.ok()) return s;
    in_transaction_ = false;
    return Status::Ok();
  }
  Status Rollback() override {
    in_transaction_ = false;
    return db_.Exec("ROLLBACK");
  }
  bool InTransaction() const override { return in_transaction_; }

  Status Run(std::string_view sql, Params params, std::int64_t* changed) override {
    StatusOr<std::unique_ptr<Cursor>> cursor = Open(sql, params);
    if (!cursor.ok()) return cursor.status();
    for (;;) {
      StatusOr<bool> row = (*cursor)->Next();
      if (!row.ok()) return row.status();
      if (!*row) break;
    }
    if (changed) *changed = sqlite3_changes(db_.handle());
    return Status::Ok();
  }

  Status Query(std::string_view sql, Params params, const RowFn& fn) override {
    StatusOr<std::unique_ptr<Cursor>> cursor = Open(sql, params);
    if (!cursor.ok()) return cursor.status();
    for (;;) {
      StatusOr<bool> row = (*cursor)->Next();
      if (!row.ok()) return row.status();
      if (!*row) return Status::Ok();
      if (Status s = fn((*cursor)->row()); !s.ok()) return s;
    }
  }

  StatusOr<std::unique_ptr<Cursor>> Open(std::string_view sql, Params params) override {
    auto it = cache_.find(sql);
    if (it == cache_.end()) {
      StatusOr<std::unique_ptr<Prepared>> p = Prepare(db_, sql);
      if (!p.ok()) return p.status();
      it = cache_.emplace(std::string(sql), std::move(p).value()).first;
    }
    Prepared* cached = it->second.get();
    std::unique_ptr<Prepared> owned;
    if (cached->busy) {  // read by an open cursor: a copy of its own
      StatusOr<std::unique_ptr<Prepared>> p = Prepare(db_, sql);
      if (!p.ok()) return p.status();
      owned = std::move(p).value();
      cached = nullptr;
    }
    Prepared& p = cached ? *cached : *owned;
    if (Status s = Bind(p, sql, params); !s.ok()) {
      p.st.Reset();
      return s;
    }
    return std::unique_ptr<Cursor>(std::make_unique<SqliteCursor>(cached, std::move(owned)));
  }

 private:
  Database db_;
  std::map<std::string, std::unique_ptr<Prepared>, std::less<>> cache_;
  bool in_transaction_ = false;
};

}  // namespace

StatusOr<std::unique_ptr<Driver>> OpenSqliteDriver(const std::string& path) {
  StatusOr<Database> db = Database::Open(path);
  if (!db.ok()) return db.status();
  // A 16 MiB page cache (the default is 2 MiB): imports insert into several indexes in random
  // key order, and with a small cache each insert reads and spills pages (a million-signal audit
  // spent 50 s in the kernel). Not more: SQLite's sorters size their memory from it, and the
  // contact pass runs five sorts at once (64 MiB took the 1M audit to 300 MiB). A fixed size, so
  // memory stays flat however large the import.
  for (std::string_view pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                                  "PRAGMA temp_store=FILE", "PRAGMA main.cache_size=-16384"})
    if (Status s = db->Exec(pragma); !s.ok()) return s;
  return std::unique_ptr<Driver>(std::make_unique<SqliteDriver>(std::move(db).value()));
}

}  // namespace ringback::sql
