// The PostgreSQL driver, on libpqxx: one connection; each statement prepared once under a name
// of its own; values sent as text parameters, never spliced. Large reads are server-side
// cursors fetched in batches, so several can be open at once (the store merges sorted reads)
// while other statements run on the same connection: inside a transaction a plain cursor,
// outside one a WITH HOLD cursor that outlives the statement's own implicit transaction.
//
// Transactions are the SQL statements BEGIN / COMMIT / ROLLBACK sent through one
// pqxx::nontransaction, so that the store, not a C++ object's lifetime, decides where each
// ends (Store::Begin and Commit are separate calls).
#include <pqxx/pqxx>

#include <charconv>
#include <map>
#include <vector>

#include "store/sql_driver.h"

namespace ringback::sql {
namespace {

// Rows fetched per round trip by a cursor: memory stays flat, round trips stay few.
constexpr int kFetchRows = 500;

Status Error(const std::exception& e) {
  std::string message = e.what();
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  for (char& c : message)
    if (c == '\n') c = ' ';
  return Status::IoError("PostgreSQL: " + message);
}

// Values as libpq's text parameters: null pointers are NULLs.
class TextParams {
 public:
  Status Fill(Params params) {
    storage_.reserve(params.size());
    for (const Param& p : params) {
      switch (p.kind()) {
        case Param::Kind::kNull: storage_.emplace_back(); break;
        case Param::Kind::kInt: storage_.push_back(std::to_string(p.integer())); break;
        case Param::Kind::kReal: {
          char buf[32];
          auto [end, ec] = std::to_chars(buf, buf + sizeof buf, p.real());  // shortest exact form
          if (ec != std::errc()) return Status::Internal("cannot format a number");
          storage_.emplace_back(buf, end);
          break;
        }
        case Param::Kind::kText:
          // libpq sends text parameters as C strings: a NUL would silently cut the value.
          if (p.text().find('\0') != std::string_view::npos)
            return Status::InvalidArgument("a value holds a NUL byte, which PostgreSQL text cannot store");
          storage_.emplace_back(p.text());
          break;
      }
    }
    for (std::size_t i = 0; i < params.size(); ++i)
      pointers_.push_back(params[i].kind() == Param::Kind::kNull ? nullptr : storage_[i].c_str());
    return Status::Ok();
  }
  auto dynamic() const { return pqxx::prepare::make_dynamic_params(pointers_); }

 private:
  std::vector<std::string> storage_;
  std::vector<const char*> pointers_;
};

class PgRow final : public Row {
 public:
  void Point(const pqxx::result* result, pqxx::result::size_type index) {
    result_ = result;
    index_ = index;
  }
  std::string Text(int column) const override {
    const pqxx::field f = Field(column);
    return f.is_null() ? std::string() : std::string(f.c_str(), f.size());
  }
  std::int64_t Int(int column) const override {
    const pqxx::field f = Field(column);
    std::int64_t n = 0;
    if (!f.is_null()) std::from_chars(f.c_str(), f.c_str() + f.size(), n);
    return n;
  }
  double Real(int column) const override {
    const pqxx::field f = Field(column);
    double x = 0;
    if (!f.is_null()) std::from_chars(f.c_str(), f.c_str() + f.size(), x);
    return x;
  }
  bool IsNull(int column) const override { return Field(column).is_null(); }

 private:
  pqxx::field Field(int column) const {
    return (*result_)[index_][static_cast<pqxx::row::size_type>(column)];
  }
  const pqxx::result* result_ = nullptr;
  pqxx::result::size_type index_ = 0;
};

class PgDriver;

class PgCursor final : public Cursor {
 public:
  using FailFn = std::function<Status(const std::exception&)>;
  PgCursor(pqxx::nontransaction& tx, std::string name, FailFn fail)
      : tx_(tx), name_(std::move(name)), fail_(std::move(fail)) {}
  ~PgCursor() override {
    try {
      tx_.exec0("CLOSE " + name_);
    } catch (const std::exception&) {
      // The transaction it lived in is gone (rolled back or failed): so is the cursor.
    }
  }

  StatusOr<bool> Next() override {
    if (++index_ >= batch_.size()) {
      if (done_) return false;
      try {
        batch_ = tx_.exec("FETCH " + std::to_string(kFetchRows) + " FROM " + name_);
      } catch (const std::exception& e) {
        done_ = true;
        return fail_(e);
      }
      index_ = 0;
      done_ = batch_.size() < static_cast<pqxx::result::size_type>(kFetchRows);
      if (batch_.empty()) return false;
    }
    row_.Point(&batch_, index_);
    return true;
  }
  const Row& row() const override { return row_; }

 private:
  pqxx::nontransaction& tx_;
  std::string name_;
  FailFn fail_;
  pqxx::result batch_;
  pqxx::result::size_type index_ = static_cast<pqxx::result::size_type>(-1);
  bool done_ = false;
  PgRow row_;
};

class PgDriver final : public Driver {
 public:
  explicit PgDriver(const std::string& uri) : conn_(uri), quiet_(conn_), tx_(conn_) {}

  Dialect dialect() const override { return Dialect::kPostgres; }
  bool Connected() const override { return conn_.is_open(); }

  Status Exec(std::string_view sql) override {
    try {
      tx_.exec(std::string(sql));
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failed(e);
    }
  }

  Status Begin() override {
    if (Status s = Exec("BEGIN"); !s.ok()) return s;
    in_transaction_ = true;
    return Status::Ok();
  }
  Status Commit() override {
    // COMMIT of a transaction that failed part way would roll it back and say only "ROLLBACK".
    if (failed_) {
      (void)Rollback();
      return Status::IoError("PostgreSQL: the transaction had failed and was rolled back");
    }
    Status s = Exec("COMMIT");
    in_transaction_ = failed_ = false;
    return s;
  }
  Status Rollback() override {
    Status s = Exec("ROLLBACK");
    in_transaction_ = failed_ = false;
    return s;
  }
  bool InTransaction() const override { return in_transaction_; }

  Status Run(std::string_view sql, Params params, std::int64_t* changed) override {
    pqxx::result r;
    if (Status s = Execute(sql, params, r); !s.ok()) return s;
    if (changed) *changed = static_cast<std::int64_t>(r.affected_rows());
    return Status::Ok();
  }

  Status Query(std::string_view sql, Params params, const RowFn& fn) override {
    pqxx::result r;
    if (Status s = Execute(sql, params, r); !s.ok()) return s;
    PgRow row;
    for (pqxx::result::size_type i = 0; i < r.size(); ++i) {
      row.Point(&r, i);
      if (Status s = fn(row); !s.ok()) return s;
    }
    return Status::Ok();
  }

  StatusOr<std::unique_ptr<Cursor>> Open(std::string_view sql, Params params) override {
    TextParams values;
    if (Status s = values.Fill(params); !s.ok()) return s;
    std::string name = "ringback_cursor_" + std::to_string(++cursors_);
    // The cursor's name is ours; every value is a parameter.
    const std::string declare = "DECLARE " + name + " NO SCROLL CURSOR " +
                                (in_transaction_ ? "" : "WITH HOLD ") + "FOR " + std::string(sql);
    try {
      tx_.exec_params(declare, values.dynamic());
    } catch (const std::exception& e) {
      return Failed(e);
    }
    return std::unique_ptr<Cursor>(std::make_unique<PgCursor>(
        tx_, std::move(name), [this](const std::exception& e) { return Failed(e); }));
  }

 private:
  Status Execute(std::string_view sql, Params params, pqxx::result& out) {
    TextParams values;
    if (Status s = values.Fill(params); !s.ok()) return s;
    try {
      auto it = names_.find(sql);
      if (it == names_.end()) {
        std::string name = "ringback_" + std::to_string(names_.size() + 1);
        conn_.prepare(name, std::string(sql));
        it = names_.emplace(std::string(sql), std::move(name)).first;
      }
      out = tx_.exec_prepared(it->second, values.dynamic());
      return Status::Ok();
    } catch (const std::exception& e) {
      return Failed(e);
    }
  }

  // An error inside a transaction aborts it on the server: only ROLLBACK is possible after.
  Status Failed(const std::exception& e) {
    if (in_transaction_) failed_ = true;
    return Error(e);
  }

  pqxx::connection conn_;
  pqxx::quiet_errorhandler quiet_;  // notices ("already exists, skipping") are not the user's
  pqxx::nontransaction tx_;
  std::map<std::string, std::string, std::less<>> names_;  // statement text -> prepared name
  std::int64_t cursors_ = 0;
  bool in_transaction_ = false;
  bool failed_ = false;  // a statement of the open transaction failed
};

}  // namespace

StatusOr<std::unique_ptr<Driver>> OpenPostgresDriver(const std::string& uri) {
  try {
    auto driver = std::make_unique<PgDriver>(uri);
    if (Status s = driver->Exec("SET client_min_messages TO warning"); !s.ok()) return s;
    return std::unique_ptr<Driver>(std::move(driver));
  } catch (const std::exception& e) {
    return Error(e);
  }
}

}  // namespace ringback::sql
