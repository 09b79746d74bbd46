// Sums of the belanja by jenis (`[[anggaran.belanja]]`, seed 000 Tabel 1.9): a line with rincian
// adds up its rincian, the table adds up its lines. Shared by the loader (which refuses sums past
// int64), the lint (which compares what a source printed) and the report context.
#pragma once

#include <optional>
#include <vector>

#include "model/model.hpp"

namespace lkjip::compute {

struct BelanjaSum {
    Money pagu, realisasi;
    bool ada_pagu = false, ada_realisasi = false;  // some line below has the amount
};

// nullopt on int64 overflow.
std::optional<BelanjaSum> belanja_sum(const BelanjaJenis& line);
std::optional<BelanjaSum> belanja_total(const std::vector<BelanjaJenis>& lines);

}  // namespace lkjip::compute
