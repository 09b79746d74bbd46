// Knuth–Plass total-fit line breaking (see linebreak.hpp for the reference). Notation follows the
// paper: active nodes are feasible breakpoints that may start the next line; for each legal
// breakpoint b and active node a the line a..b gets an adjustment ratio r, a badness
// 100·|r|³, and demerits (line_penalty + badness)² ± penalty² (+ flagged and fitness terms).
#include "layout/linebreak.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace lkjip::layout {

namespace {

struct Sums {
    double width = 0, stretch = 0, shrink = 0;
};

struct Node {
    std::size_t position = 0;  // the break item (0 for the paragraph start)
    std::size_t line = 0;      // number of lines before this break
    int fitness = 1;
    Sums totals;               // sums from the paragraph start to after this break
    double demerits = 0;
    double ratio = 0;
    bool overfull = false;
    std::size_t previous = kNone;  // index in the arena of the node this line starts from
    static constexpr std::size_t kNone = static_cast<std::size_t>(-1);
};

// A paragraph's nodes live in one arena and point back by index: a chain of shared pointers
// (one node per line) was freed recursively, one stack frame per line of a 300 000-word
// paragraph (issue 18). Only nodes kept as active are stored; candidates are values.
using Arena = std::vector<Node>;

// Active nodes kept at most, the best by demerits (issue 18: a paragraph must break in time
// linear in its length). Knuth–Plass keeps a node active while a line from it can still fit,
// so a normal line of a few dozen breakpoints in four fitness classes needs at most a few
// hundred; the cap only ever acts on a line of thousands of breakpoints, where it keeps the
// best. The golden layouts are identical with and without it.
constexpr std::size_t kMaxActive = 1000;

// Drops the nodes no active node leads back to, keeping the order (a node's previous is always
// earlier in the arena). Run when the arena has doubled since the last time, so the work is
// linear overall and the arena holds about the lines found so far, not every breakpoint.
void compact(Arena& arena, std::vector<std::size_t>& active) {
    std::vector<std::size_t> index(arena.size(), Node::kNone);
    for (std::size_t a : active) {
        for (std::size_t n = a; n != Node::kNone && index[n] == Node::kNone; n = arena[n].previous) index[n] = 0;
    }
    std::size_t next = 0;
    for (std::size_t i = 0; i < arena.size(); ++i) {
        if (index[i] == Node::kNone) continue;
        index[i] = next;
        Node n = arena[i];
        if (n.previous != Node::kNone) n.previous = index[n.previous];
        arena[next++] = n;
    }
    arena.resize(next);
    for (std::size_t& a : active) a = index[a];
}

double line_width(const BreakParams& p, std::size_t line) {
    if (p.line_widths.empty()) return 0;
    return p.line_widths[std::min(line, p.line_widths.size() - 1)];
}

int fitness_class(double r) {
    if (r < -0.5) return 0;  // tight
    if (r <= 0.5) return 1;  // decent
    if (r <= 1) return 2;    // loose
    return 3;                // very loose
}

bool is_legal_break(const std::vector<Item>& items, std::size_t i) {
    const Item& it = items[i];
    if (it.kind == Item::Kind::penalty) return it.penalty < kInfinity;
    if (it.kind == Item::Kind::glue) return i > 0 && items[i - 1].kind == Item::Kind::box;
    return false;
}

// The sums after a break at `b`: the glue and penalties that follow it are discarded.
Sums after_break(const std::vector<Item>& items, std::size_t b, Sums running) {
    for (std::size_t i = b; i < items.size(); ++i) {
        const Item& it = items[i];
        if (it.kind == Item::Kind::box) break;
        if (it.kind == Item::Kind::penalty && it.penalty <= -kInfinity && i > b) break;
        if (it.kind == Item::Kind::glue) {
            running.width += it.width;
            running.stretch += it.stretch;
            running.shrink += it.shrink;
        }
    }
    return running;
}

std::vector<Line> run(const std::vector<Item>& items, const BreakParams& p, double tolerance, bool allow_overfull) {
    Arena arena{Node{}};
    std::vector<std::size_t> active{0};
    // The active list of the next break, built beside the current one; the two swap at each
    // break so neither is allocated again (a vector per space was a fifth of the line breaker's
    // instructions, issue 22).
    std::vector<std::size_t> keep;
    std::size_t compact_at = 1024;
    Sums sums;  // from the paragraph start to the current item
    for (std::size_t b = 0; b < items.size(); ++b) {
        const Item& item = items[b];
        if (is_legal_break(items, b)) {
            const double pen = item.kind == Item::Kind::penalty ? item.penalty : 0;
            const bool forced = pen <= -kInfinity;
            std::optional<Node> best[4];
            keep.clear();
            std::optional<Node> least_bad;  // for the emergency pass: the least overfull choice
            for (const std::size_t ai : active) {
                const Node& a = arena[ai];
                const double w = sums.width - a.totals.width + (item.kind == Item::Kind::penalty ? item.width : 0);
                const double target = line_width(p, a.line);
                double r;
                if (w < target) {
                    const double st = sums.stretch - a.totals.stretch;
                    r = st > 0 ? (target - w) / st : kInfinity;
                } else if (w > target) {
                    const double sh = sums.shrink - a.totals.shrink;
                    r = sh > 0 ? (target - w) / sh : -kInfinity;
                } else {
                    r = 0;
                }
                const bool too_tight = r < -1;
                if (!too_tight && !forced) keep.push_back(ai);
                if (too_tight && !allow_overfull) continue;
                if (!too_tight && r > tolerance && !forced) continue;
                const double m = std::min(std::fabs(r), 100.0);
                const double badness = too_tight ? kInfinity : 100 * (m * m * m);
                const double lb = p.line_penalty + std::min(badness, kInfinity);
                double demerits = lb * lb;
                if (pen >= 0) demerits += pen * pen;
                else if (!forced) demerits -= pen * pen;
                const bool flagged = item.kind == Item::Kind::penalty && item.flagged;
                if (flagged && a.position > 0 && items[a.position].kind == Item::Kind::penalty && items[a.position].flagged) {
                    demerits += p.flagged_demerits;
                }
                const int fitness = fitness_class(too_tight ? -1 : r);
                // TeX's \finalhyphendemerits: the line before the last should not end in a
                // hyphen, or the paragraph ends on a syllable ("berkelanjut-" / "an").
                if (forced && b + 1 == items.size() && a.position > 0 && items[a.position].kind == Item::Kind::penalty &&
                    items[a.position].flagged) {
                    demerits += p.final_hyphen_demerits;
                }
                if (std::abs(fitness - a.fitness) > 1) demerits += p.fitness_demerits;
                demerits += a.demerits;
                const Node node{b, a.line + 1, fitness, {}, demerits, too_tight ? -1 : std::min(r, kInfinity), too_tight, ai};
                if (too_tight) {
                    if (!least_bad || demerits < least_bad->demerits) least_bad = node;
                    continue;
                }
                if (!best[fitness] || demerits < best[fitness]->demerits) best[fitness] = node;
            }
            const auto add = [&](Node n) {
                n.totals = after_break(items, b, sums);
                arena.push_back(n);
                keep.push_back(arena.size() - 1);
            };
            bool found = false;
            for (auto& n : best) {
                if (!n) continue;
                add(*n);
                found = true;
            }
            if (!found && least_bad && (forced || keep.empty())) add(*least_bad);
            if (keep.size() > kMaxActive) {
                std::nth_element(keep.begin(), keep.begin() + static_cast<std::ptrdiff_t>(kMaxActive), keep.end(),
                                 [&](std::size_t x, std::size_t y) { return arena[x].demerits < arena[y].demerits; });
                keep.resize(kMaxActive);
                std::sort(keep.begin(), keep.end());  // the order of breakpoints, as without the cap
            }
            active.swap(keep);
            if (active.empty()) return {};
            if (arena.size() >= compact_at) {
                compact(arena, active);
                compact_at = std::max<std::size_t>(1024, 2 * arena.size());
            }
        }
        if (item.kind == Item::Kind::box || item.kind == Item::Kind::glue) {
            sums.width += item.width;
            sums.stretch += item.stretch;
            sums.shrink += item.shrink;
        }
    }
    // The best node that ends at the last item.
    std::size_t end = Node::kNone;
    for (const std::size_t a : active) {
        if (arena[a].position + 1 == items.size() && (end == Node::kNone || arena[a].demerits < arena[end].demerits)) end = a;
    }
    std::vector<Line> lines;
    for (std::size_t n = end; n != Node::kNone && arena[n].previous != Node::kNone; n = arena[n].previous) {
        lines.push_back(Line{0, arena[n].position, arena[n].ratio, arena[n].overfull});
    }
    std::reverse(lines.begin(), lines.end());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::size_t start = i == 0 ? 0 : lines[i - 1].end;
        // A line starts at the first box after the previous break.
        if (i > 0) {
            while (start < items.size() && items[start].kind != Item::Kind::box) ++start;
        }
        lines[i].start = start;
    }
    return lines;
}

}  // namespace

std::vector<Line> break_lines(const std::vector<Item>& items, const BreakParams& params) {
    if (items.empty()) return {};
    for (double tolerance : {params.tolerance, params.tolerance * 3}) {
        auto lines = run(items, params, tolerance, false);
        if (!lines.empty()) return lines;
    }
    return run(items, params, kInfinity, true);
}

}  // namespace lkjip::layout
