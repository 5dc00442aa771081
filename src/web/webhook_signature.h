// Webhook signatures: Twilio's X-Twilio-Signature (base64 HMAC-SHA1, keyed by the account's
// auth token, of the URL Twilio requested followed by the POST parameters) and Ringback's own
// X-Ringback-Signature for a website's form hook ("sha256=" + hex HMAC-SHA256 of the raw body,
// keyed by a shared secret). Every comparison takes the same time whatever the input
// (OpenSSL's CRYPTO_memcmp). The algorithm follows Twilio's reference validators (twilio-node's
// lib/webhooks/webhooks.js, twilio-python's RequestValidator).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ringback::web {

// Form fields, in the order sent; a name may repeat.
using FormParams = std::vector<std::pair<std::string, std::string>>;

// Decodes an application/x-www-form-urlencoded body: '&'-separated name=value pairs (a piece
// without '=' is a name with an empty value; empty pieces are skipped), '+' as a space, %XX as
// the byte it names; a malformed escape is kept as written.
FormParams ParseFormBody(std::string_view body);

// What Twilio signs: base64(HMAC-SHA1(auth_token, url + name1 + value1 + name2 + value2 ...)),
// parameters by name in byte order; a repeated name adds name + value once per distinct value,
// values in byte order. Values are used as decoded, never trimmed.
std::string TwilioSignature(std::string_view auth_token, std::string_view url, const FormParams& params);

// The URLs Twilio's own validators accept a signature over, for a request to `url` (the
// configured public URL followed by the request's path and query exactly as received): the URL
// as received without and with its port (":443"/":80" added when it has none, any port
// removed), then the URL as WHATWG's URL parser writes it (scheme and host in lower case,
// default port dropped, spaces, quotes and other unsafe bytes percent-encoded) without and with
// the port, each of those two also with its query re-encoded as Node's legacy `querystring`
// module writes it. Duplicates removed, in that order.
std::vector<std::string> TwilioSignedUrlCandidates(std::string_view url);

// True when `signature` (the X-Twilio-Signature header) is Twilio's signature of a form POST to
// `url` with `params`, over any of the candidate URLs. False for an empty token or signature.
bool ValidTwilioSignature(std::string_view auth_token, std::string_view signature, std::string_view url,
                          const FormParams& params);

// A request with a JSON body: Twilio adds the body's hex SHA-256 as the bodySHA256 query
// parameter and signs the URL alone (no parameters). True when the signature holds for the URL
// and the raw body hashes to that parameter.
bool ValidTwilioBodySignature(std::string_view auth_token, std::string_view signature, std::string_view url,
                              std::string_view body);

// The decoded value of the first query parameter `name` of `url`; empty when there is none.
std::string QueryParam(std::string_view url, std::string_view name);

// "sha256=" + lower-case hex HMAC-SHA256(secret, body): the X-Ringback-Signature of a form hook.
std::string FormSignature(std::string_view secret, std::string_view body);

// True when `header` is FormSignature(secret, body) (the prefix and the hex digits in any case).
// False for an empty secret or header.
bool ValidFormSignature(std::string_view secret, std::string_view header, std::string_view body);

}  // namespace ringback::web
