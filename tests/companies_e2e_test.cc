// End-to-end: companies (tenants) in one database, through every command that takes --db. Two
// companies import the very same sample week (the same ids, handles and quotes) and a third the
// never-seen exports. Whatever one company does (stops, outcomes, accounts) the others never
// see: "acme" is only read, and must answer exactly as the sample week audited alone; "bolt"
// takes every change, and must show it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

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
using e2e::Table;
using ::testing::HasSubstr;
using ::testing::Not;

const std::string kConfig = " --config " + kSource + "/config/company.example.toml";
const std::string kAsOf = " --as-of 2026-11-23T08:00";
const std::string kWeek = kSource + "/examples/sample-week/exports";

class Companies : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("ringback-companies-" + std::to_string(getpid()));
    fs::remove_all(dir_);
    // bolt first, so that acme's audit runs in a database that already holds the same facts.
    audits_["alone"] = Ringback("audit " + kWeek + kConfig + kAsOf + " --db " + Alone() + " --out " + Out("alone"));
    audits_["bolt"] = Audit(kWeek, "bolt");
    audits_["acme"] = Audit(kWeek, "acme");
    audits_["cove"] = Audit(kSource + "/tests/fixtures/never-seen", "cove");
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }

  void SetUp() override {
    for (const auto& [name, run] : audits_) ASSERT_EQ(run.exit_code, 0) << name << ": " << run.out;
  }

  static RunResult Audit(const std::string& inputs, const std::string& company) {
    return Ringback("audit " + inputs + kConfig + kAsOf + " --db " + Shared() + " --company " + company + " --out " +
                    Out(company));
  }
  static std::string Shared() { return e2e::DbArg(dir_ / "shared.db"); }
  static std::string Alone() { return e2e::DbArg(dir_ / "alone.db"); }
  static std::string Out(const std::string& name) { return (dir_ / name).string(); }
  // `ringback COMMAND` on the shared database as `company`, and on the sample week alone (with
  // the config, for the commands that take one).
  static RunResult In(const std::string& company, const std::string& command) {
    return Ringback(command + " --db " + Shared() + " --company " + company + ConfigFor(command));
  }
  static RunResult Alone(const std::string& command) {
    return Ringback(command + " --db " + Alone() + ConfigFor(command));
  }
  static std::string ConfigFor(const std::string& command) {
    return command.rfind("contacts", 0) == 0 || command.rfind("user", 0) == 0 ? "" : kConfig;
  }

  // The `nth` contact of the sample week with open work and a draft (a row of queue.csv): each
  // test changes a contact of its own.
  static std::map<std::string, std::string> OpenRowWithDraft(int nth) {
    std::set<std::string> contacts;
    for (const auto& row : ReadCsv(dir_ / "alone" / "queue.csv"))
      if (row.at("duplicate_of").empty() && row.at("status") == "overdue" && !row.at("draft").empty() &&
          row.at("contact_key").rfind("tel:", 0) == 0 && contacts.insert(row.at("contact_key")).second &&
          static_cast<int>(contacts.size()) == nth + 1)
        return row;
    return {};
  }

  static fs::path dir_;
  static std::map<std::string, RunResult> audits_;
};
fs::path Companies::dir_;
std::map<std::string, RunResult> Companies::audits_;

TEST_F(Companies, AnAuditInASharedDatabaseWritesWhatItWritesAlone) {
  for (const char* file : {"queue.csv", "rejects.csv", "report.html", "recovery.csv", "review.csv", "review.xlsx"}) {
    const std::string alone = Slurp(dir_ / "alone" / file);
    ASSERT_FALSE(alone.empty()) << file;
    EXPECT_TRUE(Slurp(dir_ / "acme" / file) == alone) << file << " of acme differs from the sample week alone";
    EXPECT_TRUE(Slurp(dir_ / "bolt" / file) == alone) << file << " of bolt differs from the sample week alone";
  }
  // The summary counts only the company's own facts.
  EXPECT_THAT(audits_["acme"].out, HasSubstr("Read 160 signals, 40 callbacks and 29 estimates from 6 files"));
  EXPECT_THAT(audits_["cove"].out, Not(HasSubstr("Read 160 signals")));
  std::set<std::string> week_ids, cove_ids;
  for (const auto& row : ReadCsv(dir_ / "alone" / "queue.csv")) week_ids.insert(row.at("id"));
  for (const auto& row : ReadCsv(dir_ / "cove" / "queue.csv")) cove_ids.insert(row.at("id"));
  ASSERT_FALSE(cove_ids.empty());
  for (const std::string& id : cove_ids) EXPECT_EQ(week_ids.count(id), 0u) << id << " of the sample week in cove's queue";
}

TEST_F(Companies, QueueAndContactsListOnlyTheCompanysOwn) {
  const std::string queue = "queue --json" + kAsOf;
  const RunResult alone = Alone(queue);
  ASSERT_EQ(alone.exit_code, 0) << alone.out;
  EXPECT_EQ(In("acme", queue).out, alone.out);
  const RunResult cove = In("cove", queue);
  ASSERT_EQ(cove.exit_code, 0) << cove.out;
  EXPECT_NE(cove.out, alone.out);
  for (const auto& row : ReadCsv(dir_ / "alone" / "queue.csv"))
    EXPECT_THAT(cove.out, Not(HasSubstr("\"" + row.at("id") + "\""))) << "cove's queue lists the sample week";

  const RunResult contacts = Alone("contacts --json");
  ASSERT_EQ(contacts.exit_code, 0) << contacts.out;
  EXPECT_EQ(In("acme", "contacts --json").out, contacts.out);
  const RunResult cove_contacts = In("cove", "contacts --json");
  ASSERT_EQ(cove_contacts.exit_code, 0) << cove_contacts.out;
  EXPECT_THAT(cove_contacts.out, Not(HasSubstr("tel:+15125550154"))) << "a buyer of the sample week";
  EXPECT_THAT(contacts.out, HasSubstr("tel:+15125550154"));
}

TEST_F(Companies, AStopInOneCompanyStopsNothingInAnother) {
  const auto row = OpenRowWithDraft(0);
  ASSERT_FALSE(row.empty());
  const std::string phone = row.at("contact_key").substr(4);
  const RunResult stop = In("bolt", "stop add " + phone + " --reason 'asked on the phone' --actor Dana");
  ASSERT_EQ(stop.exit_code, 0) << stop.out;
  EXPECT_THAT(In("bolt", "stop list").out, HasSubstr(phone));
  EXPECT_THAT(In("acme", "stop list").out, Not(HasSubstr("asked on the phone")));
  EXPECT_EQ(In("acme", "stop list --all").out, Alone("stop list --all").out);
  // bolt's queue drafts nothing to the contact any more; acme's still does.
  const std::string queue = "queue --json" + kAsOf;
  EXPECT_EQ(In("acme", queue).out, Alone(queue).out);
  const RunResult bolt = In("bolt", queue);
  EXPECT_NE(bolt.out, Alone(queue).out) << "bolt's stop shows in bolt's queue";
  EXPECT_EQ(In("acme", "contacts --json").out, Alone("contacts --json").out);
  // Lifting it is bolt's business too.
  const RunResult lift = In("acme", "stop lift " + phone + " --reason 'not ours' --actor Maria");
  EXPECT_EQ(lift.exit_code, 1) << "acme has no stop for the contact: " << lift.out;
  EXPECT_THAT(In("bolt", "stop list").out, HasSubstr(phone));
}

TEST_F(Companies, AnOutcomeCountsOnlyInItsCompanysReviewQueueAndCalendar) {
  const auto row = OpenRowWithDraft(1);
  ASSERT_FALSE(row.empty());
  const std::string id = row.at("id");
  const RunResult outcome = In("bolt", "outcome " + id + " booked --at 2026-11-20T10:00 --actor Dana");
  ASSERT_EQ(outcome.exit_code, 0) << outcome.out;
  const std::string review = "review --week 2026-W47" + kAsOf + " --out ";
  ASSERT_EQ(In("acme", review + Out("acme-review")).exit_code, 0);
  ASSERT_EQ(In("bolt", review + Out("bolt-review")).exit_code, 0);
  ASSERT_EQ(Alone(review + Out("alone-review")).exit_code, 0);
  for (const char* file : {"review.csv", "queue.csv", "report.html", "review.xlsx"})
    EXPECT_TRUE(Slurp(dir_ / "acme-review" / file) == Slurp(dir_ / "alone-review" / file)) << file;
  auto booked = [](const std::string& out) {
    for (const auto& r : ReadCsv(fs::path(out) / "review.csv"))
      if (r.at("metric") == "booked") return std::stoi(r.at("this_week"));
    return -1;
  };
  EXPECT_EQ(booked(Out("bolt-review")), booked(Out("alone-review")) + 1);
  const std::string ical = "ical --events" + kAsOf;
  EXPECT_EQ(In("acme", ical).out, Alone(ical).out);
  EXPECT_THAT(Alone(ical).out, HasSubstr(id));
  EXPECT_THAT(In("bolt", ical).out, Not(HasSubstr(id))) << "booked: no callback left in bolt's calendar";
  // An outcome for an opportunity only another company has is refused.
  std::string cove_id;
  for (const auto& r : ReadCsv(dir_ / "cove" / "queue.csv"))
    if (r.at("duplicate_of").empty()) cove_id = r.at("id");
  ASSERT_FALSE(cove_id.empty());
  const RunResult foreign = In("acme", "outcome " + cove_id + " booked");
  EXPECT_EQ(foreign.exit_code, 1) << foreign.out;
  EXPECT_THAT(foreign.out, HasSubstr("no opportunity"));
}

TEST_F(Companies, RecoverPlansOnlyTheCompanysQuotes) {
  const std::string recover = "recover --estimates " + kWeek + "/estimates.csv" + kAsOf + " --out ";
  ASSERT_EQ(Alone(recover + Out("alone-recover")).exit_code, 0);
  ASSERT_EQ(In("acme", recover + Out("acme-recover")).exit_code, 0);
  EXPECT_TRUE(Slurp(dir_ / "acme-recover" / "recovery.csv") == Slurp(dir_ / "alone-recover" / "recovery.csv"));
  // cove's quotes are its own: its plan holds none of the sample week's.
  const RunResult cove = In("cove", "recover --estimates " + kSource + "/tests/fixtures/recovery/estimates.csv" + kAsOf +
                                        " --out " + Out("cove-recover"));
  ASSERT_EQ(cove.exit_code, 0) << cove.out;
  std::set<std::string> week;
  for (const auto& r : ReadCsv(dir_ / "alone-recover" / "recovery.csv")) week.insert(r.at("estimate_number"));
  const Table plan = ReadCsv(dir_ / "cove-recover" / "recovery.csv");
  ASSERT_FALSE(plan.empty());
  for (const auto& r : plan) EXPECT_EQ(week.count(r.at("estimate_number")), 0u) << r.at("estimate_number");
}

TEST_F(Companies, AnAccountBelongsToTheCompaniesItWasAddedTo) {
  auto add = [](const std::string& company, const std::string& args, const std::string& password) {
    return Shell("printf '%s\\n' '" + password + "' | " + e2e::kBinary + " user add " + args + " --db " + Shared() +
                 " --company " + company + " --password-stdin");
  };
  const RunResult added = add("bolt", "maria --role admin --name 'Maria Alvarez'", "maria own password");
  ASSERT_EQ(added.exit_code, 0) << added.out;
  EXPECT_THAT(added.out, HasSubstr("added maria (admin, Maria Alvarez) to company bolt"));
  EXPECT_THAT(In("bolt", "user list").out, HasSubstr("maria\tadmin\tMaria Alvarez"));
  EXPECT_EQ(In("acme", "user list").out, "") << "acme has no accounts";
  // The same login joins acme only with its own password, and has a role of its own there.
  const RunResult wrong = add("acme", "maria --role technician --name 'Jake Turner'", "someone else pass");
  EXPECT_EQ(wrong.exit_code, 1) << wrong.out;
  EXPECT_THAT(wrong.out, HasSubstr("another company"));
  EXPECT_EQ(In("acme", "user list").out, "");
  const RunResult joined = add("acme", "maria --role technician --name 'Jake Turner'", "maria own password");
  ASSERT_EQ(joined.exit_code, 0) << joined.out;
  EXPECT_EQ(In("acme", "user list").out, "maria\ttechnician\tJake Turner\n");
  EXPECT_THAT(In("bolt", "user list").out, HasSubstr("maria\tadmin\tMaria Alvarez"));
}

TEST_F(Companies, AnUnknownOrMistypedCompanyIsAnError) {
  const RunResult unknown = In("acme-roofing", "queue");
  EXPECT_EQ(unknown.exit_code, 1) << unknown.out;
  EXPECT_THAT(unknown.out, HasSubstr("no company \"acme-roofing\""));
  for (const std::string& command : {std::string("contacts"), std::string("stop list"), std::string("ical"),
                                    std::string("user list"), "review --out " + Out("x"),
                                    std::string("outcome R-1 booked"), std::string("serve --listen 127.0.0.1:0")}) {
    const RunResult r = In("nosuch", command);
    EXPECT_EQ(r.exit_code, 1) << command << ": " << r.out;
    EXPECT_THAT(r.out, HasSubstr("no company \"nosuch\"")) << command;
  }
  for (const char* bad : {"Acme", "acme_roofing", "acme roofing", ""}) {
    const RunResult r = Ringback(std::string("queue --db ") + Shared() + " --company '" + bad + "'" + kConfig);
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.out;
  }
}

}  // namespace
}  // namespace ringback
