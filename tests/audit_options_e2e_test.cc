// End-to-end: what `ringback audit` does with a mapping file beside an export, and with
// --sanitize on import (the database itself holds no phone, email or name of a buyer, and a
// second run links to the same contacts).
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

#include "e2e_support.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;
using e2e::kSource;
using e2e::Ringback;
using e2e::RunResult;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kConfig = " --config " + kSource + "/config/company.example.toml --as-of 2026-11-23T08:00";

class AuditOptions : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("ringback-options-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "exports");
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

// One text column of every row of `sql`, each row followed by a newline.
std::string Column(const fs::path& db, const std::string& sql) { return e2e::QueryColumn(db.string(), sql); }

TEST_F(AuditOptions, AMappingFileBesideAnExportIsApplied) {
  fs::copy_file(kSource + "/tests/fixtures/ingest/custom_pbx_calls.csv", dir_ / "exports" / "acme.csv");
  RunResult without = Ringback("audit " + (dir_ / "exports").string() + kConfig + " --out " + (dir_ / "a").string());
  // Without the mapping only the values speak: the phones and dates are read, the names and
  // durations are not (the audit says which columns it left unused).
  EXPECT_EQ(without.exit_code, 0) << without.out;
  EXPECT_THAT(without.out, HasSubstr("Read 3 signals"));
  fs::copy_file(kSource + "/tests/fixtures/ingest/custom_pbx.mapping.toml", dir_ / "exports" / "acme.mapping.toml");
  RunResult with = Ringback("audit " + (dir_ / "exports").string() + kConfig + " --out " + (dir_ / "b").string());
  EXPECT_EQ(with.exit_code, 0) << with.out;
  EXPECT_THAT(with.out, HasSubstr("Read 3 signals"));
  // A broken mapping file is named, and the export is not imported.
  std::ofstream(dir_ / "exports" / "acme.mapping.toml") << "[columns]\nwhen = \"Call Date\"\n";
  RunResult broken = Ringback("audit " + (dir_ / "exports").string() + kConfig + " --out " + (dir_ / "c").string());
  EXPECT_EQ(broken.exit_code, 1);
  EXPECT_THAT(broken.out, HasSubstr("acme.mapping.toml"));
}

TEST_F(AuditOptions, SanitizeOnImportKeepsNoPrivateDataAndStillLinks) {
  const fs::path db = dir_ / "shared.db";
  // The key is kept beside a SQLite file; PostgreSQL has no file to keep it beside: it is named.
  const fs::path key = e2e::OnPostgres() ? dir_ / "shared.key" : fs::path(db.string() + ".sanitize-key");
  const std::string args = "audit " + kSource + "/examples/sample-week/exports" + kConfig + " --sanitize --db " +
                           e2e::DbArg(db) + (e2e::OnPostgres() ? " --sanitize-key " + key.string() : "") + " --out ";
  RunResult first = Ringback(args + (dir_ / "one").string());
  ASSERT_EQ(first.exit_code, 0) << first.out;
  const std::string stored = Column(db, "SELECT phone || ' ' || phone_raw || ' ' || email || ' ' || name || ' ' || "
                                        "body || ' ' || handle FROM signals");
  ASSERT_FALSE(stored.empty());
  EXPECT_THAT(stored, Not(HasSubstr("+1512555"))) << "E.164 phones";
  EXPECT_THAT(stored, Not(HasSubstr("555-01"))) << "written phones";
  EXPECT_THAT(stored, Not(HasSubstr("@example."))) << "emails";
  EXPECT_THAT(stored, Not(HasSubstr("Teresa Nakamura")));
  EXPECT_THAT(stored, HasSubstr("-0154")) << "the last four digits stay, for display";
  EXPECT_TRUE(fs::exists(key));
  EXPECT_EQ(fs::status(key).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  // The same exports again: the keyed hashes match, so nothing is added and the same people link.
  const std::string contacts = Column(db, "SELECT COUNT(DISTINCT contact_key) FROM handles");
  ASSERT_GT(std::stoi(contacts), 90);
  RunResult second = Ringback(args + (dir_ / "two").string());
  ASSERT_EQ(second.exit_code, 0) << second.out;
  EXPECT_EQ(Column(db, "SELECT COUNT(*) FROM signals"), "160\n");
  EXPECT_EQ(Column(db, "SELECT COUNT(DISTINCT contact_key) FROM handles"), contacts);
  EXPECT_THAT(second.out, HasSubstr("77 real"));
}

}  // namespace
}  // namespace ringback
