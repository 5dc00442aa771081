// The classification corpus and `ringback eval` over it: the split rule, aggregates only for
// the held-out part, the gate's exit code, and what the development part must cover.
#include "cli/corpus.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/classify_command.h"

namespace ringback::cli {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;

class TempCorpus {
 public:
  TempCorpus() : root_(fs::temp_directory_path() / ("ringback-corpus-" + std::to_string(::getpid()))) {
    fs::remove_all(root_);
    fs::create_directories(root_ / "heldout");
  }
  ~TempCorpus() { fs::remove_all(root_); }
  void Write(const std::string& rel, const std::string& text) {
    std::ofstream(root_ / rel) << text;
  }
  std::string path() const { return root_.string(); }

 private:
  fs::path root_;
};

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
};

Outcome Eval(const std::vector<std::string>& args) {
  std::istringstream in;
  std::ostringstream out, err;
  Outcome r;
  r.code = EvalCommand(args, CompanyConfig{}, in, out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

constexpr const char* kDev =
    R"({"id":"D-1","channel":"sms","text":"STOP","labels":["stop"],"family":"stop"})" "\n"
    R"({"id":"D-2","channel":"sms","text":"gate code is 4412 for tomorrow","labels":["routine"],"family":"job_logistics"})" "\n";

TEST(Corpus, FilesUnderHeldoutAreHeldOut) {
  EXPECT_TRUE(IsHeldOut("heldout/sms.jsonl"));
  EXPECT_TRUE(IsHeldOut("more/heldout/a.jsonl"));
  EXPECT_FALSE(IsHeldOut("sms.jsonl"));
  EXPECT_FALSE(IsHeldOut("heldout-notes/sms.jsonl"));
}

TEST(Corpus, ReadsBothPartsAndRefusesDuplicateIds) {
  TempCorpus c;
  c.Write("dev.jsonl", kDev);
  c.Write("heldout/h.jsonl",
          R"({"id":"H-1","channel":"sms","text":"secret held-out words","labels":["routine"]})" "\n"
          R"({"id":"D-1","channel":"sms","text":"again","labels":["stop"]})" "\n"
          R"({"id":"H-3","channel":"fax","text":"x","labels":["stop"]})" "\n");
  StatusOr<Corpus> corpus = ReadCorpus(c.path());
  ASSERT_TRUE(corpus.ok()) << corpus.status().message();
  EXPECT_EQ(corpus->development.size(), 2u);
  EXPECT_EQ(corpus->held_out.size(), 1u);
  ASSERT_EQ(corpus->errors.size(), 2u);
  EXPECT_THAT(corpus->errors[0], HasSubstr("heldout/h.jsonl:2: id: \"D-1\" is used twice"));
  EXPECT_THAT(corpus->errors[1], HasSubstr("heldout/h.jsonl:3: channel"));
}

TEST(EvalCommand, ShowsTheHeldOutPartInAggregateOnly) {
  TempCorpus c;
  c.Write("dev.jsonl", kDev);
  c.Write("heldout/h.jsonl",
          R"({"id":"H-1","channel":"sms","text":"zebra quartz held out words","labels":["emergency"],"family":"plain_urgency"})" "\n");
  const Outcome r = Eval({"--quiet", c.path()});
  EXPECT_THAT(r.out, HasSubstr("Held-out part (aggregates only): 1 cases"));
  EXPECT_THAT(r.out, Not(HasSubstr("zebra")));
  EXPECT_THAT(r.out, Not(HasSubstr("H-1")));
  const Outcome listed = Eval({c.path()});  // mismatches listed: development ones only
  EXPECT_THAT(listed.out, Not(HasSubstr("zebra")));
  EXPECT_THAT(listed.out, Not(HasSubstr("H-1")));
  // Below the gate (and a gated family with no case): exit 1, the reasons on stderr.
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("held-out part: accuracy 0.00 < 0.92"));
  EXPECT_THAT(r.err, HasSubstr("family solicitation: no cases"));
  const Outcome md = Eval({"--markdown", c.path()});
  EXPECT_EQ(md.code, 0);
  EXPECT_THAT(md.out, HasSubstr("## Held-out part"));
  EXPECT_THAT(md.out, Not(HasSubstr("zebra")));
}

TEST(EvalCommand, AFloorFileIsTheRatchetAndTheGoalIsStillReported) {
  TempCorpus c;
  c.Write("dev.jsonl", kDev);
  std::string held;
  for (const char* family : {"past_quote_by_time", "past_work_failing", "job_logistics",
                             "solicitation", "plain_urgency"})
    held += std::string(R"({"id":"H-)") + family + R"(","channel":"sms","text":"STOP","labels":["stop"],"family":")" +
            family + "\"}\n";
  held += R"({"id":"H-x","channel":"sms","text":"zebra quartz","labels":["emergency"]})" "\n";
  c.Write("heldout/h.jsonl", held);  // 5 of 6 right: accuracy 0.83, below the 0.92 goal
  c.Write("low.txt", "# reached so far\naccuracy 0.80\n");
  const Outcome holds = Eval({"--quiet", "--floor", c.path() + "/low.txt", c.path()});
  EXPECT_EQ(holds.code, 0) << holds.err;
  EXPECT_THAT(holds.out, HasSubstr("Held-out floor: holds"));
  EXPECT_THAT(holds.out, HasSubstr("Held-out goal not met: accuracy 0.83 < 0.92"));
  c.Write("high.txt", "accuracy 0.85\nfamily solicitation 0.9\n");
  const Outcome falls = Eval({"--quiet", "--floor", c.path() + "/high.txt", c.path()});
  EXPECT_EQ(falls.code, 1);
  EXPECT_THAT(falls.err, HasSubstr("held-out part: accuracy 0.83 < 0.85"));
  c.Write("bad.txt", "accuracy 0.8\nprecision 0.9\n");
  const Outcome bad = Eval({"--quiet", "--floor", c.path() + "/bad.txt", c.path()});
  EXPECT_EQ(bad.code, 1);
  EXPECT_THAT(bad.err, HasSubstr("bad.txt:2: unknown figure \"precision\""));
  EXPECT_EQ(Eval({"--quiet", "--floor", c.path() + "/missing.txt", c.path()}).code, 1);
}

TEST(EvalCommand, RequireHeldoutFailsWithoutIt) {
  TempCorpus c;
  c.Write("dev.jsonl", kDev);
  EXPECT_EQ(Eval({"--quiet", c.path()}).code, 0);
  const Outcome r = Eval({"--quiet", "--require-heldout", c.path()});
  EXPECT_EQ(r.code, 1);
  EXPECT_THAT(r.err, HasSubstr("no held-out cases"));
}

// The development part as the issue asks: size, every category on every channel and in every
// trade, the families, both languages besides English, near-misses.
TEST(DevelopmentCorpus, CoversWhatTheIssueAsks) {
  StatusOr<Corpus> corpus = ReadCorpus(RINGBACK_SOURCE_DIR "/tests/cases/classify");
  ASSERT_TRUE(corpus.ok()) << corpus.status().message();
  EXPECT_TRUE(corpus->errors.empty()) << corpus->errors.front();
  const auto& dev = corpus->development;
  EXPECT_GE(dev.size(), 1400u);
  std::set<std::pair<Category, Channel>> by_channel;
  std::set<std::pair<Category, std::string>> by_trade;
  std::map<std::string, int> families, langs;
  for (const auto& ex : dev) {
    by_channel.insert({ex.label, ex.channel});
    if (!ex.trade.empty()) by_trade.insert({ex.label, ex.trade});
    ++families[ex.family];
    ++langs[ex.lang];
  }
  for (Category cat : {Category::kEmergency, Category::kActiveEstimate, Category::kOldEstimate,
                       Category::kWarranty, Category::kRoutine, Category::kSpam, Category::kStop,
                       Category::kUnknown})
    for (Channel ch : {Channel::kCall, Channel::kVoicemail, Channel::kForm, Channel::kSms,
                       Channel::kEmail, Channel::kProfile})
      EXPECT_TRUE(by_channel.count({cat, ch})) << CategoryName(cat) << " on " << ChannelName(ch);
  // Stops, spam and unknowns name no trade; the others appear in every trade.
  for (Category cat : {Category::kEmergency, Category::kActiveEstimate, Category::kOldEstimate,
                       Category::kWarranty, Category::kRoutine})
    for (const char* trade : {"roofing", "hvac", "plumbing", "restoration", "remodeling"})
      EXPECT_TRUE(by_trade.count({cat, trade})) << CategoryName(cat) << " in " << trade;
  for (const char* family : {"past_quote_by_time", "past_work_failing", "job_logistics",
                             "solicitation", "plain_urgency", "stop", "stop_near_miss"})
    EXPECT_GE(families[family], 60) << family;
  EXPECT_GE(langs["es"], 60);
  EXPECT_GE(langs["spanglish"], 25);
}

}  // namespace
}  // namespace ringback::cli
