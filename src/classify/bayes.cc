#include "classify/bayes.h"

#include <algorithm>
#include <cmath>
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

// The words of `t` as BayesFeatures reads them (digits folded to "0", quotes trimmed), appended
// to `buf`, with their [offset, length) in it.
void Words(std::string_view t, std::string& buf,
           std::vector<std::pair<std::size_t, std::size_t>>& words) {
  std::size_t i = 0;
  while (i < t.size()) {
    while (i < t.size() && !WordChar(t[i])) ++i;
    std::size_t e = i;
    while (e < t.size() && WordChar(t[e])) ++e;
    std::size_t b = i;
    std::size_t end = e;
    while (end > b && t[end - 1] == '\'') --end;
    while (b < end && t[b] == '\'') ++b;
    if (end > b) {
      const std::size_t off = buf.size();
      for (std::size_t k = b; k < end; ++k) buf += (t[k] >= '1' && t[k] <= '9') ? '0' : t[k];
      words.emplace_back(off, end - b);
    }
    i = e;
  }
}

// BayesFeatures as views into `buf` (which must outlive them), sorted and each once.
std::vector<std::string_view> FeatureViews(std::string_view t, std::string& buf) {
  std::vector<std::pair<std::size_t, std::size_t>> words;
  buf.reserve(t.size() * 6 + 16);  // words, stems and pairs: no reallocation below
  Words(t, buf, words);
  std::vector<std::pair<std::size_t, std::size_t>> features(words);
  for (const auto& [off, len] : words)
    if (len > 5) {
      features.emplace_back(buf.size(), 6);
      buf += '~';
      buf.append(buf, off, 5);
    }
  for (std::size_t k = 0; k + 1 < words.size(); ++k) {
    const std::size_t off = buf.size();
    buf.append(buf, words[k].first, words[k].second);
    buf += ' ';
    buf.append(buf, words[k + 1].first, words[k + 1].second);
    features.emplace_back(off, buf.size() - off);
  }
  std::vector<std::string_view> out;
  out.reserve(features.size());
  for (const auto& [off, len] : features) out.push_back(std::string_view(buf).substr(off, len));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

std::vector<std::string> BayesFeatures(std::string_view t) {
  std::string buf;
  const std::vector<std::string_view> views = FeatureViews(t, buf);
  return {views.begin(), views.end()};
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
  m.Precompute();
  return m;
}

void BayesModel::Precompute() {
  model_.clear();
  const double vocabulary = static_cast<double>(features_.size());
  for (const auto& [name, counts] : features_) {
    Feature f;
    f.counts = counts;
    for (std::size_t c = 0; c < kN; ++c)
      f.log_in[c] = std::log((counts[c] + kAlpha) / (tokens_[c] + kAlpha * vocabulary));
    for (std::size_t best = 0; best < kN; ++best) {
      double rest_counts = 0;
      double rest_tokens = 0;
      for (std::size_t c = 0; c < kN; ++c)
        if (c != best) {
          rest_counts += counts[c];
          rest_tokens += tokens_[c];
        }
      f.log_rest[best] = std::log((rest_counts + kAlpha) / (rest_tokens + kAlpha * vocabulary));
    }
    model_.emplace(name, f);
  }
  features_.clear();
}

std::optional<BayesGuess> BayesModel::Guess(std::string_view normalized) const {
  if (docs_total_ == 0 || model_.empty()) return std::nullopt;
  std::string buf;
  std::vector<const std::pair<const std::string, Feature>*> known;
  for (std::string_view f : FeatureViews(normalized, buf)) {
    const auto it = model_.find(f);
    if (it != model_.end()) known.push_back(&*it);
  }
  if (known.size() < 2) return std::nullopt;
  // The sums run over the features in the same (sorted) order as ever: the same doubles.
  std::array<double, kN> score{};
  for (std::size_t c = 0; c < kN; ++c) {
    score[c] = std::log((docs_[c] + kAlpha) / (docs_total_ + kAlpha * kN));
    for (const auto* f : known) score[c] += f->second.log_in[c];
  }
  const std::size_t best = static_cast<std::size_t>(
      std::max_element(score.begin(), score.end()) - score.begin());
  double total = 0;
  for (double s : score) total += std::exp(s - score[best]);
  BayesGuess g;
  g.category = kBayesCategories[best];
  g.probability = 1.0 / total;
  // The features that favour `best` most over the other categories taken together.
  std::vector<std::pair<double, const std::string*>> weight;
  for (const auto* f : known) {
    const double in = f->second.log_in[best];
    const double out = f->second.log_rest[best];
    if (in > out) weight.emplace_back(in - out, &f->first);
  }
  std::sort(weight.begin(), weight.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first > b.first : *a.second < *b.second;
  });
  for (std::size_t k = 0; k < weight.size() && k < 3; ++k) g.because.push_back(*weight[k].second);
  return g;
}

}  // namespace ringback::classify
