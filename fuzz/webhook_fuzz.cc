// Webhook bodies: Twilio's form-encoded callbacks (ParseFormBody, the signature over the URL
// and parameters, the URL candidates, QueryParam), the form hook's signature, and its fields
// read as one web-form row (JsonObjectFields or ParseFormBody, then ImportFormRecord), as
// src/web/hooks.cc does. The first line is the request target (after its '/'), the rest the body.
// Invariants: decoding never adds bytes; a signature made with the token is accepted and a
// changed one refused (Twilio and form); the first URL candidate is the URL as received; one
// record gives exactly one signal or one reject, all UTF-8, never both.
#include "fuzz/fuzz_support.h"
#include "web/webhook_signature.h"

using namespace ringback;
using namespace ringback::web;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const CompanyConfig config = fuzz::FuzzCompany();
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::size_t newline = input.find('\n');
  // A request target is a path: it starts with '/' (what follows the public URL's host).
  const std::string target = "/" + (newline == std::string::npos ? "" : input.substr(0, newline));
  const std::string body = newline == std::string::npos ? input : input.substr(newline + 1);

  const FormParams params = ParseFormBody(body);
  std::size_t bytes = 0;
  for (const auto& [name, value] : params) bytes += name.size() + value.size();
  fuzz::Require(bytes <= body.size(), "ParseFormBody made more bytes than the body");

  const std::string url = "https://ringback.example.com" + target;
  const std::string token = "12345678901234567890123456789012";
  const std::string signature = TwilioSignature(token, url, params);
  fuzz::Require(ValidTwilioSignature(token, signature, url, params), "Twilio signature refused", url);
  std::string forged = signature;
  forged[0] = forged[0] == 'A' ? 'B' : 'A';
  fuzz::Require(!ValidTwilioSignature(token, forged, url, params), "forged Twilio signature accepted", url);
  const std::vector<std::string> candidates = TwilioSignedUrlCandidates(url);
  fuzz::Require(!candidates.empty() && candidates[0] == url, "the URL as received is not the first candidate", url);
  (void)ValidTwilioBodySignature(token, signature, url, body);
  (void)QueryParam(url, "bodySHA256");

  const std::string form_signature = FormSignature("secret", body);
  fuzz::Require(ValidFormSignature("secret", form_signature, body), "form signature refused");
  fuzz::Require(!ValidFormSignature("secret", form_signature + "0", body), "longer form signature accepted");
  fuzz::Require(!ValidFormSignature("other", form_signature, body), "form signature of another secret accepted");

  StatusOr<std::vector<std::pair<std::string, std::string>>> json = JsonObjectFields(body);
  const std::vector<std::pair<std::string, std::string>> fields = json.ok() ? *json : params;
  fuzz::CheckingSink sink;
  ImportStats stats;
  std::string entry_id;
  const Status s = ImportFormRecord(fields, "form hook: website", Timestamp(std::chrono::seconds(1795000000)), config,
                                    sink, &stats, &entry_id);
  if (s.ok()) fuzz::Require(sink.signals + sink.rejects <= 1, "one record gave several signals or rejects");
  sink.CheckStats(stats);
  return 0;
}
