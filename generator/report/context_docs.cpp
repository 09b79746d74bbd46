// The parts of the report context for the documents beside the LKjIP (issue 13): the Perjanjian
// Kinerja (`pk`) and the Keputusan penetapan IKU (`keputusan_iku`), from the same tujuan, sasaran,
// indicators and programs the LKjIP reports on (docs/report-context.md).
#include <cctype>

#include <fmt/format.h>

#include "compute/idformat.hpp"
#include "report/context_build.hpp"

namespace lkjip::report {

namespace {

Value opt_text(const OptText& t) { return t ? str(t->value, t->pos) : none(); }

Value date_text(const Located<Date>& d) { return str(idfmt::tanggal(d.value.year, d.value.month, d.value.day), d.pos); }

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// "KESATU", "KEDUA", … "KESEBELAS": the diktum of a decree (Permendagri 1/2023 on naskah dinas);
// seed 003 writes PERTAMA for the first.
std::string diktum_word(int n, bool pertama) {
    if (n == 1) return pertama ? "PERTAMA" : "KESATU";
    return "KE" + upper(idfmt::terbilang(static_cast<std::int64_t>(n)));
}

}  // namespace

// The rumus of an indicator written with its components' names (seed 003: "Jumlah Koperasi Sehat
// dan Cukup Sehat / Jumlah Koperasi Aktif × 100"); the typed `formula` where it has no rumus.
std::string ContextBuilder::rumus_text(const Indicator& ind) {
    if (!ind.rumus || ind.komponen.empty()) return ind.formula ? ind.formula->value : std::string();
    const std::string& r = ind.rumus->value;
    std::string out;
    auto op = [&out](const char* text) {
        while (out.ends_with(" ")) out.pop_back();
        out += text;
    };
    for (std::size_t i = 0; i < r.size();) {
        const unsigned char c = static_cast<unsigned char>(r[i]);
        if (std::isalpha(c) || c == '_') {
            std::size_t j = i;
            while (j < r.size() && (std::isalnum(static_cast<unsigned char>(r[j])) || r[j] == '_')) ++j;
            const std::string name = r.substr(i, j - i);
            std::string shown = name;
            for (const auto& k : ind.komponen) {
                if (k.id.value == name) shown = k.nama.value;
            }
            out += shown;
            i = j;
        } else if (std::isdigit(c) || c == '.') {
            std::size_t j = i;
            while (j < r.size() && (std::isdigit(static_cast<unsigned char>(r[j])) || r[j] == '.')) ++j;
            std::string number = r.substr(i, j - i);
            for (char& ch : number) ch = ch == '.' ? ',' : ch;  // id-ID decimal comma
            out += number;
            i = j;
        } else if (c == '*') {
            op(" × ");
            ++i;
        } else if (c == '/' || c == '+' || c == '-') {
            const char text[4] = {' ', static_cast<char>(c), ' ', '\0'};
            // A minus after an operator or "(" is a sign, not a subtraction.
            const bool sign = c == '-' && (out.empty() || out.ends_with(" ") || out.ends_with("("));
            if (sign) out += '-';
            else op(text);
            ++i;
        } else if (c == '(' || c == ')') {
            out += static_cast<char>(c);
            ++i;
        } else {
            ++i;  // whitespace: the operators carry their own
        }
    }
    return out;
}

// The indicators a PK and the IKU decree list: every indicator of a tujuan, and the IKU of the
// sasaran (seed 002's PK Perubahan: "Tujuan :" rows, then "Sasaran :" rows).
Value ContextBuilder::pk() const {
    if (!d_.pk) return none();
    const PerjanjianKinerja& pk = *d_.pk;
    const int year = d_.laporan.tahun.value;
    const bool revised = pk.perubahan.has_value();
    Map m;
    m.emplace_back("perubahan", boolean(revised));
    m.emplace_back("nama", str(fmt::format("Perjanjian Kinerja{} Tahun {}", revised ? " Perubahan" : "", year)));
    m.emplace_back("nomor", revised ? opt_text(pk.perubahan->nomor) : opt_text(pk.nomor));
    m.emplace_back("tempat", pk.tempat ? opt_text(pk.tempat) : str(d_.laporan.tempat.value, d_.laporan.tempat.pos));
    m.emplace_back("tanggal", date_text(revised ? pk.perubahan->tanggal : pk.tanggal));
    m.emplace_back("tanggal_penetapan", date_text(pk.tanggal));
    const PkPagu which = pk.pagu ? pk.pagu->value : (revised ? PkPagu::perubahan : PkPagu::penetapan);
    m.emplace_back("pagu_jenis", str(which == PkPagu::perubahan ? "perubahan" : "penetapan"));
    m.emplace_back("pembuka", opt_text(pk.pembuka));
    m.emplace_back("janji", opt_text(pk.janji));
    m.emplace_back("supervisi", opt_text(pk.supervisi));
    List purposes;
    for (const auto& t : pk.tujuan) purposes.push_back(str(t.value, t.pos));
    m.emplace_back("tujuan_perjanjian", list(std::move(purposes)));  // "tujuan" is the groups below
    m.emplace_back("uraian", opt_text(pk.uraian));
    m.emplace_back("pihak_pertama", person_value(d_.pimpinan));
    m.emplace_back("pihak_kedua", d_.pemda.kepala ? person_value(*d_.pemda.kepala) : none());

    auto group = [&](OwnerKind kind) {
        List out;
        const std::size_t n = kind == OwnerKind::tujuan ? d_.renstra.tujuan.size() : d_.renstra.sasaran.size();
        int nomor = 0;
        for (std::size_t g = 0; g < n; ++g) {
            const Text& id = kind == OwnerKind::tujuan ? d_.renstra.tujuan[g].id : d_.renstra.sasaran[g].id;
            const Text& uraian = kind == OwnerKind::tujuan ? d_.renstra.tujuan[g].uraian : d_.renstra.sasaran[g].uraian;
            List inds;
            int k = 0;
            for (std::size_t i = 0; i < d_.indikator.size(); ++i) {
                const Indicator& ind = d_.indikator[i];
                if (ind.owner_kind != kind || ind.owner.value != id.value) continue;
                if ((kind == OwnerKind::sasaran && !ind.iku) || !ind.pk) continue;
                inds.push_back(indicator(i, ++k));
            }
            if (inds.empty()) continue;
            Map gm;
            gm.emplace_back("nomor", integer(++nomor));
            gm.emplace_back("uraian", str(uraian.value, uraian.pos));
            gm.emplace_back("indikator", list(std::move(inds)));
            out.push_back(map(std::move(gm)));
        }
        return out;
    };
    List tujuan = group(OwnerKind::tujuan), sasaran = group(OwnerKind::sasaran);
    m.emplace_back("ada_tujuan", boolean(!tujuan.empty()));
    m.emplace_back("tujuan", list(std::move(tujuan)));
    m.emplace_back("sasaran", list(std::move(sasaran)));

    List programs;
    Money total;
    for (std::size_t i = 0; i < d_.program.size(); ++i) {
        const compute::BudgetTotals& b = v_.program[i].budget;
        const Money pagu = which == PkPagu::perubahan ? b.pagu : b.pagu_penetapan;
        total.sen += pagu.sen;  // bounded: compute_report refused any sum that overflows
        Map pm;
        pm.emplace_back("nomor", integer(static_cast<std::int64_t>(i + 1)));
        pm.emplace_back("kode", str(d_.program[i].kode.value, d_.program[i].kode.pos));
        pm.emplace_back("judul", str(activity_title(d_.program[i])));
        pm.emplace_back("pagu", money_value(pagu));
        programs.push_back(map(std::move(pm)));
    }
    m.emplace_back("program", list(std::move(programs)));
    m.emplace_back("jumlah_pagu", money_value(total));
    return map(std::move(m));
}

Value ContextBuilder::keputusan_iku() const {
    if (!d_.keputusan_iku) return none();
    const KeputusanIku& k = *d_.keputusan_iku;
    const std::string lengkap = d_.instansi.nama.value + " " + d_.pemda.nama.value;
    Map m;
    m.emplace_back("nomor", str(k.nomor.value, k.nomor.pos));
    m.emplace_back("tahun", integer(k.tahun.value, k.tahun.pos));
    m.emplace_back("tanggal", date_text(k.tanggal));
    m.emplace_back("tempat", k.tempat ? opt_text(k.tempat) : str(d_.laporan.tempat.value, d_.laporan.tempat.pos));
    m.emplace_back("tentang", k.tentang ? opt_text(k.tentang) : str("Penetapan Indikator Kinerja Utama " + lengkap));
    m.emplace_back("periode", k.periode ? opt_text(k.periode) : str(std::to_string(d_.laporan.tahun.value)));
    auto texts = [](const std::vector<Text>& items) {
        List out;
        for (const auto& t : items) out.push_back(str(t.value, t.pos));
        return list(std::move(out));
    };
    m.emplace_back("menimbang", texts(k.menimbang));
    m.emplace_back("mengingat", texts(k.mengingat_given ? k.mengingat : d_.dasar_hukum));
    m.emplace_back("tembusan", texts(k.tembusan));
    std::vector<std::string> diktum;
    for (const auto& t : k.diktum) diktum.push_back(t.value);
    if (diktum.empty()) {
        diktum = {"Menetapkan Indikator Kinerja Utama " + lengkap +
                      " sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.",
                  "Keputusan ini mulai berlaku pada tanggal ditetapkan."};
    }
    List dl;
    for (std::size_t i = 0; i < diktum.size(); ++i) {
        Map dm;
        dm.emplace_back("urutan", str(diktum_word(static_cast<int>(i + 1), k.diktum_pertama)));
        dm.emplace_back("isi", str(diktum[i]));
        dl.push_back(map(std::move(dm)));
    }
    m.emplace_back("diktum", list(std::move(dl)));
    return map(std::move(m));
}

// [iku]: the IKU fixed without a decree the data holds (seed 002's Lampiran IKU Perubahan).
Value ContextBuilder::iku_dokumen() const {
    if (!d_.iku) return none();
    const IkuDocument& k = *d_.iku;
    Map m;
    m.emplace_back("tanggal", date_text(k.tanggal));
    m.emplace_back("tempat", k.tempat ? opt_text(k.tempat) : str(d_.laporan.tempat.value, d_.laporan.tempat.pos));
    m.emplace_back("perubahan", boolean(k.perubahan));
    return map(std::move(m));
}

}  // namespace lkjip::report
