// WeeklySummary: the figures of one audit, accumulated one opportunity at a time so that a
// queue of any size is summarized in bounded memory.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/opportunity.h"

namespace ringback {

struct OwnerLoad {
  int open = 0;       // open or overdue real opportunities owned
  int overdue = 0;
  int attempted = 0;  // attempted or reached
};

struct WeeklySummary {
  std::map<Category, int> rows_by_category;  // every queue row, duplicates, spam and stops included
  std::map<Category, int> opportunities_by_category;  // real opportunities only (no duplicate rows)
  std::map<Channel, int> signals_by_channel;
  std::map<std::string, OwnerLoad> by_owner;
  std::map<std::string, std::map<Category, int>> owner_by_category;
  int real_opportunities = 0;
  int open = 0;
  int overdue = 0;
  int attempted = 0;  // first attempt made, not reached
  int reached = 0;
  int do_not_contact = 0;
  int duplicates = 0;
  int spam = 0;
  int attempted_in_time = 0;  // first attempt at or before the deadline
  int escalated = 0;          // moved to the backup or the company owner
  int invalid_numbers = 0;    // real opportunities whose only handle is a number that is not valid
  std::vector<Opportunity> overdue_list;  // most overdue first, at most kMaxListed
  static constexpr std::size_t kMaxListed = 200;
};

// Adds one queue row (as the store yields them, in queue order).
void AddToSummary(WeeklySummary& summary, const Opportunity& row);

}  // namespace ringback
