// Mail (mbox or a single .eml) through GMime: MIME structure, transfer encodings, charsets
// and RFC 2047 headers are the library's job; here we pick the text and who it is from.
#include <fcntl.h>
#include <gmime/gmime.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

#include "identity/phone.h"
#include "core/text.h"
#include "ingest/importer.h"
#include "ingest/limits.h"
#include "ingest/mail_text.h"
#include "ingest/text_decoder.h"

namespace ringback {
namespace {

void InitGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

// GObject references released on scope exit.
template <typename T>
struct Ref {
  T* ptr = nullptr;
  explicit Ref(T* p) : ptr(p) {}
  Ref(const Ref&) = delete;
  ~Ref() {
    if (ptr) g_object_unref(ptr);
  }
};

struct BodyFinder {
  std::string plain;
  std::string html;
  std::string refused;  // why a text part was not read (larger than kMaxMailPartBytes)
};

// Bytes in any declared charset (or none, or a wrong one) as UTF-8, never invalid: text that is
// valid UTF-8 stays as it is whatever the label says (mail declared Latin-1 is often UTF-8);
// else the declared charset through iconv; else Windows-1252, which decodes every byte.
std::string DecodeCharset(const std::string& bytes, const char* declared) {
  if (IsValidUtf8(bytes)) return bytes;
  std::string charset = declared ? declared : "";
  std::transform(charset.begin(), charset.end(), charset.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const bool latin = charset.empty() || charset == "us-ascii" || charset == "ascii" || charset == "utf-8" ||
                     charset == "utf8" || charset == "iso-8859-1" || charset == "latin1" ||
                     charset == "windows-1252" || charset == "cp1252" || charset == "x-unknown" ||
                     charset == "unknown-8bit";
  if (!latin) {
    gsize written = 0;
    GError* error = nullptr;
    gchar* converted = g_convert(bytes.data(), static_cast<gssize>(bytes.size()), "UTF-8", charset.c_str(),
                                 nullptr, &written, &error);
    if (error) g_error_free(error);
    if (converted) {
      std::string out(converted, written);
      g_free(converted);
      if (IsValidUtf8(out)) return out;
    }
  }
  return Windows1252ToUtf8(bytes);
}

// The part's text, transfer encoding undone, as UTF-8, cut to kMaxFieldBytes (whole
// characters). A part larger than kMaxMailPartBytes as encoded is not read: `refused` says so.
std::string PartText(GMimePart* part, std::string& refused) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (!content) return {};
  if (GMimeStream* raw = g_mime_data_wrapper_get_stream(content)) {
    const gint64 length = g_mime_stream_length(raw);
    if (length > static_cast<gint64>(kMaxMailPartBytes)) {
      refused = "a text part of " + std::to_string(length / 1000000) + " MB (the largest read is " +
                std::to_string(kMaxMailPartBytes >> 20) + " MiB)";
      return {};
    }
  }
  Ref<GMimeStream> mem(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, mem.ptr);
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.ptr));
  if (!array) return {};
  const std::string bytes(reinterpret_cast<const char*>(array->data), array->len);
  std::string text = DecodeCharset(bytes, g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset"));
  if (text.size() > kMaxFieldBytes) text.resize(Utf8Prefix(text, kMaxFieldBytes).size());
  return text;
}

void FindBody(GMimeObject* /*parent*/, GMimeObject* part, gpointer data) {
  auto* found = static_cast<BodyFinder*>(data);
  if (!GMIME_IS_TEXT_PART(part)) return;
  if (g_mime_part_is_attachment(GMIME_PART(part))) return;
  GMimeContentType* type = g_mime_object_get_content_type(part);
  const bool plain = g_mime_content_type_is_type(type, "text", "plain");
  const bool html = g_mime_content_type_is_type(type, "text", "html");
  if (plain && found->plain.empty()) found->plain = PartText(GMIME_PART(part), found->refused);
  else if (html && found->html.empty()) found->html = PartText(GMIME_PART(part), found->refused);
}

// Header text (GMime has decoded RFC 2047 words) as valid UTF-8: raw 8-bit headers in no
// declared charset are read as Windows-1252 when they are not UTF-8.
std::string HeaderText(const char* text) {
  if (!text) return {};
  return DecodeCharset(text, nullptr);
}

// Why a message is bulk or automated mail, empty when a person wrote it: list and bulk
// headers (RFC 2369, RFC 2919, RFC 3834) and delivery reports.
std::string BulkReason(GMimeMessage* msg, const std::string& from) {
  GMimeObject* obj = GMIME_OBJECT(msg);
  auto header = [obj](const char* name) {
    const char* v = g_mime_object_get_header(obj, name);
    std::string out = v ? v : "";
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    out.erase(0, out.find_first_not_of(" \t"));
    while (!out.empty() && (out.back() == ' ' || out.back() == '\t' || out.back() == '\r')) out.pop_back();
    return out;
  };
  if (!header("List-Unsubscribe").empty()) return "List-Unsubscribe header";
  if (!header("List-Id").empty()) return "List-Id header";
  const std::string precedence = header("Precedence");
  for (const char* p : {"bulk", "list", "junk"})
    if (precedence == p) return std::string("Precedence: ") + p;
  const std::string auto_submitted = header("Auto-Submitted");
  if (!auto_submitted.empty() && auto_submitted != "no") return "Auto-Submitted: " + auto_submitted.substr(0, 40);
  const std::string local = from.substr(0, from.find('@'));
  if (local == "mailer-daemon" || local == "postmaster") return "from " + local;
  GMimeObject* body = g_mime_message_get_mime_part(msg);
  if (body && g_mime_content_type_is_type(g_mime_object_get_content_type(body), "multipart", "report"))
    return "a delivery report";
  return {};
}

std::pair<std::string, std::string> FirstMailbox(InternetAddressList* list) {
  if (!list) return {};
  for (int i = 0; i < internet_address_list_length(list); ++i) {
    InternetAddress* addr = internet_address_list_get_address(list, i);
    if (!INTERNET_ADDRESS_IS_MAILBOX(addr)) continue;
    const char* email = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(addr));
    const char* name = internet_address_get_name(addr);
    return {email ? email : "", HeaderText(name)};
  }
  return {};
}

std::string Domain(std::string_view email) {
  auto at = email.find('@');
  return at == std::string_view::npos ? std::string() : std::string(email.substr(at + 1));
}

// Mail sent by the team is an attempt, not a signal: a team address, or an address at the
// company's own domain (one that two or more team members share, so never a free-mail one).
bool FromTeam(const CompanyConfig& config, const std::string& email) {
  int same_domain = 0;
  for (const Person& p : config.team) {
    if (p.email.empty()) continue;
    if (p.email == email) return true;
    if (Domain(p.email) == Domain(email)) ++same_domain;
  }
  return same_domain >= 2;
}

// Maps mbox byte offsets to 1-based line numbers, reading forward only.
class LineCounter {
 public:
  explicit LineCounter(const std::string& path) : in_(path, std::ios::binary) {}
  std::int64_t LineAt(std::int64_t offset) {
    while (pos_ < offset && in_) {
      char buf[4096];
      const std::int64_t want = std::min<std::int64_t>(sizeof buf, offset - pos_);
      in_.read(buf, want);
      const std::streamsize got = in_.gcount();
      if (got <= 0) break;
      line_ += std::count(buf, buf + got, '\n');
      pos_ += got;
    }
    return line_;
  }

 private:
  std::ifstream in_;
  std::int64_t pos_ = 0;
  std::int64_t line_ = 1;
};

bool StartsAsMbox(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  char head[5] = {};
  in.read(head, sizeof head);
  return in.gcount() == 5 && std::string_view(head, 5) == "From ";
}

class MailImport {
 public:
  MailImport(const std::string& file, const CompanyConfig& config, ImportSink& sink, ImportStats* stats)
      : file_(file), config_(config), sink_(sink), stats_(stats) {}

  Status Convert(GMimeMessage* msg, std::int64_t line) {
    if (stats_) ++stats_->records;
    auto [from, name] = FirstMailbox(g_mime_message_get_from(msg));
    auto to = FirstMailbox(g_mime_message_get_to(msg)).first;
    from = NormalizeEmail(from);
    to = NormalizeEmail(to);
    GDateTime* date = g_mime_message_get_date(msg);
    if (!date) return Reject(line, "date", "no Date header");
    const Timestamp at = FromUnix(g_date_time_to_unix(date));
    const char* id_header = g_mime_message_get_message_id(msg);
    const std::string subject = HeaderText(g_mime_message_get_subject(msg));
    const std::string message_id = id_header ? id_header : "";
    if (from.empty()) return Reject(line, "from", "no sender address");
    const std::string id = StableId("email", message_id.empty() ? from + FormatUtc(at) + subject : message_id);
    if (FromTeam(config_, from)) {
      if (to.empty()) return Status::Ok();
      Attempt a;
      a.id = id;
      a.channel = Channel::kEmail;
      a.at = at;
      a.email = to;
      a.actor = name;
      a.from_email = from;
      a.source = {file_, line};
      if (stats_) ++stats_->attempts;
      return sink_.OnAttempt(a);
    }
    Signal s;
    s.id = id;
    s.channel = Channel::kEmail;
    s.received_at = at;
    s.email = from;
    s.name = name;
    s.subject = subject;
    std::string refused;
    s.text = StripQuotedReply(BodyText(msg, refused));
    if (s.text.empty() && !refused.empty()) return Reject(line, "body", refused);
    s.bulk = BulkReason(msg, from);
    s.source = {file_, line};
    if (stats_) ++stats_->signals;
    return sink_.OnSignal(s);
  }

  Status Reject(std::int64_t line, std::string field, std::string reason) {
    if (stats_) ++stats_->rejects;
    return sink_.OnReject({file_, line, std::move(field), std::move(reason)});
  }

 private:
  static std::string BodyText(GMimeMessage* msg, std::string& refused) {
    BodyFinder found;
    g_mime_message_foreach(msg, FindBody, &found);
    refused = found.refused;
    if (!found.plain.empty()) return found.plain;
    if (!found.html.empty()) return HtmlToText(found.html);
    return BrokenMultipartText(msg);
  }

  // A multipart whose boundary never appears (a broken boundary parameter) has no parts: GMime
  // keeps its whole body as the prologue. Read that, less the part headers and boundary lines,
  // rather than lose what the person wrote.
  static std::string BrokenMultipartText(GMimeMessage* msg) {
    GMimeObject* body = g_mime_message_get_mime_part(msg);
    if (!body || !GMIME_IS_MULTIPART(body)) return {};
    const char* prologue = g_mime_multipart_get_prologue(GMIME_MULTIPART(body));
    if (!prologue) return {};
    const std::string decoded = DecodeCharset(std::string(Utf8Prefix(prologue, kMaxFieldBytes)), nullptr);
    std::string text;
    std::istringstream in(decoded);
    bool in_headers = false;
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.rfind("--", 0) == 0) {
        if (text.find_first_not_of(" \t\n") != std::string::npos) break;  // the first part is enough
        in_headers = true;  // a boundary line, then the part's headers up to a blank line
        continue;
      }
      if (in_headers) {
        if (line.empty()) in_headers = false;
        continue;
      }
      text += line + "\n";
    }
    return text.find('<') != std::string::npos ? HtmlToText(text) : text;
  }

  std::string file_;
  const CompanyConfig& config_;
  ImportSink& sink_;
  ImportStats* stats_;
};

}  // namespace

Status ImportMail(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  ImportSink& sink, ImportStats* stats) {
  return ImportMail(path, display_name, config, ImportOptions(), sink, stats);
}

Status ImportMail(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                  const ImportOptions& options, ImportSink& sink, ImportStats* stats) {
  InitGMime();
  std::error_code size_error;
  const auto file_size = static_cast<std::int64_t>(std::filesystem::file_size(path, size_error));
  GError* error = nullptr;
  Ref<GMimeStream> stream(g_mime_stream_fs_open(path.c_str(), O_RDONLY, 0, &error));
  if (!stream.ptr) {
    std::string msg = error ? error->message : "cannot open";
    if (error) g_error_free(error);
    return Status::IoError(display_name + ":0: " + msg);
  }
  Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.ptr));
  if (stats) stats->kind = "email";
  const bool mbox = StartsAsMbox(path);
  if (stats) stats->format = mbox ? "mbox" : "eml";
  g_mime_parser_set_format(parser.ptr, mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
  MailImport import(display_name, config, sink, stats);
  LineCounter lines(path);
  std::int64_t messages = 0;
  while (!g_mime_parser_eos(parser.ptr)) {
    const gint64 rest = g_mime_parser_tell(parser.ptr);
    Ref<GMimeMessage> msg(g_mime_parser_construct_message(parser.ptr, nullptr));
    if (!msg.ptr) {
      if (messages == 0) return Status::InvalidArgument(display_name + ":1: not a readable mail message");
      // Where the unreadable part begins: the marker offset is still the last good message's.
      return import.Reject(mbox ? lines.LineAt(rest) : 1, "", "the rest of the mailbox could not be parsed");
    }
    const std::int64_t line = mbox ? lines.LineAt(g_mime_parser_get_mbox_marker_offset(parser.ptr)) : 1;
    ++messages;
    if (Status s = import.Convert(msg.ptr, line); !s.ok()) return s;
    if (options.progress) options.progress(g_mime_parser_tell(parser.ptr), size_error ? 0 : file_size);
    if (!mbox) break;
  }
  return Status::Ok();
}

}  // namespace ringback
