// Throughput of pum::parseSql (lexing, splitting, parameter substitution) on
// a generated 10 MB changelog, in MB/s. Not a test: run by hand,
//   build/bin/pum_bench_sql [--benchmark_repetitions=5]
#include <benchmark/benchmark.h>

#include <string>

#include "pum/module/parameter.h"
#include "pum/sql/sql.h"

namespace {

// A changelog shaped like a real datamodel's: DDL, comments, value-list
// inserts with array literals, a plpgsql function with a dollar-quoted body,
// E'' strings and `{srid}` parameters, repeated until `bytes` is reached.
std::string makeChangelog(std::size_t bytes) {
    std::string out;
    out.reserve(bytes + 4096);
    out += "-- generated changelog for bench_sql\nCREATE SCHEMA bench;\n";
    for (int g = 0; out.size() < bytes; ++g) {
        const std::string t = "bench.t_" + std::to_string(g);
        out += "/* table " + std::to_string(g) + " /* nested */ comment */\n";
        out += "CREATE TABLE " + t +
               " (id integer PRIMARY KEY, name text NOT NULL, tags text[] NOT NULL DEFAULT '{{}}',\n"
               "    geom geometry(Point, {srid}));\n";
        out += "COMMENT ON TABLE " + t + " IS 'Generated table, it''s number " + std::to_string(g) + "';\n";
        out += "CREATE INDEX t_" + std::to_string(g) + "_name_idx ON " + t + " (name); -- by name\n";
        for (int i = 0; i < 20; ++i) {
            out += "INSERT INTO " + t + " (id, name, tags, geom) VALUES (" + std::to_string(i) +
                   ", E'row\\t" + std::to_string(i) + "', '{{a,b}}', ST_SetSRID(ST_MakePoint(" +
                   std::to_string(2600000 + i) + ", " + std::to_string(1200000 + g) + "), {srid}));\n";
        }
        if (g % 10 == 0) {
            out += "CREATE FUNCTION bench.f_" + std::to_string(g) +
                   "() RETURNS trigger LANGUAGE plpgsql AS $body$\n"
                   "BEGIN\n"
                   "    -- a 'quote' inside; a ; too\n"
                   "    NEW.geom := ST_SetSRID(NEW.geom, {srid});\n"
                   "    RETURN NEW;\n"
                   "END;\n"
                   "$body$;\n";
        }
    }
    return out;
}

const std::string& changelog() {
    static const std::string text = makeChangelog(10u * 1000u * 1000u);
    return text;
}

pum::ParameterValues parameters() {
    pum::ParameterValues values;
    values["srid"] = pum::ParameterValue::parse(pum::ParameterType::Integer, "2056");
    return values;
}

void parse(benchmark::State& state, bool substitute) {
    const std::string& text = changelog();
    const pum::ParameterValues values = parameters();
    pum::SqlOptions options;
    options.substitute = substitute;
    std::size_t statements = 0;
    for (auto _ : state) {
        pum::SqlScript script = pum::parseSql(text, "generated.sql", values, options);
        statements = script.statements.size();
        benchmark::DoNotOptimize(script);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
    state.counters["statements"] = static_cast<double>(statements);
    // Shown as "MB=.../s": decimal megabytes per CPU second, like bytes_per_second.
    state.counters["MB"] = benchmark::Counter(static_cast<double>(text.size()) / 1e6,
                                                benchmark::Counter::kIsIterationInvariantRate);
}

void BM_ParseSql(benchmark::State& state) { parse(state, true); }
// The same text taken as is: the cost of lexing and splitting alone.
void BM_ParseSqlNoSubstitution(benchmark::State& state) { parse(state, false); }

BENCHMARK(BM_ParseSql)->Unit(benchmark::kMillisecond)->MinTime(2.0);
BENCHMARK(BM_ParseSqlNoSubstitution)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
