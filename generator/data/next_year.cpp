// `lkjip next` (issue 21): the data file of the next year from this one. A dinas keeps one file
// per year (docs/data-format.md, "One file for the LKjIP of N-1 and the Renja of N"); the next
// year's file starts from this one's: the agency, its organisation, the Renstra and its targets,
// the indicators with their realisasi (the history the next report compares with) and the program
// tree's codes and names stay; what belongs to the year reported (its money, the PK's date, its
// prose, photos, awards and registers) is left out and listed, so nothing of year N is printed
// as year N+1's. docs/next.md lists every rule.
#include <charconv>
#include <filesystem>
#include <set>
#include <sstream>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "data/data.hpp"
#include "data/load_model.hpp"

namespace lkjip {

namespace {

namespace fs = std::filesystem;

struct Next {
    int year = 0, next = 0;
    std::string path, output;
    std::vector<std::string>& fill;
    std::set<std::string> noted;

    void note(const std::string& s) {
        if (noted.insert(s).second) fill.push_back(s);
    }

    // A path relative to the data file, made relative to the new file's folder.
    std::string rebase(const std::string& p) const {
        if (output.empty() || output == "-" || fs::path(p).is_absolute()) return p;
        std::error_code ec;
        const fs::path target = fs::absolute(fs::path(path).parent_path() / p, ec).lexically_normal();
        const fs::path base = fs::absolute(fs::path(output), ec).parent_path().lexically_normal();
        if (ec) return p;
        const fs::path rel = target.lexically_relative(base);
        return rel.empty() ? p : rel.generic_string();
    }

    static void erase(toml::table& t, std::initializer_list<const char*> keys) {
        for (const char* k : keys) t.erase(k);
    }

    bool erase_noted(toml::table& t, std::initializer_list<const char*> keys, const std::string& why) {
        bool any = false;
        for (const char* k : keys) any = t.erase(k) > 0 || any;
        if (any) note(why);
        return any;
    }

    static toml::date a_year_on(toml::date d) {
        d.year = static_cast<decltype(d.year)>(d.year + 1);
        if (d.month == 2 && d.day == 29) d.day = 28;
        return d;
    }

    // A date a year on, and the note that it is a guess to correct.
    void shift_date(toml::table& t, const char* key, const std::string& where) {
        toml::node* n = t.get(key);
        if (!n) return;
        if (auto* d = n->as_date()) {
            const toml::date on = a_year_on(d->get());
            t.insert_or_assign(key, on);
            note(_f("{} `{}` is {:04}-{:02}-{:02}: this year's date a year on; set the real one", where, key, on.year, on.month,
                    on.day));
        } else if (auto* s = n->as_string()) {  // "2023-07" (a Renja's month)
            const std::string v = s->get();
            if (v.size() >= 4) {
                int y = 0;
                if (std::sscanf(v.c_str(), "%d", &y) == 1) t.insert_or_assign(key, std::to_string(y + 1) + v.substr(4));
            }
            note(_f("{} `{}`: this year's date a year on; set the real one", where, key));
        }
    }

    // The year-keyed value of an activity indicator: a number is the target (or realisasi) of
    // the year reported; the next file keeps it as that year's entry of a table.
    void as_year_table(toml::table& t, const char* key) {
        toml::node* n = t.get(key);
        if (!n || n->is_table()) return;
        if (n->is_number()) {
            toml::table by_year;
            by_year.is_inline(true);
            if (auto* i = n->as_integer()) by_year.insert(std::to_string(year), i->get());
            else by_year.insert(std::to_string(year), n->as_floating_point()->get());
            t.insert_or_assign(key, std::move(by_year));
        }
    }

    int missing_targets = 0;
    void activity_indicator(toml::table& ind) {
        as_year_table(ind, "target");
        as_year_table(ind, "realisasi");
        erase(ind, {"target_rancangan_awal"});
        erase_noted(ind, {"penjelasan"},
                    _f("the `penjelasan` of the program, kegiatan and sub kegiatan indicators explained {}: write those of {}", year, next));
        // The target of the next year: the Renstra's where the data has it.
        toml::table* target = ind.get_as<toml::table>("target");
        if (target && !target->contains(std::to_string(next))) {
            const toml::table* renstra = ind.get_as<toml::table>("target_renstra");
            const toml::node* t = renstra ? renstra->get(std::to_string(next)) : nullptr;
            if (t && t->is_number()) {
                if (auto* i = t->as_integer()) target->insert(std::to_string(next), i->get());
                else target->insert(std::to_string(next), t->as_floating_point()->get());
            } else {
                ++missing_targets;
            }
        }
    }

    void activity(toml::table& a) {
        erase(a, {"pagu", "pagu_perubahan", "realisasi", "pagu_tertulis", "pagu_tertulis_jenis", "realisasi_tertulis",
                  "pagu_indikatif", "pagu_indikatif_tertulis", "prakiraan_maju", "rancangan_awal"});
        if (auto* inds = a.get_as<toml::array>("indikator"))
            for (auto& e : *inds)
                if (auto* t = e.as_table()) activity_indicator(*t);
        for (const char* child : {"kegiatan", "sub"})
            if (auto* kids = a.get_as<toml::array>(child))
                for (auto& e : *kids)
                    if (auto* t = e.as_table()) activity(*t);
    }

    void run(toml::table& root) {
        if (auto* ext = root.get_as<std::string>("extends")) root.insert_or_assign("extends", rebase(ext->get()));
        for (const char* section : {"instansi", "pemda"})
            if (auto* t = root.get_as<toml::table>(section))
                if (auto* logo = t->get_as<std::string>("logo")) t->insert_or_assign("logo", rebase(logo->get()));

        toml::table* laporan = root.get_as<toml::table>("laporan");
        if (!laporan) {
            root.insert("laporan", toml::table{});
            laporan = root.get_as<toml::table>("laporan");
        }
        laporan->insert_or_assign("tahun", static_cast<std::int64_t>(next));
        shift_date(*laporan, "tanggal", "[laporan]");
        std::vector<std::string> prose;
        for (const char* key : {"latar_belakang", "kata_pengantar", "penutup"})
            if (laporan->contains(key)) prose.push_back(fmt::format("`{}`", key));
        if (!prose.empty())
            note(_f("the prose of [laporan] ({}) was written for {}: reread it for {}", fmt::join(prose, ", "), year, next));

        if (auto* pk = root.get_as<toml::table>("pk")) {
            shift_date(*pk, "tanggal", "[pk]");
            erase_noted(*pk, {"nomor"}, _f("[pk] `nomor`: the number of the Perjanjian Kinerja {}", next));
            erase_noted(*pk, {"perubahan"}, _f("[pk.perubahan] was the revision of the PK {}; give the PK {}'s when it is revised", year, next));
        }
        if (root.erase("renja") > 0)
            note(_f("[renja] was the Renja written in {}; add the Renja written in {} (for {}) when it is drafted", year, next, next + 1));

        if (auto* anggaran = root.get_as<toml::table>("anggaran")) {
            erase(*anggaran, {"pagu_tertulis", "pagu_tertulis_jenis", "realisasi_tertulis", "pagu_non_gaji", "realisasi_non_gaji",
                              "belanja", "pendapatan"});
        }
        if (root.contains("program")) {
            if (!root.contains("anggaran")) root.insert("anggaran", toml::table{});
            root.get_as<toml::table>("anggaran")->insert_or_assign("menunggu_dpa", true);
            note(_f("the budget: the pagu of every sub kegiatan from the DPA {}, its realisasi when the year closes (`lkjip import` "
                    "of the finance system's export, named in `sertakan`), the belanja by jenis and the pendapatan; then remove "
                    "`[anggaran] menunggu_dpa`", next));
        }
        if (auto* urusan = root.get_as<toml::array>("urusan"))
            for (auto& e : *urusan)
                if (auto* t = e.as_table()) erase(*t, {"pagu_tertulis", "realisasi_tertulis"});
        if (auto* programs = root.get_as<toml::array>("program"))
            for (auto& e : *programs)
                if (auto* t = e.as_table()) activity(*t);
        if (missing_targets > 0)
            note(_f("the {} target of {} program, kegiatan and sub kegiatan indicators (the Renja {} and the PK {})", next,
                    missing_targets, next, next));

        bool pk_targets = false;
        if (auto* inds = root.get_as<toml::array>("indikator"))
            for (auto& e : *inds)
                if (auto* t = e.as_table()) {
                    pk_targets = t->erase("target_pk") > 0 || pk_targets;
                    erase(*t, {"catatan_analisis"});
                }
        if (pk_targets) note(_f("`target_pk` of the indicators whose PK {} target differs from the Renstra's", next));
        note(_f("the realisasi {} of every indicator (`realisasi = {{ {} = … }}`, or `lkjip import` of the indicator sheet)", next, next));

        if (auto* renstra = root.get_as<toml::table>("renstra"))
            if (auto* sasaran = renstra->get_as<toml::array>("sasaran"))
                for (auto& e : *sasaran)
                    if (auto* t = e.as_table()) {
                        erase_noted(*t, {"analisis", "faktor_pendukung", "faktor_penghambat", "solusi", "upaya", "analisis_program", "foto"},
                                    _f("the analysis of each sasaran (analisis, faktor pendukung and penghambat, solusi, upaya, "
                                       "photos) of {}", next));
                        erase(*t, {"pagu_penetapan_tertulis", "pagu_tertulis", "realisasi_tertulis"});
                    }
        if (root.erase("prestasi") + root.erase("inovasi") > 0)
            note(_f("the prestasi and inovasi of {}", next));
        if (root.erase("pegawai") > 0) note(_f("the staff tables of {} (`lkjip import --jenis pegawai`)", next));
        if (root.erase("tabel_rujukan") > 0) note(_f("the reference tables and registers (`[[tabel_rujukan]]`) of {}", next));
        if (root.contains("langkah_ke_depan")) note(_f("`langkah_ke_depan` was written in {}: reread it", year));
    }
};

// toml++ writes a float with 17 significant digits (5.8799999999999999 for the 5.88 typed); the
// new file is edited by hand, so each float outside strings and comments is written again as the
// shortest text that reads back as the same double (5.88), keeping its point (a float stays one).
std::string tidy_floats(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    const auto token_char = [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '_' ||
               c == '+' || c == '-' || c == ':';
    };
    const auto is_float = [](std::string_view t) {
        std::size_t i = (t.size() && (t[0] == '-' || t[0] == '+')) ? 1 : 0, digits = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++digits;
        if (!digits || i >= t.size() || t[i] != '.') return false;
        ++i;
        std::size_t frac = 0;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++frac;
        if (!frac) return false;
        if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
            ++i;
            if (i < t.size() && (t[i] == '-' || t[i] == '+')) ++i;
            std::size_t exp = 0;
            while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i, ++exp;
            if (!exp) return false;
        }
        return i == t.size();
    };
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '#') {  // a comment, to the end of the line
            const std::size_t end = text.find('\n', i);
            const std::size_t stop = end == std::string::npos ? text.size() : end;
            out.append(text, i, stop - i);
            i = stop;
        } else if (c == '"' || c == '\'') {
            const std::string quote = text.compare(i, 3, std::string(3, c)) == 0 ? std::string(3, c) : std::string(1, c);
            std::size_t j = i + quote.size();
            for (;;) {
                const std::size_t k = text.find(quote, j);
                if (k == std::string::npos) {
                    j = text.size();
                    break;
                }
                // In a basic string a quote after an odd run of backslashes is escaped.
                std::size_t slashes = 0;
                while (c == '"' && k > slashes && text[k - 1 - slashes] == '\\') ++slashes;
                if (slashes % 2 == 0) {
                    j = k + quote.size();
                    break;
                }
                j = k + 1;
            }
            out.append(text, i, j - i);
            i = j;
        } else if (token_char(c) && (i == 0 || !token_char(text[i - 1]))) {
            std::size_t j = i;
            while (j < text.size() && token_char(text[j])) ++j;
            const std::string_view token(text.data() + i, j - i);
            double v = 0;
            if (is_float(token) && std::from_chars(token.data(), token.data() + token.size(), v).ec == std::errc{}) {
                char buf[64];
                const auto r = std::to_chars(buf, buf + sizeof buf, v);
                std::string shortest(buf, r.ptr);
                if (shortest.find_first_of(".e") == std::string::npos) shortest += ".0";
                out += shortest;
            } else {
                out.append(token);
            }
            i = j;
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

}  // namespace

std::optional<NextYearFile> next_year_file(const std::string& path, const std::string& output, Diagnostics& diags) {
    // A file with errors is refused: its next year would carry them.
    const auto model = load_agency_year(path, diags);
    if (!model) return std::nullopt;
    std::vector<std::string> parts;
    auto table = data::load_own_table(path, diags, parts);
    if (!table) return std::nullopt;
    NextYearFile out;
    out.year = model->laporan.tahun.value + 1;
    Next next{model->laporan.tahun.value, out.year, path, output, out.to_fill, {}};
    if (!parts.empty())
        next.note(_f("the parts ({}) are merged into this file; import the budget of {} and name it in `sertakan`",
                     fmt::join(parts, ", "), out.year));
    next.run(*table);
    if (out.year > model->renstra.akhir.value)
        next.note(_f("{} is after the Renstra {}-{}: the new Renstra's period, tujuan, sasaran, indicators and targets", out.year,
                     model->renstra.mulai.value, model->renstra.akhir.value));

    std::ostringstream text;
    text << "# " << _f("The data of {}, made by `lkjip next` from {}; to fill in:", out.year, fs::path(path).filename().string())
         << '\n';
    for (const auto& f : out.to_fill) text << "# - " << f << '\n';
    text << '\n';
    text << toml::toml_formatter{*table, toml::format_flags::allow_literal_strings | toml::format_flags::allow_multi_line_strings |
                                             toml::format_flags::allow_unicode_strings |
                                             toml::format_flags::allow_real_tabs_in_strings};
    text << '\n';
    out.text = tidy_floats(text.str());
    return out;
}

}  // namespace lkjip
