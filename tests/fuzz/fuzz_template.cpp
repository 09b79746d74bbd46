// libFuzzer target: any bytes as a template, rendered with a small context. Must never crash,
// hang or leak (issue 8).
#include <cstdint>
#include <string>

#include "report/filters_id.hpp"
#include "template/template.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using lkjip::tpl::Value;
    static const Value context = Value::map({{"xs", Value::list({Value(1), Value(2.5), Value("tiga")})},
                                             {"m", Value::map({{"a", Value(1)}, {"b", Value()}})},
                                             {"s", Value("teks")}});
    lkjip::tpl::Options options;
    options.max_output = 1 << 20;
    // A runaway loop stops well within libFuzzer's -timeout under the sanitizers (docs/templates.md).
    options.max_steps = 2'000'000;
    lkjip::tpl::Environment env({}, options);
    lkjip::report::add_indonesian_filters(env);  // the report's filters take template input too
    lkjip::Diagnostics diags;
    (void)env.render_string(std::string(reinterpret_cast<const char*>(data), size), "fuzz.j2", context, diags);
    return 0;
}
