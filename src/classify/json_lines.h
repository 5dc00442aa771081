// The JSON lines read and written by `ringback classify` and `ringback eval`:
//   in:  {"id": "m1", "channel": "sms", "text": "...", "context": {...}, "label": "stop"}
//   out: {"id": "m1", "category": "stop", "confidence": 0.99, "reasons": [...], "trade": "..."}
// "context" (optional) holds ClassifyContext fields by name: estimate_age_days, has_past_job,
// calls_within_minutes, on_spam_list, answered, duration_seconds, has_contact_handle, bulk.
// "channel" takes the aliases of ParseChannelAlias ("text", "vm", "gbp"...); an unknown one is
// a warning and the text is classified as sms. "label" is read for eval only; other keys are
// ignored.
//
// Header-only on purpose: the classify library itself does not depend on nlohmann/json; the
// CLI (which links nlohmann_json) and the tests include this.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "classify/classifier.h"
#include "classify/evaluation.h"
#include "core/category.h"
#include "core/status.h"

namespace ringback::classify {

struct JsonLine {
  nlohmann::json id;  // as given: a string or a number
  Channel channel = Channel::kSms;
  std::string text;
  ClassifyContext context;
  std::optional<Category> label;
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
    } else {
      st = Status::InvalidArgument("context: unknown key \"" + key + "\"");
    }
    if (!st.ok()) return st;
  }
  return Status::Ok();
}

inline Status ReadLabel(const nlohmann::json& obj, JsonLine& line) {
  if (!obj.contains("label") || !obj["label"].is_string())
    return Status::InvalidArgument("label: missing (a category name such as \"stop\")");
  const std::string name = obj["label"].get<std::string>();
  const std::optional<Category> cat = ParseCategory(name);
  if (!cat || *cat == Category::kDuplicate)
    return Status::InvalidArgument("label: \"" + name + "\" is not a category the text decides");
  line.label = cat;
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
  if (need_label)
    if (Status st = d::ReadLabel(obj, line); !st.ok()) return st;
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
  ex.label = line.label.value_or(Category::kUnknown);
  return ex;
}

}  // namespace ringback::classify
