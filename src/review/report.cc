#include "review/report.h"

#include <kainjow/mustache.hpp>

#include <algorithm>

#include "core/embedded.h"
#include "review/report_sections.h"

namespace ringback {
namespace {

namespace mustache = kainjow::mustache;

const std::string& ReportTemplate() {
  static const std::string text = [] {
    for (const auto& [path, bytes] : embedded::templates())
      if (path.ends_with("report.html.mustache")) return std::string(bytes);
    return std::string();
  }();
  return text;
}

std::string When(const std::optional<Timestamp>& t, const std::string& zone) {
  return t ? FormatLocal(*t, zone, "%a %m/%d %I:%M %p") : std::string();
}

std::string JoinReasons(const std::vector<std::string>& reasons) {
  std::string out;
  for (const std::string& r : reasons) out += (out.empty() ? "" : "; ") + r;
  return out;
}

std::string JoinChannels(const std::vector<Channel>& channels) {
  std::string out;
  for (Channel c : channels) out += (out.empty() ? "" : ", ") + std::string(ChannelName(c));
  return out;
}

mustache::data Categories(const WeeklySummary& s) {
  int max = 1;
  for (const auto& [cat, n] : s.rows_by_category) max = std::max(max, n);
  mustache::data list{mustache::data::type::list};
  for (const auto& [cat, n] : s.rows_by_category) {
    mustache::data row;
    row.set("name", std::string(CategoryName(cat)));
    row.set("count", std::to_string(n));
    row.set("width", std::to_string(std::max(2, n * 300 / max)));
    list.push_back(row);
  }
  return list;
}

mustache::data Owners(const WeeklySummary& s) {
  mustache::data list{mustache::data::type::list};
  for (const auto& [name, load] : s.by_owner) {
    mustache::data row;
    row.set("name", name);
    row.set("open", std::to_string(load.open));
    row.set("overdue", std::to_string(load.overdue));
    row.set("attempted", std::to_string(load.attempted));
    std::string cats;
    auto it = s.owner_by_category.find(name);
    if (it != s.owner_by_category.end())
      for (const auto& [cat, n] : it->second)
        cats += (cats.empty() ? "" : ", ") + std::string(CategoryName(cat)) + " " + std::to_string(n);
    row.set("categories", cats);
    list.push_back(row);
  }
  return list;
}

// "text message", "email", "call script": how the report names a draft's channel.
std::string DraftChannelLabel(const std::string& channel) {
  if (channel == "sms") return "text message";
  if (channel == "call") return "call script";
  return channel;
}

// kainjow's sections treat an empty string as true: a value that may be empty and guards a
// section ({{#backup}}) is set only when there is one.
void SetIfAny(mustache::data& row, const std::string& key, const std::string& value) {
  if (!value.empty()) row.set(key, value);
}

mustache::data Row(const Opportunity& o, const std::string& zone) {
  mustache::data row;
  row.set("deadline", When(o.deadline, zone));
  row.set("received", When(o.received_at, zone));
  row.set("contact", o.contact_display);
  row.set("channels", JoinChannels(o.channels));
  row.set("category", std::string(CategoryName(o.category)));
  row.set("owner", o.owner);
  SetIfAny(row, "backup", o.backup_owner);
  row.set("next_action", o.next_action);
  row.set("status", std::string(StatusName(o.status)));
  row.set("summary", o.summary);
  row.set("reasons", JoinReasons(o.reasons));
  SetIfAny(row, "duplicate_of", o.duplicate_of);
  row.set("is_overdue", o.status == OpportunityStatus::kOverdue);
  return row;
}

}  // namespace

std::string RenderReport(const ReportInput& in) {
  const WeeklySummary empty;
  const WeeklySummary& s = in.summary ? *in.summary : empty;
  mustache::data data;
  data.set("company", in.company);
  data.set("period", in.period);
  data.set("as_of", FormatLocal(in.as_of, in.time_zone, "%a %m/%d/%Y %I:%M %p %Z"));
  data.set("signals", std::to_string(in.signals));
  data.set("real", std::to_string(s.real_opportunities));
  data.set("overdue", std::to_string(s.overdue));
  data.set("in_time", std::to_string(s.attempted_in_time));
  data.set("reached", std::to_string(s.reached));
  data.set("do_not_contact", std::to_string(s.do_not_contact));
  data.set("rejected", std::to_string(in.rejected));
  data.set("version", "0.1.0");
  data.set("categories", Categories(s));
  data.set("owners", Owners(s));
  mustache::data overdue{mustache::data::type::list};
  for (const Opportunity& o : s.overdue_list) overdue.push_back(Row(o, in.time_zone));
  data.set("overdue_rows", overdue);
  mustache::data queue{mustache::data::type::list};
  for (std::size_t i = 0; i < in.queue.size(); ++i) {
    mustache::data row = Row(in.queue[i], in.time_zone);
    SetIfAny(row, "draft", in.queue[i].draft);
    SetIfAny(row, "draft_channel", DraftChannelLabel(in.queue[i].draft_channel));
    SetIfAny(row, "send_after", i < in.send_after.size() ? When(in.send_after[i], in.time_zone) : std::string());
    queue.push_back(row);
  }
  data.set("queue", queue);
  data.set("queue_note", static_cast<std::int64_t>(in.queue.size()) < in.queue_total
                             ? "Showing the first " + std::to_string(in.queue.size()) + " of " +
                                   std::to_string(in.queue_total) + " rows; queue.csv has them all."
                             : "Every row, open work first by deadline.");
  report_internal::AddReviewSections(data, in);
  report_internal::AddRecoverySection(data, in);
  mustache::mustache tmpl(ReportTemplate());
  return tmpl.render(data);
}

}  // namespace ringback
