// report.html for a large audit: WeeklySummary accumulated over N queue rows (as WriteOutputs
// streams them from the store) and RenderReport over the first kReportQueueRows of them.
// Target: 50k opportunities in under 1 s.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/opportunity.h"
#include "core/time.h"
#include "review/report.h"
#include "review/weekly_summary.h"

namespace {

using ringback::Category;
using ringback::Opportunity;
using ringback::OpportunityStatus;

std::vector<Opportunity> Queue(std::size_t count) {
  constexpr std::array<Category, 9> kCategories{
      Category::kEmergency, Category::kActiveEstimate, Category::kActiveEstimate, Category::kOldEstimate,
      Category::kWarranty,  Category::kRoutine,        Category::kUnknown,        Category::kDuplicate,
      Category::kSpam};
  constexpr std::array<OpportunityStatus, 4> kStatuses{OpportunityStatus::kOpen, OpportunityStatus::kOverdue,
                                                       OpportunityStatus::kAttempted, OpportunityStatus::kReached};
  constexpr std::array<const char*, 5> kOwners{"Rick Hollis", "Priya Shah", "Dana Brooks", "Luis Mendez",
                                               "Tom Nguyen"};
  const std::int64_t base = 1795327200;  // 2026-11-22T06:00:00Z
  std::vector<Opportunity> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    Opportunity o;
    char id[24];
    std::snprintf(id, sizeof id, "R-%010zx", i * 2654435761u);
    o.id = id;
    const int last4 = static_cast<int>((i * 7919 + 1000) % 10000);
    char phone[24];
    std::snprintf(phone, sizeof phone, "+1512555%04d", last4);
    o.contact_key = std::string("tel:") + phone;
    o.contact_display = "Jane Doe · (512) 555-" + std::to_string(1000 + last4 % 9000);
    o.channels = {ringback::Channel::kCall, ringback::Channel::kVoicemail};
    o.received_at = ringback::FromUnix(base - static_cast<std::int64_t>(i % 604800));
    o.category = kCategories[i % kCategories.size()];
    o.confidence = 0.8;
    o.reasons = {"emergency: \"water coming through\"", "3 calls within 10 min"};
    o.trade = i % 2 ? "roofing" : "hvac";
    o.owner = kOwners[i % kOwners.size()];
    o.backup_owner = kOwners[(i + 2) % kOwners.size()];
    o.next_action = "Call within 15 min; if no answer, text the urgent note";
    o.deadline = o.received_at + ringback::Seconds(900);
    o.status = o.category == Category::kDuplicate || o.category == Category::kSpam ? OpportunityStatus::kClosed
                                                                                    : kStatuses[i % kStatuses.size()];
    o.draft = "Hi Jane, this is Dana at Summit Ridge Roofing & Air. We got your message about the leak and are "
              "calling you now.";
    o.summary = "water coming through the living room ceiling after the storm";
    out.push_back(std::move(o));
  }
  return out;
}

void BM_Report(benchmark::State& state) {
  const std::vector<Opportunity> queue = Queue(static_cast<std::size_t>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    ringback::WeeklySummary summary;
    ringback::ReportInput input;
    input.company = "Summit Ridge Roofing & Air";
    input.time_zone = "America/Chicago";
    input.as_of = ringback::FromUnix(1795327200 + 7200);
    input.period = "Mon 11/16 – Sun 11/22";
    for (const Opportunity& o : queue) {
      ringback::AddToSummary(summary, o);
      if (input.queue.size() < ringback::kReportQueueRows) input.queue.push_back(o);
      ++input.queue_total;
    }
    input.signals = static_cast<std::int64_t>(queue.size()) * 3 / 2;
    input.summary = &summary;
    const std::string html = ringback::RenderReport(input);
    bytes = html.size();
    benchmark::DoNotOptimize(html.data());
  }
  state.counters["html_bytes"] = static_cast<double>(bytes);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Report)->Arg(1000)->Arg(50000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
