// The direction and verdict words of Indonesian performance narratives, and the matcher that ties
// each to the indicator it speaks about (issue 16: "14,50 Juta USD naik … membaik" beside
// "Penurunan nilai ekspor dikarenakan …"). Built for precision: a word counts only with its subject
// named next to it, and aims ("upaya peningkatan", "untuk meningkatkan") are not statements.
#include "data/lint_narrative.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <unordered_map>

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
// Names of a ratio: "Persentase Pelaku Usaha Mikro Mandiri" measures a share, so a text about
// "pelaku usaha mikro" without the ratio word speaks of the count under it (seed 004 S3: the
// number of pelaku usaha mikro rose while the share stayed at 2 %), not of the indicator.
constexpr std::array<std::string_view, 8> kRatio = {"persentase", "presentase", "rasio",  "indeks",
                                                    "tingkat",    "proporsi",   "laju",   "rata-rata"};
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

// Bounds for hostile input (a data file of 8 MiB may hold thousands of indicators and a narrative
// of 100 000 words, issue 18): a real field has fewer than 50 direction or verdict words and a
// report fewer than 500 indicators, so these are never reached by a planner's text.
constexpr std::size_t kMaxClaimWords = 500;        // per text; the rest of it is not read
constexpr std::size_t kMaxNameWords = 40;          // a name or title longer is matched on its first 40 words
constexpr std::size_t kMaxCandidates = 2'000'000;  // name-word comparisons per text

struct Occurrence {
    std::size_t first = 0, last = 0, index = 0;
};

struct Matcher {
    const std::vector<Word>& words;
    const Context& ctx;
    std::vector<bool> masked;  // part of a title or a mention: no claim word
    std::vector<bool> near;    // within reach of a claim word: the only places a name matters
    std::vector<std::size_t> claim_words;
    std::vector<Mention> mentions;
    std::vector<long> mention_at;  // per word: the mention covering it, or -1
    std::vector<std::vector<std::string>> names;  // of the subjects, lower-cased words
    std::size_t candidates = 0;

    Matcher(const std::vector<Word>& w, const Context& c)
        : words(w), ctx(c), masked(w.size(), false), near(w.size(), false), mention_at(w.size(), -1) {
        for (const auto& s : *ctx.subjects) {
            names.push_back(lower_words(s.name));
            if (names.back().size() > kMaxNameWords) names.back().resize(kMaxNameWords);
        }
        const std::size_t reach = kVerdictWindow + kMaxNameWords;
        for (std::size_t i = 0; i < words.size() && claim_words.size() < kMaxClaimWords; ++i) {
            const std::string& x = words[i].lower;
            if (!is_direction(x) && !in(kAchieved, x) && !in(kExceeded, x)) continue;
            claim_words.push_back(i);
            for (std::size_t k = i > reach ? i - reach : 0; k < words.size() && k <= i + reach; ++k) near[k] = true;
        }
    }

    // Where the sequences occur (starting near a claim word), longest sequence first.
    std::vector<Occurrence> occurrences(const std::vector<std::vector<std::string>>& seqs) const {
        std::unordered_map<std::string_view, std::vector<std::size_t>> by_first;
        for (std::size_t k = 0; k < seqs.size(); ++k) {
            if (!seqs[k].empty()) by_first[seqs[k][0]].push_back(k);
        }
        std::vector<Occurrence> out;
        std::size_t steps = 0;
        for (std::size_t i = 0; i < words.size() && steps < kMaxCandidates; ++i) {
            if (!near[i]) continue;
            auto it = by_first.find(words[i].lower);
            if (it == by_first.end()) continue;
            for (std::size_t k : it->second) {
                const auto& seq = seqs[k];
                ++steps;
                if (i + seq.size() > words.size()) continue;
                bool same = true;
                for (std::size_t m = 1; m < seq.size() && same; ++m) same = words[i + m].lower == seq[m];
                if (same) out.push_back({i, i + seq.size() - 1, k});
            }
        }
        std::stable_sort(out.begin(), out.end(), [](const Occurrence& a, const Occurrence& b) {
            return a.last - a.first > b.last - b.first;
        });
        return out;
    }

    bool free(std::size_t a, std::size_t b) const {
        for (std::size_t k = a; k <= b; ++k) {
            if (masked[k]) return false;
        }
        return true;
    }

    void add_mention(const Mention& m) {
        for (std::size_t k = m.first; k <= m.last; ++k) {
            masked[k] = true;
            mention_at[k] = static_cast<long>(mentions.size());
        }
        mentions.push_back(m);
    }

    void mask_titles() {
        std::vector<std::vector<std::string>> titles;
        std::vector<std::string> as_written;  // one-word titles, as the data writes them
        for (const auto& t : ctx.titles) {
            auto lw = lower_words(t);
            // A title that is a subject's name is a mention, found below.
            if (lw.empty() || std::find(names.begin(), names.end(), lw) != names.end()) continue;
            if (lw.size() > kMaxNameWords) lw.resize(kMaxNameWords);
            as_written.push_back(lw.size() == 1 ? std::string(split_words(t).front().text) : std::string());
            titles.push_back(std::move(lw));
        }
        for (const auto& o : occurrences(titles)) {
            // A one-word title is a label only as written: the scale's "Tercapai" is not the
            // verdict "(tercapai)" beside it.
            if (o.first == o.last && words[o.first].text != as_written[o.index]) continue;
            if (!free(o.first, o.last)) continue;
            for (std::size_t k = o.first; k <= o.last; ++k) masked[k] = true;
        }
    }

    void find_names() {
        // Whole names first, longest first, so "Persentase ketercapaian administrasi keuangan" is
        // not also taken as part of a longer name.
        for (const auto& o : occurrences(names)) {
            if (!free(o.first, o.last)) continue;
            add_mention({o.first, o.last, o.index, MentionKind::name, 1000 + static_cast<int>(o.last - o.first + 1)});
        }
        // Then parts of names: two or more consecutive words of a name, one of them telling
        // ("nilai ekspor" of "Nilai Ekspor Perdagangan"). Where two subjects share the part, the
        // longer run wins; an equal run names neither.
        std::unordered_map<std::string_view, std::vector<std::pair<std::size_t, std::size_t>>> by_word;
        for (std::size_t s = 0; s < names.size(); ++s) {
            for (std::size_t j = 0; j < names[s].size(); ++j) {
                if (!in(kFunction, names[s][j]) && !is_direction(names[s][j])) by_word[names[s][j]].emplace_back(s, j);
            }
        }
        std::vector<Mention> partial;
        for (std::size_t i = 0; i < words.size() && candidates < kMaxCandidates; ++i) {
            if (masked[i] || !near[i]) continue;
            auto it = by_word.find(words[i].lower);
            if (it == by_word.end()) continue;
            for (const auto& [s, j] : it->second) {
                const auto& name = names[s];
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
                candidates += len + 1;
                while (len > 0 && in(kFunction, name[j + len - 1])) --len;  // "umkm dari" ends at "umkm"
                if (content < 2 || telling < 1) continue;
                if (j > 0 && in(kRatio, name[0])) continue;  // the quantity under a ratio (kRatio)
                partial.push_back({i, i + len - 1, s, MentionKind::name, content});
            }
        }
        // Keep, for each place, the strongest run; a run overlapping a kept one of equal strength
        // and another subject makes that one name neither.
        std::stable_sort(partial.begin(), partial.end(), [](const Mention& a, const Mention& b) {
            return a.strength != b.strength ? a.strength > b.strength : a.first < b.first;
        });
        std::vector<long> owner(words.size(), -1);
        std::vector<Mention> kept;
        for (const auto& m : partial) {
            long hit = -1;
            for (std::size_t k = m.first; k <= m.last && hit < 0; ++k) hit = owner[k];
            if (hit >= 0) {
                Mention& k = kept[static_cast<std::size_t>(hit)];
                if (m.strength == k.strength && m.subject != k.subject) k.subject.reset();
                continue;
            }
            for (std::size_t k = m.first; k <= m.last; ++k) owner[k] = static_cast<long>(kept.size());
            kept.push_back(m);
        }
        for (const auto& m : kept) add_mention(m);
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
                    add_mention({i, k, std::nullopt, MentionKind::pronoun_value, 1});
                }
                continue;
            }
            const bool quality = in(kQualityPronoun, w), value = in(kValuePronoun, w);
            if (!quality && !value) continue;
            if (next_is(i + 1, [](const std::string& x) {
                    return in(kPronounNext, x) || is_direction(x) || in(kAchieved, x) || in(kExceeded, x);
                })) {
                add_mention({i, i, std::nullopt, quality ? MentionKind::pronoun_quality : MentionKind::pronoun_value, 1});
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
        const std::size_t w = static_cast<std::size_t>(window);
        const std::size_t from = i > w ? i - w : 0, to = std::min(words.size() - 1, i + w);
        for (std::size_t at = from; at <= to; ++at) {
            if (mention_at[at] < 0) continue;
            const Mention& m = mentions[static_cast<std::size_t>(mention_at[at])];
            if (at != m.first && at != from) continue;  // each mention once
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
        for (std::size_t k = i; k < words.size() && words[k].sentence == words[i].sentence; ++k) {
            if (words[k].lower == w) return true;
        }
        for (std::size_t k = i; k-- > 0 && words[k].sentence == words[i].sentence;) {
            if (words[k].lower == w) return true;
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
        for (std::size_t i : claim_words) {
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
