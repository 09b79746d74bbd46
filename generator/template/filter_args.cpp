// Binding and checking the arguments of a filter (template/filter_args.hpp).
#include "template/filter_args.hpp"

#include <algorithm>
#include <cmath>

#include "common/diagnostics.hpp"
#include "common/i18n.hpp"

namespace lkjip::tpl::args {

// Binds positional then keyword arguments to `names`, as a Python call binds them.
Params bind(const Args& a, const std::vector<std::string>& names) {
    if (a.positional.size() > names.size()) {
        throw Error{names.empty() ? _f("takes no arguments ({} given)", a.positional.size())
                                  // i18n: not a message (the plural form below: xgettext takes it as the msgid_plural of _n)
                                  : _n("takes at most {} argument ({} given)", "takes at most {} arguments ({} given)",
                                       names.size(), a.positional.size())};
    }
    Params p(names.size());
    for (std::size_t i = 0; i < a.positional.size(); ++i) p[i] = a.positional[i];
    for (const auto& [k, v] : a.keyword) {
        const auto it = std::find(names.begin(), names.end(), k);
        if (it == names.end()) {
            const std::string near = closest_match(k, names);
            throw Error{near.empty() ? _f("unexpected keyword argument '{}'", k)
                                     : _f("unexpected keyword argument '{}' (did you mean '{}'?)", k, near)};
        }
        auto& slot = p[static_cast<std::size_t>(it - names.begin())];
        if (slot) throw Error{_f("got multiple values for argument '{}'", k)};
        slot = v;
    }
    return p;
}

Filter with(std::vector<std::string> names, Bound f) {
    return [names = std::move(names), f](const Value& in, const Args& a) { return f(in, bind(a, names)); };
}

const Value& req(const Params& p, std::size_t i, const char* name) {
    if (!p[i]) throw Error{_f("missing argument '{}'", name)};
    return *p[i];
}
Value opt(const Params& p, std::size_t i, Value fallback) { return p[i] ? *p[i] : std::move(fallback); }

double number(const Value& v, const char* what) {
    if (!v.is_number()) throw Error{_f("{} must be a number, found {}", _(what), v.type_name())};
    return v.as_double();
}
std::int64_t whole(const Value& v, const char* what) {
    if (v.kind() == Value::Kind::integer) return v.as_int();
    if (v.kind() == Value::Kind::number && v.as_double() == std::floor(v.as_double()) && std::fabs(v.as_double()) < 9e18) {
        return static_cast<std::int64_t>(v.as_double());
    }
    throw Error{_f("{} must be a whole number, found {}", _(what), v.type_name())};
}
int places(const Params& p, std::size_t i, int fallback) {
    if (!p[i] || p[i]->is_none()) return fallback;
    const auto n = whole(*p[i], N_("the number of decimals"));
    if (n < 0 || n > kMaxPlaces) throw Error{_f("the number of decimals must be between 0 and {}", kMaxPlaces)};
    return static_cast<int>(n);
}
const std::string& text(const Value& v, const char* what) {
    if (!v.is_string()) throw Error{_f("{} must be a string, found {}", _(what), v.type_name())};
    return v.as_string();
}

}  // namespace lkjip::tpl::args
