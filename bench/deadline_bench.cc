// Deadline arithmetic: AddSla over the business calendar (IANA zone, hours, holidays), OnCallAt,
// and Assign (owner, backup, next action and deadline), with the company of
// config/company.example.toml. Starts are spread over a year so DST changes and holidays count.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "assign/assigner.h"
#include "config/config_loader.h"
#include "core/time.h"

namespace {

const ringback::CompanyConfig* Company() {
  static const ringback::CompanyConfig* config = [] {
    auto loaded = ringback::LoadConfig(RINGBACK_SOURCE_DIR "/config/company.example.toml");
    return loaded.ok() ? new ringback::CompanyConfig(*loaded) : nullptr;
  }();
  return config;
}

// Deterministic instants: 2026-01-01 plus a stride that lands on every hour and weekday.
std::vector<ringback::Timestamp> Starts(std::size_t count) {
  std::vector<ringback::Timestamp> out;
  const std::int64_t base = 1767225600;  // 2026-01-01T00:00:00Z
  for (std::size_t i = 0; i < count; ++i)
    out.push_back(ringback::FromUnix(base + static_cast<std::int64_t>(i) * 31607));  // ~8.8 h
  return out;
}

void BM_AddSla(benchmark::State& state) {
  const auto* config = Company();
  if (config == nullptr) {
    state.SkipWithError("cannot load config/company.example.toml");
    return;
  }
  const std::array<ringback::Sla, 4> slas{
      ringback::Sla{ringback::Seconds(15 * 60), false},         // emergency, clock
      ringback::Sla{ringback::Seconds(2 * 3600), true},         // active estimate
      ringback::Sla{ringback::Seconds(4 * 3600), true},         // warranty
      ringback::Sla{ringback::Seconds(86400), true}};           // routine: one business day
  const auto& sla = slas[static_cast<std::size_t>(state.range(0))];
  const auto starts = Starts(1000);
  for (auto _ : state) {
    for (const auto t : starts) benchmark::DoNotOptimize(ringback::AddSla(*config, t, sla));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(starts.size()));
}
BENCHMARK(BM_AddSla)->ArgName("sla")->Arg(0)->Arg(1)->Arg(2)->Arg(3);  // 15m, 2h b, 4h b, 1d b

void BM_IsBusinessTime(benchmark::State& state) {
  const auto* config = Company();
  if (config == nullptr) {
    state.SkipWithError("cannot load config/company.example.toml");
    return;
  }
  const auto starts = Starts(1000);
  for (auto _ : state) {
    for (const auto t : starts) benchmark::DoNotOptimize(ringback::IsBusinessTime(*config, t));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(starts.size()));
}
BENCHMARK(BM_IsBusinessTime);

void BM_OnCallAt(benchmark::State& state) {
  const auto* config = Company();
  if (config == nullptr) {
    state.SkipWithError("cannot load config/company.example.toml");
    return;
  }
  const auto starts = Starts(1000);
  for (auto _ : state) {
    for (const auto t : starts) benchmark::DoNotOptimize(ringback::OnCallAt(*config, t));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(starts.size()));
}
BENCHMARK(BM_OnCallAt);

void BM_Assign(benchmark::State& state) {
  const auto* config = Company();
  if (config == nullptr) {
    state.SkipWithError("cannot load config/company.example.toml");
    return;
  }
  constexpr std::array<ringback::Category, 6> kCategories{
      ringback::Category::kEmergency, ringback::Category::kActiveEstimate, ringback::Category::kOldEstimate,
      ringback::Category::kWarranty,  ringback::Category::kRoutine,        ringback::Category::kUnknown};
  constexpr std::array<const char*, 3> kTrades{"roofing", "hvac", ""};
  const auto starts = Starts(1000);
  std::vector<ringback::AssignRequest> requests;
  for (std::size_t i = 0; i < starts.size(); ++i)
    requests.push_back({kCategories[i % kCategories.size()], starts[i], kTrades[i % kTrades.size()],
                        i % 5 == 0 ? "Rick Hollis" : ""});
  const std::map<std::string, int> open_work{{"Rick Hollis", 12}, {"Priya Shah", 9}, {"Dana Brooks", 30}};
  for (auto _ : state) {
    for (const auto& r : requests) benchmark::DoNotOptimize(ringback::Assign(*config, r, open_work));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(requests.size()));
}
BENCHMARK(BM_Assign);

}  // namespace

BENCHMARK_MAIN();
