// The JSON lines read and written by `ringback classify` and `ringback eval`:
//   in:  {"id": "m1", "channel": "sms", "text": "...", "context": {...}, "labels": ["stop"]}
//   out: {"id": "m1", "category": "stop", "confidence": 0.99, "reasons": [...], "trade": "..."}
// "context" (optional) holds ClassifyContext fields by name: estimate_age_days, has_past_job,
// calls_within_minutes, on_spam_list, answered, duration_seconds, has_contact_handle, bulk,
// received_at ("2026-11-17T14:05:00Z" or "2026-11-17").
// "channel" takes the aliases of ParseChannelAlias ("text", "vm", "gbp"...); an unknown one is
// a warning and the text is classified as sms.
//
// For eval (the corpus in tests/cases/classify, see docs/classification.md): "labels" is one
// acceptable category, or two when either is right ("label": "stop" is read as one label);
// "family", "trade", "lang" and "note" describe the case and are checked against their lists.
// Other keys are ignored.
//
// Header-only on purpose: the classify library itself does not depend on nlohmann/json; the
// CLI (which links nlohmann_json) and the tests include this.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "classify/classifier.h"
#include "classify/evaluation.h"
#include "core/category.h"
#include "core/status.h"
#include "core/time.h"

namespace ringback::classify {

struct JsonLine {
  nlohmann::json id;  // as given: a string or a number
  Channel channel = Channel::kSms;
  std::string text;
  ClassifyContext context;
  std::vector<Category> labels;  // eval only: the acceptable categories, first = the usual one
  std::string family;
  std::string trade;
  std::string lang;
  std::string note;
  // Said on stderr, the line still classified: an unknown channel read as sms.
  std::string warning;
};

namespace json_lines_detail {

inline Status ReadInt(const nlohmann::json& v, const char* key, std::int64_t& out) {
  if (!v.is_number_integer())
    return Status::InvalidArgument(std::string("context.") + key + ": expected an integer");
  out = v.get<std::int64_t>();
  return Status::Ok();
}

inline Status ReadBool(const nlohmann::json& v, const char* key, bool& out) {
  if (!v.is_boolean())
    return Status::InvalidArgument(std::string("context.") + key + ": expected true or false");
  out = v.get<bool>();
  return Status::Ok();
}

inline Status ReadSmallInt(const nlohmann::json& v, const char* key, int& out) {
  std::int64_t n = 0;
  if (Status st = ReadInt(v, key, n); !st.ok()) return st;
  if (n < -1000000 || n > 1000000)
    return Status::InvalidArgument(std::string("context.") + key + ": out of range");
  out = static_cast<int>(n);
  return Status::Ok();
}

// "2026-11-17T14:05:00Z" (or with an offset), or a plain date "2026-11-17" (noon UTC).
inline Status ReadTime(const nlohmann::json& v, std::optional<Timestamp>& out) {
  if (v.is_null()) return Status::Ok();
  if (!v.is_string())
    return Status::InvalidArgument("context.received_at: expected a time such as 2026-11-17T14:05:00Z");
  const std::string s = v.get<std::string>();
  std::optional<Timestamp> t = ParseUtc(s);
  if (!t && s.size() == 10) t = ParseUtc(s + "T12:00:00Z");
  if (!t) return Status::InvalidArgument("context.received_at: \"" + s + "\" is not a time");
  out = t;
  return Status::Ok();
}

inline Status ReadContext(const nlohmann::json& obj, ClassifyContext& ctx) {
  if (!obj.is_object()) return Status::InvalidArgument("context: expected an object");
  for (const auto& [key, v] : obj.items()) {
    Status st;
    if (key == "estimate_age_days") {
      if (!v.is_null()) {
        int age = 0;
        st = ReadSmallInt(v, "estimate_age_days", age);
        ctx.estimate_age_days = age;
      }
    } else if (key == "has_past_job") {
      st = ReadBool(v, "has_past_job", ctx.has_past_job);
    } else if (key == "calls_within_minutes") {
      st = ReadSmallInt(v, "calls_within_minutes", ctx.calls_within_minutes);
    } else if (key == "on_spam_list") {
      st = ReadBool(v, "on_spam_list", ctx.on_spam_list);
    } else if (key == "answered") {
      st = ReadBool(v, "answered", ctx.answered);
    } else if (key == "duration_seconds") {
      st = ReadInt(v, "duration_seconds", ctx.duration_seconds);
    } else if (key == "has_contact_handle") {
      st = ReadBool(v, "has_contact_handle", ctx.has_contact_handle);
    } else if (key == "bulk") {
      if (!v.is_string()) st = Status::InvalidArgument("context.bulk: expected a string");
      else ctx.bulk = v.get<std::string>();
    } else if (key == "received_at") {
      st = ReadTime(v, ctx.received_at);
    } else {
      st = Status::InvalidArgument("context: unknown key \"" + key + "\"");
    }
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

inline Status ReadOneLabel(const nlohmann::json& v, JsonLine& line) {
  if (!v.is_string()) return Status::InvalidArgument("labels: expected category names");
  const std::string name = v.get<std::string>();
  const std::optional<Category> cat = ParseCategory(name);
  if (!cat || *cat == Category::kDuplicate)
    return Status::InvalidArgument("labels: \"" + name + "\" is not a category the text decides");
  if (std::find(line.labels.begin(), line.labels.end(), *cat) == line.labels.end())
    line.labels.push_back(*cat);
  return Status::Ok();
}

inline Status ReadLabels(const nlohmann::json& obj, JsonLine& line) {
  if (obj.contains("labels")) {
    const nlohmann::json& v = obj["labels"];
    if (v.is_string()) return ReadOneLabel(v, line);
    if (!v.is_array() || v.empty() || v.size() > 2)
      return Status::InvalidArgument("labels: expected one or two category names");
    for (const nlohmann::json& one : v)
      if (Status st = ReadOneLabel(one, line); !st.ok()) return st;
    return Status::Ok();
  }
  if (obj.contains("label")) return ReadOneLabel(obj["label"], line);
  return Status::InvalidArgument("labels: missing (e.g. \"labels\": [\"stop\"])");
}

// An optional string field whose value must be one of `allowed`.
template <std::size_t N>
Status ReadChoice(const nlohmann::json& obj, const char* key,
                  const std::array<std::string_view, N>& allowed, std::string& out) {
  if (!obj.contains(key) || obj[key].is_null()) return Status::Ok();
  if (!obj[key].is_string()) return Status::InvalidArgument(std::string(key) + ": expected a string");
  out = obj[key].get<std::string>();
  if (std::find(allowed.begin(), allowed.end(), out) == allowed.end())
    return Status::InvalidArgument(std::string(key) + ": unknown value \"" + out + "\"");
  return Status::Ok();
}

inline Status ReadDescription(const nlohmann::json& obj, JsonLine& line) {
  static constexpr std::array<std::string_view, 6> kTrades{
      "", "roofing", "hvac", "plumbing", "restoration", "remodeling"};
  static constexpr std::array<std::string_view, 3> kLangs{"en", "es", "spanglish"};
  if (Status st = ReadChoice(obj, "family", kFamilies, line.family); !st.ok()) return st;
  if (Status st = ReadChoice(obj, "trade", kTrades, line.trade); !st.ok()) return st;
  if (Status st = ReadChoice(obj, "lang", kLangs, line.lang); !st.ok()) return st;
  if (obj.contains("note") && obj["note"].is_string()) line.note = obj["note"].get<std::string>();
  return Status::Ok();
}

}  // namespace json_lines_detail

// Parses one input line. `id_out` receives the id whenever one could be read, so an error can
// still name the record.
inline StatusOr<JsonLine> ParseJsonLine(std::string_view text, bool need_label,
                                        nlohmann::json* id_out) {
  namespace d = json_lines_detail;
  const nlohmann::json obj = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (obj.is_discarded()) return Status::InvalidArgument("not valid JSON");
  if (!obj.is_object()) return Status::InvalidArgument("expected a JSON object");
  JsonLine line;
  if (obj.contains("id") && (obj["id"].is_string() || obj["id"].is_number_integer())) {
    line.id = obj["id"];
    if (id_out) *id_out = line.id;
  } else {
    return Status::InvalidArgument("id: missing (a string or an integer)");
  }
  if (!obj.contains("channel") || !obj["channel"].is_string())
    return Status::InvalidArgument("channel: missing (call, voicemail, form, sms, email, profile)");
  const std::string channel = obj["channel"].get<std::string>();
  const std::optional<Channel> ch = ParseChannelAlias(channel);
  line.channel = ch.value_or(Channel::kSms);
  if (!ch)
    line.warning = "unknown channel \"" + channel +
                   "\" (not call, voicemail, form, sms, email, profile or an alias): classified as sms";
  if (obj.contains("text") && !obj["text"].is_null()) {
    if (!obj["text"].is_string()) return Status::InvalidArgument("text: expected a string");
    line.text = obj["text"].get<std::string>();
  }
  if (obj.contains("context") && !obj["context"].is_null())
    if (Status st = d::ReadContext(obj["context"], line.context); !st.ok()) return st;
  if (need_label) {
    if (Status st = d::ReadLabels(obj, line); !st.ok()) return st;
    if (Status st = d::ReadDescription(obj, line); !st.ok()) return st;
  }
  return line;
}

// Keys in the documented order (id first), not sorted.
inline nlohmann::ordered_json ResultJson(const nlohmann::json& id, const Classification& c) {
  nlohmann::ordered_json out = {{"id", id},
                        {"category", std::string(CategoryName(c.category))},
                        {"confidence", c.confidence},
                        {"reasons", c.reasons}};
  if (!c.trade.empty()) out["trade"] = c.trade;
  return out;
}

inline nlohmann::ordered_json ErrorJson(const nlohmann::json& id, std::int64_t line,
                                         const std::string& message) {
  return {{"id", id}, {"line", line}, {"error", message}};
}

inline LabelledExample ToExample(const JsonLine& line) {
  LabelledExample ex;
  ex.id = line.id.is_string() ? line.id.get<std::string>() : line.id.dump();
  ex.channel = line.channel;
  ex.text = line.text;
  ex.context = line.context;
  ex.label = line.labels.empty() ? Category::kUnknown : line.labels.front();
  if (line.labels.size() > 1) ex.also = {line.labels.begin() + 1, line.labels.end()};
  ex.family = line.family;
  ex.trade = line.trade;
  ex.lang = line.lang;
  ex.note = line.note;
  return ex;
}

}  // namespace ringback::classify
