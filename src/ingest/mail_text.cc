#include "ingest/mail_text.h"
#include "core/text.h"

#include <array>
#include <cstdint>
#include <cctype>
#include <sstream>
#include <vector>

namespace ringback {
namespace {

void AppendUtf8(std::uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// "&#8217;" and "&#x27;": Outlook and Word write quotes and spaces this way.
bool DecodeNumericEntity(std::string_view html, std::size_t& i, std::string& out) {
  if (html.substr(i, 2) != "&#") return false;
  std::size_t j = i + 2;
  const bool hex = j < html.size() && (html[j] == 'x' || html[j] == 'X');
  if (hex) ++j;
  std::uint32_t cp = 0;
  std::size_t digits = 0;
  for (; j < html.size() && digits < 8; ++j, ++digits) {
    const char c = html[j];
    int v = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
            : hex && std::isxdigit(static_cast<unsigned char>(c)) ? std::tolower(c) - 'a' + 10
                                                                   : -1;
    if (v < 0) break;
    cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(v);
  }
  if (digits == 0 || j >= html.size() || html[j] != ';' || cp == 0 || cp > 0x10FFFF) return false;
  if (cp == 0xA0) cp = ' ';
  AppendUtf8(cp, out);
  i = j + 1;
  return true;
}

void DecodeEntity(std::string_view html, std::size_t& i, std::string& out) {
  if (DecodeNumericEntity(html, i, out)) return;
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kEntities = {{
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""},
      {"&#39;", "'"}, {"&apos;", "'"}, {"&nbsp;", " "}, {"&rsquo;", "'"},
  }};
  for (const auto& [entity, text] : kEntities) {
    if (html.substr(i, entity.size()) == entity) {
      out += text;
      i += entity.size();
      return;
    }
  }
  out += '&';
  ++i;
}

bool IsBlockTag(std::string_view tag) {
  for (std::string_view b : {"br", "p", "/p", "div", "/div", "li", "tr", "h1", "h2", "h3", "/h1", "/h2", "/h3", "blockquote"})
    if (tag == b) return true;
  return false;
}

}  // namespace

std::string HtmlToText(std::string_view html) {
  std::string out;
  std::string lower = Lower(html);
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      std::size_t end = html.find('>', i);
      if (end == std::string_view::npos) break;
      std::string tag = lower.substr(i + 1, end - i - 1);
      std::string name = tag.substr(0, tag.find_first_of(" \t\r\n/", tag[0] == '/' ? 1 : 0));
      if (name == "script" || name == "style") {
        std::size_t close = lower.find("</" + name, end);
        end = close == std::string::npos ? html.size() - 1 : lower.find('>', close);
        if (end == std::string::npos) end = html.size() - 1;
      } else if (IsBlockTag(name)) {
        out += '\n';
      }
      i = end + 1;
    } else if (c == '&') {
      DecodeEntity(html, i, out);
    } else {
      out += c;
      ++i;
    }
  }
  // Collapse spaces within lines and runs of blank lines.
  std::istringstream in(out);
  std::string result, line;
  bool blank = false;
  while (std::getline(in, line)) {
    std::string collapsed;
    for (char ch : line) {
      if (std::isspace(static_cast<unsigned char>(ch))) {
        if (!collapsed.empty() && collapsed.back() != ' ') collapsed += ' ';
      } else {
        collapsed += ch;
      }
    }
    collapsed = TrimmedString(collapsed);
    if (collapsed.empty()) {
      blank = !result.empty();
      continue;
    }
    if (!result.empty()) result += blank ? "\n\n" : "\n";
    result += collapsed;
    blank = false;
  }
  return result;
}

std::string StripQuotedReply(std::string_view text) {
  std::istringstream in{std::string(text)};
  std::vector<std::string> kept;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::string t = TrimmedString(line);
    std::string l = Lower(t);
    if (!t.empty() && t[0] == '>') break;
    if (l.size() >= 6 && l.substr(l.size() - 6) == "wrote:") {
      // The attribution may be wrapped over several lines: drop back to its "On ..." line.
      if (l.rfind("on ", 0) != 0) {
        std::size_t i = kept.size();
        while (i > 0 && Lower(TrimmedString(kept[i - 1])).rfind("on ", 0) != 0 && kept.size() - i < 3) --i;
        if (i > 0 && Lower(TrimmedString(kept[i - 1])).rfind("on ", 0) == 0) kept.resize(i - 1);
      }
      break;
    }
    if (l.find("-----original message-----") != std::string::npos) break;
    if (l.rfind("from:", 0) == 0 && !kept.empty()) break;
    if (l.rfind("sent from my ", 0) == 0) break;
    kept.push_back(line);
  }
  // "On Mon, Nov 9, 2026 at 10:02 AM Rick Hollis <rick@…>" is often wrapped before "wrote:".
  if (!kept.empty()) {
    std::string last = Lower(TrimmedString(kept.back()));
    if (last.rfind("on ", 0) == 0 && last.find('@') != std::string::npos) kept.pop_back();
  }
  std::string out;
  for (const std::string& l : kept) out += l + "\n";
  return TrimmedString(out);
}

}  // namespace ringback
