// End-to-end: the same audit on both stores writes the same bytes. Every fixture set is audited
// into a SQLite file and into a PostgreSQL database (whose default collation is not byte
// order: tests/pg/cluster), and every output and every command's answer is compared byte for
// byte. Runs once (not in the PostgreSQL run of the suite, which would only repeat it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "e2e_support.h"

namespace ringback {
namespace {

namespace fs = std::filesystem;
using e2e::kSource;
using e2e::Ringback;
using e2e::RunResult;
using e2e::Slurp;

const std::string kConfig = " --config " + kSource + "/config/company.example.toml";
const std::string kAsOf = " --as-of 2026-11-23T08:00";

// What a set of exports gives through every command: output files by name, then the commands'
// answers.
std::map<std::string, std::string> Everything(const fs::path& set, const std::string& db, const fs::path& out) {
  std::map<std::string, std::string> got;
  const std::string on = " --db '" + db + "'";
  const RunResult audit = Ringback("audit " + set.string() + kConfig + kAsOf + on + " --out " + out.string());
  got["audit exit"] = std::to_string(audit.exit_code);
  // The summary names the output folder; the rest of it must match.
  std::string summary = audit.out;
  for (std::size_t at; (at = summary.find(out.string())) != std::string::npos;) summary.replace(at, out.string().size(), "OUT");
  got["audit summary"] = summary;
  for (const auto& f : fs::directory_iterator(out)) got["file " + f.path().filename().string()] = Slurp(f.path());
  for (const std::string& command : {"queue --json" + kAsOf + kConfig, "queue --overdue" + kAsOf + kConfig,
                                     "ical --events" + kAsOf + kConfig, std::string("contacts --json"),
                                     "stop list --all" + kConfig}) {
    const RunResult r = Ringback(command + on);
    EXPECT_EQ(r.exit_code, 0) << command << ": " << r.out;
    got[command] = r.out;
  }
  const fs::path review = out.string() + "-review";
  const RunResult r = Ringback("review --week 2026-W47" + kAsOf + on + kConfig + " --out " + review.string());
  got["review exit"] = std::to_string(r.exit_code);
  for (const auto& f : fs::directory_iterator(review)) got["review " + f.path().filename().string()] = Slurp(f.path());
  return got;
}

TEST(BothStores, EveryFixtureSetGivesTheSameBytesOnSqliteAndPostgres) {
  std::string why;
  ASSERT_FALSE(test_postgres::ServerUri(&why).empty()) << why;
  const fs::path dir = fs::temp_directory_path() / ("ringback-stores-" + std::to_string(getpid()));
  fs::remove_all(dir);
  std::vector<fs::path> sets = {kSource + "/examples/sample-week/exports"};
  for (const auto& entry : fs::directory_iterator(kSource + "/tests/fixtures"))
    if (entry.is_directory()) sets.push_back(entry.path());
  for (const fs::path& set : sets) {
    const std::string name = set.filename().string();
    const auto sqlite = Everything(set, (dir / (name + ".db")).string(), dir / ("sqlite-" + name));
    const auto postgres = Everything(set, test_postgres::NewDatabase("stores_" + name), dir / ("pg-" + name));
    ASSERT_GE(sqlite.size(), 10u) << set;
    if (set == sets[0]) {
      ASSERT_EQ(sqlite.at("audit exit"), "0") << sqlite.at("audit summary");
      ASSERT_GT(sqlite.at("file queue.csv").size(), 10000u) << "the sample week's queue is compared";
    }
    std::vector<std::string> names;
    for (const auto& [key, value] : sqlite) names.push_back(key);
    std::vector<std::string> pg_names;
    for (const auto& [key, value] : postgres) pg_names.push_back(key);
    EXPECT_EQ(names, pg_names) << set;
    for (const auto& [key, value] : sqlite) {
      auto it = postgres.find(key);
      if (it != postgres.end()) {
        EXPECT_TRUE(it->second == value) << set << ": " << key << " differs:\n" << it->second;
      }
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ringback
