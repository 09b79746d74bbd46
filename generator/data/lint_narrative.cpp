// The direction and verdict words of Indonesian performance narratives, and the matcher that ties
// each to the indicator it speaks about (issue 16: "14,50 Juta USD naik … membaik" beside
// "Penurunan nilai ekspor dikarenakan …"). Built for precision: a word counts only with its subject
// named next to it, and aims ("upaya peningkatan", "untuk meningkatkan") are not statements.
#include "data/lint_narrative.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace lkjip::narrative {

namespace {

// How far (in words) a direction word may stand from the indicator it is about, in one sentence:
// "Realisasi indikator Nilai SAKIP OPD tahun 2024 sebesar 85,75 Indeks naik" is 6 words; further
// apart the word is about something else of the sentence more often than not.
constexpr int kMentionWindow = 8;
// A verdict ("Indikator ini tercapai") may sit further from the name than a movement word: the
// generated tables put the name and the verdict in one row with the figures between.
constexpr int kVerdictWindow = 14;
// A negation or an aim stands at most this many words before its word ("belum dapat terealisasi",
// "dalam rangka peningkatan").
constexpr int kLookBack = 3;

struct Word {
    std::string_view text;  // lower-cased copy lives in `lower`
    std::string lower;
    std::size_t begin = 0, end = 0;
    int sentence = 0;
    int clause = 0;  // a comma starts another ("perekonomian menurun, namun sektor perdagangan tetap …")
};

bool is_word_byte(unsigned char c) { return std::isalnum(c) != 0 || c >= 0x80; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::vector<Word> split_words(std::string_view text) {
    std::vector<Word> words;
    int sentence = 0, clause = 0;
    std::size_t i = 0;
    const std::size_t n = text.size();
    while (i < n) {
        const char c = text[i];
        if (!is_word_byte(static_cast<unsigned char>(c))) {
            // A sentence (or clause that stands alone) ends at . ! ? ; : and at a line break; a
            // point or comma between digits is part of a number (14,50; 1.387.365).
            const bool numeric = (c == '.' || c == ',' || c == ':') && i > 0 && i + 1 < n && is_digit(text[i - 1]) &&
                                 is_digit(text[i + 1]);
            if (!numeric && (c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n')) ++sentence;
            if (!numeric && (c == ',' || c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n')) ++clause;
            ++i;
            continue;
        }
        Word w;
        w.begin = i;
        while (i < n) {
            const char d = text[i];
            if (is_word_byte(static_cast<unsigned char>(d))) {
                ++i;
            } else if ((d == ',' || d == '.') && i + 1 < n && is_digit(text[i - 1]) && is_digit(text[i + 1])) {
                ++i;
            } else if (d == '-' && i + 1 < n && is_word_byte(static_cast<unsigned char>(text[i + 1])) &&
                       !is_digit(text[i + 1])) {
                ++i;  // negara-negara, sosial-ekonomi
            } else {
                break;
            }
        }
        w.end = i;
        w.text = text.substr(w.begin, w.end - w.begin);
        w.lower.reserve(w.text.size());
        for (char d : w.text) w.lower += static_cast<char>(std::tolower(static_cast<unsigned char>(d)));
        w.sentence = sentence;
        w.clause = clause;
        words.push_back(std::move(w));
    }
    return words;
}

template <std::size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view w) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

// The value moved: nouns and intransitive verbs only. The transitive "meningkatkan" and
// "menurunkan" name an effort ("untuk meningkatkan ekspor"), never a result.
constexpr std::array<std::string_view, 8> kUp = {"naik",     "meningkat",  "meningkatnya", "peningkatan",
                                                 "kenaikan", "naiknya",    "bertambah",    "bertambahnya"};
constexpr std::array<std::string_view, 8> kDown = {"turun",    "menurun",   "menurunnya", "penurunan",
                                                   "turunnya", "berkurang", "berkurangnya", "merosot"};
constexpr std::array<std::string_view, 2> kBetter = {"membaik", "membaiknya"};
constexpr std::array<std::string_view, 2> kWorse = {"memburuk", "memburuknya"};
constexpr std::array<std::string_view, 4> kAchieved = {"tercapai", "tercapainya", "terealisasi", "terealisasinya"};
constexpr std::array<std::string_view, 2> kExceeded = {"melampaui", "melebihi"};  // … target
constexpr std::array<std::string_view, 5> kNegator = {"tidak", "belum", "tak", "bukan", "gagal"};
// Words that may stand between a negation and its word: "belum dapat terealisasi", "tidak
// sepenuhnya tercapai".
constexpr std::array<std::string_view, 9> kFiller = {"dapat", "bisa",  "mampu", "sepenuhnya", "juga",
                                                    "secara", "cukup", "terlalu", "berhasil"};
// An aim or a plan, not a statement of what happened.
constexpr std::array<std::string_view, 14> kAim = {"upaya",      "untuk",   "guna",        "demi",      "rangka",
                                                  "agar",       "supaya",  "diharapkan",  "harapan",   "ditargetkan",
                                                  "mendorong",  "perlu",   "akan",        "strategi"};
// Words of an indicator's name that do not identify it alone ("nilai", "jumlah").
constexpr std::array<std::string_view, 16> kGeneric = {"nilai",  "jumlah",    "persentase", "indeks",  "tingkat", "angka",
                                                       "rasio",  "laju",      "capaian",    "rata-rata", "total",  "tahun",
                                                       "indikator", "kinerja", "realisasi", "presentase"};
constexpr std::array<std::string_view, 14> kFunction = {"dari", "yang", "dan",   "di",   "ke",   "untuk", "dengan",
                                                        "pada", "oleh", "atau",  "dalam", "bagi", "terhadap", "per"};
// "kinerja yang menurun", "capaian ini meningkat": the performance judged, so a quality claim.
constexpr std::array<std::string_view, 3> kQualityPronoun = {"kinerja", "capaian", "capaiannya"};
constexpr std::array<std::string_view, 2> kValuePronoun = {"realisasi", "realisasinya"};
// What may follow a pronoun subject for it to be one: "kinerja yang menurun", "capaian ini".
constexpr std::array<std::string_view, 11> kPronounNext = {"yang",  "ini",     "tersebut", "semakin", "mengalami", "juga",
                                                           "sudah", "telah",   "terus",    "cenderung", "kinerja"};

// Words that make the rest of their clause a wish: "Diharapkan pada tahun depan target dapat tercapai".
constexpr std::array<std::string_view, 6> kWish = {"diharapkan", "harapan", "agar", "supaya", "akan", "diupayakan"};
// Nouns of movement name their subject after them ("penurunan nilai ekspor", "meningkatnya nilai
// modal"); verbs before them ("nilai ekspor menurun"), as does a noun after "mengalami".
constexpr std::array<std::string_view, 12> kNominal = {"peningkatan", "penurunan",  "kenaikan",     "meningkatnya",
                                                       "menurunnya",  "naiknya",    "turunnya",     "bertambahnya",
                                                       "berkurangnya", "membaiknya", "memburuknya", "tercapainya"};

bool is_direction(std::string_view w) { return in(kUp, w) || in(kDown, w) || in(kBetter, w) || in(kWorse, w); }

enum class MentionKind { name, pronoun_value, pronoun_quality };

struct Mention {
    std::size_t first = 0, last = 0;  // word indexes, inclusive
    std::optional<std::size_t> subject;  // none: ambiguous between subjects, or a pronoun
    MentionKind kind = MentionKind::name;
    int strength = 0;
};

std::vector<std::string> lower_words(std::string_view s) {
    std::vector<std::string> out;
    for (auto& w : split_words(s)) out.push_back(std::move(w.lower));
    return out;
}

// Marks the words of every occurrence of `name` (as a whole word sequence) with `mark`.
template <class F>
void for_each_occurrence(const std::vector<Word>& words, const std::vector<std::string>& name, F&& f) {
    if (name.empty() || name.size() > words.size()) return;
    for (std::size_t i = 0; i + name.size() <= words.size(); ++i) {
        bool same = true;
        for (std::size_t k = 0; k < name.size() && same; ++k) same = words[i + k].lower == name[k];
        if (same) f(i, i + name.size() - 1);
    }
}

struct Matcher {
    const std::vector<Word>& words;
    const Context& ctx;
    std::vector<bool> masked;              // part of a title or a mention: no claim word
    std::vector<Mention> mentions;
    std::vector<std::vector<std::string>> names;  // of the subjects, lower-cased words

    Matcher(const std::vector<Word>& w, const Context& c) : words(w), ctx(c), masked(w.size(), false) {
        for (const auto& s : *ctx.subjects) names.push_back(lower_words(s.name));
    }

    std::vector<std::string> one_word_titles;  // as written
    bool ctx_title_case(std::size_t at, const std::string& lowered) const {
        for (const auto& t : one_word_titles) {
            std::string l;
            for (char c : t) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (l == lowered && words[at].text == t) return true;
        }
        return false;
    }

    void mask_titles() {
        std::vector<std::vector<std::string>> titles;
        for (const auto& t : ctx.titles) {
            titles.push_back(lower_words(t));
            if (titles.back().size() == 1) one_word_titles.push_back(std::string(split_words(t).front().text));
        }
        std::sort(titles.begin(), titles.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
        for (const auto& t : titles) {
            // A title that is a subject's name is a mention, found below.
            if (std::find(names.begin(), names.end(), t) != names.end()) continue;
            for_each_occurrence(words, t, [&](std::size_t a, std::size_t b) {
                // A one-word title is a label only as written: the scale's "Tercapai" is not the
                // verdict "(tercapai)" beside it.
                if (a == b && ctx_title_case(a, t[0]) == false) return;
                bool free = true;
                for (std::size_t k = a; k <= b; ++k) free = free && !masked[k];
                if (!free) return;
                for (std::size_t k = a; k <= b; ++k) masked[k] = true;
            });
        }
    }

    void find_names() {
        // Whole names first, longest first, so "Persentase ketercapaian administrasi keuangan" is
        // not also taken as part of a longer name.
        std::vector<std::pair<const std::vector<std::string>*, std::size_t>> order;
        for (std::size_t s = 0; s < names.size(); ++s) order.emplace_back(&names[s], s);
        std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first->size() > b.first->size(); });
        for (const auto& [name_ptr, s] : order) {
            const auto& name = *name_ptr;
            for_each_occurrence(words, name, [&](std::size_t a, std::size_t b) {
                for (std::size_t k = a; k <= b; ++k) {
                    if (masked[k]) return;
                }
                for (std::size_t k = a; k <= b; ++k) masked[k] = true;
                mentions.push_back({a, b, s, MentionKind::name, 1000 + static_cast<int>(name.size())});
            });
        }
        // Then parts of names: two or more consecutive words of a name, one of them telling
        // ("nilai ekspor" of "Nilai Ekspor Perdagangan"). Where two subjects share the part, the
        // longer run wins; an equal run names neither.
        std::vector<Mention> partial;
        for (std::size_t s = 0; s < names.size(); ++s) {
            const auto& name = names[s];
            for (std::size_t i = 0; i < words.size(); ++i) {
                if (masked[i]) continue;
                for (std::size_t j = 0; j < name.size(); ++j) {
                    if (words[i].lower != name[j] || in(kFunction, name[j]) || is_direction(name[j])) continue;
                    std::size_t len = 0;
                    int content = 0, telling = 0;
                    while (i + len < words.size() && j + len < name.size() && !masked[i + len] &&
                           words[i + len].lower == name[j + len] && !is_direction(name[j + len]) &&
                           words[i + len].clause == words[i].clause) {
                        if (!in(kFunction, name[j + len])) {
                            ++content;
                            telling += in(kGeneric, name[j + len]) ? 0 : 1;
                        }
                        ++len;
                    }
                    while (len > 0 && in(kFunction, name[j + len - 1])) --len;  // "umkm dari" ends at "umkm"
                    if (content < 2 || telling < 1) continue;
                    partial.push_back({i, i + len - 1, s, MentionKind::name, content});
                }
            }
        }
        // Keep, for each place, the strongest run; drop runs inside a stronger one.
        std::sort(partial.begin(), partial.end(), [](const Mention& a, const Mention& b) {
            return a.strength != b.strength ? a.strength > b.strength : a.first < b.first;
        });
        std::vector<Mention> kept;
        for (const auto& m : partial) {
            bool placed = false;
            for (auto& k : kept) {
                const bool overlap = m.first <= k.last && k.first <= m.last;
                if (!overlap) continue;
                placed = true;
                if (m.strength == k.strength && m.subject != k.subject) k.subject.reset();
                break;
            }
            if (!placed) kept.push_back(m);
        }
        for (const auto& m : kept) {
            for (std::size_t k = m.first; k <= m.last; ++k) masked[k] = true;
            mentions.push_back(m);
        }
    }

    void find_pronouns() {
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (masked[i]) continue;
            const std::string& w = words[i].lower;
            auto next_is = [&](std::size_t k, auto pred) {
                return k < words.size() && words[k].sentence == words[i].sentence && pred(words[k].lower);
            };
            if (w == "indikator") {
                // "indikator ini", "indikator tersebut", "indikator program ini", "indikator sub kegiatan ini"
                std::size_t k = i + 1;
                while (next_is(k, [](const std::string& x) { return x == "program" || x == "kegiatan" || x == "sub" ||
                                                                     x == "sasaran" || x == "tujuan"; }))
                    ++k;
                if (next_is(k, [](const std::string& x) { return x == "ini" || x == "tersebut"; })) {
                    mentions.push_back({i, k, std::nullopt, MentionKind::pronoun_value, 1});
                    for (std::size_t m = i; m <= k; ++m) masked[m] = true;
                }
                continue;
            }
            const bool quality = in(kQualityPronoun, w), value = in(kValuePronoun, w);
            if (!quality && !value) continue;
            if (next_is(i + 1, [](const std::string& x) {
                    return in(kPronounNext, x) || is_direction(x) || in(kAchieved, x) || in(kExceeded, x);
                })) {
                mentions.push_back({i, i, std::nullopt, quality ? MentionKind::pronoun_quality : MentionKind::pronoun_value, 1});
                masked[i] = true;
            }
        }
    }

    // The mention nearest to word `i` in its sentence within `window` words; ties go to the one
    // before (Indonesian puts the subject first: "nilai ekspor menurun").
    // A movement is stated in its clause, a verdict may close the sentence after a comma ("…, sehingga
    // capaiannya 53,76% (belum tercapai)").
    enum class Side { any, before, right_after };
    const Mention* nearest(std::size_t i, int window, bool same_clause, Side side = Side::any) const {
        const Mention* best = nullptr;
        long best_d = window + 1;
        for (const auto& m : mentions) {
            if (words[m.first].sentence != words[i].sentence) continue;
            if (side == Side::before && m.last > i) continue;
            // "penurunan nilai ekspor", "peningkatan jumlah nilai ekspor": the subject opens within two words.
            if (side == Side::right_after && (m.first < i || m.first > i + 2)) continue;
            if (same_clause && words[m.first].clause != words[i].clause && words[m.last].clause != words[i].clause) continue;
            const long d = m.last < i ? static_cast<long>(i - m.last) : static_cast<long>(m.first - i);
            const bool before = m.last < i;
            if (d < best_d || (d == best_d && before)) {
                best = &m;
                best_d = d;
            }
        }
        return best;
    }

    // The first word of a negation before `i` (nullopt: none), looking past fillers.
    std::optional<std::size_t> negation(std::size_t i) const {
        for (int k = 1; k <= kLookBack && i >= static_cast<std::size_t>(k); ++k) {
            const Word& p = words[i - static_cast<std::size_t>(k)];
            if (p.sentence != words[i].sentence) break;
            if (in(kNegator, p.lower)) return i - static_cast<std::size_t>(k);
            if (!in(kFiller, p.lower)) break;
        }
        return std::nullopt;
    }

    bool aim(std::size_t i) const {
        for (int k = 1; k <= kLookBack && i >= static_cast<std::size_t>(k); ++k) {
            const Word& p = words[i - static_cast<std::size_t>(k)];
            if (p.sentence != words[i].sentence) break;
            if (in(kAim, p.lower)) return true;
        }
        for (std::size_t k = i; k-- > 0 && words[k].clause == words[i].clause;) {
            if (in(kWish, words[k].lower)) return true;
        }
        return false;
    }

    bool sentence_has(std::size_t i, std::string_view w) const {
        for (const auto& x : words) {
            if (x.sentence == words[i].sentence && x.lower == w) return true;
        }
        return false;
    }

    std::string quote(std::size_t a, std::size_t b, std::string_view text) const {
        std::string out;
        bool space = false;
        for (char c : text.substr(words[a].begin, words[b].end - words[a].begin)) {
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                space = true;
                continue;
            }
            if (space && !out.empty()) out += ' ';
            space = false;
            out += c;
        }
        return out;
    }

    std::vector<Claim> run(std::string_view text) {
        mask_titles();
        find_names();
        find_pronouns();
        std::vector<Claim> out;
        for (std::size_t i = 0; i < words.size(); ++i) {
            if (masked[i]) continue;
            const std::string& w = words[i].lower;
            int sign = 0;
            ClaimKind kind = ClaimKind::movement;
            if (in(kUp, w) || in(kDown, w)) {
                sign = in(kUp, w) ? 1 : -1;
            } else if (in(kBetter, w) || in(kWorse, w)) {
                sign = in(kBetter, w) ? 1 : -1;
                kind = ClaimKind::quality;
            } else if (in(kAchieved, w)) {
                sign = 1;
                kind = ClaimKind::verdict;
            } else if (in(kExceeded, w) && i + 1 < words.size() && words[i + 1].lower == "target") {
                sign = 1;
                kind = ClaimKind::verdict;
            } else {
                continue;
            }
            if (aim(i)) continue;
            // The progress against the end-of-Renstra target is another verdict than the year's.
            if (kind == ClaimKind::verdict && (sentence_has(i, "akhir") || sentence_has(i, "renstra"))) continue;
            const std::optional<std::size_t> neg = negation(i);
            const bool verdict = kind == ClaimKind::verdict;
            Side side = Side::any;
            if (!verdict) {
                const bool after_verb = i > 0 && words[i - 1].clause == words[i].clause &&
                                        (words[i - 1].lower == "mengalami" || words[i - 1].lower == "terjadi");
                side = in(kNominal, w) && !after_verb ? Side::right_after : Side::before;
            }
            const Mention* m = nearest(i, verdict ? kVerdictWindow : kMentionWindow, !verdict, side);
            std::optional<std::size_t> subject;
            if (m && m->kind == MentionKind::name) {
                subject = m->subject;  // none when ambiguous
                if (!subject) continue;
            } else if (m) {
                subject = ctx.default_subject;
                if (m->kind == MentionKind::pronoun_quality && kind == ClaimKind::movement) kind = ClaimKind::quality;
            } else if (kind == ClaimKind::verdict) {
                subject = ctx.default_subject;
            }
            if (!subject) continue;
            std::size_t a = neg ? *neg : i, b = i;
            if (m) {
                a = std::min(a, m->first);
                b = std::max(b, m->last);
            } else if (i > 0 && words[i - 1].sentence == words[i].sentence && in(kFiller, words[i - 1].lower)) {
                a = std::min(a, i - 1);  // "dapat terealisasi"
            }
            if (kind == ClaimKind::verdict && words[i].lower != "tercapai" && i + 1 < words.size() &&
                words[i + 1].lower == "target") {
                b = std::max(b, i + 1);  // "melampaui target"
            }
            Claim c;
            c.subject = *subject;
            c.kind = kind;
            c.sign = sign;
            c.negated = neg.has_value();
            c.begin = words[a].begin;
            c.end = words[b].end;
            c.quote = quote(a, b, text);
            out.push_back(std::move(c));
        }
        return out;
    }
};

}  // namespace

std::vector<Claim> claims(std::string_view text, const Context& context) {
    static const std::vector<Subject> none;
    Context ctx = context;
    if (!ctx.subjects) ctx.subjects = &none;
    if (ctx.default_subject && *ctx.default_subject >= ctx.subjects->size()) ctx.default_subject.reset();
    const std::vector<Word> words = split_words(text);
    const bool any = std::any_of(words.begin(), words.end(), [](const Word& w) {
        return is_direction(w.lower) || in(kAchieved, w.lower) || in(kExceeded, w.lower);
    });
    if (!any) return {};  // most text says nothing of a movement or a verdict
    Matcher m(words, ctx);
    return m.run(text);
}

bool contradicts(const Claim& claim, const Subject& subject) {
    std::optional<int> fact;
    switch (claim.kind) {
        case ClaimKind::movement: fact = subject.movement; break;
        case ClaimKind::quality:
            if (subject.movement && *subject.movement == 0) fact = 0;
            else if (subject.better) fact = *subject.better ? 1 : -1;
            break;
        case ClaimKind::verdict:
            if (subject.tercapai) fact = *subject.tercapai ? 1 : -1;
            break;
    }
    if (!fact) return false;
    if (claim.kind == ClaimKind::verdict) return (claim.negated ? -claim.sign : claim.sign) != *fact;
    // "naik" against tetap or turun; "tidak menurun" against turun only.
    return claim.negated ? *fact == claim.sign : *fact != claim.sign;
}

std::vector<Claim> contradictions(std::string_view text, const Context& context) {
    std::vector<Claim> out;
    if (!context.subjects) return out;
    for (auto& c : claims(text, context)) {
        if (contradicts(c, (*context.subjects)[c.subject])) out.push_back(std::move(c));
    }
    return out;
}

}  // namespace lkjip::narrative
