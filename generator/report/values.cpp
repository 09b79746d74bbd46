// The template values of the report context: the one place that builds tpl::Value.
#include "report/context_build.hpp"

namespace lkjip::report {

Value none() { return Value(); }
Value boolean(bool b) { return Value(b); }

Value integer(std::int64_t n, const SourcePos& origin) {
    Value v(n);
    v.origin = origin;
    return v;
}

Value num(double x, const SourcePos& origin) {
    Value v(x);
    v.origin = origin;
    return v;
}

Value str(std::string s, const SourcePos& origin) {
    Value v(std::move(s));
    v.origin = origin;
    return v;
}

Value list(List items) { return Value::list(std::move(items)); }
Value map(Map entries) { return Value::map(std::move(entries)); }

Map as_map(const Value& v) { return v.is_map() ? v.as_map() : Map{}; }

}  // namespace lkjip::report
