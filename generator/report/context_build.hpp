// Internal to the report stage: the builder of the template context, and the few functions
// that make template values (the only code that knows the template engine's value type).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "compute/compute.hpp"
#include "model/model.hpp"
#include "template/template.hpp"

namespace lkjip::report {

using Value = tpl::Value;
using List = std::vector<Value>;
using Map = std::vector<std::pair<std::string, Value>>;

Value none();
Value boolean(bool b);
Value integer(std::int64_t n, const SourcePos& origin = {});
Value num(double x, const SourcePos& origin = {});
Value str(std::string s, const SourcePos& origin = {});
Value list(List items);
Value map(Map entries);
Map as_map(const Value& v);  // the entries of a map value, to extend it

// Shapes shared by several parts of the context (docs/report-context.md).
Value money_value(Money m);  // whole rupiah as an integer; with sen, a number
Value budget_context(const compute::BudgetTotals& b);
// `names`: the members' names in the order of g.capaian's members (indicators, or the sasaran of
// a tujuan measured by its sasaran), to name clamped, implausible and unmeasured members.
Value group_context(const compute::GroupResult& g, const Settings& settings,
                    const std::vector<std::pair<std::string, std::string>>& names);  // (jenis, nama)
std::string activity_title(const Activity& a);
int activity_decimals(const ActivityIndicator& ai);
// Permendagri 90/2019 code order, and the budget tree sorted by it (context_plan.cpp).
bool code_before(const std::string& a, const std::string& b);
void sort_by_code(Activity& a, compute::ActivityResult& r);  // without `desimal`: as the values have, at most 2
Value person_value(const Person& p);
Value evaluasi_akip_context(const AgencyYear& d);  // context_akip.cpp
Value tabel_rujukan_context(const AgencyYear& d);  // context_rujukan.cpp

// renstra.program and the keys beside it (context_renstra_program.cpp; docs/report-context.md).
void add_renstra_program(Map& renstra, const Renstra& r);
Value belanja_jenis_context(const std::vector<BelanjaJenis>& lines);  // context_belanja.cpp
// anggaran.sumber_dana, pendapatan_jumlah and surplus (context_pendapatan.cpp).
void add_pendapatan_jumlah(Map& anggaran, const Anggaran& a);
Value pegawai_perkembangan_context(const AgencyYear& d, const compute::ReportValues& v);  // context_pegawai.cpp

class ContextBuilder {
public:
    ContextBuilder(const AgencyYear& data, const compute::ReportValues& values);
    [[nodiscard]] Value build() const;

private:
    Value laporan() const;
    Value pemda() const;
    Value instansi() const;
    Value pengaturan() const;
    Value organisasi() const;
    Value pegawai() const;
    Value sarana() const;
    Value achievements(const std::vector<Achievement>& items) const;
    Value indicator(std::size_t index, int nomor) const;
    std::string owner_text(const Indicator& ind) const;
    Value activity(const Activity& a, const compute::ActivityResult& r) const;
    Value activity_indicators(const Activity& a, const compute::ActivityResult& r) const;

public:
    static int decimals_of(double a, double b);

private:
    void add_plan(Map& root) const;    // renstra, tujuan, sasaran, iku (context_plan.cpp)
    void add_budget(Map& root) const;  // program, urusan, anggaran (context_plan.cpp)
    Value sasaran(std::size_t index) const;
    Value group(const compute::GroupResult& g) const;  // group_context with the members' names
    Value history_indicators(OwnerKind kind, const std::string& id) const;
    Value pk() const;             // context_docs.cpp
    Value keputusan_iku() const;  // context_docs.cpp
    Value renja() const;          // context_renja.cpp
    Value iku_dokumen() const;    // context_docs.cpp
    static std::string rumus_text(const Indicator& ind);

    const AgencyYear& d_;
    const compute::ReportValues& v_;
    int year_;
    std::vector<int> years_all_, years_to_date_, years_before_;
    std::vector<int> years_history_;  // every year before the report year with a realisasi, from the first
};

}  // namespace lkjip::report
