// Internal to the data stage: the typed mapping of a merged TOML table onto the model.
#pragma once

#include <toml++/toml.h>

#include "data/toml_reader.hpp"
#include "model/model.hpp"

namespace lkjip::data {

AgencyYear map_agency_year(const toml::table& root, const std::string& name, Diagnostics& diags);

// Sections, one function each (load_model.cpp, load_plan.cpp).
Person read_person(const toml::table& t, const std::string& where, Diagnostics& diags);
Settings read_settings(const toml::table* t, Diagnostics& diags);
Renstra read_renstra(TableReader& root);
std::vector<RenstraProgram> read_renstra_programs(TableReader& renstra, const Renstra& rs);  // load_renstra_program.cpp
std::vector<Indicator> read_indicators(TableReader& root);
// `waiting_for_dpa`: `[anggaran] menunggu_dpa = true`, so a leaf without pagu is no error.
std::vector<Activity> read_programs(TableReader& root, int year, bool waiting_for_dpa = false);
// [renja] (load_renja.cpp): the Renja of the plan year, when the data holds one.
std::optional<RenjaDocument> read_renja(TableReader& root, const AgencyYear& m);
std::vector<BelanjaJenis> read_belanja(TableReader& anggaran);  // load_belanja.cpp
// load_akip.cpp; sets the realisasi of the indicator each evaluation names.
std::vector<AkipEvaluation> read_evaluasi_akip(TableReader& root, std::vector<Indicator>& indikator);
std::vector<ReferenceTable> read_tabel_rujukan(TableReader& root, const Renstra& rs);  // load_tabel_rujukan.cpp

// The data file itself with its `sertakan` parts merged in (their names in `parts`), not its
// `extends` chain: what `lkjip next` rewrites (next_year.cpp). nullopt after errors.
std::optional<toml::table> load_own_table(const std::string& path, Diagnostics& diags, std::vector<std::string>& parts);

// Cross-references: ids unique, references resolve, codes nest, money on leaves only.
void validate_references(const AgencyYear& model, Diagnostics& diags);

}  // namespace lkjip::data
