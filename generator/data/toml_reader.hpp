// A reader over one TOML table that maps keys to typed, located values and records problems as
// diagnostics instead of throwing. It remembers which keys were read, so `finish()` can report
// every key nobody asked for: a typo like `realiasi` must not silently drop data.
// Internal to the data stage.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "model/model.hpp"

namespace lkjip::data {

SourcePos pos_of(const toml::node& node);

// A type name as users know it from the TOML spec, with an article: "a string", "an integer".
std::string toml_type_name(const toml::node& node);

// Whether two values are the same TOML value (type and content; tables and arrays deeply),
// wherever they were written.
bool same_value(const toml::node& a, const toml::node& b);

class TableReader {
public:
    // `where` names the table in messages: "[laporan]", "[[indikator]] 'IKU-1'".
    TableReader(const toml::table& table, std::string where, Diagnostics& diags);

    [[nodiscard]] const toml::table& table() const { return table_; }
    [[nodiscard]] SourcePos pos() const { return pos_of(table_); }
    [[nodiscard]] const std::string& where() const { return where_; }
    [[nodiscard]] bool has(std::string_view key) const { return table_.contains(key); }
    [[nodiscard]] Diagnostics& diags() const { return diags_; }

    // Each getter marks the key as used. `required` variants report a missing key and return a
    // default value (with the table's position) so loading can go on and find more errors.
    Text string(std::string_view key);
    OptText opt_string(std::string_view key);
    // A path relative to the file that holds the value (parents of `extends` resolve their own).
    OptText opt_path(std::string_view key);
    Text path(std::string_view key);
    std::vector<Text> string_list(std::string_view key, bool required);

    Located<std::int64_t> integer(std::string_view key, std::int64_t min, std::int64_t max);
    std::optional<Located<std::int64_t>> opt_integer(std::string_view key, std::int64_t min,
                                                     std::int64_t max);
    std::vector<Located<std::int64_t>> integer_list(std::string_view key, std::int64_t min,
                                                    std::int64_t max);
    Located<double> number(std::string_view key);
    std::optional<Located<double>> opt_number(std::string_view key);
    std::optional<Located<double>> opt_number_in(std::string_view key, double min, double max);
    std::optional<bool> opt_bool(std::string_view key);
    std::optional<Located<Date>> date(std::string_view key, bool required);
    // A required date; when it is missing or wrong (reported), an empty date at the table's position.
    Located<Date> required_date(std::string_view key) {
        if (auto d = date(key, true)) return *d;
        return Located<Date>{{}, pos()};
    }
    std::optional<Located<Money>> opt_money(std::string_view key);
    YearValues years(std::string_view key, bool required);

    // One of `choices`; returns the index of the choice. Unknown words get a "did you mean" hint.
    std::optional<Located<std::size_t>> choice(std::string_view key,
                                               const std::vector<std::string>& choices);

    const toml::table* opt_table(std::string_view key);
    // An array of tables (`[[key]]`); every element must be a table.
    std::vector<const toml::table*> table_array(std::string_view key, bool required);

    // The value of `key` as written (nullptr when absent), marked as used: for a reader that
    // explains a wrong type in its own terms before asking for the right one.
    const toml::node* node(std::string_view key) { return get(key); }

    // Reports every key that no getter asked for.
    void finish();

private:
    const toml::node* get(std::string_view key);
    void missing(std::string_view key);
    void wrong_type(const toml::node& node, std::string_view key, std::string_view expected);

    const toml::table& table_;
    std::string where_;
    Diagnostics& diags_;
    std::set<std::string, std::less<>> used_;
};

// Exact money from a TOML node: an integer of rupiah, or a string "1234.56" / "1.234,56".
// Returns nullopt and fills `error` when the value is not exact money.
std::optional<Money> parse_money(const toml::node& node, std::string& error);
std::optional<Money> parse_money_text(std::string_view text, std::string& error);

// A TOML syntax error told in the user's terms (issue 16): the usual slips of a planner who
// writes numbers, amounts, dates and yes/no the Indonesian way (85,5; 37.912.400; Rp 1.000; 85%;
// 31-12-2024; ya/tidak), text without quotes or with curly quotes, a key with a space, `:` for
// `=`, an unclosed string, a Windows path's backslashes, a file not saved as UTF-8. `line` and
// `column` are where toml++ stopped (1-based; columns count code points, as toml++ does); the
// result points at where the mistake begins. nullopt: no known slip, the parser's text stands.
struct SyntaxHint {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::string message;
    std::string hint;
};
std::optional<SyntaxHint> explain_syntax_error(std::string_view text, std::uint32_t line, std::uint32_t column,
                                               std::string_view description);

}  // namespace lkjip::data
