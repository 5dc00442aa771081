// Fault injection: `ringback audit` killed in the middle of an import leaves a consistent
// database holding all of a file or none of it, and the next run completes the import.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "e2e_support.h"

namespace {

namespace fs = std::filesystem;

using ringback::e2e::kBinary;
using ringback::e2e::kSource;
namespace e2e = ringback::e2e;

std::int64_t Query(const std::string& db, const char* sql) {
  const std::string value = e2e::QueryDb(db, sql);
  return value.empty() ? -1 : std::stoll(value);
}

// SQLite's own check of the file; PostgreSQL's transactions need none from us (a killed client's
// transaction is rolled back by the server).
std::string IntegrityCheck(const std::string& db) {
  if (e2e::OnPostgres()) return "ok";
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);  // read-write: lets SQLite roll back a hot journal / replay the WAL
  sqlite3_stmt* st = nullptr;
  std::string out;
  if (sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(h);
  return out;
}

pid_t Start(const std::vector<std::string>& args) {
  pid_t pid = fork();
  if (pid == 0) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(kBinary.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int devnull = ::open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execv(kBinary.c_str(), argv.data());
    _exit(127);
  }
  return pid;
}

TEST(Crash, KilledMidImportLeavesAllOrNothingAndTheNextRunCompletes) {
  const fs::path dir = fs::temp_directory_path() / ("ringback-crash-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  // On PostgreSQL a quarter: its import is slower per row, so the kills below still land in the
  // import's transaction, and the complete run at the end (whose time is mostly drafting, the
  // same on both stores) costs the test run a quarter as much.
  const int kRows = e2e::OnPostgres() ? 5000 : 20000;
  {
    std::ofstream calls(dir / "calls.csv");
    calls << "Start Time,Direction,From,Caller Name,To,Result,Duration (sec),Agent\n";
    for (int i = 0; i < kRows; ++i)
      calls << "11/" << 16 + i % 5 << "/2026 " << 8 + i % 9 << ":" << (i % 60 < 10 ? "0" : "") << i % 60
            << " AM,Inbound,(512) " << 200 + i % 700 << "-" << 1000 + i % 9000 << ",CALLER " << i
            << ",(512) 555-0100,Missed,0,\n";
  }
  const std::string db = (dir / "crash.db").string();
  const std::vector<std::string> args = {"audit", (dir / "calls.csv").string(), "--config",
                                         kSource + "/config/company.example.toml", "--as-of", "2026-11-23T08:00",
                                         "--db", e2e::Db(db), "--out", (dir / "out").string()};
  int killed = 0;
  for (int delay_ms : {100, 300, 700}) {
    pid_t pid = Start(args);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    if (kill(pid, SIGKILL) == 0) ++killed;
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_EQ(IntegrityCheck(db), "ok") << "after a kill at " << delay_ms << " ms";
    const std::int64_t signals = Query(db, "SELECT count(*) FROM signals");
    const std::int64_t distinct = Query(db, "SELECT count(DISTINCT id) FROM signals");
    EXPECT_TRUE(signals <= 0 || signals == distinct) << signals;
    EXPECT_TRUE(signals <= 0 || signals == Query(db, "SELECT count(*) FROM signals s JOIN handles h ON h.company = s.company AND h.handle = s.handle"))
        << "every stored signal has its contact";
  }
  // The same import, run to the end, gives the complete result.
  pid_t pid = Start(args);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  const std::int64_t complete = Query(db, "SELECT count(*) FROM signals");
  EXPECT_GT(complete, 0);
  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_GE(killed, 1);
  fs::remove_all(dir);
}

}  // namespace
