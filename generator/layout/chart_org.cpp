// The organisation chart (Bagan Struktur Organisasi) from the table Unit | Induk: boxes sized to
// their wrapped names, one row per level, children spread under their parent and joined by
// orthogonal connectors. When the tree is wider than the column, the last level is stacked under
// its parent (the usual drawing of subbagian and seksi), the type shrinks to 7 pt, and the boxes
// narrow, in that order, until it fits.
#include <algorithm>
#include <cmath>
#include <map>

#include "layout/chart.hpp"
#include "layout/chart_canvas.hpp"

namespace lkjip::layout::chart {

namespace {

constexpr double kPadX = 4, kPadY = 3, kHGap = 8, kVGap = 18, kIndent = 12, kStackGap = 5;

struct Node {
    std::vector<std::size_t> children;
    Label label;
    int depth = 0;
    bool stack = false;  // children drawn as a vertical list under this node
    bool in_row = true;  // false: a stacked child
    double w = 0, h = 0, sub_w = 0, x = 0, y = 0;
};

struct Tree {
    std::vector<Node> nodes;
    std::vector<int> parent;
    std::vector<std::size_t> roots;
};

// Parents by name (the first unit of that name); a unit naming itself, a missing unit or a cycle
// makes it a root, so every unit is drawn exactly once: of a cycle, its first unit in the table.
// Every unit is walked once (linear: the walk from every unit up the whole chain was quadratic,
// issue 18).
std::vector<int> find_parents(const Data& d) {
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < d.categories.size(); ++i) index.emplace(d.categories[i], i);
    std::vector<int> parent(d.categories.size(), -1);
    for (std::size_t i = 0; i < d.categories.size(); ++i) {
        const auto it = index.find(d.parents[i]);
        if (it != index.end() && it->second != i) parent[i] = static_cast<int>(it->second);
    }
    // 0 unseen, 1 on the current walk, 2 settled (its walk ends at a root).
    std::vector<unsigned char> state(parent.size(), 0);
    std::vector<std::size_t> path;
    for (std::size_t i = 0; i < parent.size(); ++i) {
        path.clear();
        for (std::size_t at = i; state[at] == 0;) {
            state[at] = 1;
            path.push_back(at);
            const int p = parent[at];
            if (p < 0) break;
            if (state[static_cast<std::size_t>(p)] == 1) {  // a cycle: p and the units after it on the path
                const auto first = std::find(path.begin(), path.end(), static_cast<std::size_t>(p));
                parent[*std::min_element(first, path.end())] = -1;
                break;
            }
            at = static_cast<std::size_t>(p);
        }
        for (std::size_t k : path) state[k] = 2;
    }
    return parent;
}

// The tree's nodes with every parent before its children (depth first, children in order).
// Loops instead of recursion: an organisation may be a chain of thousands of units.
std::vector<std::size_t> preorder(const Tree& t, std::size_t root) {
    std::vector<std::size_t> order, stack{root};
    while (!stack.empty()) {
        const std::size_t i = stack.back();
        stack.pop_back();
        order.push_back(i);
        const auto& ch = t.nodes[i].children;
        for (auto it = ch.rbegin(); it != ch.rend(); ++it) stack.push_back(*it);
    }
    return order;
}

void set_depth(Tree& t, std::size_t root, int depth) {
    t.nodes[root].depth = depth;
    for (std::size_t i : preorder(t, root))
        for (std::size_t c : t.nodes[i].children) t.nodes[c].depth = t.nodes[i].depth + 1;
}

void measure(Tree& t, std::size_t root) {
    const std::vector<std::size_t> order = preorder(t, root);
    for (auto it = order.rbegin(); it != order.rend(); ++it) {  // children before their parent
        Node& n = t.nodes[*it];
        n.sub_w = n.w;
        if (n.children.empty()) continue;
        double sum = 0, widest = 0;
        for (std::size_t c : n.children) {
            sum += t.nodes[c].sub_w;
            widest = std::max(widest, t.nodes[c].w);
        }
        n.sub_w = n.stack ? std::max(n.w, kIndent + widest) : std::max(n.w, sum + kHGap * static_cast<double>(n.children.size() - 1));
    }
}

void place(Tree& t, std::size_t root, double root_left, const std::vector<double>& row_y) {
    // Going down, each node gets the left edge of its subtree; coming back up (children first),
    // a parent is centred over its children.
    std::vector<double> left(t.nodes.size(), 0);
    left[root] = root_left;
    const std::vector<std::size_t> order = preorder(t, root);
    std::vector<bool> placed_by_stack(t.nodes.size(), false);
    for (std::size_t i : order) {
        Node& n = t.nodes[i];
        if (placed_by_stack[i]) continue;
        n.y = row_y[static_cast<std::size_t>(n.depth)];
        if (n.children.empty()) {
            n.x = left[i] + (n.sub_w - n.w) / 2;
            continue;
        }
        if (n.stack) {
            n.x = left[i];
            double y = n.y + n.h + kStackGap;
            for (std::size_t c : n.children) {
                t.nodes[c].x = left[i] + kIndent;
                t.nodes[c].y = y;
                y += t.nodes[c].h + kStackGap;
                placed_by_stack[c] = true;  // stacked children are leaves
            }
            continue;
        }
        double sum = kHGap * static_cast<double>(n.children.size() - 1);
        for (std::size_t c : n.children) sum += t.nodes[c].sub_w;
        double x = left[i] + (n.sub_w - sum) / 2;
        for (std::size_t c : n.children) {
            left[c] = x;
            x += t.nodes[c].sub_w + kHGap;
        }
    }
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        Node& n = t.nodes[*it];
        if (n.children.empty() || n.stack || placed_by_stack[*it]) continue;
        const Node& first = t.nodes[n.children.front()];
        const Node& last = t.nodes[n.children.back()];
        const double centre = (first.x + first.w / 2 + last.x + last.w / 2) / 2;
        n.x = std::clamp(centre - n.w / 2, left[*it], left[*it] + n.sub_w - n.w);
    }
}

struct Attempt {
    double size, box_w;
    bool stack;
    bool uniform = false;  // the boxes of a row (and of a stacked list) all as wide as its widest
};

// Widens the boxes of each row, and of each stacked list, to the widest of them.
void uniform_widths(Tree& t) {
    std::map<int, double> row;
    for (const auto& n : t.nodes)
        if (n.in_row) row[n.depth] = std::max(row[n.depth], n.w);
    for (auto& n : t.nodes) {
        if (n.in_row) n.w = row[n.depth];
        if (!n.stack) continue;
        double widest = 0;
        for (std::size_t c : n.children) widest = std::max(widest, t.nodes[c].w);
        for (std::size_t c : n.children) t.nodes[c].w = widest;
    }
}

// Several trees (units whose induk is not in the table) go side by side while they fit, then on
// a band below: each band is its roots and its width.
std::vector<std::pair<std::vector<std::size_t>, double>> bands(const Tree& t, double width) {
    std::vector<std::pair<std::vector<std::size_t>, double>> out;
    for (std::size_t r : t.roots) {
        const double w = t.nodes[r].sub_w;
        if (out.empty() || out.back().second + kHGap + w > width) out.push_back({{}, -kHGap});
        out.back().first.push_back(r);
        out.back().second += kHGap + w;
    }
    return out;
}

// Lays the tree out with one set of choices; returns the total width, or infinity when a word
// is wider than its box.
double lay_out(Tree& t, const Canvas& c, const Data& d, const Attempt& a, double width, std::vector<double>& row_y,
               bool allow_cut = false) {
    int max_depth = 0;
    bool cut = false;
    for (auto& n : t.nodes) {
        n.label = c.wrap(d.categories[static_cast<std::size_t>(&n - t.nodes.data())], a.box_w - 2 * kPadX, a.size, 99, n.depth == 0);
        for (const auto& line : n.label.lines) cut = cut || line.overfull;
        n.w = std::max(n.label.width + 2 * kPadX, 36.0);
        n.h = n.label.height + 2 * kPadY;
        const bool leaves = std::all_of(n.children.begin(), n.children.end(), [&](std::size_t ch) { return t.nodes[ch].children.empty(); });
        n.stack = a.stack && !n.children.empty() && leaves && n.depth > 0;
        max_depth = std::max(max_depth, n.depth);
    }
    for (auto& n : t.nodes)
        for (std::size_t ch : n.children) t.nodes[ch].in_row = !n.stack;
    if (a.uniform) uniform_widths(t);
    // One height per row, so the boxes of a level line up.
    std::vector<double> row_h(static_cast<std::size_t>(max_depth) + 1, 0);
    for (const auto& n : t.nodes)
        if (n.in_row) row_h[static_cast<std::size_t>(n.depth)] = std::max(row_h[static_cast<std::size_t>(n.depth)], n.h);
    for (auto& n : t.nodes)
        if (n.in_row) n.h = row_h[static_cast<std::size_t>(n.depth)];
    row_y.assign(row_h.size(), 0);
    for (std::size_t r = 1; r < row_h.size(); ++r) row_y[r] = row_y[r - 1] + row_h[r - 1] + kVGap;
    for (std::size_t r : t.roots) measure(t, r);
    double total = 0;
    for (const auto& band : bands(t, width)) total = std::max(total, band.second);
    return cut && !allow_cut ? INFINITY : total;
}

void connect(Drawing& out, Canvas& c, double x1, double y1, double x2, double y2) {
    if (std::fabs(x1 - x2) < 1e-9 && std::fabs(y1 - y2) < 1e-9) return;
    out.connectors.push_back({x1, y1, x2, y2});
    c.rule(x1, y1, x2, y2, 0.6);
}

void draw_connectors(Drawing& out, Canvas& c, const Tree& t) {
    for (const auto& n : t.nodes) {
        if (n.children.empty()) continue;
        const double bottom = n.y + n.h;
        if (n.stack) {
            const double xl = n.x + kIndent / 2;
            const Node& last = t.nodes[n.children.back()];
            connect(out, c, xl, bottom, xl, last.y + last.h / 2);
            for (std::size_t ch : n.children) {
                const Node& k = t.nodes[ch];
                connect(out, c, xl, k.y + k.h / 2, k.x, k.y + k.h / 2);
            }
            continue;
        }
        const double pcx = n.x + n.w / 2, bus = t.nodes[n.children.front()].y - kVGap / 2;
        double lo = pcx, hi = pcx;
        for (std::size_t ch : n.children) lo = std::min(lo, t.nodes[ch].x + t.nodes[ch].w / 2), hi = std::max(hi, t.nodes[ch].x + t.nodes[ch].w / 2);
        connect(out, c, pcx, bottom, pcx, bus);
        connect(out, c, lo, bus, hi, bus);
        for (std::size_t ch : n.children) {
            const Node& k = t.nodes[ch];
            connect(out, c, k.x + k.w / 2, bus, k.x + k.w / 2, k.y);
        }
    }
}

}  // namespace

Drawing draw_org(const Data& d, const Fonts& fonts, double width) {
    Drawing out;
    Canvas c(fonts, out);
    Tree t;
    t.parent = find_parents(d);
    t.nodes.resize(d.categories.size());
    for (std::size_t i = 0; i < t.parent.size(); ++i) {
        if (t.parent[i] < 0) t.roots.push_back(i);
        else t.nodes[static_cast<std::size_t>(t.parent[i])].children.push_back(i);
    }
    for (std::size_t r : t.roots) set_depth(t, r, 0);
    // The first layout that fits: larger type first, then stacking, then narrower boxes.
    std::vector<Attempt> attempts;
    for (double size : {9.0, 8.0, 7.0})
        for (bool stack : {false, true})
            for (double box_w : {130.0, 105.0, 85.0, 70.0, 60.0}) attempts.push_back({size, box_w, stack});
    for (double box_w = 55; box_w >= 30; box_w -= 5) attempts.push_back({7.0, box_w, true});
    std::vector<double> row_y;
    double total = INFINITY;
    Attempt chosen = attempts.front();
    for (const auto& a : attempts) {
        total = lay_out(t, c, d, a, width, row_y);
        chosen = a;
        if (total <= width) break;
    }
    if (!(total <= width)) {  // nothing fits whole words: the narrowest, words cut at the box
        out.words_cut = true;
        chosen = attempts.back();
        total = lay_out(t, c, d, chosen, width, row_y, true);
    }
    chosen.uniform = true;  // tidier rows when there is room for them
    if (const double u = lay_out(t, c, d, chosen, width, row_y); u <= width) total = u;
    else chosen.uniform = false, total = lay_out(t, c, d, chosen, width, row_y, true);
    double band_top = 0;
    for (auto& n : t.nodes) n.y = -1;  // not yet placed
    for (const auto& [roots, band_w] : bands(t, width)) {
        double left = std::max(0.0, (width - band_w) / 2), bottom = band_top;
        std::vector<double> rows = row_y;
        for (double& y : rows) y += band_top;
        for (std::size_t r : roots) {
            place(t, r, left, rows);
            left += t.nodes[r].sub_w + kHGap;
        }
        for (const auto& n : t.nodes)
            if (n.y >= band_top) bottom = std::max(bottom, n.y + n.h);
        band_top = bottom + kVGap;
    }
    draw_connectors(out, c, t);
    static const page::Color kFill[] = {{0.84, 0.88, 0.93}, {0.93, 0.93, 0.93}, {1, 1, 1}};
    double bottom = 0;
    for (const auto& n : t.nodes) {
        const Rect box{n.x, n.y, n.w, n.h};
        c.rect(box, kFill[std::min(n.depth, 2)], kInk, n.depth == 0 ? 0.9 : 0.6);
        c.label(n.label, n.x + n.w / 2, n.y + (n.h - n.label.height) / 2);
        out.units.push_back(box);
        bottom = std::max(bottom, box.bottom());
    }
    out.unit_parent = t.parent;
    out.text_size = chosen.size;
    out.stacked = chosen.stack;
    out.width = std::max(width, total);
    out.height = bottom + 1;
    return out;
}

}  // namespace lkjip::layout::chart
