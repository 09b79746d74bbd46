// Internal to the data stage (and its tests): what a narrative text says about the direction or
// the verdict of an indicator, checked against the computed values (issue 16, Consistency).
// Pure functions over strings: the word lists and the matcher, no model and no diagnostics.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lkjip::narrative {

// One indicator a text may speak about, with what the report computed for it.
struct Subject {
    std::string name;              // as the data names it ("Nilai Ekspor Perdagangan")
    std::optional<int> movement;   // realisasi against the year before: +1 naik, 0 tetap, -1 turun
    std::optional<bool> better;    // that movement judged by polarity (naik is better for positive)
    std::optional<bool> tercapai;  // the verdict; nullopt when the capaian cannot be measured
};

enum class ClaimKind {
    movement,  // naik / meningkat / peningkatan … against turun / menurun / penurunan …
    quality,   // membaik against memburuk, and "kinerja/capaian yang meningkat"
    verdict,   // tercapai / terealisasi / melampaui target against belum / tidak tercapai
};

// A phrase of the text that states something about one subject.
struct Claim {
    std::size_t subject = 0;  // index into the subjects
    ClaimKind kind = ClaimKind::movement;
    int sign = 1;             // +1 naik, membaik, tercapai; -1 turun, memburuk, belum tercapai
    bool negated = false;     // "tidak menurun", "belum meningkat": the movement is denied
    std::size_t begin = 0, end = 0;  // byte range of the quoted words in the text
    std::string quote;        // those words, whitespace collapsed
};

// Who a text may speak about.
struct Context {
    const std::vector<Subject>* subjects = nullptr;
    // The subject meant by "indikator ini", "kinerja", "capaian" and by a verdict without a named
    // indicator: the indicator a penjelasan belongs to, the only indicator of a sasaran; none for
    // a text about several.
    std::optional<std::size_t> default_subject;
    // Names whose words are not claims: sasaran and program names ("Meningkatnya Nilai Ekspor"),
    // indicator names ("Peningkatan jumlah eksportir") are titles, not statements.
    std::vector<std::string> titles;
};

// Every claim of `text` about one of the subjects. A direction word counts only when a subject is
// named within a few words of it in the same sentence (or, for the default subject, "indikator
// ini", "kinerja", "capaian" stand for it), and never as an aim ("upaya peningkatan …", "untuk
// meningkatkan …": only nouns and intransitive verbs state a movement).
std::vector<Claim> claims(std::string_view text, const Context& context);

// Whether the claim contradicts the computed values of its subject (unknown values never do).
bool contradicts(const Claim& claim, const Subject& subject);

// The claims of `text` that contradict the computed values.
std::vector<Claim> contradictions(std::string_view text, const Context& context);

}  // namespace lkjip::narrative
