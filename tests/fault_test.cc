// Faults in the store (issue 22): a write that fails (a full disk) at several points, and a
// database another program holds locked, during an import, a rebuild, an outcome and a stop.
// The commands run in-process (cli::Run) over a SQLite VFS shim registered as the default for
// the test: it passes everything to the platform's VFS and, once armed, answers SQLITE_FULL to
// every write after the first N. After each fault: the command exits non-zero and says what
// failed; PRAGMA integrity_check is ok; and running the same command again without the fault
// gives the stored queue a clean run gives. (An outcome or a stop is its own transaction before
// the rebuild: a fault in the rebuild leaves it recorded, the queue as it was, and says so.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <sstream>

#include "cli/commands.h"
#include "e2e_support.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;
using e2e::kSource;
using e2e::Slurp;
using ::testing::HasSubstr;

// ---- the VFS shim ----

std::atomic<bool> g_armed{false};
std::atomic<int> g_writes_left{0};
std::atomic<int> g_failed{0};
sqlite3_vfs* g_real = nullptr;

struct FaultyFile {
  sqlite3_file base;
  sqlite3_file* real;  // the platform's file, allocated right after this struct
};

sqlite3_file* Real(sqlite3_file* f) { return reinterpret_cast<FaultyFile*>(f)->real; }

bool Fail() {
  if (!g_armed.load()) return false;
  if (g_writes_left.fetch_sub(1) > 0) return false;
  ++g_failed;
  return true;
}

int Close(sqlite3_file* f) { return Real(f)->pMethods->xClose(Real(f)); }
int Read(sqlite3_file* f, void* p, int n, sqlite3_int64 o) { return Real(f)->pMethods->xRead(Real(f), p, n, o); }
int Write(sqlite3_file* f, const void* p, int n, sqlite3_int64 o) {
  return Fail() ? SQLITE_FULL : Real(f)->pMethods->xWrite(Real(f), p, n, o);
}
int Truncate(sqlite3_file* f, sqlite3_int64 size) {
  return Fail() ? SQLITE_IOERR_TRUNCATE : Real(f)->pMethods->xTruncate(Real(f), size);
}
int Sync(sqlite3_file* f, int flags) { return Real(f)->pMethods->xSync(Real(f), flags); }
int FileSize(sqlite3_file* f, sqlite3_int64* size) { return Real(f)->pMethods->xFileSize(Real(f), size); }
int Lock(sqlite3_file* f, int l) { return Real(f)->pMethods->xLock(Real(f), l); }
int Unlock(sqlite3_file* f, int l) { return Real(f)->pMethods->xUnlock(Real(f), l); }
int CheckReservedLock(sqlite3_file* f, int* out) { return Real(f)->pMethods->xCheckReservedLock(Real(f), out); }
int FileControl(sqlite3_file* f, int op, void* arg) { return Real(f)->pMethods->xFileControl(Real(f), op, arg); }
int SectorSize(sqlite3_file* f) { return Real(f)->pMethods->xSectorSize(Real(f)); }
int DeviceCharacteristics(sqlite3_file* f) { return Real(f)->pMethods->xDeviceCharacteristics(Real(f)); }
int ShmMap(sqlite3_file* f, int page, int size, int extend, void volatile** out) {
  return Real(f)->pMethods->xShmMap(Real(f), page, size, extend, out);
}
int ShmLock(sqlite3_file* f, int offset, int n, int flags) { return Real(f)->pMethods->xShmLock(Real(f), offset, n, flags); }
void ShmBarrier(sqlite3_file* f) { Real(f)->pMethods->xShmBarrier(Real(f)); }
int ShmUnmap(sqlite3_file* f, int del) { return Real(f)->pMethods->xShmUnmap(Real(f), del); }
int Fetch(sqlite3_file* f, sqlite3_int64 o, int n, void** p) { return Real(f)->pMethods->xFetch(Real(f), o, n, p); }
int Unfetch(sqlite3_file* f, sqlite3_int64 o, void* p) { return Real(f)->pMethods->xUnfetch(Real(f), o, p); }

const sqlite3_io_methods kMethods = {3,        Close,     Read,   Write,   Truncate,   Sync,       FileSize,
                                     Lock,     Unlock,    CheckReservedLock, FileControl, SectorSize,
                                     DeviceCharacteristics, ShmMap, ShmLock, ShmBarrier, ShmUnmap, Fetch, Unfetch};

int Open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* f, int flags, int* out_flags) {
  auto* file = reinterpret_cast<FaultyFile*>(f);
  file->real = reinterpret_cast<sqlite3_file*>(file + 1);
  const int rc = g_real->xOpen(g_real, name, file->real, flags, out_flags);
  file->base.pMethods = file->real->pMethods ? &kMethods : nullptr;
  return rc;
}

sqlite3_vfs* FaultyVfs() {
  static sqlite3_vfs vfs = [] {
    g_real = sqlite3_vfs_find("unix");
    sqlite3_vfs v = *g_real;
    v.pNext = nullptr;
    v.zName = "ringback-faulty";
    v.szOsFile = static_cast<int>(sizeof(FaultyFile)) + g_real->szOsFile;
    v.xOpen = Open;
    return v;
  }();
  return &vfs;
}

// The shim is the default VFS while an object lives; disarmed, it changes nothing.
struct FaultyDefault {
  FaultyDefault() { sqlite3_vfs_register(FaultyVfs(), 1); }
  ~FaultyDefault() {
    g_armed = false;
    sqlite3_vfs_register(sqlite3_vfs_find("unix"), 1);
    sqlite3_vfs_unregister(FaultyVfs());
  }
};

// ---- the commands ----

const std::string kConfig = kSource + "/config/company.example.toml";

struct Outcome {
  int exit_code;
  std::string err;
};

Outcome RunCli(std::vector<std::string> args) {
  std::istringstream in;
  std::ostringstream out, err;
  const int code = cli::Run(args, in, out, err);
  return {code, out.str() + err.str()};
}

std::string IntegrityCheck(const std::string& db) {
  sqlite3* h = nullptr;
  std::string out;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, "unix") == SQLITE_OK) {
    sqlite3_exec(
        h, "PRAGMA integrity_check",
        [](void* o, int, char** v, char**) {
          *static_cast<std::string*>(o) += v[0] ? v[0] : "";
          return 0;
        },
        &out, nullptr);
  }
  sqlite3_close(h);
  return out;
}

class Faults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    base_ = fs::temp_directory_path() / ("ringback-faults-" + std::to_string(getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_);
    const Outcome audit = RunCli({"audit", kSource + "/examples/sample-week/exports", "--config", kConfig, "--db",
                                  (base_ / "base.db").string(), "--out", (base_ / "base-out").string(), "--as-of",
                                  "2026-11-23T08:00"});
    ASSERT_EQ(audit.exit_code, 0) << audit.err;
    std::ofstream(base_ / "new-forms.csv") << "Entry Id,Entry Date,Name,Phone,Email,Message\n"
                                              "9001,2026-11-22 18:40:12,Lena Ortiz,(512) 555-0141,,Water coming through the ceiling\n"
                                              "9002,2026-11-22 19:03:44,Ray Fox,(512) 555-0142,,Quote for gutters please\n";
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(base_, ec);
  }

  // A fresh copy of the audited sample week.
  std::string Copy(const std::string& name) {
    const fs::path db = base_ / (name + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(db.string() + suffix);
    fs::copy_file(base_ / "base.db", db);
    return db.string();
  }

  // The command under test, against `db`.
  std::vector<std::string> Command(const std::string& which, const std::string& db) {
    const std::string out = db + ".out";
    if (which == "import")
      return {"audit", (base_ / "new-forms.csv").string(), "--config", kConfig, "--db", db, "--out", out,
              "--as-of", "2026-11-23T08:00"};
    if (which == "rebuild")
      return {"review", "--db", db, "--config", kConfig, "--out", out, "--as-of", "2026-11-24T08:00"};
    if (which == "outcome")
      return {"outcome", OpenId(), "booked", "--db", db, "--config", kConfig, "--actor", "Dana Brooks", "--at",
              "2026-11-23T09:00"};
    return {"stop", "add", "(512) 555-0176", "--db", db, "--config", kConfig, "--reason", "asked by phone",
            "--actor", "Dana Brooks", "--as-of", "2026-11-23T09:00"};
  }

  // The stored queue: every row of the opportunities table, in id order.
  static std::string Queue(const std::string& db) {
    sqlite3* h = nullptr;
    std::string out;
    if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, "unix") == SQLITE_OK)
      sqlite3_exec(
          h, "SELECT * FROM opportunities ORDER BY id",
          [](void* o, int n, char** v, char**) {
            for (int i = 0; i < n; ++i) *static_cast<std::string*>(o) += std::string(v[i] ? v[i] : "NULL") + "|";
            *static_cast<std::string*>(o) += "\n";
            return 0;
          },
          &out, nullptr);
    sqlite3_close(h);
    return out;
  }

  // An open opportunity of the sample week, from the base run's queue.csv.
  std::string OpenId() {
    for (const auto& row : e2e::ReadCsv(base_ / "base-out" / "queue.csv"))
      if (row.at("status") == "open" && row.at("duplicate_of").empty()) return row.at("id");
    return "R-none";
  }

  static fs::path base_;
};
fs::path Faults::base_;

// Every write after the first N fails (N = 0: the first one). For each command and each N:
// the command reports the failure and exits non-zero, the file stays sound, and the command
// run again without the fault gives the clean run's queue.
TEST_F(Faults, AFailingWriteLeavesTheDatabaseSoundAndTheRerunMatchesACleanRun) {
  for (const std::string which : {"import", "rebuild", "outcome", "stop"}) {
    const std::string clean = Copy("clean-" + which);
    const Outcome ok = RunCli(Command(which, clean));
    ASSERT_EQ(ok.exit_code, 0) << which << ": " << ok.err;
    const std::string expected = Queue(clean);
    int faults = 0;
    for (int after : {0, 60}) {
      const std::string db = Copy(which + "-" + std::to_string(after));
      Outcome faulted;
      {
        FaultyDefault shim;
        g_failed = 0;
        g_writes_left = after;
        g_armed = true;
        faulted = RunCli(Command(which, db));
        g_armed = false;
      }
      if (g_failed.load() == 0) continue;  // the command needed fewer writes than that
      ++faults;
      EXPECT_NE(faulted.exit_code, 0) << which << " failing after " << after << " writes: " << faulted.err;
      EXPECT_THAT(faulted.err, HasSubstr("database or disk is full")) << which << " failing after " << after << " writes";
      EXPECT_EQ(IntegrityCheck(db), "ok") << which << " failing after " << after << " writes";
      const Outcome again = RunCli(Command(which, db));
      EXPECT_EQ(again.exit_code, 0) << which << " again: " << again.err;
      EXPECT_EQ(Queue(db), expected) << which << " failing after " << after << " writes, then run again";
    }
    EXPECT_GT(faults, 0) << which << ": no write failed, the test tests nothing";
  }
}

// Another program holds the write lock: each command waits its busy timeout, says the
// database is locked, exits 1, and nothing changed.
TEST_F(Faults, ALockedDatabaseIsReportedAndNothingChanges) {
  for (const std::string which : {"import", "rebuild", "outcome", "stop"}) {
    const std::string db = Copy("locked-" + which);
    const std::string before = Queue(db);
    sqlite3* holder = nullptr;
    ASSERT_EQ(sqlite3_open(db.c_str(), &holder), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(holder, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr), SQLITE_OK);
    const Outcome locked = RunCli(Command(which, db));
    sqlite3_exec(holder, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(holder);
    EXPECT_EQ(locked.exit_code, 1) << which << ": " << locked.err;
    EXPECT_THAT(locked.err, HasSubstr("locked")) << which;
    EXPECT_EQ(IntegrityCheck(db), "ok") << which;
    EXPECT_EQ(Queue(db), before) << which << ": the queue is as before";
  }
}

}  // namespace
}  // namespace ringback
