#include "web/hooks.h"

#include <date/date.h>
#include <nlohmann/json.hpp>
#include <openssl/sha.h>

#include <algorithm>
#include <optional>
#include <sstream>
#include <variant>

#include "core/text.h"
#include "identity/phone.h"
#include "ingest/importer.h"
#include "ingest/text_decoder.h"
#include "pipeline/live_intake.h"

namespace ringback::web {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMaxFormBody = 1024 * 1024;  // a form submission is a few kilobytes
constexpr std::string_view kTwiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
// How far in the future Twilio's Timestamp may be before it is taken for a clock error.
constexpr Seconds kClockSkew = std::chrono::minutes(5);

HookResponse Text(int status, std::string body) { return {status, "text/plain; charset=utf-8", std::move(body) + "\n"}; }
HookResponse Twiml() { return {200, "text/xml", std::string(kTwiml)}; }
HookResponse JsonAnswer(int status, const Json& value) {
  return {status, "application/json", value.dump(-1, ' ', false, Json::error_handler_t::replace)};
}

void Count(const HookEnv& env, std::string_view hook, std::string_view result) {
  if (env.metrics) env.metrics->RecordHook(std::string(hook), std::string(result));
}

std::string Param(const FormParams& params, std::string_view name) {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return "";
}

std::int64_t IntParam(const FormParams& params, std::string_view name, std::int64_t missing) {
  const std::string text(Trim(Param(params, name)));
  if (text.empty() || text.size() > 12 || text.find_first_not_of("0123456789") != std::string::npos) return missing;
  return std::stoll(text);
}

// Whether `text` is exactly "[Ddd, ]D[D] Mmm YYYY HH:MM:SS +HHMM" (letters and digits where
// they belong). date::parse is given nothing else: on text that fails part-way (a NUL or
// "nan" in the seconds, a cut zone such as "+0") it converted a NaN (undefined behaviour).
bool LooksLikeRfc2822(std::string_view text) {
  auto shape = [](std::string_view s, std::string_view pattern) {  // 'a' letter, '9' digit
    if (s.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (pattern[i] == 'a' ? !std::isalpha(c) : pattern[i] == '9' ? !std::isdigit(c) : c != pattern[i]) return false;
    }
    return true;
  };
  std::vector<std::string> t = Split(text, ' ');
  if (t.size() == 6) {
    if (!shape(t[0], "aaa,")) return false;
    t.erase(t.begin());
  }
  return t.size() == 5 && (shape(t[0], "9") || shape(t[0], "99")) && shape(t[1], "aaa") && shape(t[2], "9999") &&
         shape(t[3], "99:99:99") && (shape(t[4], "+9999") || shape(t[4], "-9999"));
}

// Twilio's Timestamp: RFC 2822, "Mon, 23 Nov 2026 13:48:07 +0000".
std::optional<Timestamp> ParseTwilioTime(const std::string& text) {
  if (!LooksLikeRfc2822(text)) return std::nullopt;
  for (const char* format : {"%a, %d %b %Y %T %z", "%d %b %Y %T %z"}) {
    std::istringstream in(text);
    date::sys_seconds t;
    in >> date::parse(format, t);
    if (!in.fail()) return Timestamp(t);
  }
  return std::nullopt;
}

// The Twilio parameters of a request whose signature holds, or the answer that refuses it: 404
// while the hooks are off, 403 for a missing or wrong signature (counted), 400 for a JSON body
// that is not an object.
std::variant<FormParams, HookResponse> CheckTwilio(const HookEnv& env, const HookRequest& request,
                                                    std::string_view hook) {
  if (env.twilio_auth_token.empty() || env.public_url.empty()) {
    Count(env, hook, "off");
    return Text(404, "No such page.");
  }
  const std::string signature = request.Header("X-Twilio-Signature");
  if (signature.empty()) {
    Count(env, hook, "unsigned");
    return Text(403, "Forbidden: the X-Twilio-Signature header is missing.");
  }
  // A SharedKey signature (X-Twilio-Webhooks-Signature-Settings naming another algorithm) is
  // not keyed by the auth token: refused like any other signature that does not match.
  const std::string settings = Lower(request.Header("X-Twilio-Webhooks-Signature-Settings"));
  const bool other_algorithm = settings.find("algorithm=") != std::string::npos &&
                               settings.find("algorithm=hmac_sha1") == std::string::npos;
  // Behind a TLS proxy the request reached us as http://127.0.0.1...: Twilio signed the public
  // URL, never what the Host header says.
  const std::string url = env.public_url + request.target;
  FormParams params = request.params;
  bool valid = false;
  if (!QueryParam(url, "bodySHA256").empty()) {
    valid = ValidTwilioBodySignature(env.twilio_auth_token, signature, url, request.body);
    if (valid) {
      StatusOr<std::vector<std::pair<std::string, std::string>>> fields = JsonObjectFields(request.body);
      if (!fields.ok()) {
        Count(env, hook, "bad_request");
        return Text(400, "Bad request: " + fields.status().message());
      }
      params = std::move(fields).value();
    }
  } else {
    valid = ValidTwilioSignature(env.twilio_auth_token, signature, url, request.params);
  }
  if (!valid || other_algorithm) {
    Count(env, hook, "bad_signature");
    return Text(403, "Forbidden: the X-Twilio-Signature does not match this URL and body.");
  }
  // Twilio sends UTF-8; what is not (a %-escape of another charset) is read as Windows-1252, as
  // an export's line is, so nothing stored or shown holds invalid UTF-8.
  for (auto& [name, value] : params) {
    if (!IsValidUtf8(name)) name = Windows1252ToUtf8(name);
    if (!IsValidUtf8(value)) value = Windows1252ToUtf8(value);
  }
  return params;
}

QueueContext ContextOf(const HookEnv& env) { return {env.config, env.classifier, env.now, false}; }

// A failed store is a 500: Twilio retries a failed status callback only when configured to, so
// the error is in its debugger and the office's log, never hidden behind a 200.
HookResponse StoreFailed(const HookEnv& env, std::string_view hook, const Status& s) {
  Count(env, hook, "error");
  return Text(500, "The signal could not be stored: " + s.message());
}

HookResponse RecordCall(const HookEnv& env, std::string_view hook, const LiveCall& update) {
  StatusOr<LiveResult> result = RecordLiveCall(*env.store, ContextOf(env), update);
  if (!result.ok()) {
    if (result.status().code() == Status::Code::kInvalidArgument) {
      Count(env, hook, "bad_request");
      return Text(400, "Bad request: " + result.status().message());
    }
    return StoreFailed(env, hook, result.status());
  }
  Count(env, hook, result->changed ? "accepted" : "duplicate");
  return Twiml();
}

// What a voice callback says about its call.
LiveCall CallOf(const FormParams& p, Timestamp now) {
  LiveCall c;
  c.sid = std::string(Trim(Param(p, "CallSid")));
  c.parent_sid = std::string(Trim(Param(p, "ParentCallSid")));
  c.direction = Lower(Trim(Param(p, "Direction")));
  c.from = std::string(Trim(Param(p, "From")));
  c.to = std::string(Trim(Param(p, "To")));
  c.caller_name = std::string(Trim(Param(p, "CallerName")));
  c.status = Lower(Trim(Param(p, "CallStatus")));
  c.sequence = IntParam(p, "SequenceNumber", -1);
  c.duration = IntParam(p, "CallDuration", -1);
  c.dial_status = Lower(Trim(Param(p, "DialCallStatus")));
  // When the call began: the callback's time less the call's length, unless Twilio's clock and
  // ours disagree (then when it arrived).
  if (std::optional<Timestamp> at = ParseTwilioTime(Param(p, "Timestamp")); at && *at <= now + kClockSkew)
    c.started_at = *at - Seconds(std::max<std::int64_t>(c.duration, 0));
  return c;
}

}  // namespace

std::string HookRequest::Header(std::string_view name) const {
  const std::string want = Lower(name);
  for (const auto& [k, v] : headers)
    if (Lower(k) == want) return v;
  return "";
}

HookResponse TwilioVoiceHook(const HookEnv& env, const HookRequest& request) {
  constexpr std::string_view kHook = "twilio_voice";
  auto checked = CheckTwilio(env, request, kHook);
  if (auto* refused = std::get_if<HookResponse>(&checked)) return *refused;
  const FormParams& params = std::get<FormParams>(checked);
  return RecordCall(env, kHook, CallOf(params, env.now));
}

HookResponse TwilioTranscriptionHook(const HookEnv& env, const HookRequest& request) {
  constexpr std::string_view kHook = "twilio_transcription";
  auto checked = CheckTwilio(env, request, kHook);
  if (auto* refused = std::get_if<HookResponse>(&checked)) return *refused;
  const FormParams& params = std::get<FormParams>(checked);
  LiveCall call = CallOf(params, env.now);
  call.started_at.reset();  // a transcription comes after the call: its time says nothing of the start
  call.voicemail = true;
  call.transcript_status = Lower(Trim(Param(params, "TranscriptionStatus")));
  if (call.transcript_status != "failed") call.transcript = std::string(Trim(Param(params, "TranscriptionText")));
  return RecordCall(env, kHook, call);
}

HookResponse TwilioSmsHook(const HookEnv& env, const HookRequest& request) {
  constexpr std::string_view kHook = "twilio_sms";
  auto checked = CheckTwilio(env, request, kHook);
  if (auto* refused = std::get_if<HookResponse>(&checked)) return *refused;
  const FormParams& p = std::get<FormParams>(checked);
  std::string sid(Trim(Param(p, "MessageSid")));
  if (sid.empty()) sid = std::string(Trim(Param(p, "SmsSid")));
  if (sid.empty()) {
    Count(env, kHook, "bad_request");
    return Text(400, "Bad request: MessageSid is missing (is this the messaging webhook?)");
  }
  // The status callback of a message the office sent is not a buyer's text.
  const std::string status = Lower(Trim(Param(p, "SmsStatus").empty() ? Param(p, "MessageStatus") : Param(p, "SmsStatus")));
  if (!status.empty() && status != "received") {
    Count(env, kHook, "ignored");
    return Twiml();
  }
  Signal s;
  s.id = SourceRowId(SourceKind::kSms, sid);  // as an import of Twilio's message log names it
  s.channel = Channel::kSms;
  s.received_at = env.now;
  s.phone_raw = std::string(Trim(Param(p, "From")));
  s.phone = ParsePhone(s.phone_raw, env.config->phone_region).e164;
  s.text = Param(p, "Body");
  if (Trim(s.text).empty())
    if (const std::int64_t media = IntParam(p, "NumMedia", 0); media > 0)
      s.text = "(" + std::to_string(media) + (media == 1 ? " picture" : " pictures") + ", no words)";
  s.source = {kTwilioSmsSource, 0};
  const bool opted_out = Lower(Trim(Param(p, "OptOutType"))) == "stop";
  StatusOr<LiveResult> result = RecordLiveSignal(*env.store, ContextOf(env), s, opted_out);
  if (!result.ok()) {
    if (result.status().code() != Status::Code::kInvalidArgument) return StoreFailed(env, kHook, result.status());
    // A short code or an alphanumeric sender: nobody to call back. Kept with the reason.
    if (Status r = RecordLiveReject(*env.store, {kTwilioSmsSource, 0, "From",
                                                  "text " + sid + " from \"" + s.phone_raw +
                                                      "\": not a phone number to call back; it says: " +
                                                      std::string(Utf8Prefix(s.text, 500))});
        !r.ok())
      return StoreFailed(env, kHook, r);
    Count(env, kHook, "unusable");
    return Twiml();
  }
  Count(env, kHook, result->changed ? "accepted" : "duplicate");
  return Twiml();
}

HookResponse FormHook(const HookEnv& env, const HookRequest& request, const std::string& source) {
  constexpr std::string_view kHook = "form";
  if (env.form_secret.empty()) {
    Count(env, kHook, "off");
    return JsonAnswer(404, {{"error", "No such page."}});
  }
  if (request.body.size() > kMaxFormBody) {
    Count(env, kHook, "bad_request");
    return JsonAnswer(413, {{"error", "A form submission is 1 MiB at most."}});
  }
  const std::string signature = request.Header("X-Ringback-Signature");
  if (signature.empty()) {
    Count(env, kHook, "unsigned");
    return JsonAnswer(403, {{"error", "The X-Ringback-Signature header is missing."}});
  }
  if (!ValidFormSignature(env.form_secret, signature, request.body)) {
    Count(env, kHook, "bad_signature");
    return JsonAnswer(403, {{"error", "The X-Ringback-Signature does not match the body."}});
  }
  const std::string type = Lower(request.Header("Content-Type"));
  std::vector<std::pair<std::string, std::string>> fields;
  if (type.starts_with("application/json")) {
    StatusOr<std::vector<std::pair<std::string, std::string>>> parsed = JsonObjectFields(request.body);
    if (!parsed.ok()) {
      Count(env, kHook, "bad_request");
      return JsonAnswer(400, {{"error", parsed.status().message()}});
    }
    fields = std::move(parsed).value();
  } else if (type.starts_with("application/x-www-form-urlencoded")) {
    fields = ParseFormBody(request.body);
  } else {
    Count(env, kHook, "bad_request");
    return JsonAnswer(415, {{"error", "Send the fields as application/json or application/x-www-form-urlencoded."}});
  }

  // The fields read as a row of a web form export; the one signal (or reject) is caught here.
  struct Catch final : ImportSink {
    std::optional<Signal> signal;
    std::optional<Reject> reject;
    Status OnSignal(const Signal& s) override {
      signal = s;
      return Status::Ok();
    }
    Status OnAttempt(const Attempt&) override { return Status::Ok(); }
    Status OnEstimate(const Estimate&) override { return Status::Ok(); }
    Status OnReject(const Reject& r) override {
      reject = r;
      return Status::Ok();
    }
  } caught;
  const std::string display = "form hook: " + source;
  std::string entry_id;
  ImportStats stats;
  Status imported = ImportFormRecord(fields, display, env.now, *env.config, caught, &stats, &entry_id);
  if (!imported.ok() || !caught.signal) {
    std::string reason = !imported.ok() ? imported.message()
                         : caught.reject ? caught.reject->reason
                                         : "the fields make no signal";
    if (Status r = RecordLiveReject(*env.store, {display, 0, caught.reject ? caught.reject->field : "", reason}); !r.ok())
      return StoreFailed(env, kHook, r);
    Count(env, kHook, "unusable");
    return JsonAnswer(422, {{"error", reason}});
  }
  Signal signal = *caught.signal;
  // The form's own entry id when it sends one, else the body itself: a delivery repeated by the
  // website is the same signal.
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(request.body.data()), request.body.size(), digest);
  signal.id = StableId("form hook " + source,
                       entry_id.empty() ? "body:" + std::string(reinterpret_cast<const char*>(digest), sizeof digest)
                                        : "#" + entry_id);
  if (signal.lead_source.empty()) signal.lead_source = "Website";
  signal.source = {display, 0};
  StatusOr<LiveResult> result = RecordLiveSignal(*env.store, ContextOf(env), signal);
  if (!result.ok()) {
    if (result.status().code() != Status::Code::kInvalidArgument) return StoreFailed(env, kHook, result.status());
    Count(env, kHook, "unusable");
    return JsonAnswer(422, {{"error", result.status().message()}});
  }
  Count(env, kHook, result->changed ? "accepted" : "duplicate");
  return JsonAnswer(200, {{"ok", true},
                          {"id", result->signal_id},
                          {"duplicate", !result->changed},
                          {"opportunities", result->opportunity_ids}});
}

}  // namespace ringback::web
