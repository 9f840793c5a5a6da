// "Did you mean ...?" for misspelt keys and references.
#ifndef SAKIP_SUGGEST_H_
#define SAKIP_SUGGEST_H_

#include <string>
#include <vector>

namespace sakip {

// Levenshtein distance in bytes.
int EditDistance(const std::string& a, const std::string& b);

// The candidate closest to `word`, if close enough to be a likely typo
// (distance at most a third of the word, and at least 2 allowed); else "".
std::string ClosestMatch(const std::string& word,
                         const std::vector<std::string>& candidates);

// `did you mean `x`?` or "" when nothing is close.
std::string DidYouMean(const std::string& word,
                       const std::vector<std::string>& candidates);

}  // namespace sakip

#endif  // SAKIP_SUGGEST_H_
