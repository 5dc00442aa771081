#include "ingest/time_parse.h"
#include "core/text.h"

#include <date/date.h>
#include <date/tz.h>

#include <array>
#include <cctype>
#include <string>
#include <vector>

namespace ringback {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "nov", "november", "sept" -> 11, 11, 9; 0 when no month.
int MonthNumber(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
      "december"};
  const std::string w = Lower(word);
  if (w.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (kMonths[i].compare(0, w.size(), w) == 0 || (w == "sept" && i == 8)) return static_cast<int>(i) + 1;
  return 0;
}

bool IsWeekday(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kDays = {"monday", "tuesday", "wednesday", "thursday",
                                                           "friday", "saturday", "sunday"};
  const std::string w = Lower(word);
  if (w.size() < 3) return false;
  for (std::string_view d : kDays)
    if (d.compare(0, w.size(), w) == 0 || (w.size() == 4 && d.compare(0, 3, w.substr(0, 3)) == 0 && w[3] == 's'))
      return true;
  return false;
}

// Offsets of the US zone abbreviations phone systems print, in minutes east of UTC.
std::optional<int> ZoneAbbreviation(std::string_view word) {
  static constexpr std::array<std::pair<std::string_view, int>, 14> kZones{{
      {"utc", 0}, {"gmt", 0}, {"z", 0}, {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300},
      {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600}}};
  const std::string w = Lower(word);
  for (const auto& [name, minutes] : kZones)
    if (w == name) return minutes;
  return std::nullopt;
}

// The parts read from a date-time text.
struct Parts {
  int year = -1, month = -1, day = -1;
  int hour = -1, minute = -1, second = 0, millis = 0;
  int ampm = 0;  // 1 am, 2 pm
  std::optional<int> offset_minutes;
  // A numeric date a/b/y: both readings kept until the order is known.
  int first = -1, second_num = -1;
  bool numeric_date = false;
  bool failed = false;
};

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!IsDigit(c)) return false;
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (v > 100000) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

int FullYear(std::string_view digits) {
  const int y = ToInt(digits);
  return digits.size() <= 2 ? 2000 + y : y;
}

// "07:48", "7:48:05", "19:48:05.123".
bool ReadClock(std::string_view t, Parts& p) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= t.size(); ++i)
    if (i == t.size() || t[i] == ':') {
      pieces.push_back(t.substr(start, i - start));
      start = i + 1;
    }
  if (pieces.size() < 2 || pieces.size() > 3) return false;
  std::string_view sec = pieces.size() == 3 ? pieces[2] : std::string_view("0");
  std::string_view frac;
  if (const std::size_t dot = sec.find_first_of(".,"); dot != std::string_view::npos) {
    frac = sec.substr(dot + 1);
    sec = sec.substr(0, dot);
  }
  if (!AllDigits(pieces[0]) || !AllDigits(pieces[1]) || !AllDigits(sec) || pieces[0].size() > 2 ||
      pieces[1].size() != 2 || sec.size() > 2 || (!frac.empty() && !AllDigits(frac)))
    return false;
  p.hour = ToInt(pieces[0]);
  p.minute = ToInt(pieces[1]);
  p.second = ToInt(sec);
  if (!frac.empty()) p.millis = ToInt(frac.substr(0, 3)) * (frac.size() == 1 ? 100 : frac.size() == 2 ? 10 : 1);
  return p.hour <= 24 && p.minute <= 59 && p.second <= 60;
}

// "+05:30", "-0600", "+05".
bool ReadOffset(std::string_view t, Parts& p) {
  if (t.size() < 3 || (t[0] != '+' && t[0] != '-')) return false;
  std::string digits;
  for (char c : t.substr(1)) {
    if (IsDigit(c)) digits += c;
    else if (c != ':') return false;
  }
  if (digits.size() != 2 && digits.size() != 4) return false;
  const int hours = ToInt(digits.substr(0, 2));
  const int minutes = digits.size() == 4 ? ToInt(digits.substr(2)) : 0;
  if (hours > 14 || minutes > 59) return false;
  p.offset_minutes = (t[0] == '-' ? -1 : 1) * (hours * 60 + minutes);
  return true;
}

// A date token with separators: "2026-11-16", "11/16/2026", "16.11.26", "16-Nov-2026".
bool ReadDateToken(std::string_view t, Parts& p) {
  std::vector<std::string_view> pieces;
  std::size_t start = 0;
  char sep = 0;
  for (std::size_t i = 0; i <= t.size(); ++i) {
    if (i < t.size() && t[i] != '-' && t[i] != '/' && t[i] != '.') continue;
    if (i < t.size()) {
      if (sep && t[i] != sep) return false;
      sep = t[i];
    }
    pieces.push_back(t.substr(start, i - start));
    start = i + 1;
  }
  if (pieces.size() != 3) return false;
  if (AllDigits(pieces[0]) && AllDigits(pieces[1]) && AllDigits(pieces[2])) {
    if (pieces[0].size() == 4) {  // year first: ISO
      p.year = ToInt(pieces[0]);
      p.month = ToInt(pieces[1]);
      p.day = ToInt(pieces[2]);
      return pieces[1].size() <= 2 && pieces[2].size() <= 2;
    }
    if (pieces[0].size() > 2 || pieces[1].size() > 2 || (pieces[2].size() != 2 && pieces[2].size() != 4)) return false;
    p.numeric_date = true;
    p.first = ToInt(pieces[0]);
    p.second_num = ToInt(pieces[1]);
    p.year = FullYear(pieces[2]);
    return true;
  }
  // "16-Nov-2026", "Nov-16-2026"
  if (AllDigits(pieces[0]) && MonthNumber(pieces[1]) && AllDigits(pieces[2])) {
    p.day = ToInt(pieces[0]);
    p.month = MonthNumber(pieces[1]);
    p.year = FullYear(pieces[2]);
    return pieces[0].size() <= 2;
  }
  if (MonthNumber(pieces[0]) && AllDigits(pieces[1]) && AllDigits(pieces[2])) {
    p.month = MonthNumber(pieces[0]);
    p.day = ToInt(pieces[1]);
    p.year = FullYear(pieces[2]);
    return pieces[1].size() <= 2;
  }
  return false;
}

// Splits the text into words at spaces and commas; an ISO "T" between a date and a time, and
// a "Z" or offset glued to the time, become words of their own.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(word);
    word.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool after_digit = i > 0 && IsDigit(text[i - 1]);
    if ((c == 'T' || c == 't') && after_digit && i + 1 < text.size() && IsDigit(text[i + 1])) {
      flush();  // ISO "2026-11-16T07:48"
    } else if (c == ' ' || c == ',' || c == '\t' || c == '\r' || c == '\n' || c == '@') {
      flush();
    } else if ((c == '+' || c == '-') && after_digit && word.find(':') != std::string::npos) {
      flush();  // "07:48:00-06:00": an offset glued to the clock
      word += c;
    } else if ((c == 'Z' || c == 'z') && after_digit && i + 1 == text.size()) {
      flush();
      word = "Z";
    } else {
      word += c;
    }
  }
  flush();
  return words;
}

// Reads every word into `p`; an unknown word fails the whole text.
Parts Read(std::string_view text) {
  Parts p;
  std::vector<int> loose;  // bare numbers: a day or a year ("Nov 16 2026", "16 Nov 2026")
  for (std::string w : Words(text)) {
    std::string lw = Lower(w);
    while (!lw.empty() && (lw.back() == '.' || lw.back() == ')')) lw.pop_back(), w.pop_back();
    while (!lw.empty() && lw.front() == '(') lw.erase(0, 1), w.erase(0, 1);
    if (lw.empty() || lw == "at" || lw == "on" || lw == "time") continue;
    // "7:48am", "7:48 a.m."
    for (std::string_view suffix : {"am", "pm", "a.m", "p.m"}) {
      if (lw.size() > suffix.size() && lw.compare(lw.size() - suffix.size(), suffix.size(), suffix) == 0 &&
          IsDigit(lw[lw.size() - suffix.size() - 1])) {
        p.ampm = suffix[0] == 'a' ? 1 : 2;
        lw.resize(lw.size() - suffix.size());
        w.resize(lw.size());
        break;
      }
    }
    if (lw == "am" || lw == "a.m") {
      p.ampm = 1;
    } else if (lw == "pm" || lw == "p.m") {
      p.ampm = 2;
    } else if (lw.find(':') != std::string::npos && IsDigit(lw[0])) {
      if (p.hour >= 0 || !ReadClock(lw, p)) p.failed = true;
    } else if (lw[0] == '+' || lw[0] == '-') {
      if (!ReadOffset(lw, p)) p.failed = true;
    } else if (std::optional<int> zone = ZoneAbbreviation(lw)) {
      p.offset_minutes = *zone;
    } else if (lw.find_first_of("-/.") != std::string::npos && IsAlpha(lw[0]) == false) {
      if (p.year >= 0 || !ReadDateToken(w, p)) p.failed = true;
    } else if (lw.find_first_of("-/") != std::string::npos) {
      if (p.year >= 0 || !ReadDateToken(w, p)) p.failed = true;
    } else if (int m = MonthNumber(lw); m > 0 && p.month < 0) {
      p.month = m;
    } else if (IsWeekday(lw)) {
      continue;
    } else if (AllDigits(lw) || (lw.size() > 2 && AllDigits(lw.substr(0, lw.size() - 2)) &&
                                 (lw.ends_with("st") || lw.ends_with("nd") || lw.ends_with("rd") || lw.ends_with("th")))) {
      const std::string digits = AllDigits(lw) ? lw : lw.substr(0, lw.size() - 2);
      if (digits.size() > 4) p.failed = true;
      else loose.push_back(digits.size() == 4 ? -ToInt(digits) : ToInt(digits));  // a year is negative here
    } else if (lw == "pacific" || lw == "eastern" || lw == "central" || lw == "mountain") {
      continue;  // "Pacific Time": Google's own words; the offset, when any, is elsewhere
    } else {
      p.failed = true;
    }
    if (p.failed) return p;
  }
  for (int n : loose) {
    if (n < 0 && p.year < 0) p.year = -n;
    else if (n > 0 && n <= 31 && p.day < 0 && p.month > 0) p.day = n;
    else p.failed = true;
  }
  return p;
}

// The calendar date of `p` given the file's order; false when it is no valid date.
bool ResolveDate(Parts& p, DateOrder order) {
  if (p.numeric_date) {
    bool month_first = order != DateOrder::kDayFirst;
    if (p.first > 12 && p.second_num <= 12) month_first = false;
    if (p.second_num > 12 && p.first <= 12) month_first = true;
    p.month = month_first ? p.first : p.second_num;
    p.day = month_first ? p.second_num : p.first;
  }
  if (p.year < 1900 || p.year > 2200 || p.month < 1 || p.month > 12 || p.day < 1) return false;
  return date::year_month_day(date::year(p.year), date::month(static_cast<unsigned>(p.month)),
                              date::day(static_cast<unsigned>(p.day)))
      .ok();
}

// 12-hour clock to 24; false for "13:00 PM".
bool ResolveClock(Parts& p) {
  if (p.hour < 0) {
    if (p.ampm) return false;
    p.hour = p.minute = p.second = 0;
    return true;
  }
  if (p.ampm) {
    if (p.hour < 1 || p.hour > 12) return false;
    if (p.ampm == 1 && p.hour == 12) p.hour = 0;
    if (p.ampm == 2 && p.hour != 12) p.hour += 12;
  }
  return p.hour < 24 || (p.hour == 24 && p.minute == 0 && p.second == 0);
}

std::optional<Timestamp> FromLocal(date::local_time<std::chrono::milliseconds> local, const date::time_zone* zone) {
  try {
    return date::floor<Seconds>(zone->to_sys(local, date::choose::earliest));
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// A bare number: an Excel serial day (1954 to 2119, local time) or Unix epoch seconds or
// milliseconds (absolute).
std::optional<Timestamp> FromNumber(std::string_view text, const date::time_zone* zone) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (!AllDigits(whole) || (dot != std::string_view::npos && !AllDigits(frac))) return std::nullopt;
  if (whole.size() == 5) {
    const long days = ToInt(whole);
    if (days < 20000 || days >= 80000) return std::nullopt;
    double fraction = 0;
    double scale = 0.1;
    for (char c : frac.substr(0, 9)) fraction += (c - '0') * scale, scale /= 10;
    const auto ms = std::chrono::milliseconds(static_cast<std::int64_t>(fraction * 86400000.0 + 0.5));
    const date::local_days epoch = date::local_days(date::year(1899) / 12 / 30);
    return FromLocal(date::local_time<std::chrono::milliseconds>(epoch + date::days(days)) + ms, zone);
  }
  if (!frac.empty()) return std::nullopt;
  if (whole.size() == 9 || whole.size() == 10) return Timestamp(Seconds(std::stoll(std::string(whole))));
  if (whole.size() == 12 || whole.size() == 13) return Timestamp(Seconds(std::stoll(std::string(whole)) / 1000));
  return std::nullopt;
}

}  // namespace

std::optional<Timestamp> ParseExportTime(std::string_view raw, const date::time_zone* zone, DateOrder order) {
  const std::string_view text = Trim(raw);
  if (text.empty() || text.size() > 80) return std::nullopt;
  if (IsDigit(text[0]) && text.find_first_not_of("0123456789.") == std::string_view::npos)
    return FromNumber(text, zone);
  Parts p = Read(text);
  if (p.failed || !ResolveDate(p, order) || !ResolveClock(p)) return std::nullopt;
  const date::local_days day{date::year(p.year) / p.month / p.day};
  const auto local = date::local_time<std::chrono::milliseconds>(day) + std::chrono::hours(p.hour) +
                     std::chrono::minutes(p.minute) + std::chrono::seconds(p.second) +
                     std::chrono::milliseconds(p.millis);
  if (p.offset_minutes) {
    const auto utc = date::sys_time<std::chrono::milliseconds>(local.time_since_epoch()) -
                     std::chrono::minutes(*p.offset_minutes);
    return date::floor<Seconds>(utc);
  }
  return FromLocal(local, zone);
}

DateOrder DateOrderEvidence(std::string_view raw) {
  const std::string_view text = Trim(raw);
  if (text.empty() || text.size() > 80) return DateOrder::kUnknown;
  Parts p = Read(text);
  if (p.failed || !p.numeric_date) return DateOrder::kUnknown;
  if (p.first > 12 && p.first <= 31 && p.second_num <= 12) return DateOrder::kDayFirst;
  if (p.second_num > 12 && p.second_num <= 31 && p.first <= 12) return DateOrder::kMonthFirst;
  return DateOrder::kUnknown;
}

TimeShape ShapeOfTime(std::string_view raw) {
  const std::string_view text = Trim(raw);
  if (text.empty() || text.size() > 80) return TimeShape::kNone;
  if (IsDigit(text[0]) && text.find_first_not_of("0123456789.") == std::string_view::npos) {
    // Bare numbers are zip codes, phone numbers and counts far more often than dates: only an
    // Excel serial with a time fraction or epoch milliseconds are taken by their shape alone.
    const std::size_t dot = text.find('.');
    const bool serial_time = dot == 5 && text.size() > 6;
    const bool epoch_ms = dot == std::string_view::npos && text.size() == 13;
    if (!serial_time && !epoch_ms) return TimeShape::kNone;
    return FromNumber(text, date::locate_zone("UTC")) ? TimeShape::kDateTime : TimeShape::kNone;
  }
  Parts p = Read(text);
  if (p.failed) return TimeShape::kNone;
  const bool has_date = p.year >= 0 || p.numeric_date;
  if (!has_date) {
    Parts clock = p;
    if (p.hour >= 0 && p.month < 0 && p.day < 0 && ResolveClock(clock)) return TimeShape::kClock;
    return TimeShape::kNone;
  }
  Parts check = p;
  if (!ResolveDate(check, DateOrder::kMonthFirst) && !ResolveDate(p, DateOrder::kDayFirst)) return TimeShape::kNone;
  if (!ResolveClock(check)) return TimeShape::kNone;
  return p.hour >= 0 ? TimeShape::kDateTime : TimeShape::kDate;
}

}  // namespace ringback
