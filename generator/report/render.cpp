// Rendering the report templates: the environment with the report's own functions (chapter,
// section, table and figure numbering: one counter, so every number appears once) and the money
// filters, then the template of the whole report or of one chapter.
#include <algorithm>
#include <filesystem>
#include <functional>
#include <memory>

#include <fmt/format.h>
#include <unistd.h>

#include "common/data_dir.hpp"
#include "common/i18n.hpp"
#include "compute/compute.hpp"
#include "compute/idformat.hpp"
#include "compute/renja.hpp"
#include "report/context_build.hpp"
#include "report/filters_id.hpp"
#include "report/report.hpp"

namespace lkjip::report {

namespace fs = std::filesystem;

namespace {

// Numbers of chapters, sections, tables and figures, as the templates ask for them in order.
struct Numbering {
    int bab = 0, seksi2 = 0, seksi3 = 0, tabel = 0, gambar = 0;
};

// `what` is a phrase marked N_, translated when the argument is wrong.
std::int64_t int_arg(const tpl::Args& a, std::size_t i, const char* what) {
    if (i >= a.positional.size() || a.positional[i].kind() != tpl::Value::Kind::integer) {
        throw tpl::Error{_f("{} must be an integer", _(what))};
    }
    return a.positional[i].as_int();
}

std::string text_arg(const tpl::Args& a, std::size_t i, const char* what) {
    if (i >= a.positional.size() || !a.positional[i].is_string()) throw tpl::Error{_f("{} must be a string", _(what))};
    return a.positional[i].as_string();
}

void add_numbering(tpl::Environment& env) {
    auto n = std::make_shared<Numbering>();
    env.add_function("bab", [n](const tpl::Args& a) {
        *n = Numbering{static_cast<int>(int_arg(a, 0, N_("the chapter number"))), 0, 0, 0, 0};
        return tpl::Value("");
    });
    env.add_function("seksi", [n](const tpl::Args& a) {
        const auto level = int_arg(a, 0, N_("the section level"));
        if (level == 2) {
            ++n->seksi2;
            n->seksi3 = 0;
            return tpl::Value(fmt::format("{}.{}", n->bab, n->seksi2));
        }
        if (level == 3) return tpl::Value(fmt::format("{}.{}.{}", n->bab, n->seksi2, ++n->seksi3));
        throw tpl::Error{_("the section level is 2 or 3")};
    });
    auto caption = [n](const char* kind, int& counter, const std::string& title) {
        const std::string nomor = fmt::format("{}.{}", n->bab, ++counter);
        return tpl::Value::map({{"nomor", tpl::Value(nomor)},
                                {"judul", tpl::Value(title)},
                                {"caption", tpl::Value(fmt::format("**{} {}** {}", kind, nomor, title))}});
    };
    env.add_function("tabel", [n, caption](const tpl::Args& a) { return caption("Tabel", n->tabel, text_arg(a, 0, N_("the title"))); });
    env.add_function("gambar", [n, caption](const tpl::Args& a) { return caption("Gambar", n->gambar, text_arg(a, 0, N_("the title"))); });
    env.add_function("tabel_berikut", [n](const tpl::Args&) { return tpl::Value(fmt::format("{}.{}", n->bab, n->tabel + 1)); });
}

// Issue 17, one precision per money column: an amount with sen beside whole rupiah printed
// "2.462.765.539,35" over "5.651.730.628" (Probolinggo's budget tables). When any amount of the data
// has sen, every amount of the report is printed with its two decimals.
bool any_sen(const std::optional<Located<Money>>& m) { return m && m->value.sen % 100 != 0; }
bool any_sen(const Activity& a) {
    if (any_sen(a.pagu) || any_sen(a.pagu_perubahan) || any_sen(a.realisasi)) return true;
    return std::any_of(a.children.begin(), a.children.end(), [](const Activity& c) { return any_sen(c); });
}
bool any_sen(const BelanjaJenis& b) {
    if (any_sen(b.pagu) || any_sen(b.realisasi)) return true;
    return std::any_of(b.rincian.begin(), b.rincian.end(), [](const BelanjaJenis& r) { return any_sen(r); });
}
bool any_sen(const AgencyYear& d) {
    for (const auto& p : d.program)
        if (any_sen(p)) return true;
    for (const auto& b : d.anggaran.belanja)
        if (any_sen(b)) return true;
    for (const auto& r : d.anggaran.pendapatan)
        if (r.target.value.sen % 100 != 0 || r.realisasi.value.sen % 100 != 0) return true;
    for (const auto& p : d.renstra.program)
        for (const auto& [year, pagu] : p.pagu)
            if (pagu.value.sen % 100 != 0) return true;
    return any_sen(d.anggaran.pagu_non_gaji) || any_sen(d.anggaran.realisasi_non_gaji);
}

// Money as the report writes it: whole rupiah, or, when the report has sen anywhere, every amount
// with two decimals.
std::string uang(const tpl::Value& v, bool sen) {
    // Whole rupiah stay integers (exact to the ±10^16 limit, past a double's 2^53).
    if (v.kind() == tpl::Value::Kind::integer) return idfmt::angka(v.as_int()) + (sen ? ",00" : "");
    if (v.is_number()) return idfmt::angka(v.as_double(), 2);
    throw tpl::Error{_f("an amount of money must be a number, found {}", v.type_name())};
}

void add_money_filters(tpl::Environment& env, bool sen) {
    env.add_filter("uang", [sen](const tpl::Value& v, const tpl::Args&) { return tpl::Value(uang(v, sen)); });
    env.add_filter("uang_rp", [sen](const tpl::Value& v, const tpl::Args&) {
        const std::string s = uang(v, sen);
        return tpl::Value(s.starts_with("-") ? "-Rp " + s.substr(1) : "Rp " + s);
    });
}

}  // namespace

const char* kind_name(DocumentKind kind) {
    switch (kind) {
    case DocumentKind::pk: return "pk";
    case DocumentKind::iku: return "iku";
    case DocumentKind::renja: return "renja";
    case DocumentKind::lkjip: break;
    }
    return "lkjip";
}

std::string builtin_template_dir(DocumentKind kind) {
    const DataDirSearch& found = find_data_dir();
    if (found.dir.empty()) return {};
    return (fs::path(found.dir) / "templates" / kind_name(kind)).string();
}

bool document_supported(const AgencyYear& data, DocumentKind kind, Diagnostics* diags) {
    // A PK without its date, or a decree without its number, would be a document with a blank.
    // (A [pk] or [keputusan_iku] table without the key never loads: the loader requires it.)
    if (kind == DocumentKind::pk && !data.pk) {
        if (diags)
            diags->error(data.pos, _("`--dokumen pk` needs the Perjanjian Kinerja's date: the data file has no [pk] `tanggal`"),
                         _("add [pk] with `tanggal = 2024-01-02` (the date it was signed); see docs/data-format.md"));
        return false;
    }
    if (kind == DocumentKind::iku && !data.keputusan_iku) {
        if (diags)
            diags->error(data.pos, _("`--dokumen iku` needs the decree's number: the data file has no [keputusan_iku] `nomor`"),
                         _("add [keputusan_iku] with `nomor`, `tanggal` and `menimbang`; see docs/data-format.md"));
        return false;
    }
    if (kind == DocumentKind::renja) {
        if (!data.renja) {
            if (diags)
                diags->error(data.pos, _("`--dokumen renja` needs the Renja's date: the data file has no [renja] `tanggal`"),
                             _("add [renja] with `tahun` (the year planned) and `tanggal = \"2023-07\"` (when it was signed); "
                               "see docs/data-format.md"));
            return false;
        }
        // Every sub kegiatan of the plan needs its pagu indikatif: a Renja with a blank pagu, or a
        // total over part of the plan, is no plan.
        const bool pagu_is_plan = data.renja->tahun.value == data.laporan.tahun.value;
        bool ok = true;
        std::function<void(const Activity&)> need = [&](const Activity& a) {
            if (a.hanya_evaluasi) return;
            if (a.children.empty() && !a.pagu_indikatif && !(pagu_is_plan && a.pagu)) {
                ok = false;
                if (diags)
                    diags->error(a.pos, _f("{} {} has no `pagu_indikatif` for the plan year {}",
                                                    a.level == ActivityLevel::kegiatan ? "kegiatan" : "sub kegiatan",
                                                    a.kode.value, data.renja->tahun.value),
                                 _("give its pagu indikatif from the rancangan Renja, or `hanya_evaluasi = true` when the "
                                   "plan no longer has it"));
            }
            for (const auto& c : a.children) need(c);
        };
        for (const auto& p : data.program) need(p);
        std::vector<std::string> missing, overflow;
        for (const auto& p : data.program) compute::renja_budget(p, pagu_is_plan, missing, overflow);
        for (const auto& what : overflow) {
            ok = false;
            if (diags) diags->error(data.renja->pos, _f("the pagu indikatif of {} exceeds what lkjip can add exactly", what));
        }
        return ok;
    }
    return true;
}

std::optional<std::string> render_markdown(const AgencyYear& data, const MarkdownOptions& options, Diagnostics& diags) {
    if (!document_supported(data, options.dokumen, &diags)) return std::nullopt;
    const compute::ReportValues values = compute::compute_report(data);
    for (const auto& what : values.overflow) {
        diags.error(data.laporan.tahun.pos, _f("the budget sum of {} exceeds what lkjip can add exactly", what));
    }
    if (!values.overflow.empty()) return std::nullopt;
    const Value context = ContextBuilder(data, values).build();
    if (builtin_template_dir().empty()) {
        // Not the user's input: the installation is incomplete (issue 19), so the message says
        // where lkjip looked rather than pointing into the data file.
        diags.error(SourcePos{std::make_shared<const std::string>("lkjip"), 0, 0},
                    _f("lkjip's built-in templates are not installed: looked in {}", data_dir_places(find_data_dir())),
                    _("install lkjip completely (`cmake --install`, or the Debian package), or set LKJIP_DATA_DIR to the "
                      "folder holding templates/"));
        return std::nullopt;
    }
    std::vector<std::string> path = options.template_dirs;
    // A document's own folder first, then the LKjIP's, whose macros (signatures, tables, the PK
    // form) every kind shares.
    if (options.dokumen != DocumentKind::lkjip) path.push_back(builtin_template_dir(options.dokumen));
    path.push_back(builtin_template_dir());
    tpl::Environment env(path);
    add_numbering(env);
    add_money_filters(env, any_sen(data));
    add_indonesian_filters(env);
    const std::string name = options.bab && options.dokumen == DocumentKind::lkjip ? fmt::format("bab{}.md.j2", *options.bab)
                                                                                    : fmt::format("{}.md.j2", kind_name(options.dokumen));
    auto out = env.render_file(name, context, diags);
    if (!out) return std::nullopt;
    // Collapse the blank lines that optional sections leave behind: Markdown needs at most one.
    std::string clean;
    int newlines = 0;
    for (char c : *out) {
        newlines = c == '\n' ? newlines + 1 : 0;
        if (newlines <= 2) clean += c;
    }
    while (clean.starts_with("\n")) clean.erase(0, 1);
    return clean;
}

}  // namespace lkjip::report
