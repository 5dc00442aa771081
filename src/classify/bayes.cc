#include "classify/bayes.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>

namespace ringback::classify {
namespace {

constexpr double kAlpha = 1.0;  // Laplace smoothing

int IndexOf(Category c) {
  for (std::size_t i = 0; i < kBayesCategories.size(); ++i)
    if (kBayesCategories[i] == c) return static_cast<int>(i);
  return -1;
}

bool WordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '\''; }

}  // namespace

std::vector<std::string> BayesFeatures(std::string_view t) {
  std::vector<std::string> words;
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && !WordChar(t[i])) ++i;
    std::size_t e = i;
    while (e < t.size() && WordChar(t[e])) ++e;
    if (e > i) {
      std::string w(t.substr(i, e - i));
      for (char& c : w)
        if (c >= '1' && c <= '9') c = '0';
      while (!w.empty() && w.back() == '\'') w.pop_back();
      while (!w.empty() && w.front() == '\'') w.erase(w.begin());
      if (!w.empty()) words.push_back(std::move(w));
    }
    i = e;
  }
  std::set<std::string> out(words.begin(), words.end());
  // Word stems (the first five letters) let "installed", "installation" and "instalaron"
  // share evidence.
  for (const std::string& w : words)
    if (w.size() > 5) out.insert("~" + w.substr(0, 5));
  for (std::size_t k = 0; k + 1 < words.size(); ++k) out.insert(words[k] + " " + words[k + 1]);
  return {out.begin(), out.end()};
}

void BayesModel::Add(std::string_view normalized, Category label) {
  const int c = IndexOf(label);
  if (c < 0) return;
  ++docs_[c];
  ++docs_total_;
  for (const std::string& f : BayesFeatures(normalized)) {
    ++features_[f][c];
    ++tokens_[c];
  }
}

std::string BayesModel::Serialize(int min_docs) const {
  std::ostringstream out;
  out << "# naive Bayes over words and pairs: feature, then examples per category\n#";
  for (Category c : kBayesCategories) out << ' ' << CategoryName(c);
  out << "\n@docs";
  for (int d : docs_) out << ' ' << d;
  out << '\n';
  std::vector<std::string> keys;
  for (const auto& [f, counts] : features_) {
    int n = 0;
    for (int k : counts) n += k;
    if (n >= min_docs) keys.push_back(f);
  }
  std::sort(keys.begin(), keys.end());  // the same corpus gives the same file
  for (const std::string& f : keys) {
    out << f << '\t';
    const Counts& counts = features_.at(f);
    for (std::size_t c = 0; c < kN; ++c) out << (c ? " " : "") << counts[c];
    out << '\n';
  }
  return out.str();
}

StatusOr<BayesModel> BayesModel::Parse(std::string_view text) {
  BayesModel m;
  std::size_t line_no = 0;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    const std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    const bool docs = line.starts_with("@docs ");
    const std::size_t tab = line.find('\t');
    if (!docs && tab == std::string_view::npos)
      return Status::InvalidArgument("model line " + std::to_string(line_no) + ": no tab");
    std::istringstream nums(std::string(docs ? line.substr(6) : line.substr(tab + 1)));
    Counts counts{};
    for (int& k : counts)
      if (!(nums >> k) || k < 0)
        return Status::InvalidArgument("model line " + std::to_string(line_no) + ": bad counts");
    if (docs) {
      m.docs_ = counts;
      m.docs_total_ = 0;
      for (int d : counts) m.docs_total_ += d;
      continue;
    }
    for (std::size_t c = 0; c < kN; ++c) m.tokens_[c] += counts[c];
    m.features_.emplace(std::string(line.substr(0, tab)), counts);
  }
  return m;
}

std::optional<BayesGuess> BayesModel::Guess(std::string_view normalized) const {
  if (docs_total_ == 0) return std::nullopt;
  std::vector<const std::pair<const std::string, Counts>*> known;
  for (const std::string& f : BayesFeatures(normalized)) {
    const auto it = features_.find(f);
    if (it != features_.end()) known.push_back(&*it);
  }
  if (known.size() < 2) return std::nullopt;
  const double vocabulary = static_cast<double>(features_.size());
  std::array<double, kN> score{};
  for (std::size_t c = 0; c < kN; ++c) {
    score[c] = std::log((docs_[c] + kAlpha) / (docs_total_ + kAlpha * kN));
    for (const auto* f : known)
      score[c] += std::log((f->second[c] + kAlpha) / (tokens_[c] + kAlpha * vocabulary));
  }
  const std::size_t best = static_cast<std::size_t>(
      std::max_element(score.begin(), score.end()) - score.begin());
  double total = 0;
  for (double s : score) total += std::exp(s - score[best]);
  BayesGuess g;
  g.category = kBayesCategories[best];
  g.probability = 1.0 / total;
  // The features that favour `best` most over the other categories taken together.
  std::vector<std::pair<double, std::string>> weight;
  for (const auto* f : known) {
    const double in = std::log((f->second[best] + kAlpha) / (tokens_[best] + kAlpha * vocabulary));
    double rest_counts = 0;
    double rest_tokens = 0;
    for (std::size_t c = 0; c < kN; ++c)
      if (c != best) {
        rest_counts += f->second[c];
        rest_tokens += tokens_[c];
      }
    const double out = std::log((rest_counts + kAlpha) / (rest_tokens + kAlpha * vocabulary));
    if (in > out) weight.emplace_back(in - out, f->first);
  }
  std::sort(weight.begin(), weight.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : a.second < b.second;
  });
  for (std::size_t k = 0; k < weight.size() && k < 3; ++k) g.because.push_back(weight[k].second);
  return g;
}

}  // namespace ringback::classify
