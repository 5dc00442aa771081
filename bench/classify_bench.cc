// Throughput of Classifier::Classify on a deterministic mix of generated messages (SMS,
// voicemail transcripts, forms), and the one-off cost of Classifier::Create.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "classify/classifier.h"

namespace {

using ringback::Channel;
using ringback::ClassifyContext;

struct Message {
  Channel channel;
  std::string text;
  ClassifyContext context;
};

constexpr std::array<std::string_view, 8> kOpenings{
    "Hi, this is Dana on Maple Street.", "hey", "Good afternoon,", "",
    "Yeah hi um this is Rick calling", "Hello, I found you on Google.", "Hi there!",
    "This message is for the office."};

constexpr std::array<std::string_view, 16> kBodies{
    "We have water coming through the kitchen ceiling since last night",
    "our furnance quit and its 52 degrees in the house plz call asap",
    "Can I get a qoute for a new roof? The house is about 2,000 sq ft",
    "Following up on the estimate you sent in March, is the price still good?",
    "You guys replaced our water heater last year and now it is leaking at the valve",
    "Do you service the Round Rock area and what are your hours on Saturday",
    "This is an important message about your Google business listing, press 1",
    "Please take me off your list",
    "the AC is blowing warm air, no rush, sometime next week is fine",
    "Not interested anymore thanks",
    "can you stop by Tuesday to look at the gutters",
    "the leak is no longer dripping but we want someone to look at the flashing",
    "We want to remodel the master bathroom, tub to shower conversion",
    "We are pre-approved for up to 250k in working capital for your business",
    "STOP",
    "the toilet keeps running and the faucet won't stop dripping"};

constexpr std::array<std::string_view, 5> kClosings{
    "", "Thanks!", "Call me back at 512-555-0142.", "thx", "Appreciate it, bye."};

constexpr std::array<Channel, 5> kChannels{Channel::kSms, Channel::kVoicemail, Channel::kForm,
                                           Channel::kEmail, Channel::kProfile};

template <typename T, std::size_t N>
const T& Pick(const std::array<T, N>& items, std::mt19937& rng) {
  return items[rng() % N];
}

std::vector<Message> Generate(std::size_t count) {
  std::mt19937 rng(20251117);  // fixed seed: the same messages on every run
  std::vector<Message> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Message m{Pick(kChannels, rng), "", {}};
    if (rng() % 10 == 0) {  // a missed call with nothing said
      m.channel = Channel::kCall;
      m.context.duration_seconds = static_cast<std::int64_t>(rng() % 30);
    } else {
      m.text = std::string(Pick(kOpenings, rng)) + " " + std::string(Pick(kBodies, rng)) + " " +
               std::string(Pick(kClosings, rng));
    }
    if (rng() % 4 == 0) m.context.estimate_age_days = static_cast<int>(rng() % 90);
    m.context.calls_within_minutes = static_cast<int>(rng() % 4);
    out.push_back(std::move(m));
  }
  return out;
}

void BM_Classify(benchmark::State& state) {
  const auto classifier = ringback::Classifier::Create(ringback::CompanyConfig{});
  if (!classifier.ok()) {
    state.SkipWithError(classifier.status().ToString().c_str());
    return;
  }
  const std::vector<Message> messages = Generate(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    for (const Message& m : messages)
      benchmark::DoNotOptimize((*classifier)->Classify(m.channel, m.text, m.context));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(messages.size()));
}
BENCHMARK(BM_Classify)->Arg(1000);

void BM_Create(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(ringback::Classifier::Create({}));
}
BENCHMARK(BM_Create)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
