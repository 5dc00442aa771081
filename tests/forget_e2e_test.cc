// End-to-end: `ringback forget` on the audited sample week, and [retention] keep_text_days.
// After forgetting Gary Lindqvist (a stop by text, a quote, an email), neither the database
// file's bytes (after the command's VACUUM and WAL checkpoint) nor any output of the next run
// holds his phone, email or name; his stop holds when the same exports are imported again.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e_support.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;
using e2e::kSource;
using e2e::ReadCsv;
using e2e::Ringback;
using e2e::RunResult;
using e2e::Shell;
using e2e::Slurp;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

const std::string kConfig = " --config " + kSource + "/config/company.example.toml";
const std::string kExports = kSource + "/examples/sample-week/exports";
// Gary Lindqvist of the sample week, as his phone, email and name are written anywhere.
const std::vector<std::string> kGary = {"+15125550183", "5125550183", "(512) 555-0183", "512-555-0183",
                                        "glindqvist",   "Lindqvist",  "Gary L"};

class Forget : public ::testing::Test {
 protected:
  // The sample week audited once; each test works on a copy of its database.
  static void SetUpTestSuite() {
    base_ = fs::temp_directory_path() / ("ringback-forget-" + std::to_string(getpid()));
    fs::remove_all(base_);
    fs::create_directories(base_);
    base_audit_ = Ringback("audit " + kExports + kConfig + " --as-of 2026-11-23T08:00 --db " +
                           (base_ / "base.db").string() + " --out " + (base_ / "before").string());
  }
  static void TearDownTestSuite() { fs::remove_all(base_); }
  void SetUp() override {
    ASSERT_EQ(base_audit_.exit_code, 0) << base_audit_.out;
    dir_ = base_ / ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(dir_);
    fs::copy_file(base_ / "base.db", Db());
    fs::create_directory_symlink(base_ / "before", dir_ / "before");
  }
  std::string Db() const { return (dir_ / "week.db").string(); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  RunResult Audit(const std::string& out, const std::string& config = kConfig) const {
    return Ringback("audit " + kExports + config + " --as-of 2026-11-23T08:00 --db " + Db() + " --out " + Path(out));
  }
  // Every byte of the database's files, and of every file in `out` (the workbook unzipped).
  std::string Everything(const std::string& out) const {
    std::string text;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
      if (fs::exists(Db() + suffix)) text += Slurp(Db() + suffix);
    for (const auto& entry : fs::recursive_directory_iterator(dir_ / out)) {
      if (!entry.is_regular_file()) continue;
      if (entry.path().extension() == ".xlsx") {
        const RunResult unzip = Shell("python3 -c \"import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); "
                                      "[sys.stdout.write(z.read(n).decode()) for n in z.namelist()]\" " +
                                      entry.path().string());
        EXPECT_EQ(unzip.exit_code, 0) << unzip.out;
        text += unzip.out;
      } else {
        text += Slurp(entry.path());
      }
    }
    return text;
  }
  fs::path dir_;
  static fs::path base_;
  static RunResult base_audit_;
};
fs::path Forget::base_;
RunResult Forget::base_audit_;

std::vector<std::string> Found(const std::string& text, const std::vector<std::string>& secrets) {
  std::vector<std::string> found;
  for (const std::string& s : secrets)
    if (text.find(s) != std::string::npos) found.push_back(s);
  return found;
}

TEST_F(Forget, NoByteOfThePersonIsLeftAndTheirStopHoldsOnReimport) {
  EXPECT_THAT(Found(Everything("before"), kGary), ::testing::IsSupersetOf({"+15125550183", "(512) 555-0183", "glindqvist", "Lindqvist"}))
      << "the test looks for what is there";

  const RunResult forget = Ringback("forget glindqvist@example.com --db " + Db() + kConfig +
                                    " --actor 'Maria Alvarez' --reason 'Gary Lindqvist asked on the phone'"
                                    " --as-of 2026-11-23T09:00");
  ASSERT_EQ(forget.exit_code, 0) << forget.out;
  EXPECT_THAT(forget.out, HasSubstr("their stop stays in force"));
  const RunResult review = Ringback("review --db " + Db() + kConfig + " --as-of 2026-11-23T09:30 --out " + Path("after"));
  ASSERT_EQ(review.exit_code, 0) << review.out;
  EXPECT_THAT(Found(Everything("after"), kGary), IsEmpty()) << "in the database file or an output";

  // Who forgot and why is kept, without the name the reason gave.
  const RunResult log = Shell("sqlite3 " + Db() + " 'SELECT actor, reason, handles FROM forget_log'");
  EXPECT_EQ(log.out, "Maria Alvarez|[forgotten] asked on the phone|2\n");

  // The same exports again: Gary is back in the data, and his stop with him.
  ASSERT_EQ(Audit("again").exit_code, 0);
  bool seen = false;
  for (const auto& row : ReadCsv(dir_ / "again" / "queue.csv")) {
    if (row.at("contact").find("Lindqvist") == std::string::npos) continue;
    seen = true;
    EXPECT_EQ(row.at("status"), "do_not_contact") << row.at("id");
    EXPECT_EQ(row.at("draft"), "") << row.at("id");
  }
  EXPECT_TRUE(seen);
  for (const auto& row : ReadCsv(dir_ / "again" / "recovery.csv")) {
    if (row.at("contact").find("Lindqvist") != std::string::npos) {
      EXPECT_NE(row.at("decision"), "follow_up");
    }
  }
}

TEST_F(Forget, UnknownPeopleAndBadInputAreClearErrorsThatChangeNothing) {
  const std::string before = Shell("sqlite3 " + Db() + " 'SELECT count(*) FROM signals; SELECT count(*) FROM forget_log'").out;
  const RunResult unknown = Ringback("forget '(512) 555-0999' --db " + Db() + kConfig + " --actor A --reason R");
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_THAT(unknown.out, HasSubstr("no contact with tel:+15125550999"));
  const RunResult bad = Ringback("forget 'not a number' --db " + Db() + kConfig + " --actor A --reason R");
  EXPECT_EQ(bad.exit_code, 2) << bad.out;
  EXPECT_EQ(Ringback("forget glindqvist@example.com --db " + Db() + kConfig + " --actor A").exit_code, 2)
      << "the reason is required";
  EXPECT_EQ(Shell("sqlite3 " + Db() + " 'SELECT count(*) FROM signals; SELECT count(*) FROM forget_log'").out, before);
}

// [retention] keep_text_days = 3: on each run, bodies of signals older than three days (before
// 2026-11-20 08:00 company time) are emptied, newer ones kept.
TEST_F(Forget, RetentionPurgesOldMessageBodiesOnEachRun) {
  const fs::path config = dir_ / "company.toml";
  std::string text = Slurp(kSource + "/config/company.example.toml");
  const std::size_t at = text.find("keep_text_days = 0");
  ASSERT_NE(at, std::string::npos);
  std::ofstream(config) << text.replace(at, 18, "keep_text_days = 3");
  fs::remove(Db());
  ASSERT_EQ(Audit("out", " --config " + config.string()).exit_code, 0);
  const std::string cutoff = "strftime('%s','2026-11-20 14:00:00')";  // 08:00 CST
  EXPECT_EQ(Shell("sqlite3 " + Db() + " \"SELECT count(*) FROM signals WHERE received_at < " + cutoff +
                  " AND body != ''\"").out,
            "0\n");
  const std::string kept =
      Shell("sqlite3 " + Db() + " \"SELECT count(*) FROM signals WHERE received_at >= " + cutoff + " AND body != ''\"").out;
  EXPECT_NE(kept, "0\n") << "newer bodies are kept";
  // Without the setting (the suite's audit), they are kept.
  EXPECT_NE(Shell("sqlite3 " + (base_ / "base.db").string() + " \"SELECT count(*) FROM signals WHERE received_at < " +
                  cutoff + " AND body != ''\"").out,
            "0\n");
}

}  // namespace
}  // namespace ringback
