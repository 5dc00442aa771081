// Phone and email normalization, the per-row cost every import pays: ParsePhone
// (libphonenumber) on the formats real exports use, NormalizeEmail, and ZoneForPhone (the
// offline geocoder behind quiet hours).
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "identity/phone.h"
#include "identity/phone_timezone.h"

namespace {

// Fictional numbers only: NPA-555-XXXX.
std::vector<std::string> Numbers(std::size_t count) {
  constexpr std::array<int, 8> kAreas{512, 737, 254, 830, 210, 214, 713, 915};
  std::vector<std::string> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const int area = kAreas[i % kAreas.size()];
    const int last4 = static_cast<int>((i * 7919 + 1000) % 10000);
    char buf[40];
    switch (i % 7) {
      case 0: std::snprintf(buf, sizeof buf, "(%d) 555-%04d", area, last4); break;
      case 1: std::snprintf(buf, sizeof buf, "%d-555-%04d", area, last4); break;
      case 2: std::snprintf(buf, sizeof buf, "+1%d555%04d", area, last4); break;
      case 3: std::snprintf(buf, sizeof buf, "%d555%04d", area, last4); break;
      case 4: std::snprintf(buf, sizeof buf, "%d.555.%04d", area, last4); break;
      case 5: std::snprintf(buf, sizeof buf, "+1 %d-555-%04d x12", area, last4); break;
      default: std::snprintf(buf, sizeof buf, "%d 555 %04d", area, last4); break;
    }
    out.emplace_back(buf);
  }
  return out;
}

void BM_ParsePhone(benchmark::State& state) {
  const auto numbers = Numbers(1000);
  for (auto _ : state) {
    for (const std::string& n : numbers) benchmark::DoNotOptimize(ringback::ParsePhone(n, "US"));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(numbers.size()));
}
BENCHMARK(BM_ParsePhone);

void BM_ParsePhoneRejected(benchmark::State& state) {
  const std::vector<std::string> junk{"Anonymous", "Unknown", "", "RESTRICTED", "12", "+1 (000) 000-0000"};
  for (auto _ : state) {
    for (const std::string& n : junk) benchmark::DoNotOptimize(ringback::ParsePhone(n, "US"));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(junk.size()));
}
BENCHMARK(BM_ParsePhoneRejected);

void BM_NormalizeEmail(benchmark::State& state) {
  const std::vector<std::string> emails{"Jane Doe <Jane.Doe@Example.com>", "  kmarsh@example.com ",
                                        "\"Okafor, Denise\" <denise.okafor@example.net>",
                                        "alan.pryor@example.org", "not an address"};
  for (auto _ : state) {
    for (const std::string& e : emails) benchmark::DoNotOptimize(ringback::NormalizeEmail(e));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(emails.size()));
}
BENCHMARK(BM_NormalizeEmail);

void BM_ZoneForPhone(benchmark::State& state) {
  std::vector<std::string> e164;
  for (const std::string& n : Numbers(1000)) e164.push_back(ringback::ParsePhone(n, "US").e164);
  for (auto _ : state) {
    for (const std::string& n : e164)
      benchmark::DoNotOptimize(ringback::ZoneForPhone(n, "America/Chicago"));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(e164.size()));
}
BENCHMARK(BM_ZoneForPhone);

}  // namespace

BENCHMARK_MAIN();
