// When calls are lost: one ISO week as a weekday × hour grid (company time) of the inbound
// contacts and of those missed or answered late, with the roster's hours and the on-call
// person laid over it, so an owner sees "Sat 8–10 am: 9 missed or late, nobody on the roster
// working". Pure: queue rows are streamed in; the roster comes from the config.
//
// Inbound: every queue row received in the week (each opportunity and each duplicate row is
// one inbound signal). Lost (missed or answered late): a real opportunity (no duplicate_of, a
// real category, not do_not_contact or closed) whose deadline passed with no attempt (status
// overdue), that was escalated (its own deadline passed first), or whose first attempt came
// after its deadline. Both read only queue.csv's columns (received_at, duplicate_of, category,
// status, escalations, first_attempt_at, deadline), so the grid can be recounted from it.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/company_config.h"
#include "core/opportunity.h"
#include "review/weekly_review.h"

namespace ringback {

// True when `o` counts as missed or answered late (see above).
bool IsMissedOrLate(const Opportunity& o);

struct HeatCell {
  int inbound = 0;
  int lost = 0;
  bool open = false;                // the office's hours cover part of the hour (not a holiday)
  std::vector<std::string> staff;   // roster members working part of the hour
  std::string on_call;              // on call at the start of the hour; empty when nobody
};

struct HeatDay {
  std::string label;               // "Sat 11/21"
  std::string name;                // "Saturday"
  bool holiday = false;
  std::string office_hours;        // "8 am–12 pm", "closed", "holiday"
  std::vector<std::string> on_call;  // who is on call that day, in order ("Luis Mendez", "Jake Turner from 7:30 am")
  std::array<HeatCell, 24> hours{};
};

// A run of hours on one day where contacts were lost, for the summary sentence.
struct HeatSpot {
  int day = 0;        // 0 = Monday
  int from_hour = 0;  // local, inclusive
  int to_hour = 0;    // local, exclusive
  int inbound = 0;
  int lost = 0;
  std::string text;   // "Sat 8–10 am: 9 missed or answered late of 12; office open, 2 on the roster; on call Luis Mendez"
};

struct HeatMap {
  IsoWeek week;
  std::array<HeatDay, 7> days{};  // Monday first
  int inbound = 0;
  int lost = 0;
  int max_inbound = 0;
  std::vector<HeatSpot> worst;  // at most 3, most lost first
};

class HeatMapBuilder {
 public:
  HeatMapBuilder(const CompanyConfig& config, IsoWeek week);
  // Rows received outside the week are ignored.
  void Add(const Opportunity& o);
  HeatMap Finish();

 private:
  const CompanyConfig& config_;
  HeatMap map_;
};

// "8–10 am", "11 am–1 pm", "12–1 am": local hours [from, to) as a person reads them.
std::string HourRange(int from_hour, int to_hour);

// The grid as HTML: an inline SVG (no external assets; role="img" with a title and a
// description) and, behind it, a real <table> with every hour of every day (data-day,
// data-hour, data-in and data-lost on each cell) for screen readers and print. Every value
// is escaped by the template engine. `id` prefixes the element ids.
std::string RenderHeatMap(const HeatMap& map, const std::string& id);

}  // namespace ringback
