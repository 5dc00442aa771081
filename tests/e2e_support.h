// Shared by the end-to-end tests: run the real `ringback` binary and read what it wrote.
//
// The suite runs twice (tests/CMakeLists.txt): on SQLite files, and with RINGBACK_TEST_STORE=
// postgres, where every database file a test names stands for a fresh PostgreSQL database on the
// test cluster. Tests pass `--db` through Db / DbArg and look at a database through DbExists
// and QueryDb, never the file itself, so that each runs on both stores.
#pragma once

#include <sqlite3.h>

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/csv_reader.h"
#include "store/test_postgres.h"

namespace ringback::e2e {

inline const std::string kSource = RINGBACK_SOURCE_DIR;
inline const std::string kBinary = RINGBACK_BINARY;

struct RunResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs a shell command line and collects its output and exit code.
inline RunResult Shell(const std::string& command) {
  RunResult run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (!pipe) return run;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) run.out.append(buf, n);
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

inline RunResult Ringback(const std::string& args) { return Shell(kBinary + " " + args); }

// True when this run keeps its databases on PostgreSQL.
inline bool OnPostgres() {
  const char* store = std::getenv("RINGBACK_TEST_STORE");
  return store && std::string(store) == "postgres";
}

// The --db value of the database a test keeps at `path`: the path itself, or the URI of the
// PostgreSQL database that stands for it (created, empty, the first time it is named).
inline std::string Db(const std::string& path) {
  if (!OnPostgres()) return path;
  static std::map<std::string, std::string> uris;
  std::string& uri = uris[path];
  if (uri.empty() || !test_postgres::Live(uri)) uri = test_postgres::NewDatabase(std::filesystem::path(path).stem().string());
  return uri;
}
inline std::string Db(const std::filesystem::path& path) { return Db(path.string()); }

// Db(path) quoted for a shell command line (a URI holds '?' and '&').
inline std::string DbArg(const std::string& path) { return "'" + Db(path) + "'"; }
inline std::string DbArg(const std::filesystem::path& path) { return DbArg(path.string()); }

// The first column of the first row of `sql` (no values) on the database, as text; "" when
// there is no row or no database.
inline std::string QueryDb(const std::string& path, const std::string& sql) {
  if (OnPostgres()) {
    try {
      return test_postgres::QueryText(Db(path), sql);
    } catch (const std::exception&) {
      return "";
    }
  }
  std::string out;
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(path.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
        sqlite3_column_text(st, 0))
      out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return out;
}

// The first column of every row of `sql` on the database, each followed by a newline.
inline std::string QueryColumn(const std::string& path, const std::string& sql) {
  if (OnPostgres()) {
    try {
      return test_postgres::QueryColumn(Db(path), sql);
    } catch (const std::exception&) {
      return "";
    }
  }
  std::string out;
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(path.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK)
      while (sqlite3_step(st) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(st, 0);
        out += std::string(text ? reinterpret_cast<const char*>(text) : "") + "\n";
      }
    sqlite3_finalize(st);
  }
  sqlite3_close(h);
  return out;
}

// Whether a Ringback database is there: the file exists, or the PostgreSQL database has the
// schema (an empty database stands for a missing file).
inline bool DbExists(const std::string& path) {
  if (!OnPostgres()) return std::filesystem::exists(path);
  return !QueryDb(path, "SELECT 1 FROM pg_catalog.pg_tables WHERE tablename = 'schema_migrations'").empty();
}

using Table = std::vector<std::map<std::string, std::string>>;

// A CSV file as rows of header -> value.
inline Table ReadCsv(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  CsvReader reader(in);
  std::vector<std::string> header, fields;
  Table rows;
  if (!reader.Next(header)) return rows;
  while (reader.Next(fields)) {
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(row);
  }
  return rows;
}

inline std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

}  // namespace ringback::e2e
