// Google Voice's Takeout export: Takeout/Voice/Calls/ holds one HTML page per call, voicemail
// and text thread, named "Name - Missed - 2026-11-16T13_48_00Z.html" (Missed, Received,
// Placed, Voicemail, Text). The pages use microformats:
//   calls and voicemails: div.haudio > span.fn ("Missed call from"...), div.contributor.vcard >
//     a.tel[href="tel:+1..."] > span.fn (name), abbr.published[title=ISO time],
//     abbr.duration[title="PT18S"], span.description > span.full-text (voicemail transcript),
//     div.tags > a[rel=tag] (Missed, Voicemail, Received, Placed);
//   text threads: div.hChatLog > div.message, each with abbr.dt[title=ISO time],
//     cite.sender.vcard > a.tel[href] > .fn ("Me" for the owner) and q (the words).
// The layout is not documented by Google; this follows what public readers of the export and
// their sample pages show. libxml2's HTML parser reads the pages (it tolerates their mix of
// XHTML and HTML), so nothing depends on line breaks or attribute order.
#include <date/tz.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>

#include "core/text.h"
#include "core/time.h"
#include "identity/phone.h"
#include "ingest/importer.h"
#include "ingest/text_decoder.h"
#include "ingest/limits.h"
#include "ingest/time_parse.h"

namespace ringback {
namespace {

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string Attr(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool HasClass(xmlNode* node, std::string_view cls) {
  if (!node || node->type != XML_ELEMENT_NODE) return false;
  std::string classes = " " + Attr(node, "class") + " ";
  for (char& c : classes)
    if (c == '\t' || c == '\n') c = ' ';
  return classes.find(" " + std::string(cls) + " ") != std::string::npos;
}

bool IsTag(xmlNode* node, const char* name) {
  return node && node->type == XML_ELEMENT_NODE && xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>(name)) == 0;
}

// The first element under `root` (itself included) for which `pred` holds, depth first.
template <typename Pred>
xmlNode* Find(xmlNode* root, Pred pred) {
  for (xmlNode* n = root; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (pred(n)) return n;
    if (xmlNode* found = Find(n->children, pred)) return found;
  }
  return nullptr;
}

xmlNode* FindClass(xmlNode* under, std::string_view cls) {
  return under ? Find(under->children, [cls](xmlNode* n) { return HasClass(n, cls); }) : nullptr;
}

template <typename Fn>
void ForEach(xmlNode* root, std::string_view cls, Fn fn) {
  for (xmlNode* n = root; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (HasClass(n, cls)) {
      fn(n);
      continue;
    }
    ForEach(n->children, cls, fn);
  }
}

// The text under a node, whitespace collapsed; <br> is a line break.
void Collect(xmlNode* node, std::string& out) {
  for (xmlNode* n = node; n; n = n->next) {
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      out += reinterpret_cast<const char*>(n->content);
    } else if (IsTag(n, "br")) {
      out += '\n';
    } else if (n->type == XML_ELEMENT_NODE && !IsTag(n, "script") && !IsTag(n, "style")) {
      Collect(n->children, out);
    }
  }
}

std::string TextOf(xmlNode* node) {
  if (!node) return {};
  std::string raw;
  Collect(node->children, raw);
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(raw[i]);
    // U+202F (narrow no-break space, which Google puts before "AM") counts as a space.
    if (c == 0xE2 && i + 2 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0x80 &&
        static_cast<unsigned char>(raw[i + 2]) == 0xAF) {
      space = !out.empty();
      i += 2;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += raw[i];
  }
  return out;
}

// "tel:+15125550123" -> "+15125550123".
std::string Tel(xmlNode* anchor) {
  std::string href = Attr(anchor, "href");
  if (href.rfind("tel:", 0) == 0) href = href.substr(4);
  return href;
}

// "PT1M5S" -> 65; -1 when absent.
std::int64_t IsoDuration(const std::string& text) {
  if (text.rfind("PT", 0) != 0) return -1;
  std::int64_t total = 0, n = 0;
  for (char c : text.substr(2)) {
    if (std::isdigit(static_cast<unsigned char>(c))) n = std::min<std::int64_t>(n * 10 + (c - '0'), 100000000);
    else if (c == 'H') total += n * 3600, n = 0;
    else if (c == 'M') total += n * 60, n = 0;
    else if (c == 'S') total += n, n = 0;
    else if (c == '.') break;
  }
  return total;
}

// Missed, Received, Placed, Voicemail or Recorded: from the page's title line, its tags, else
// its file name ("Name - Missed - 2026-...").
std::string CallKind(xmlNode* haudio, const std::string& file) {
  std::string title;
  for (xmlNode* n = haudio->children; n; n = n->next)
    if (HasClass(n, "fn")) title = Lower(TextOf(n));
  std::string tags;
  if (xmlNode* t = FindClass(haudio, "tags")) tags = Lower(TextOf(t));
  const std::string name = Lower(std::filesystem::path(file).filename().string());
  for (const char* kind : {"voicemail", "missed", "received", "placed", "recorded"}) {
    if (title.find(kind) != std::string::npos) return kind;
  }
  for (const char* kind : {"voicemail", "missed", "received", "placed", "recorded"}) {
    if (tags.find(kind) != std::string::npos) return kind;
    if (name.find(std::string(" - ") + kind + " - ") != std::string::npos) return kind;
  }
  return "";
}

class GoogleVoiceImport {
 public:
  GoogleVoiceImport(std::string file, const CompanyConfig& config, ImportSink& sink, ImportStats* stats)
      : file_(std::move(file)), config_(config), sink_(sink), stats_(stats), utc_(date::locate_zone("UTC")) {}

  Status Call(xmlNode* haudio, const std::string& path) {
    if (stats_) ++stats_->records;
    const std::int64_t line = xmlGetLineNo(haudio);
    const std::string kind = CallKind(haudio, path);
    xmlNode* contributor = FindClass(haudio, "contributor");
    xmlNode* tel = contributor ? FindClass(contributor, "tel") : nullptr;
    xmlNode* published = FindClass(haudio, "published");
    const std::string when = published ? Attr(published, "title") : "";
    const std::optional<Timestamp> at = ParseExportTime(when, utc_);
    if (!at) return Reject(line, "time", when.empty() ? "no abbr.published time" : "not a date: " + QuoteValue(when));
    const std::string raw = tel ? Tel(tel) : "";
    const PhoneNumber phone = ParsePhone(raw, config_.phone_region);
    std::string name = tel ? TextOf(FindClass(tel, "fn")) : "";
    xmlNode* duration = FindClass(haudio, "duration");
    const std::int64_t seconds = duration ? IsoDuration(Attr(duration, "title")) : -1;
    if (stats_) stats_->notes.push_back(file_ + ": a Google Voice " + (kind.empty() ? "call" : kind) +
                                        " page: the caller from .contributor a.tel, the time from "
                                        "abbr.published" +
                                        (kind == "voicemail" ? ", the transcript from .full-text" : ""));
    if (kind == "placed") {
      Attempt a;
      a.id = StableId("google voice call", raw + "|" + when + "|placed");
      a.channel = Channel::kCall;
      a.at = *at;
      a.phone = phone.ok() ? phone.e164 : "";
      a.duration_seconds = seconds;
      a.source = {file_, line};
      if (a.phone.empty()) return Status::Ok();
      if (stats_) ++stats_->attempts;
      return sink_.OnAttempt(a);
    }
    Signal s;
    s.id = StableId("google voice call", raw + "|" + when + "|" + kind);
    s.channel = kind == "voicemail" ? Channel::kVoicemail : Channel::kCall;
    s.received_at = *at;
    s.phone_raw = raw;
    s.phone = phone.ok() ? phone.e164 : "";
    s.name = name;
    s.answered = kind == "received" || kind == "recorded";
    s.duration_seconds = seconds;
    if (kind == "voicemail") s.text = TextOf(FindClass(haudio, "full-text"));
    s.source = {file_, line};
    return Deliver(s, line);
  }

  Status Thread(xmlNode* chat, const std::string& path) {
    // The other party of a one-to-one thread: the first sender who is not "Me", else a number
    // in the file name ("+15125550123 - Text - ...").
    std::string other;
    ForEach(chat->children, "message", [&](xmlNode* m) {
      xmlNode* sender = FindClass(m, "sender");
      xmlNode* tel = sender ? FindClass(sender, "tel") : nullptr;
      if (other.empty() && tel && TextOf(FindClass(tel, "fn")) != "Me") other = Tel(tel);
    });
    if (other.empty()) {
      const std::string name = std::filesystem::path(path).filename().string();
      const PhoneNumber p = ParsePhone(name.substr(0, name.find(" - ")), config_.phone_region);
      if (p.ok()) other = p.e164;
    }
    if (stats_) stats_->notes.push_back(file_ + ": a Google Voice text thread: each div.message is one text "
                                        "(time from abbr.dt, sender from cite.sender a.tel, words from q); "
                                        "\"Me\" is the business");
    Status status;
    int index = 0;
    ForEach(chat->children, "message", [&](xmlNode* m) {
      if (!status.ok()) return;
      status = Message(m, other, ++index);
    });
    return status;
  }

 private:
  Status Message(xmlNode* m, const std::string& other, int index) {
    if (stats_) ++stats_->records;
    const std::int64_t line = xmlGetLineNo(m);
    xmlNode* dt = FindClass(m, "dt");
    const std::string when = dt ? Attr(dt, "title") : "";
    const std::optional<Timestamp> at = ParseExportTime(when, utc_);
    if (!at) return Reject(line, "time", when.empty() ? "no abbr.dt time" : "not a date: " + QuoteValue(when));
    xmlNode* sender = FindClass(m, "sender");
    xmlNode* tel = sender ? FindClass(sender, "tel") : nullptr;
    const std::string name = tel ? TextOf(FindClass(tel, "fn")) : "";
    std::string text;
    if (xmlNode* q = Find(m->children, [](xmlNode* n) { return IsTag(n, "q"); })) text = TextOf(q);
    const std::string from = tel ? Tel(tel) : "";
    if (name == "Me") {
      Attempt a;
      a.id = StableId("google voice text", other + "|" + when + "|me|" + std::to_string(index) + "|" + text);
      a.channel = Channel::kSms;
      a.at = *at;
      const PhoneNumber to = ParsePhone(other, config_.phone_region);
      a.phone = to.ok() ? to.e164 : "";
      a.source = {file_, line};
      if (a.phone.empty()) return Status::Ok();  // nobody to match it to
      if (stats_) ++stats_->attempts;
      return sink_.OnAttempt(a);
    }
    const PhoneNumber phone = ParsePhone(from, config_.phone_region);
    Signal s;
    s.id = StableId("google voice text", from + "|" + when + "|" + text);
    s.channel = Channel::kSms;
    s.received_at = *at;
    s.phone_raw = from;
    s.phone = phone.ok() ? phone.e164 : "";
    s.name = name;
    s.text = text;
    s.source = {file_, line};
    return Deliver(s, line);
  }

  Status Deliver(Signal& s, std::int64_t line) {
    if (s.phone.empty()) {
      return Reject(line, "phone", s.phone_raw.empty() ? "no phone number (a.tel) on the page"
                                                       : "not a usable phone number: " + QuoteValue(s.phone_raw));
    }
    if (stats_) ++stats_->signals;
    return sink_.OnSignal(s);
  }

  Status Reject(std::int64_t line, std::string field, std::string reason) {
    if (stats_) ++stats_->rejects;
    return sink_.OnReject({file_, line, std::move(field), std::move(reason)});
  }

  std::string file_;
  const CompanyConfig& config_;
  ImportSink& sink_;
  ImportStats* stats_;
  const date::time_zone* utc_;
};

}  // namespace

bool LooksLikeGoogleVoicePage(std::string_view head) {
  const std::size_t start = head.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (start == std::string_view::npos || head[start] != '<') return false;
  for (std::string_view mark : {"\"haudio\"", "\"hChatLog", "class=\"haudio", "hChatLog hfeed"})
    if (head.find(mark) != std::string_view::npos) return true;
  return false;
}

Status ImportGoogleVoice(const std::string& path, const std::string& display_name, const CompanyConfig& config,
                         ImportSink& sink, ImportStats* stats) {
  // The page is decoded as every text file is (UTF-8, UTF-16 with a BOM, else line by line
  // Windows-1252), then handed to libxml2 as UTF-8: told "UTF-8", libxml2 passes bytes that
  // are not through as they are, into names and texts.
  std::ifstream file(path, std::ios::binary);
  if (!file) return Status::IoError(display_name + ": cannot open");
  DecodingStream decoded(file);
  std::string page;
  char chunk[64 * 1024];
  while (decoded.read(chunk, sizeof chunk) || decoded.gcount() > 0) {
    page.append(chunk, static_cast<std::size_t>(decoded.gcount()));
    if (page.size() > kMaxHtmlPageBytes)
      return Status::InvalidArgument(display_name + ": a page larger than " +
                                     std::to_string(kMaxHtmlPageBytes >> 20) + " MiB (the most read)");
  }
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, "UTF-8", options));
  if (stats) {
    stats->format = "html";
    stats->encoding = decoded.report().Describe();
    stats->source = "Google Voice (Takeout)";
  }
  if (!doc) return Status::InvalidArgument(display_name + ":1: not a readable HTML page");
  xmlNode* root = xmlDocGetRootElement(doc.get());
  GoogleVoiceImport import(display_name, config, sink, stats);
  if (xmlNode* haudio = Find(root, [](xmlNode* n) { return HasClass(n, "haudio"); })) {
    if (stats) stats->kind = "call log";
    return import.Call(haudio, path);
  }
  if (xmlNode* chat = Find(root, [](xmlNode* n) { return HasClass(n, "hChatLog"); })) {
    if (stats) stats->kind = "text messages";
    return import.Thread(chat, path);
  }
  return Status::InvalidArgument(display_name +
                                 ":1: an HTML page that is not a Google Voice call, voicemail or text (no "
                                 "div.haudio or div.hChatLog)");
}

}  // namespace ringback
