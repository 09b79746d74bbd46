// The renderer: walks the syntax tree with a stack of scopes and writes into one output buffer.
// Strict: an undefined name or attribute is an error with its position and the chain of
// includes and macro calls that led there; a value that came from the data file also names its
// TOML position.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <unordered_map>

#include <exception>

#include <fmt/format.h>
#include <pthread.h>

#include "common/file_read.hpp"
#include "common/i18n.hpp"
#include "common/utf8.hpp"
#include "template/ast.hpp"
#include "template/filters.hpp"
#include "template/limits.hpp"

namespace lkjip::tpl {

namespace fs = std::filesystem;

// A template file: 1 MiB. The built-in templates are 42 KB together and the largest is 9 KB; a
// bigger file is a mistake, and is refused without being read whole (issue 18, class 4: a 1 GiB
// template was read into memory).
constexpr std::size_t kMaxTemplateBytes = std::size_t{1} << 20;

// Blocks, expressions, includes and macro calls nested while rendering, all counted together. The
// parser bounds each template's own nesting (blocks 100, expressions 200) and includes and macro
// calls are 64 deep, but together they would allow ~20,000 levels of C++ recursion, more than
// the stack holds (a level takes about 1 KB in a release build, several in a sanitizer build).
// The built-in report reaches 15 levels on every sample.
constexpr int kMaxRenderNesting = 1000;

// Rendering (and parsing) recurse once per level of nesting, bounded by kMaxRenderNesting and
// the parser's limits. A level takes about 1.3 KB of stack in a release build, 10 KB in a Debug
// sanitizer build and up to 20 KB in an optimised one (measured at 1000 levels: 2 MB, 16 MB, about
// 20 MB), more than the 8 MiB that a main thread or a batch worker has. So a render runs on a
// thread of its own with a stack three times the largest need; only the pages touched are used.
constexpr std::size_t kRenderStackBytes = std::size_t{64} << 20;

// Output and values built cost one evaluation step per this many bytes (or per list item), so the
// budget also bounds the time and memory spent copying large strings (Options::max_steps).
constexpr std::uint64_t kBytesPerStep = 16;
// A loop turn costs about as much as four expression nodes (its frame and its `loop` map).
constexpr std::uint64_t kStepsPerIteration = 4;

using Frame = std::unordered_map<std::string, Value>;

struct Callable {
    std::string name;
    const Node* macro = nullptr;               // a macro: its node, kept alive by `source`
    std::shared_ptr<const Parsed> source;
    std::shared_ptr<Frame> module;             // the top-level names of its template (recursion, siblings)
};

struct RenderError {
    SourcePos pos;
    std::string message;
    std::vector<std::string> chain;
    std::string hint;
};

namespace {

constexpr std::size_t kMaxCachedTemplateBytes = 16u << 20;

std::mutex& parsed_cache_mutex() {
    static std::mutex m;
    return m;
}
std::map<std::string, std::shared_ptr<const Parsed>>& parsed_cache() {
    static std::map<std::string, std::shared_ptr<const Parsed>> cache;
    return cache;
}
std::size_t& parsed_cache_bytes() {
    static std::size_t bytes = 0;
    return bytes;
}

}  // namespace

struct Environment::Impl {
    std::vector<std::string> search_path;
    Options options;
    std::map<std::string, Filter> filters;
    std::map<std::string, Function> functions;
    std::map<std::string, std::shared_ptr<const Parsed>> cache;
    std::vector<fs::path> roots;  // the real path of each folder of search_path, once checked

    // Every folder of the search path must exist and be a folder: a mistyped --templates would
    // otherwise be ignored silently and the built-in templates used (issue 18, class 7).
    void check_search_path() {
        if (roots.size() == search_path.size()) return;
        roots.clear();
        for (const auto& dir : search_path) {
            std::error_code ec;
            const fs::file_status st = fs::status(dir, ec);
            const SourcePos where{std::make_shared<const std::string>(dir), 0, 0};
            if (!fs::exists(st)) {
                throw RenderError{where, _f("the template folder '{}' does not exist", dir), {}, {}};
            }
            if (!fs::is_directory(st)) {
                throw RenderError{where, _f("the template folder '{}' is not a folder", dir), {}, {}};
            }
            fs::path real = fs::canonical(dir, ec);
            if (ec) {
                throw RenderError{where, _f("cannot read the template folder '{}': {}", dir, ec.message()), {}, {}};
            }
            roots.push_back(std::move(real));
        }
    }

    // Whether `real` (a canonical path) is `root` or inside it, comparing whole components.
    static bool inside(const fs::path& real, const fs::path& root) {
        auto r = root.begin();
        auto p = real.begin();
        for (; r != root.end(); ++r, ++p) {
            if (r->empty()) continue;  // the trailing "" of a root ending in '/'
            if (p == real.end() || *p != *r) return false;
        }
        return true;
    }

    // Loads and parses a template of the search path (cached). Throws RenderError.
    std::shared_ptr<const Parsed> load(const std::string& name, const SourcePos& from, const std::vector<std::string>& chain) {
        if (auto it = cache.find(name); it != cache.end()) return it->second;
        check_search_path();
        const fs::path rel(name);
        bool escapes = rel.is_absolute() || name.empty();
        for (const auto& part : rel) escapes = escapes || part == "..";
        for (const char c : name) escapes = escapes || static_cast<unsigned char>(c) < 0x20;
        if (escapes) {
            throw RenderError{from, _f("template '{}' is outside the template search path", name), chain, {}};
        }
        for (std::size_t i = 0; i < search_path.size(); ++i) {
            const fs::path p = fs::path(search_path[i]) / rel;
            std::error_code ec;
            const fs::file_status st = fs::status(p, ec);
            if (st.type() == fs::file_type::not_found) continue;
            // Named relative to the working folder when inside it: "templates/lkjip/bab3.md.j2".
            std::error_code ec2;
            const fs::path shown = fs::proximate(p, ec2);
            const bool here = !ec2 && !shown.empty() && *shown.begin() != "..";
            const std::string file_name = (here ? shown : p).lexically_normal().string();
            const SourcePos at = from.known() ? from : SourcePos{std::make_shared<const std::string>(file_name), 0, 0};
            if (ec) {
                throw RenderError{at, _f("cannot read template '{}': {}", name, ec.message()), chain, {}};
            }
            // A symlink in a template folder may point anywhere (/etc/shadow, ../secrets): what is
            // read must really lie inside the folder the name was found in.
            const fs::path real = fs::canonical(p, ec);
            if (ec) {
                throw RenderError{at, _f("cannot read template '{}': {}", name, ec.message()), chain, {}};
            }
            if (!inside(real, roots[i])) {
                throw RenderError{at, _f("template '{}' resolves outside its template folder", name), chain, {}};
            }
            // The checked path is the one read, so a symlink swapped in between is not followed.
            const FileContents text = read_regular_file(real.string(), kMaxTemplateBytes, N_("template"));
            if (!text.ok()) {
                std::string message = text.message;  // names the real path: show the name as found
                for (std::size_t k = 0; (k = message.find(real.string(), k)) != std::string::npos; k += file_name.size()) {
                    message.replace(k, real.string().size(), file_name);
                }
                throw RenderError{at, std::move(message), chain, {}};
            }
            auto parsed = parse_text(text.bytes, file_name);
            cache[name] = parsed;
            return parsed;
        }
        throw RenderError{from, _f("template '{}' not found in the template search path", name), chain, {}};
    }

    std::shared_ptr<const Parsed> parse_text(std::string_view text, const std::string& file_name) {
        // The same template text under the same name parses to the same tree, and every document
        // of a `lkjip batch` reads the same templates: the trees are kept per process (read-only,
        // shared by the batch threads), keyed by the options that change the lexing, the name
        // (positions in messages) and the whole text read this time (issue 22).
        std::string key;
        key += options.trim_blocks ? 't' : '-';
        key += options.lstrip_blocks ? 'l' : '-';
        key += file_name;
        key += '\0';
        key += text;
        {
            const std::lock_guard<std::mutex> lock(parsed_cache_mutex());
            if (const auto it = parsed_cache().find(key); it != parsed_cache().end()) return it->second;
        }
        auto file = std::make_shared<const std::string>(file_name);
        try {
            auto parsed = std::make_shared<const Parsed>(parse(lex(text, file, options), file));
            const std::lock_guard<std::mutex> lock(parsed_cache_mutex());
            // A bound on what is kept: the built-in templates are about 90 KiB.
            if (parsed_cache_bytes() + key.size() <= kMaxCachedTemplateBytes) {
                parsed_cache_bytes() += key.size();
                parsed_cache().emplace(std::move(key), parsed);
            }
            return parsed;
        } catch (const LexError& e) {
            throw RenderError{e.pos, e.message, {}, {}};
        } catch (const ParseError& e) {
            throw RenderError{e.pos, e.message, {}, {}};
        }
    }
};

namespace {

// A dotted description of an expression for messages: "i.capaian.nilai".
std::string describe(const Expr& e) {
    switch (e.kind) {
    case Expr::Kind::name: return e.name;
    case Expr::Kind::attr: return describe(*e.a) + "." + e.name;
    case Expr::Kind::index: return describe(*e.a) + "[" + (e.b->kind == Expr::Kind::literal ? e.b->literal.to_string() : "…") + "]";
    default: return _("the value");
    }
}

class Renderer {
public:
    Renderer(Environment::Impl& env, const Value& globals) : env_(env), globals_(globals) {}
    Renderer(const Renderer&) = delete;
    Renderer& operator=(const Renderer&) = delete;
    // Module frames hold macros that point back at them: break the cycles.
    ~Renderer() {
        for (auto& m : modules_) m->clear();
    }

    void render_body(const Body& body, std::string& out) {
        for (const Node& n : body) render_node(n, out);
    }

    // Runs a top-level template in a fresh module frame; returns that frame (its macros).
    std::shared_ptr<Frame> run_module(const Parsed& p, std::string& out) {
        auto module = std::make_shared<Frame>();
        modules_.push_back(module);
        std::vector<Frame*> saved;
        saved.swap(frames_);
        frames_.push_back(module.get());
        auto saved_module = module_;
        module_ = module;
        render_body(p.body, out);
        module_ = saved_module;
        frames_.swap(saved);
        return module;
    }

    std::shared_ptr<const Parsed> current;  // the template being rendered, to keep macros alive
    std::vector<std::string> chain;

private:
    [[noreturn]] void fail(const SourcePos& pos, std::string message, std::string hint = {}) const {
        throw RenderError{pos, std::move(message), chain, std::move(hint)};
    }

    void write(std::string& out, const std::string& s, const SourcePos& pos) {
        if (out.size() + s.size() > env_.options.max_output) {
            throw RenderError{pos, _f("the output exceeds {} bytes", env_.options.max_output), chain, {}};
        }
        step(pos, s.size() / kBytesPerStep);
        out += s;
    }

    // The evaluation budget (Options::max_steps): `n` more steps, or a positioned error.
    void step(const SourcePos& pos, std::uint64_t n = 1) {
        steps_ += n;
        if (steps_ > env_.options.max_steps) {
            fail(pos, _f("the template takes more than {} evaluation steps (a loop too long or nested too deep?)",
                         env_.options.max_steps));
        }
    }

    // One level of run-time recursion (kMaxRenderNesting), released when it goes out of scope.
    class Nest {
    public:
        Nest(Renderer& r, const SourcePos& pos) : r_(r) {
            if (r_.nesting_ >= kMaxRenderNesting) {
                r_.fail(pos, _f("blocks, expressions, includes and macro calls nested deeper than {} levels", kMaxRenderNesting));
            }
            ++r_.nesting_;
        }
        ~Nest() { --r_.nesting_; }
        Nest(const Nest&) = delete;
        Nest& operator=(const Nest&) = delete;

    private:
        Renderer& r_;
    };

    // A value just built by an operator, filter, function or macro: within the size limits
    // (limits.hpp), and its size paid for from the budget.
    const Value& built(const Value& v, const SourcePos& pos, const std::string& what) {
        try {
            check_value(v, what.c_str());
        } catch (const Error& err) {
            fail(pos, err.message);
        }
        std::uint64_t size = 0;
        if (v.is_string()) size = v.as_string().size() / kBytesPerStep;
        else if (v.is_list()) size = v.as_list().size();
        else if (v.is_map()) size = v.as_map().size();
        step(pos, size);
        return v;
    }

    // Text of a value as `{{ }}` prints it; printing a list or map is bounded (limits.hpp).
    std::string text(const Value& v, const SourcePos& pos) const {
        try {
            return v.to_string();
        } catch (const Error& err) {
            fail(pos, err.message);
        }
    }
    // The same for a message: a value too large to print is shown as its type.
    static std::string shown(const Value& v) {
        try {
            std::string s = v.to_string();
            return s.size() <= 200 ? s : s.substr(0, 200) + "…";
        } catch (const Error&) {
            return v.type_name();
        }
    }

    void render_node(const Node& n, std::string& out) {
        step(n.pos);
        switch (n.kind) {
        case Node::Kind::text: write(out, n.text, n.pos); return;
        case Node::Kind::output: {
            const Value v = eval(*n.expr);
            if (v.kind() == Value::Kind::callable) fail(n.expr->pos, _f("'{}' is a macro: call it with ()", describe(*n.expr)));
            // Jinja with finalize: none prints nothing.
            write(out, v.is_none() ? std::string() : text(v, n.expr->pos), n.expr->pos);
            return;
        }
        case Node::Kind::if_: {
            const Nest nest(*this, n.pos);
            for (const auto& [cond, body] : n.branches) {
                if (!cond || eval(*cond).truthy()) {
                    render_body(body, out);
                    return;
                }
            }
            return;
        }
        case Node::Kind::for_: {
            const Nest nest(*this, n.pos);
            render_for(n, out);
            return;
        }
        case Node::Kind::set: (*frames_.back())[n.text] = eval(*n.expr); return;
        case Node::Kind::include: render_include(n, out); return;
        case Node::Kind::import: render_import(n); return;
        case Node::Kind::macro: {
            auto c = std::make_shared<Callable>();
            c->name = n.text;
            c->macro = &n;
            c->source = current;
            c->module = module_;
            (*frames_.back())[n.text] = Value::callable(std::move(c));
            return;
        }
        }
    }

    void render_for(const Node& n, std::string& out) {
        const Value seq = eval(*n.expr);
        List built_items;  // a map's keys or pairs, a string's characters; a list is looped over in place
        const List* looped = &built_items;
        if (seq.is_list()) {
            looped = &seq.as_list();
        } else if (seq.is_map() && n.names.size() == 2) {
            // lkjip's shorthand for `m | items` (Jinja would unpack each key).
            for (const auto& [k, v] : seq.as_map()) built_items.push_back(Value::list({Value(k), v}));
        } else if (seq.is_map()) {
            for (const auto& [k, v] : seq.as_map()) built_items.emplace_back(k);  // as Jinja: the keys
        } else if (seq.is_string()) {
            const std::u32string s = utf8::decode_escaped(seq.as_string());
            for (char32_t c : s) built_items.emplace_back(utf8::encode_escaped(std::u32string(1, c)));
        } else if (!seq.is_none()) {
            fail(n.expr->pos, _f("cannot loop over {} ('{}')", seq.type_name(), describe(*n.expr)),
                 origin_hint(seq));
        }
        step(n.pos, built_items.size());
        if (n.condition) {
            built_items = filter_loop(n, *looped);
            looped = &built_items;
        }
        const List& items = *looped;
        Frame f;
        frames_.push_back(&f);
        if (items.empty()) {
            render_body(n.else_body, out);
            frames_.pop_back();
            return;
        }
        const auto length = static_cast<std::int64_t>(items.size());
        for (std::int64_t i = 0; i < length; ++i) {
            step(n.pos, kStepsPerIteration);
            // One frame for the whole loop; what a {% set %} left in it does not reach the next turn.
            if (f.size() > n.names.size() + 1) f.clear();
            bind_targets(n, items[static_cast<std::size_t>(i)], f);
            f["loop"] = Value::map({{"index", Value(i + 1)},
                                    {"index0", Value(i)},
                                    {"revindex", Value(length - i)},
                                    {"revindex0", Value(length - i - 1)},
                                    {"first", Value(i == 0)},
                                    {"last", Value(i + 1 == length)},
                                    {"length", Value(length)}});
            render_body(n.body, out);
        }
        frames_.pop_back();
    }

    // `for x in xs if cond`: the items for which cond holds, with the loop variables bound (Jinja
    // filters before counting, so loop.length and loop.last count the kept items).
    List filter_loop(const Node& n, const List& items) {
        List kept;
        for (const Value& item : items) {
            step(n.pos, kStepsPerIteration);
            Frame f;
            frames_.push_back(&f);
            bind_targets(n, item, f);
            const bool keep = eval(*n.condition).truthy();
            frames_.pop_back();
            if (keep) kept.push_back(item);
        }
        return kept;
    }
    void bind_targets(const Node& n, const Value& item, Frame& f) {
        if (n.names.size() == 1) {
            f[n.names[0]] = item;
            return;
        }
        if (!item.is_list() || item.as_list().size() != n.names.size()) {
            fail(n.pos, _f("cannot unpack {} into {} loop variables", item.type_name(), n.names.size()));
        }
        for (std::size_t k = 0; k < n.names.size(); ++k) f[n.names[k]] = item.as_list()[k];
    }

    // `line` is the chain's new entry, a whole message: "included 'x' from file:line:col".
    void enter(const SourcePos& pos, std::string line) {
        if (static_cast<int>(chain.size()) >= env_.options.max_depth) {
            fail(pos, _f("includes and macro calls nested deeper than {} levels", env_.options.max_depth));
        }
        chain.insert(chain.begin(), std::move(line));
    }
    void leave() { chain.erase(chain.begin()); }

    void render_include(const Node& n, std::string& out) {
        const Value name = eval(*n.expr);
        if (!name.is_string()) fail(n.expr->pos, _("include needs a template name (a string)"));
        auto parsed = env_.load(name.as_string(), n.pos, chain);
        const Nest nest(*this, n.pos);
        enter(n.pos, _f("included '{}' from {}", name.as_string(), n.pos.str()));
        auto saved = current;
        current = parsed;
        Frame f;
        frames_.push_back(&f);
        render_body(parsed->body, out);
        frames_.pop_back();
        current = saved;
        leave();
    }

    void render_import(const Node& n) {
        const Value name = eval(*n.expr);
        if (!name.is_string()) fail(n.expr->pos, _("import needs a template name (a string)"));
        auto parsed = env_.load(name.as_string(), n.pos, chain);
        const Nest nest(*this, n.pos);
        enter(n.pos, _f("imported '{}' from {}", name.as_string(), n.pos.str()));
        auto saved = current;
        current = parsed;
        std::string discard;
        auto module = run_module(*parsed, discard);
        current = saved;
        leave();
        Entries entries;
        for (const auto& [k, v] : *module) entries.emplace_back(k, v);
        std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        (*frames_.back())[n.text] = Value::map(std::move(entries));
    }

    // ---- expressions --------------------------------------------------------------------------

    std::string origin_hint(const Value& v) const {
        return v.origin.known() ? _f("the value comes from {}", v.origin.str()) : std::string{};
    }

    // Looks a name up: innermost scope first, then the context, then functions. nullopt: undefined.
    std::optional<Value> lookup(const std::string& name) const {
        for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
            if (auto f = (*it)->find(name); f != (*it)->end()) return f->second;
        }
        if (const Value* v = globals_.find(name)) return *v;
        if (env_.functions.count(name)) {
            auto c = std::make_shared<Callable>();
            c->name = name;
            return Value::callable(std::move(c));
        }
        return std::nullopt;
    }

    // Evaluates names, attributes and indexes without failing on undefined (for `is defined`
    // and `default`). nullopt: undefined somewhere along the chain.
    std::optional<Value> soft(const Expr& e) {
        switch (e.kind) {
        case Expr::Kind::name: return lookup(e.name);
        case Expr::Kind::attr: {
            auto base = soft(*e.a);
            if (!base || !base->is_map()) return std::nullopt;
            if (const Value* v = base->find(e.name)) return *v;
            return std::nullopt;
        }
        case Expr::Kind::index: {
            auto base = soft(*e.a);
            if (!base) return std::nullopt;
            const Value key = eval(*e.b);
            if (base->is_map() && key.is_string()) {
                if (const Value* v = base->find(key.as_string())) return *v;
                return std::nullopt;
            }
            if (base->is_list() && key.kind() == Value::Kind::integer) {
                auto i = key.as_int();
                const auto n = static_cast<std::int64_t>(base->as_list().size());
                if (i < 0) i += n;
                if (i < 0 || i >= n) return std::nullopt;
                return base->as_list()[static_cast<std::size_t>(i)];
            }
            if (base->is_string() && key.kind() == Value::Kind::integer) {  // a character, as in Python
                const std::u32string s = utf8::decode_escaped(base->as_string());
                auto i = key.as_int();
                const auto n = static_cast<std::int64_t>(s.size());
                if (i < 0) i += n;
                if (i < 0 || i >= n) return std::nullopt;
                return Value(utf8::encode_escaped(s.substr(static_cast<std::size_t>(i), 1)));
            }
            return std::nullopt;
        }
        default: return eval(e);
        }
    }

    Value eval(const Expr& e);
    Value eval_binary(const Expr& e);
    Value compare_op(const std::string& op, const Value& a, const Value& b, const SourcePos& pos);
    Value call(const Expr& e);
    Value call_macro(const Callable& c, const Args& args, const Expr& e);
    Args eval_args(const Expr& e);

    Environment::Impl& env_;
    const Value& globals_;
    std::vector<Frame*> frames_;                     // innermost last
    std::shared_ptr<Frame> module_;                  // top-level names of the running template
    std::vector<std::shared_ptr<Frame>> modules_;
    std::uint64_t steps_ = 0;
    int nesting_ = 0;
};

Args Renderer::eval_args(const Expr& e) {
    Args a;
    for (const auto& x : e.items) a.positional.push_back(eval(*x));
    for (const auto& [k, x] : e.kwargs) a.keyword.emplace_back(k, eval(*x));
    return a;
}

Value Renderer::eval(const Expr& e) {
    step(e.pos);
    const Nest nest(*this, e.pos);
    switch (e.kind) {
    case Expr::Kind::literal: return e.literal;
    case Expr::Kind::list: {
        List items;
        for (const auto& x : e.items) items.push_back(eval(*x));
        return built(Value::list(std::move(items)), e.pos, N_("a list"));
    }
    case Expr::Kind::name: {
        if (auto v = lookup(e.name)) return *v;
        std::vector<std::string> names;
        for (const Frame* f : frames_) {
            for (const auto& [k, v] : *f) names.push_back(k);
        }
        if (globals_.is_map()) {
            for (const auto& [k, v] : globals_.as_map()) names.push_back(k);
        }
        const std::string near = closest_match(e.name, names);
        fail(e.pos, _f("'{}' is undefined", e.name), near.empty() ? "" : _f("did you mean '{}'?", near));
    }
    case Expr::Kind::attr: {
        const Value base = eval(*e.a);
        if (base.is_map()) {
            if (const Value* v = base.find(e.name)) return *v;
            std::vector<std::string> keys;
            for (const auto& [k, v] : base.as_map()) keys.push_back(k);
            const std::string near = closest_match(e.name, keys);
            fail(e.pos, _f("'{}' is undefined", describe(e)), near.empty() ? origin_hint(base) : _f("did you mean '{}'?", near));
        }
        fail(e.pos, _f("'{}' is {}, which has no attribute '{}'", describe(*e.a), base.type_name(), e.name),
             origin_hint(base));
    }
    case Expr::Kind::index: {
        const Value base = eval(*e.a);
        const Value key = eval(*e.b);
        if (auto v = soft(e)) return *v;
        fail(e.pos, _f("'{}' has no item {} ({} with {} items)", describe(*e.a), shown(key), base.type_name(),
                       base.is_list() ? base.as_list().size() : (base.is_map() ? base.as_map().size() : 0)),
             origin_hint(base));
    }
    case Expr::Kind::call: return call(e);
    case Expr::Kind::filter: {
        const auto& filters = env_.filters;
        auto it = filters.find(e.name);
        if (it == filters.end()) {
            std::vector<std::string> names;
            for (const auto& [k, f] : filters) names.push_back(k);
            const std::string near = closest_match(e.name, names);
            fail(e.pos, _f("unknown filter '{}'", e.name), near.empty() ? "" : _f("did you mean '{}'?", near));
        }
        Value input;
        if (e.name == "default" || e.name == "d") {
            input = soft(*e.a).value_or(Value::map({{"__undefined__", Value(true)}}));
        } else {
            input = eval(*e.a);
        }
        const Args args = eval_args(e);
        try {
            return built(it->second(input, args), e.pos, _f("filter '{}'", e.name));
        } catch (const Error& err) {
            fail(e.pos, fmt::format("filter '{}': {}", e.name, err.message), origin_hint(input));
        }
    }
    case Expr::Kind::test: {
        std::optional<Value> v = e.name == "defined" || e.name == "undefined" ? soft(*e.a) : std::optional<Value>(eval(*e.a));
        bool r = false;
        const Args args = eval_args(e);
        try {
            r = apply_test(e.name, v, args);
        } catch (const Error& err) {
            fail(e.pos, err.message);
        }
        return Value(e.negated ? !r : r);
    }
    case Expr::Kind::unary: {
        const Value v = eval(*e.a);
        if (e.name == "not") return Value(!v.truthy());
        if (!v.is_number()) fail(e.pos, _f("unary '{}' needs a number, found {}", e.name, v.type_name()), origin_hint(v));
        if (e.name == "+") return v;
        if (v.kind() == Value::Kind::integer) {
            if (v.as_int() == INT64_MIN) fail(e.pos, _("integer overflow"));
            return Value(-v.as_int());
        }
        return Value(-v.as_double());
    }
    case Expr::Kind::binary: return eval_binary(e);
    // Without `else`, Jinja gives an undefined that prints, joins and counts as empty text.
    case Expr::Kind::ternary: return eval(*e.b).truthy() ? eval(*e.a) : (e.c ? eval(*e.c) : Value(""));
    }
    return {};
}

Value Renderer::eval_binary(const Expr& e) {
    if (e.name == "and") {
        Value a = eval(*e.a);
        return a.truthy() ? eval(*e.b) : a;
    }
    if (e.name == "or") {
        Value a = eval(*e.a);
        return a.truthy() ? a : eval(*e.b);
    }
    if (e.name == "compare") {
        // A chain `a < b < c` is `a < b and b < c` with b evaluated once, as in Jinja (Python).
        Value left = eval(*e.a);
        for (const auto& [op, operand] : e.kwargs) {
            Value right = eval(*operand);
            if (!compare_op(op, left, right, operand->pos).as_bool()) return Value(false);
            left = std::move(right);
        }
        return Value(true);
    }
    const Value a = eval(*e.a), b = eval(*e.b);
    if (e.name == "~") {
        // Python's str of each side (`~` writes none as None), within the string limit.
        const std::string x = text(a, e.pos), y = text(b, e.pos);
        try {
            check_string_size(std::uint64_t{x.size()} + y.size(), "'~'");
        } catch (const Error& err) {
            fail(e.pos, err.message);
        }
        return built(Value(x + y), e.pos, "'~'");
    }
    // i18n: not a message (the operator)
    if (e.name == "==" || e.name == "!=" || e.name == "in") return compare_op(e.negated ? "not in" : e.name, a, b, e.pos);
    try {
        return built(binary_op(e.name, a, b), e.pos, fmt::format("'{}'", e.name));
    } catch (const Error& err) {
        fail(e.pos, err.message, origin_hint(a.origin.known() ? a : b));
    }
}

Value Renderer::compare_op(const std::string& op, const Value& a, const Value& b, const SourcePos& pos) {
    // Comparing nested values takes time in proportion to their weight.
    if (op == "==" || op == "!=") step(pos, std::min(a.weight(), b.weight()));
    if (op == "in" || op == "not in") step(pos, b.weight());  // i18n: not a message
    try {
        if (op == "==") return Value(a == b);
        if (op == "!=") return Value(!(a == b));
        if (op == "in") return Value(contains(b, a));
        if (op == "not in") return Value(!contains(b, a));  // i18n: not a message
        return binary_op(op, a, b);
    } catch (const Error& err) {
        fail(pos, err.message, origin_hint(a.origin.known() ? a : b));
    }
}

Value Renderer::call(const Expr& e) {
    const Value callee = eval(*e.a);
    if (callee.kind() != Value::Kind::callable) {
        fail(e.pos, _f("'{}' is {}, not a macro or function", describe(*e.a), callee.type_name()));
    }
    const Callable& c = callee.as_callable();
    const Args args = eval_args(e);
    if (!c.macro) {
        try {
            return built(env_.functions.at(c.name)(args), e.pos, fmt::format("{}()", c.name));
        } catch (const Error& err) {
            fail(e.pos, fmt::format("{}(): {}", c.name, err.message));
        }
    }
    return call_macro(c, args, e);
}

Value Renderer::call_macro(const Callable& c, const Args& args, const Expr& e) {
    const Node& m = *c.macro;
    if (args.positional.size() > m.names.size()) {
        fail(e.pos, _f("macro '{}' takes {} arguments, {} given", c.name, m.names.size(), args.positional.size()));
    }
    Frame local;
    for (std::size_t i = 0; i < m.names.size(); ++i) {
        if (i < args.positional.size()) local[m.names[i]] = args.positional[i];
    }
    for (const auto& [k, v] : args.keyword) {
        if (std::find(m.names.begin(), m.names.end(), k) == m.names.end()) {
            fail(e.pos, _f("macro '{}' has no parameter '{}'", c.name, k));
        }
        local[k] = v;
    }
    // A macro sees its parameters, the names of its own template (other macros, itself) and the
    // global context; not the caller's local variables.
    std::vector<Frame*> saved;
    saved.swap(frames_);
    if (c.module) frames_.push_back(c.module.get());
    frames_.push_back(&local);
    for (std::size_t i = 0; i < m.names.size(); ++i) {
        if (local.count(m.names[i])) continue;
        if (!m.defaults[i]) {
            frames_.swap(saved);
            fail(e.pos, _f("macro '{}' needs the argument '{}'", c.name, m.names[i]));
        }
        local[m.names[i]] = eval(*m.defaults[i]);
    }
    const Nest nest(*this, e.pos);
    enter(e.pos, _f("in macro '{}' called from {}", c.name, e.pos.str()));
    auto saved_current = current;
    auto saved_module = module_;
    current = c.source;
    module_ = c.module;
    std::string out;
    render_body(m.body, out);
    frames_.swap(saved);
    current = saved_current;
    module_ = saved_module;
    leave();
    return built(Value(std::move(out)), e.pos, _f("macro '{}'", c.name));
}

}  // namespace

void check_value(const Value& v, const char* what) {
    if (v.is_string()) check_string_size(v.as_string().size(), what);
    if (v.is_list()) check_list_size(v.as_list().size(), what);
    if (v.is_map()) check_list_size(v.as_map().size(), what);
    if (v.depth() > kMaxValueDepth) {
        throw Error{_f("{} would build a value nested {} levels deep, more than the limit of {}", _(what), v.depth(),
                       kMaxValueDepth)};
    }
    if (v.weight() > kMaxValueWeight) {
        throw Error{_f("{} would build a value of {} values, more than the limit of {}", _(what), v.weight(),
                       kMaxValueWeight)};
    }
}

namespace {

Diagnostic to_diagnostic(const RenderError& e) {
    Diagnostic d;
    d.severity = Severity::error;
    d.pos = e.pos;
    d.message = e.message;
    d.hint = e.hint;
    d.context = e.chain;
    return d;
}

}  // namespace

Environment::Environment(std::vector<std::string> search_path, Options options) : impl_(std::make_unique<Impl>()) {
    impl_->search_path = std::move(search_path);
    impl_->options = options;
    impl_->filters = builtin_filters(&impl_->filters);
}

Environment::~Environment() = default;

void Environment::add_filter(const std::string& name, Filter f) { impl_->filters[name] = std::move(f); }
void Environment::add_function(const std::string& name, Function f) { impl_->functions[name] = std::move(f); }

// Runs `f` on a thread with a kRenderStackBytes stack, or here if no such thread can be made
// (a strict memory limit); an exception `f` throws is thrown again here.
template <class F>
static void run_with_stack(F& f) {
    struct Job {
        F* f;
        std::exception_ptr error;
    } job{&f, nullptr};
    auto body = [](void* p) -> void* {
        auto* j = static_cast<Job*>(p);
        try {
            (*j->f)();
        } catch (...) {
            j->error = std::current_exception();
        }
        return nullptr;
    };
    pthread_attr_t attr;
    pthread_t thread;
    bool started = false;
    if (pthread_attr_init(&attr) == 0) {
        started = pthread_attr_setstacksize(&attr, kRenderStackBytes) == 0 &&
                  pthread_create(&thread, &attr, body, &job) == 0;
        pthread_attr_destroy(&attr);
    }
    if (started) {
        pthread_join(thread, nullptr);
    } else {
        body(&job);
    }
    if (job.error) std::rethrow_exception(job.error);
}

// Loads (or parses) a template and renders it, on this thread; every error becomes one diagnostic.
template <class Load>
static std::optional<std::string> render_here(Environment::Impl& impl, Load& load, const Value& context,
                                              Diagnostics& diags) {
    try {
        impl.check_search_path();
        std::shared_ptr<const Parsed> parsed = load();
        Renderer r(impl, context);
        r.current = parsed;
        std::string out;
        r.run_module(*parsed, out);
        return out;
    } catch (const RenderError& e) {
        diags.add(to_diagnostic(e));
        return std::nullopt;
    } catch (const Error& e) {
        // Every Error is positioned where it is raised; this is the last resort for one that is
        // not, so that it is reported instead of ending the program.
        diags.error({}, _f("template error: {} (please report this as a bug of lkjip)", e.message));
        return std::nullopt;
    }
}

// The same on a thread with a stack for the nesting limits.
template <class Load>
static std::optional<std::string> render_with(Environment::Impl& impl, Load&& load, const Value& context,
                                              Diagnostics& diags) {
    std::optional<std::string> result;
    auto run = [&] { result = render_here(impl, load, context, diags); };
    run_with_stack(run);
    return result;
}

std::optional<std::string> Environment::render_file(const std::string& name, const Value& context, Diagnostics& diags) {
    return render_with(*impl_, [&] { return impl_->load(name, {}, {}); }, context, diags);
}

std::optional<std::string> Environment::render_string(std::string_view text, const std::string& name, const Value& context,
                                                      Diagnostics& diags) {
    return render_with(*impl_, [&] { return impl_->parse_text(text, name); }, context, diags);
}

}  // namespace lkjip::tpl
