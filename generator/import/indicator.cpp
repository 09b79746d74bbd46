// The indicator layout: the realisasi of the performance indicators ([[indikator]], by their
// `id`), as the agency collects them from its bidang. Either one column per year:
//   Id | Indikator | 2023 | 2024
// or one row per indicator and year:
//   Id | Indikator | Tahun | Realisasi
// The name column is for the person filling it in; the id is what the part is merged by.
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "import/grid.hpp"
#include "import/layouts.hpp"

namespace lkjip::import::detail {

namespace {

bool id_header(const std::string& n) {
    // i18n: not a message (header names as sheets write them)
    for (const char* h : {"id", "id indikator", "kode indikator", "kode iku", "id iku", "kode", "no indikator"})
        if (n == h) return true;
    return false;
}

// "2024", "Realisasi 2024", "Tahun 2024", "Realisasi Tahun 2024" → 2024; 0 otherwise.
int year_header(const std::string& n) {
    std::string_view t = n;
    for (std::string_view p : {"realisasi ", "tahun "})
        if (t.substr(0, p.size()) == p) t.remove_prefix(p.size());
    if (t.substr(0, 6) == "tahun ") t.remove_prefix(6);
    int y = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), y);
    return ec == std::errc{} && end == t.data() + t.size() && t.size() == 4 && y >= 1990 && y <= 2100 ? y : 0;
}

struct Header {
    int row = -1, id = -1, tahun = -1, realisasi = -1;
    std::vector<std::pair<int, int>> years;  // (column, year)
};

std::optional<Header> find_header(const sheet::Sheet& s, const Request& request, Diagnostics* diags) {
    const int rows = std::min(static_cast<int>(s.rows.size()), 40);
    const HeaderRegion region = header_region(s);
    const int columns = region.columns;
    const int only = request.map ? request.map->baris_judul - 1 : -1;
    for (int r = only >= 0 ? only : 0; r < (only >= 0 ? only + 1 : rows); ++r) {
        Header h;
        h.row = r;
        for (int c = 0; c < columns; ++c) {
            const std::string n = normalise(text_at(s, r, c));
            if (h.id < 0 && id_header(n)) h.id = c;
            else if (h.tahun < 0 && n == "tahun") h.tahun = c;
            else if (h.realisasi < 0 && n == "realisasi") h.realisasi = c;
            else if (const int y = year_header(n)) h.years.emplace_back(c, y);
        }
        if (request.map && diags) {
            for (const char* role : {"id", "tahun", "realisasi"}) {
                const int c = mapped_column(*request.map, role, s, region, {r}, *diags);
                if (c == -2) return std::nullopt;
                if (c >= 0) (std::string_view(role) == "id" ? h.id : std::string_view(role) == "tahun" ? h.tahun : h.realisasi) = c;
            }
        }
        if (h.id >= 0 && ((h.tahun >= 0 && h.realisasi >= 0) || !h.years.empty())) return h;
    }
    return std::nullopt;
}

}  // namespace

bool looks_like_indicators(const sheet::Sheet& sheet) { return find_header(sheet, Request{}, nullptr).has_value(); }

std::optional<std::string> import_indicators(const sheet::Sheet& s, const std::string& file, const Request& request,
                                             Diagnostics& diags) {
    const Where w{file, s};
    const std::size_t before = diags.error_count();
    const auto header = find_header(s, request, &diags);
    if (!header) {
        if (diags.error_count() == before)
            diags.error(w.at(0, 0),
                        _f("sheet `{}` has no header of indicator realisasi (Id, then a column per year, or Tahun and Realisasi)", s.name),
                        _("docs/import.md shows the indicator layout; `lkjip init --workbook` writes a sheet to fill in"));
        return std::nullopt;
    }
    const Header& h = *header;
    const bool long_form = h.tahun >= 0 && h.realisasi >= 0;
    struct Values {
        int row = 0;
        std::map<int, std::pair<std::string, int>> by_year;  // year → (value, row)
    };
    std::vector<std::string> order;
    std::map<std::string, Values> by_id;
    for (int r = h.row + 1; r < static_cast<int>(s.rows.size()); ++r) {
        const std::string id = text_at(s, r, h.id);
        if (id.empty()) continue;
        // Not a structured binding: the lambda below captures the iterator (clang before C++20's P1091).
        const auto emplaced = by_id.try_emplace(id, Values{r, {}});
        const auto it = emplaced.first;
        if (emplaced.second) order.push_back(id);
        const auto put = [&](int year, int column) {
            bool bad = false;
            const auto v = read_value(w, r, column, bad, diags);
            if (!v) return;
            if (auto seen = it->second.by_year.find(year); seen != it->second.by_year.end()) {
                diags.error(w.at(r, column), _f("indikator `{}` has a second realisasi for {}; the first is {}", id, year,
                                                w.ref(seen->second.second, column)));
                return;
            }
            it->second.by_year[year] = {*v, r};
        };
        if (long_form) {
            const std::string t = text_at(s, r, h.tahun);
            int year = 0;
            const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), year);
            if (ec != std::errc{} || end != t.data() + t.size() || year < 1990 || year > 2100) {
                if (!t.empty() || text_at(s, r, h.realisasi).size())
                    diags.error(w.at(r, h.tahun), _f("`{}` is not a year (2024)", t));
                continue;
            }
            put(year, h.realisasi);
        } else {
            for (const auto& [column, year] : h.years) put(year, column);
        }
    }
    if (diags.error_count() > before) return std::nullopt;
    std::string out;
    for (const std::string& id : order) {
        const Values& v = by_id[id];
        if (v.by_year.empty()) continue;
        out += fmt::format("# {}\n[[indikator]]\nid = {}\nrealisasi = {{ ", w.ref(v.row, h.id), toml_string(id));
        bool first = true;
        for (const auto& [year, value] : v.by_year) {
            out += fmt::format("{}{} = {}", first ? "" : ", ", year, value.first);
            first = false;
        }
        out += " }\n\n";
    }
    if (out.empty()) {
        diags.error(w.at(h.row + 1, h.id), _f("sheet `{}` has an indicator header but no realisasi under it", s.name));
        return std::nullopt;
    }
    return out;
}

}  // namespace lkjip::import::detail
