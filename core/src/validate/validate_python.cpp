// validate: Python hooks compiled by a Python interpreter in a child process
// (the core never embeds one), never imported nor run: `ast` reads class Hook
// and the signature of its run_hook.
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>

#include "pum/base/error.h"
#include "pum/platform/process.h"
#include "sql/sql_hook.h"
#include "validate/validate_internal.h"

namespace pum::detail {

namespace {

// Runs in the child: prints one marked JSON line, a result per file given.
// Compiling (to an AST, then to code) runs nothing of the hook.
constexpr const char* kChecker = R"PY(
import ast, json, sys, warnings

def where(node):
    return getattr(node, "lineno", 0) or 0, (getattr(node, "col_offset", -1) or 0) + 1

def problem(result, code, node, message, line=None, column=None):
    l, c = where(node) if node is not None else (0, 0)
    result["error"] = {"code": code, "line": l if line is None else line,
                       "column": c if column is None else column, "message": message}

def binds_hook(node):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return any((a.asname or a.name.split(".")[0]) == "Hook" for a in node.names)
    targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
    return any(isinstance(t, ast.Name) and t.id == "Hook" for t in targets)

def base_is_hookbase(base):
    return (isinstance(base, ast.Name) and base.id == "HookBase") or \
           (isinstance(base, ast.Attribute) and base.attr == "HookBase")

def check(path):
    result = {"error": None, "params": [], "all": False}
    try:
        with open(path, "rb") as f:
            source = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = compile(source, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
            compile(tree, path, "exec", dont_inherit=True)
    except SyntaxError as e:
        problem(result, "python-syntax", None, "%s: %s" % (type(e).__name__, e.msg), e.lineno or 0, e.offset or 0)
        return result
    except (ValueError, OSError) as e:
        problem(result, "python-syntax", None, str(e))
        return result
    # HookBase keeps every value in self._parameters: a hook reading it may use any.
    result["all"] = b"_parameters" in source
    hook, bound = None, False
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == "Hook":
            hook, bound = node, True
        elif isinstance(node, (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign)) and binds_hook(node):
            hook, bound = None, True
    if not bound:
        problem(result, "python-hook", None, "must define a class named 'Hook' (class Hook(HookBase): ...)")
        return result
    if hook is None:
        result["all"] = True  # Hook comes from elsewhere: nothing more to read here
        return result
    runs = [n for n in hook.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == "run_hook"]
    if not runs:
        if all(base_is_hookbase(b) for b in hook.bases):
            problem(result, "python-hook", hook, "class Hook must define run_hook(self, connection, ...)")
        else:
            result["all"] = True  # may inherit it from another base
        return result
    run = runs[-1]
    args = run.args
    positional = list(getattr(args, "posonlyargs", [])) + list(args.args)
    if not positional or positional[0].arg == "connection":
        problem(result, "python-hook", run, "run_hook must take self first: def run_hook(self, connection, ...)")
        return result
    if len(positional) < 2:
        problem(result, "python-hook", run, "run_hook must take the connection: def run_hook(self, connection, ...)")
        return result
    for arg in positional[2:] + list(args.kwonlyargs):
        line, column = where(arg)
        result["params"].append({"name": arg.arg, "line": line, "column": column})
    if args.kwarg is not None:
        result["all"] = True
    return result

print("PUM-VALIDATE-JSON:" + json.dumps([check(p) for p in sys.argv[1:]]))
)PY";

constexpr std::string_view kMarker = "PUM-VALIDATE-JSON:";

struct ChildOutput {
    bool started = false;
    int status = 0;
    std::string output;  // stdout and stderr together
};

// Runs `python -I -c CHECKER FILE...`, its output read through a pipe.
ChildOutput runChecker(const std::string& python, const std::vector<std::string>& files)
{
    ChildOutput out;
    std::vector<std::string> args = {"-I", "-c", kChecker};
    args.insert(args.end(), files.begin(), files.end());
    std::optional<platform::ChildProcess> child;
    try {
        child.emplace(python, args);
    } catch (const Error&) {
        return out;  // no pipe
    }
    if (!child->started()) return out;
    out.started = true;
    while (child->readOutput(out.output) != platform::ChildProcess::Read::End) {
    }
    out.status = child->wait();
    return out;
}

// The declared parameters whose names stand as words in `file`.
std::set<std::string> mentionedNames(const std::filesystem::path& file, const Config& config)
{
    std::set<std::string> names;
    std::string text;
    try {
        text = readTextFile(file);
    } catch (const Error&) {
        return names;
    }
    auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
    for (const auto& definition : config.parameters)
        for (std::size_t k = 0; (k = text.find(definition.name, k)) != std::string::npos; ++k) {
            const std::size_t end = k + definition.name.size();
            if ((k == 0 || !word(text[k - 1])) && (end >= text.size() || !word(text[end]))) {
                names.insert(definition.name);
                break;
            }
        }
    return names;
}

void addResult(const nlohmann::json& result, const std::filesystem::path& file, const Config& config,
               FindingSink& sink, PythonUse& use)
{
    const std::string shown = displayPath(file);
    if (result.value("all", false)) use.all = true;
    // A name it mentions may reach SQL another way (self.execute("... {name} ...")): not claimed unused.
    for (const auto& name : mentionedNames(file, config)) use.names.insert(name);
    if (const auto& error = result["error"]; error.is_object()) {
        sink.error(shown, error.value("line", 0), error.value("column", 0), error.value("code", "python-hook"),
                   error.value("message", ""));
        return;
    }
    for (const auto& param : result["params"]) {
        const std::string name = param.value("name", "");
        if (config.parameter(name)) {
            use.names.insert(name);
            continue;
        }
        sink.error(shown, param.value("line", 0), param.value("column", 0), "python-undeclared-parameter",
                   "run_hook takes '" + name + "', which is not a parameter declared in " +
                       displayPath(config.configFile) + " (declared: " + declaredParameters(config) + ")");
    }
}

}  // namespace

std::string defaultPython()
{
    if (const char* env = std::getenv("PUM_PYTHON"); env && *env) return env;
#ifdef PUM_DEFAULT_PYTHON
    return PUM_DEFAULT_PYTHON;
#else
    return "python3";
#endif
}

PythonUse checkPythonHooks(const std::vector<const HookDefinition*>& hooks, const Config& config,
                           const std::string& python, FindingSink& sink)
{
    PythonUse use;
    std::vector<std::string> files;
    for (const HookDefinition* hook : hooks) files.push_back(hook->file->string());
    if (files.empty()) return use;
    sink.report.files += files.size();
    const ChildOutput child = runChecker(python, files);
    const std::size_t marker = child.output.rfind(kMarker);
    nlohmann::json results;
    if (marker != std::string::npos) {
        const std::size_t from = marker + kMarker.size();
        results = nlohmann::json::parse(child.output.substr(from, child.output.find('\n', from) - from), nullptr, false);
    }
    if (!child.started || !results.is_array() || results.size() != files.size()) {
        use.all = true;
        std::string why = !child.started ? "it could not be started" : child.output.substr(0, 400);
        if (why.empty()) why = "it printed nothing (exit status " + std::to_string(child.status) + ")";
        sink.warning(displayPath(*hooks.front()->file), 0, 0, "python-unavailable",
                     "Python hooks not checked: " + python + " did not compile them: " + why +
                         " (set PUM_PYTHON or --python to an interpreter)");
        return use;
    }
    for (std::size_t i = 0; i < files.size(); ++i) addResult(results[i], *hooks[i]->file, config, sink, use);
    return use;
}

}  // namespace pum::detail
