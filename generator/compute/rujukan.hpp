// The total rows of a `[[tabel_rujukan]]` (issue 15; docs/data-format.md): the sum of each `angka`
// column over the rows of a kelompok or of the whole table, and the decimals a figure is written with.
#pragma once

#include <optional>
#include <vector>

#include "model/model.hpp"

namespace lkjip::compute {

constexpr int kMaxReferenceDecimals = 4;

// The decimals a figure is written with (at most 4): 76,25 has 2, 145 none.
int figure_decimals(double x);

// One entry per column: the sum of an `angka` column's cells (cells "-" left out; none when every
// cell is "-"), none for a text column. `group` nullopt: every row of the table.
std::vector<std::optional<double>> reference_sums(const ReferenceTable& t, std::optional<std::size_t> group);

}  // namespace lkjip::compute
