// The webhooks of `ringback serve`: Twilio's voice status, transcription and inbound-message
// callbacks, and a website's form. Each is a plain function from a small request struct to a
// response struct: the HTTP server's glue (hook_routes.cc) fills one and sends the other, so the
// transport can change without touching them. No session and no CSRF token: a hook proves its
// sender by its signature, checked here before anything is read; a missing or wrong one is 403.
//
// What each hook records goes through the same stages as an imported row (pipeline/live_intake.h)
// and is committed before the answer: a 200 means the signal is stored.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "classify/classifier.h"
#include "core/company_config.h"
#include "store/store.h"
#include "web/metrics.h"
#include "web/webhook_signature.h"

namespace ringback::web {

struct HookRequest {
  std::string method;
  std::string target;  // path and query exactly as the request line had them (what Twilio signed)
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;    // the raw bytes
  FormParams params;   // the body's fields when it is a form (application/x-www-form-urlencoded)

  // The first header `name` (any case); empty when absent.
  std::string Header(std::string_view name) const;
};

struct HookResponse {
  int status = 200;
  std::string content_type;
  std::string body;
};

// What the hooks need of the server. The secrets come from the environment, never a file.
struct HookEnv {
  Store* store = nullptr;
  const CompanyConfig* config = nullptr;
  const Classifier* classifier = nullptr;
  Timestamp now{};
  std::string public_url;         // the base URL Twilio requests (--public-url), no trailing '/'
  std::string twilio_auth_token;  // RINGBACK_TWILIO_AUTH_TOKEN; empty: the Twilio hooks answer 404
  std::string form_secret;        // RINGBACK_FORM_SECRET; empty: the form hook answers 404
  Metrics* metrics = nullptr;     // counts each hook's results (ringback_webhooks_total)
};

// POST /hooks/twilio/voice: a call's status callback (the number's "call status changes" URL,
// and the statusCallback of the <Number> a <Dial> forwards to). Answers an empty TwiML
// <Response/>: Ringback never says or sends anything itself.
HookResponse TwilioVoiceHook(const HookEnv& env, const HookRequest& request);

// POST /hooks/twilio/transcription: <Record transcribeCallback>. TranscriptionText (with
// CallSid) becomes the text of that call's voicemail, which is classified again with it.
HookResponse TwilioTranscriptionHook(const HookEnv& env, const HookRequest& request);

// POST /hooks/twilio/sms: the number's "a message comes in" webhook. A stop (STOP-family
// keyword, plain words, or Twilio's OptOutType=STOP) is stored before the answer.
HookResponse TwilioSmsHook(const HookEnv& env, const HookRequest& request);

// POST /hooks/form/SOURCE: a website form's fields (JSON object or form-encoded), signed with
// X-Ringback-Signature: sha256=<hex HMAC-SHA256 of the raw body> keyed by RINGBACK_FORM_SECRET.
// Answers JSON: {"ok": true, "id", "duplicate", "opportunities"}, or {"error"} with 400, 403,
// 404, 413, 415 or 422 (fields with no usable phone or email: kept in rejects).
HookResponse FormHook(const HookEnv& env, const HookRequest& request, const std::string& source);

}  // namespace ringback::web
