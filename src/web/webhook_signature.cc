#include "web/webhook_signature.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>

#include "web/tokens.h"

namespace ringback::web {
namespace {

constexpr char kUpperHex[] = "0123456789ABCDEF";

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding as form bodies and Node's querystring read it: '+' is a space (when asked),
// %XX a byte, a malformed escape stays as written.
std::string Decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plus_is_space) {
      out += ' ';
    } else if (c == '%' && i + 2 < text.size() && HexValue(text[i + 1]) >= 0 && HexValue(text[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2]));
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

// The raw HMAC of `data` keyed by `key`.
std::string Hmac(const EVP_MD* md, std::string_view key, std::string_view data) {
  unsigned char out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(md, key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()), data.size(),
       out, &len);
  return std::string(reinterpret_cast<const char*>(out), len);
}

std::string Base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(std::max(n, 0)));
  return out;
}

// A URL cut as twilio-node's splitUrl cuts it, without normalizing anything.
struct UrlParts {
  std::string scheme;     // "https://"
  std::string userinfo;   // "user:pass@" or ""
  std::string host;
  std::string port;       // ":8443" or ""
  std::string rest;       // path, query and fragment, as written
};

std::optional<UrlParts> SplitUrl(std::string_view url) {
  const std::size_t sep = url.find("://");
  if (sep == std::string_view::npos || sep == 0) return std::nullopt;
  if (!std::isalpha(static_cast<unsigned char>(url[0]))) return std::nullopt;
  for (std::size_t i = 1; i < sep; ++i) {
    const char c = url[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '.' && c != '-') return std::nullopt;
  }
  UrlParts p;
  p.scheme = std::string(url.substr(0, sep + 3));
  const std::size_t start = sep + 3;
  std::size_t end = url.find_first_of("/?#", start);
  if (end == std::string_view::npos) end = url.size();
  const std::string_view authority = url.substr(start, end - start);
  const std::size_t at = authority.rfind('@');
  p.userinfo = at == std::string_view::npos ? "" : std::string(authority.substr(0, at + 1));
  const std::string_view host_port = at == std::string_view::npos ? authority : authority.substr(at + 1);
  // A colon starts the port only after an IPv6 literal's closing bracket.
  const std::size_t bracket = host_port.rfind(']');
  const std::size_t colon = host_port.find(':', bracket == std::string_view::npos ? 0 : bracket + 1);
  p.host = std::string(host_port.substr(0, colon));
  p.port = colon == std::string_view::npos ? "" : std::string(host_port.substr(colon));
  p.rest = std::string(url.substr(end));
  return p;
}

std::string Lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

std::string AddPort(std::string_view url) {
  std::optional<UrlParts> p = SplitUrl(url);
  if (!p || !p->port.empty()) return std::string(url);
  return p->scheme + p->userinfo + p->host + (Lower(p->scheme) == "https://" ? ":443" : ":80") + p->rest;
}

std::string RemovePort(std::string_view url) {
  std::optional<UrlParts> p = SplitUrl(url);
  if (!p) return std::string(url);
  return p->scheme + p->userinfo + p->host + p->rest;
}

void PercentEncode(std::string& out, unsigned char c) {
  out += '%';
  out += kUpperHex[c >> 4];
  out += kUpperHex[c & 0xf];
}

// The URL as WHATWG's URL serializer writes it, for the http(s) URLs Twilio calls: scheme and
// host lower case, the default port dropped, "/" for an empty path, and the bytes of the path
// and query percent-encode sets escaped (an existing %XX is left alone). Dot segments and
// backslashes are not rewritten: a request target with them matches no hook route.
std::string NormalizeUrl(std::string_view url) {
  std::optional<UrlParts> p = SplitUrl(url);
  if (!p) return std::string(url);
  const std::string scheme = Lower(p->scheme);
  std::string port = p->port;
  if ((scheme == "https://" && port == ":443") || (scheme == "http://" && port == ":80")) port.clear();
  std::string out = scheme + p->userinfo + Lower(p->host) + port;
  std::string_view rest = p->rest;
  if (const std::size_t hash = rest.find('#'); hash != std::string_view::npos) rest = rest.substr(0, hash);
  const std::size_t q = rest.find('?');
  std::string_view path = rest.substr(0, q);
  std::string_view query = q == std::string_view::npos ? std::string_view() : rest.substr(q + 1);
  if (path.empty()) out += '/';
  for (unsigned char c : path) {
    if (c < 0x20 || c > 0x7E || c == ' ' || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}')
      PercentEncode(out, c);
    else
      out += static_cast<char>(c);
  }
  if (q == std::string_view::npos) return out;
  out += '?';
  for (unsigned char c : query) {
    if (c < 0x20 || c > 0x7E || c == ' ' || c == '"' || c == '<' || c == '>' || c == '\'')
      PercentEncode(out, c);
    else
      out += static_cast<char>(c);
  }
  return out;
}

// Node's querystring.escape: everything but A-Z a-z 0-9 - _ . ! ~ * ' ( ) is percent-encoded.
std::string LegacyEscape(std::string_view text) {
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) && c < 0x80) out += static_cast<char>(c);
    else if (c == '-' || c == '_' || c == '.' || c == '!' || c == '~' || c == '*' || c == '\'' || c == '(' || c == ')')
      out += static_cast<char>(c);
    else PercentEncode(out, c);
  }
  return out;
}

// A JavaScript object's own-key order: names that are array indices ("0" to "4294967294", no
// leading zero) first in numeric order, then the others in the order they were added.
bool IsArrayIndex(std::string_view key) {
  if (key.empty() || key.size() > 10 || (key.size() > 1 && key[0] == '0')) return false;
  if (!std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  return std::stoull(std::string(key)) < 4294967295ULL;
}

// The URL with its query re-encoded as Node's querystring.stringify(querystring.parse(query))
// writes it: pairs grouped by name in JavaScript key order, each value escaped as above.
std::string WithLegacyQuerystring(std::string_view url) {
  const std::size_t q = url.find('?');
  if (q == std::string_view::npos || q + 1 == url.size()) return std::string(url);
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::string>> values;
  std::string_view query = url.substr(q + 1);
  std::size_t pos = 0;
  while (pos <= query.size()) {
    std::size_t amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    const std::string_view piece = query.substr(pos, amp - pos);
    pos = amp + 1;
    if (piece.empty()) continue;
    const std::size_t eq = piece.find('=');
    std::string name = Decode(piece.substr(0, eq), true);
    std::string value = eq == std::string_view::npos ? "" : Decode(piece.substr(eq + 1), true);
    auto [it, added] = values.try_emplace(name);
    if (added) order.push_back(name);
    it->second.push_back(std::move(value));
  }
  std::stable_sort(order.begin(), order.end(), [](const std::string& a, const std::string& b) {
    const bool ia = IsArrayIndex(a), ib = IsArrayIndex(b);
    if (ia && ib) return std::stoull(a) < std::stoull(b);
    return ia && !ib;
  });
  std::string out(url.substr(0, q + 1));
  bool first = true;
  for (const std::string& name : order)
    for (const std::string& value : values[name]) {
      if (!first) out += '&';
      first = false;
      out += LegacyEscape(name) + "=" + LegacyEscape(value);
    }
  return out;
}

bool SignatureMatches(std::string_view auth_token, std::string_view signature, const std::vector<std::string>& urls,
                      const FormParams& params) {
  bool ok = false;
  // Every candidate is checked, so the time does not tell which one matched.
  for (const std::string& url : urls) ok |= ConstantTimeEquals(signature, TwilioSignature(auth_token, url, params));
  return ok;
}

}  // namespace

FormParams ParseFormBody(std::string_view body) {
  FormParams out;
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t amp = body.find('&', pos);
    if (amp == std::string_view::npos) amp = body.size();
    const std::string_view piece = body.substr(pos, amp - pos);
    pos = amp + 1;
    if (piece.empty()) continue;
    const std::size_t eq = piece.find('=');
    out.emplace_back(Decode(piece.substr(0, eq), true),
                     eq == std::string_view::npos ? std::string() : Decode(piece.substr(eq + 1), true));
  }
  return out;
}

std::string TwilioSignature(std::string_view auth_token, std::string_view url, const FormParams& params) {
  std::map<std::string, std::vector<std::string>> by_name;  // byte order of names
  for (const auto& [name, value] : params) by_name[name].push_back(value);
  std::string data(url);
  for (auto& [name, values] : by_name) {
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (const std::string& value : values) data += name + value;
  }
  return Base64(Hmac(EVP_sha1(), auth_token, data));
}

std::vector<std::string> TwilioSignedUrlCandidates(std::string_view url) {
  const std::string normalized = NormalizeUrl(url);
  const std::string without = RemovePort(normalized), with = AddPort(normalized);
  std::vector<std::string> out;
  for (std::string candidate : {RemovePort(url), AddPort(url), without, with, WithLegacyQuerystring(without),
                                WithLegacyQuerystring(with)})
    if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(std::move(candidate));
  return out;
}

bool ValidTwilioSignature(std::string_view auth_token, std::string_view signature, std::string_view url,
                          const FormParams& params) {
  if (auth_token.empty() || signature.empty()) return false;
  return SignatureMatches(auth_token, signature, TwilioSignedUrlCandidates(url), params);
}

bool ValidTwilioBodySignature(std::string_view auth_token, std::string_view signature, std::string_view url,
                              std::string_view body) {
  if (auth_token.empty() || signature.empty()) return false;
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(body.data()), body.size(), digest);
  const bool body_ok = ConstantTimeEquals(QueryParam(url, "bodySHA256"), Hex(digest, sizeof digest));
  const bool url_ok = SignatureMatches(auth_token, signature, TwilioSignedUrlCandidates(url), {});
  return body_ok && url_ok;
}

std::string QueryParam(std::string_view url, std::string_view name) {
  std::size_t q = url.find('?');
  if (q == std::string_view::npos) return "";
  std::string_view query = url.substr(q + 1);
  if (const std::size_t hash = query.find('#'); hash != std::string_view::npos) query = query.substr(0, hash);
  for (const auto& [key, value] : ParseFormBody(query))
    if (key == name) return value;
  return "";
}

std::string FormSignature(std::string_view secret, std::string_view body) {
  const std::string mac = Hmac(EVP_sha256(), secret, body);
  return "sha256=" + Hex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
}

bool ValidFormSignature(std::string_view secret, std::string_view header, std::string_view body) {
  if (secret.empty() || header.empty()) return false;
  return ConstantTimeEquals(Lower(std::string(header)), FormSignature(secret, body));
}

}  // namespace ringback::web
