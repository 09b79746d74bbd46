// Knuth–Plass total-fit line breaking (see linebreak.hpp for the reference). Notation follows the
// paper: active nodes are feasible breakpoints that may start the next line; for each legal
// breakpoint b and active node a the line a..b gets an adjustment ratio r, a badness
// 100·|r|³, and demerits (line_penalty + badness)² ± penalty² (+ flagged and fitness terms).
#include "layout/linebreak.hpp"

#include <cmath>
#include <memory>

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
    std::shared_ptr<Node> previous;
};

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
    std::vector<std::shared_ptr<Node>> active{std::make_shared<Node>()};
    Sums sums;  // from the paragraph start to the current item
    for (std::size_t b = 0; b < items.size(); ++b) {
        const Item& item = items[b];
        if (is_legal_break(items, b)) {
            const double pen = item.kind == Item::Kind::penalty ? item.penalty : 0;
            const bool forced = pen <= -kInfinity;
            std::shared_ptr<Node> best[4];
            std::vector<std::shared_ptr<Node>> keep;
            std::shared_ptr<Node> least_bad;  // for the emergency pass: the least overfull choice
            for (const auto& a : active) {
                const double w = sums.width - a->totals.width + (item.kind == Item::Kind::penalty ? item.width : 0);
                const double target = line_width(p, a->line);
                double r;
                if (w < target) {
                    const double st = sums.stretch - a->totals.stretch;
                    r = st > 0 ? (target - w) / st : kInfinity;
                } else if (w > target) {
                    const double sh = sums.shrink - a->totals.shrink;
                    r = sh > 0 ? (target - w) / sh : -kInfinity;
                } else {
                    r = 0;
                }
                const bool too_tight = r < -1;
                if (!too_tight && !forced) keep.push_back(a);
                if (too_tight && !allow_overfull) continue;
                if (!too_tight && r > tolerance && !forced) continue;
                const double badness = too_tight ? kInfinity : 100 * std::pow(std::min(std::fabs(r), 100.0), 3);
                double demerits = std::pow(p.line_penalty + std::min(badness, kInfinity), 2);
                if (pen >= 0) demerits += pen * pen;
                else if (!forced) demerits -= pen * pen;
                const bool flagged = item.kind == Item::Kind::penalty && item.flagged;
                if (flagged && a->position > 0 && items[a->position].kind == Item::Kind::penalty && items[a->position].flagged) {
                    demerits += p.flagged_demerits;
                }
                const int fitness = fitness_class(too_tight ? -1 : r);
                // TeX's \finalhyphendemerits: the line before the last should not end in a
                // hyphen, or the paragraph ends on a syllable ("berkelanjut-" / "an").
                if (forced && b + 1 == items.size() && a->position > 0 && items[a->position].kind == Item::Kind::penalty &&
                    items[a->position].flagged) {
                    demerits += p.final_hyphen_demerits;
                }
                if (std::abs(fitness - a->fitness) > 1) demerits += p.fitness_demerits;
                demerits += a->demerits;
                auto node = std::make_shared<Node>(Node{b, a->line + 1, fitness, {}, demerits, too_tight ? -1 : std::min(r, kInfinity),
                                                        too_tight, a});
                if (too_tight) {
                    if (!least_bad || demerits < least_bad->demerits) least_bad = node;
                    continue;
                }
                if (!best[fitness] || demerits < best[fitness]->demerits) best[fitness] = node;
            }
            bool found = false;
            for (auto& n : best) {
                if (!n) continue;
                n->totals = after_break(items, b, sums);
                keep.push_back(n);
                found = true;
            }
            if (!found && least_bad && (forced || keep.empty())) {
                least_bad->totals = after_break(items, b, sums);
                keep.push_back(least_bad);
            }
            active = std::move(keep);
            if (active.empty()) return {};
        }
        if (item.kind == Item::Kind::box || item.kind == Item::Kind::glue) {
            sums.width += item.width;
            sums.stretch += item.stretch;
            sums.shrink += item.shrink;
        }
    }
    // The best node that ends at the last item.
    std::shared_ptr<Node> end;
    for (const auto& a : active) {
        if (a->position + 1 == items.size() && (!end || a->demerits < end->demerits)) end = a;
    }
    std::vector<Line> lines;
    for (auto n = end; n && n->previous; n = n->previous) {
        lines.insert(lines.begin(), Line{0, n->position, n->ratio, n->overfull});
    }
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
