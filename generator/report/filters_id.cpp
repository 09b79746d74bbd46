// The id-ID filters of the report templates (docs/templates.md, DOMAIN.md §4): numbers, money,
// satuan, names, dates, roman numerals and list letters written the Indonesian way through
// compute/idformat (the one implementation of id-ID writing), and `sel` for a Markdown table
// cell. They belong to the report stage, not to the template engine, which knows no language
// (issue 19, docs/architecture.md).
#include "report/filters_id.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "common/i18n.hpp"
#include "common/roman.hpp"
#include "compute/idformat.hpp"
#include "template/filter_args.hpp"
#include "template/limits.hpp"

namespace lkjip::report {

namespace {

using namespace tpl::args;
using tpl::Error;
using tpl::Value;
using tpl::check_string_size;

Value f_angka(const Value& in, const Params& p) {
    if (in.kind() == Value::Kind::integer && (!p[0] || p[0]->is_none())) return Value(idfmt::angka(in.as_int()));
    return Value(idfmt::angka(number(in, N_("the input")), places(p, 0, in.kind() == Value::Kind::integer ? 0 : 2)));
}
Value f_persen(const Value& in, const Params& p) { return Value(idfmt::persen(number(in, N_("the input")), places(p, 0, 2))); }
Value f_rupiah(const Value& in, const Params&) { return Value(idfmt::rupiah(whole(in, N_("an amount of rupiah")))); }
Value f_rupiah_ringkas(const Value& in, const Params&) { return Value(idfmt::rupiah_ringkas(number(in, N_("an amount of rupiah")))); }
// A value with its satuan in prose; an absent value is "-", as in a table.
Value f_besaran(const Value& in, const Params& p) {
    if (in.is_none()) return Value("-");
    const Value sat = opt(p, 0, Value(""));
    return Value(idfmt::besaran(number(in, N_("the input")), sat.is_none() ? std::string() : text(sat, N_("the satuan")),
                                places(p, 1, in.kind() == Value::Kind::integer ? 0 : 2)));
}
Value f_satuan(const Value& in, const Params&) { return Value(idfmt::satuan(text(in, N_("the satuan")))); }
Value f_nama(const Value& in, const Params&) { return Value(idfmt::nama(text(in, N_("a name")))); }
Value f_puebi(const Value& in, const Params&) { return Value(idfmt::puebi(text(in, N_("the text")))); }
Value f_terbilang(const Value& in, const Params& p) {
    if (in.kind() == Value::Kind::integer && (!p[0] || p[0]->is_none())) return Value(idfmt::terbilang(in.as_int()));
    return Value(idfmt::terbilang(number(in, N_("the input")), places(p, 0, 2)));
}
Value f_angka_terbilang(const Value& in, const Params&) { return Value(idfmt::angka_terbilang(whole(in, N_("a count")))); }
Value f_tanggal(const Value& in, const Params&) {
    int y = 0, m = 0, d = 0;
    if (in.is_string()) {
        if (std::sscanf(in.as_string().c_str(), "%d-%d-%d", &y, &m, &d) != 3) throw Error{_("expected a date as YYYY-MM-DD")};
    } else if (in.is_map() && in.find("tahun") && in.find("bulan") && in.find("hari")) {
        y = static_cast<int>(whole(*in.find("tahun"), "tahun"));
        m = static_cast<int>(whole(*in.find("bulan"), "bulan"));
        d = static_cast<int>(whole(*in.find("hari"), "hari"));
    } else {
        throw Error{_f("expected a date, found {}", in.type_name())};
    }
    std::string out = idfmt::tanggal(y, m, d);
    if (out.empty()) throw Error{_f("{}-{}-{} is not a date", y, m, d)};
    return Value(out);
}
Value f_romawi(const Value& in, const Params&) {
    const auto n = whole(in, N_("the input"));
    if (n < 1 || n > 3999) throw Error{_("roman numerals go from 1 to 3999")};
    return Value(roman_upper(static_cast<int>(n)));
}
Value f_huruf(const Value& in, const Params&) {
    const auto n = whole(in, N_("the input"));
    if (n < 1 || n > 1'000'000) throw Error{_("list letters go from 1 (a) upwards")};
    return Value(idfmt::huruf(static_cast<int>(n)));
}
// Text placed in a Markdown table cell: `|` escaped, line breaks as <br>, trimmed.
Value f_sel(const Value& in, const Params&) {
    std::string out, s = in.to_string();
    const auto b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
    s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
    for (std::size_t i = 0; i < s.size(); ++i) {
        check_string_size(out.size() + 4, "sel");
        if (s[i] == '|') out += "\\|";
        else if (s[i] == '\r') continue;
        else if (s[i] == '\n') {
            while (!out.empty() && out.back() == ' ') out.pop_back();
            if (out.size() < 4 || out.compare(out.size() - 4, 4, "<br>") != 0) out += "<br>";
            while (i + 1 < s.size() && (s[i + 1] == '\n' || s[i + 1] == ' ' || s[i + 1] == '\r')) ++i;
        } else out += s[i];
    }
    return Value(out);
}

}  // namespace

void add_indonesian_filters(tpl::Environment& env) {
    env.add_filter("angka", with({"desimal"}, f_angka));
    env.add_filter("persen", with({"desimal"}, f_persen));
    env.add_filter("rupiah", with({}, f_rupiah));
    env.add_filter("rupiah_ringkas", with({}, f_rupiah_ringkas));
    env.add_filter("besaran", with({"satuan", "desimal"}, f_besaran));
    env.add_filter("satuan", with({}, f_satuan));
    env.add_filter("nama", with({}, f_nama));
    env.add_filter("puebi", with({}, f_puebi));
    env.add_filter("terbilang", with({"desimal"}, f_terbilang));
    env.add_filter("angka_terbilang", with({}, f_angka_terbilang));
    env.add_filter("tanggal", with({}, f_tanggal));
    env.add_filter("romawi", with({}, f_romawi));
    env.add_filter("huruf", with({}, f_huruf));
    env.add_filter("sel", with({}, f_sel));
    env.add_filter("cell", with({}, f_sel));
}

}  // namespace lkjip::report
