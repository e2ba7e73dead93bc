// RoleManager::inventory: a few catalog queries, then each role's access
// compared with what the configuration expects of it.
#include "pum/roles/role_inventory.h"

#include <algorithm>
#include <map>
#include <set>

#include "pum/db/database.h"
#include "pum/roles/role.h"
#include "pum/roles/role_manager.h"

namespace pum {

bool SchemaAccess::satisfied() const
{
    // As pum: nothing configured here, nothing missing. What the role reaches
    // anyway (through PUBLIC, say) is still shown ("has read, expected none").
    if (!expectedRead && !expectedWrite) return true;
    if (!exists) return false;
    if (expectedWrite != hasWrite) return false;
    if (expectedRead != hasRead) return false;
    // Objects created later get their privileges from the default privileges.
    if ((expectedRead || expectedWrite) && !hasDefaultPrivileges) return false;
    return true;
}

bool RoleStatus::ok() const
{
    if (!exists) return false;
    return std::all_of(schemas.begin(), schemas.end(), [](const SchemaAccess& s) { return s.satisfied(); });
}

bool RoleInventory::ok() const
{
    return missing.empty() &&
           std::all_of(configured.begin(), configured.end(), [](const RoleStatus& r) { return r.ok(); });
}

namespace {

// Parses a text[] value as returned by the server (elements quoted when needed).
std::vector<std::string> parseTextArray(const std::string& text)
{
    std::vector<std::string> out;
    if (text.size() < 2 || text.front() != '{') return out;
    size_t i = 1;
    while (i < text.size() && text[i] != '}') {
        std::string item;
        if (text[i] == '"') {
            ++i;
            while (i < text.size() && text[i] != '"') {
                if (text[i] == '\\' && i + 1 < text.size()) ++i;
                item += text[i++];
            }
            ++i;  // closing quote
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '}') item += text[i++];
            if (item == "NULL") item.clear();
        }
        out.push_back(item);
        if (i < text.size() && text[i] == ',') ++i;
    }
    return out;
}

// Privileges of the given roles on the given schemas, in one query. Table
// privileges are checked one by one because has_table_privilege() with a
// list answers whether *any* of them is held.
const char* kAccessQuery = R"SQL(
WITH r AS (SELECT oid, rolname FROM pg_catalog.pg_roles WHERE rolname = ANY($1::text[])),
     s AS (SELECT oid, nspname FROM pg_catalog.pg_namespace WHERE nspname = ANY($2::text[])),
     rel AS (SELECT c.oid, c.relnamespace, c.relkind,
                    CASE c.relkind WHEN 'S' THEN 'sequence' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
                                   WHEN 'f' THEN 'foreign table' ELSE 'table' END || ' ' ||
                    quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS label
             FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relnamespace IN (SELECT oid FROM s) AND c.relkind IN ('r','p','v','m','f','S'))
SELECT r.rolname, s.nspname,
       has_schema_privilege(r.oid, s.oid, 'USAGE'),
       has_schema_privilege(r.oid, s.oid, 'CREATE'),
       ARRAY(SELECT rel.label || ': SELECT' FROM rel WHERE rel.relnamespace = s.oid
             AND NOT has_table_privilege(r.oid, rel.oid, 'SELECT') ORDER BY 1),
       ARRAY(SELECT rel.label || ': ' || p.priv FROM rel,
                    (VALUES ('INSERT'), ('UPDATE'), ('DELETE')) AS p(priv)
             WHERE rel.relnamespace = s.oid AND rel.relkind IN ('r','p','v','f')
               AND NOT has_table_privilege(r.oid, rel.oid, p.priv) ORDER BY 1),
       -- CASE: the planner may evaluate conditions in any order, and
       -- has_sequence_privilege() refuses anything but a sequence.
       ARRAY(SELECT rel.label || ': UPDATE' FROM rel WHERE rel.relnamespace = s.oid
             AND CASE WHEN rel.relkind = 'S' THEN NOT has_sequence_privilege(r.oid, rel.oid, 'UPDATE') ELSE false END
             ORDER BY 1),
       EXISTS (SELECT 1 FROM pg_catalog.pg_default_acl d, aclexplode(d.defaclacl) a
               WHERE d.defaclnamespace = s.oid AND d.defaclobjtype = 'r' AND a.privilege_type = 'SELECT'
                 AND CASE WHEN a.grantee = 0 THEN true ELSE pg_has_role(r.oid, a.grantee, 'USAGE') END),
       EXISTS (SELECT 1 FROM pg_catalog.pg_default_acl d, aclexplode(d.defaclacl) a
               WHERE d.defaclnamespace = s.oid AND d.defaclobjtype = 'r' AND a.privilege_type = 'INSERT'
                 AND CASE WHEN a.grantee = 0 THEN true ELSE pg_has_role(r.oid, a.grantee, 'USAGE') END),
       (SELECT rolsuper FROM pg_catalog.pg_roles WHERE oid = r.oid)
FROM r CROSS JOIN s
)SQL";

// Roles holding any privilege in the module's schemas (or owning one).
const char* kGranteesQuery = R"SQL(
WITH s AS (SELECT oid, nspname, nspowner, nspacl FROM pg_catalog.pg_namespace WHERE nspname = ANY($1::text[])),
g AS (
    SELECT a.grantee, s.nspname, false AS owner FROM s, aclexplode(s.nspacl) a
    UNION SELECT a.grantee, s.nspname, false FROM s JOIN pg_catalog.pg_class c ON c.relnamespace = s.oid, aclexplode(c.relacl) a
    UNION SELECT a.grantee, s.nspname, false FROM s JOIN pg_catalog.pg_proc p ON p.pronamespace = s.oid, aclexplode(p.proacl) a
    UNION SELECT a.grantee, s.nspname, false FROM s JOIN pg_catalog.pg_default_acl d ON d.defaclnamespace = s.oid, aclexplode(d.defaclacl) a
    UNION SELECT s.nspowner, s.nspname, true FROM s
)
SELECT r.rolname, bool_or(g.owner), array_agg(DISTINCT g.nspname) FROM g JOIN pg_catalog.pg_roles r ON r.oid = g.grantee
GROUP BY r.rolname ORDER BY 1
)SQL";

// Raw privileges of one role on one schema; what matters depends on the expectation.
struct Raw {
    bool usage = false, create = false, super = false, defaultRead = false, defaultWrite = false;
    std::vector<std::string> noSelect, noWrite, noSequenceUpdate;
};

struct DbRole {
    bool login = false;
    bool super = false;
};

class InventoryBuilder {
public:
    InventoryBuilder(Connection& c, const RoleManager& manager, bool includeSuperusers)
        : c_(c), manager_(manager), includeSuperusers_(includeSuperusers)
    {
    }
    RoleInventory build();

private:
    void loadRoles();
    std::vector<RoleStatus> copiesOf(const RoleDefinition& def) const;
    void addConfigured();
    void addOthers();
    void addGrantees();
    void loadAccess();
    std::map<std::string, int> expectedOf(const RoleStatus& status, std::set<std::string>& named) const;
    SchemaAccess access(const std::string& role, const std::string& schema, int level) const;
    void fill(RoleStatus& status, const std::map<std::string, int>& expected, const std::set<std::string>& named,
              bool onlyReached);
    void addOtherLogins();
    bool listed(const std::string& name) const;

    Connection& c_;
    const RoleManager& manager_;
    bool includeSuperusers_;
    RoleInventory inv_;
    std::set<std::string> schemasPresent_;
    std::map<std::string, DbRole> dbRoles_;
    std::multimap<std::string, std::string> memberOf_, members_;  // member -> role, role -> member
    std::map<std::string, std::set<std::string>> granted_;        // other role -> schemas where it holds something
    std::map<std::pair<std::string, std::string>, Raw> raw_;
};

void InventoryBuilder::loadRoles()
{
    auto r = c_.exec("SELECT rolname, rolcanlogin, rolsuper FROM pg_catalog.pg_roles WHERE rolname !~ '^pg_'");
    for (int i = 0; i < r.rows(); ++i) dbRoles_[r.value(i, 0)] = {r.value(i, 1) == "t", r.value(i, 2) == "t"};
    for (const auto& [member, role] : directMemberships(c_)) {
        memberOf_.emplace(member, role);
        members_.emplace(role, member);
    }
}

// Suffixed copies found in the database: roles named `<configured>_<suffix>`
// that are not configured themselves. The longest configured prefix wins
// ("a_b_x" is a copy of "a_b" when both are configured).
std::vector<RoleStatus> InventoryBuilder::copiesOf(const RoleDefinition& def) const
{
    auto isCopyOf = [](const std::string& name, const std::string& base) {
        return name.size() > base.size() + 1 && name.compare(0, base.size() + 1, base + "_") == 0;
    };
    std::vector<RoleStatus> copies;
    for (const auto& [name, info] : dbRoles_) {
        if (!isCopyOf(name, def.name) || manager_.find(name)) continue;
        const auto& all = manager_.roles();
        if (std::any_of(all.begin(), all.end(), [&](const RoleDefinition& other) {
                return other.name.size() > def.name.size() && isCopyOf(name, other.name);
            }))
            continue;
        RoleStatus copy;
        copy.name = name;
        copy.configuredName = def.name;
        copy.suffix = name.substr(def.name.size() + 1);
        copy.exists = true;
        copies.push_back(std::move(copy));
    }
    return copies;
}

void InventoryBuilder::addConfigured()
{
    for (const auto& def : manager_.roles()) {
        RoleStatus generic;
        generic.name = def.name;
        generic.configuredName = def.name;
        generic.exists = dbRoles_.count(def.name) > 0;
        auto copies = copiesOf(def);
        if (!generic.exists && copies.empty()) inv_.missing.push_back(def.name);
        if (generic.exists || copies.empty()) inv_.configured.push_back(generic);
        for (auto& copy : copies) inv_.configured.push_back(std::move(copy));
    }
}

bool InventoryBuilder::listed(const std::string& name) const
{
    auto named = [&](const std::vector<RoleStatus>& list) {
        return std::any_of(list.begin(), list.end(), [&](const RoleStatus& s) { return s.name == name; });
    };
    return named(inv_.configured) || named(inv_.grantees) || named(inv_.others);
}

// Members (at any depth) of the configured roles and their copies: they reach
// the module through them.
void InventoryBuilder::addGrantees()
{
    std::vector<std::string> pending;
    for (const auto& s : inv_.configured)
        if (s.exists) pending.push_back(s.name);
    std::set<std::string> seen(pending.begin(), pending.end());
    while (!pending.empty()) {
        const std::string role = pending.back();
        pending.pop_back();
        auto [b, e] = members_.equal_range(role);
        for (auto i = b; i != e; ++i) {
            if (!seen.insert(i->second).second) continue;
            pending.push_back(i->second);
            if (dbRoles_[i->second].super && !includeSuperusers_) continue;
            RoleStatus grantee;
            grantee.name = i->second;
            grantee.exists = true;
            inv_.grantees.push_back(std::move(grantee));
        }
    }
}

void InventoryBuilder::addOthers()
{
    auto r = c_.execParams(kGranteesQuery, {textArrayLiteral(inv_.schemas)});
    for (int i = 0; i < r.rows(); ++i) {
        const std::string name = r.value(i, 0);
        if (listed(name) || !dbRoles_.count(name)) continue;
        if (dbRoles_[name].super && !includeSuperusers_) continue;
        RoleStatus other;
        other.name = name;
        other.exists = true;
        other.owner = r.value(i, 1) == "t";
        for (const auto& schema : parseTextArray(r.value(i, 2))) granted_[name].insert(schema);
        inv_.others.push_back(std::move(other));
    }
}

// Privileges of everyone listed, in one round trip.
void InventoryBuilder::loadAccess()
{
    std::vector<std::string> names;
    for (const auto* list : {&inv_.configured, &inv_.grantees, &inv_.others})
        for (const auto& s : *list)
            if (s.exists) names.push_back(s.name);
    if (names.empty() || schemasPresent_.empty()) return;
    auto r = c_.execParams(kAccessQuery, {textArrayLiteral(names), textArrayLiteral(inv_.schemas)});
    for (int i = 0; i < r.rows(); ++i) {
        Raw x;
        x.usage = r.value(i, 2) == "t";
        x.create = r.value(i, 3) == "t";
        x.noSelect = parseTextArray(r.value(i, 4));
        x.noWrite = parseTextArray(r.value(i, 5));
        x.noSequenceUpdate = parseTextArray(r.value(i, 6));
        x.defaultRead = r.value(i, 7) == "t";
        x.defaultWrite = r.value(i, 8) == "t";
        x.super = r.value(i, 9) == "t";
        raw_[{r.value(i, 0), r.value(i, 1)}] = std::move(x);
    }
}

// Read (1) or write (2) expected per schema. Under role isolation a generic
// role whose copies exist is expected to hold nothing: the copies do.
std::map<std::string, int> InventoryBuilder::expectedOf(const RoleStatus& status, std::set<std::string>& named) const
{
    std::map<std::string, int> level;
    const RoleDefinition* def = manager_.find(status.configuredName);
    if (!def) return level;
    for (const auto& p : allPermissions(manager_.roles(), *def)) named.insert(p.schemas.begin(), p.schemas.end());
    if (status.suffix.empty()) {
        const auto& all = inv_.configured;
        if (std::any_of(all.begin(), all.end(),
                        [&](const RoleStatus& s) { return s.configuredName == def->name && !s.suffix.empty(); }))
            return level;
    }
    for (const auto& p : allPermissions(manager_.roles(), *def))
        for (const auto& s : p.schemas) level[s] = std::max(level[s], p.type == RolePermission::Type::Write ? 2 : 1);
    return level;
}

SchemaAccess InventoryBuilder::access(const std::string& role, const std::string& schema, int level) const
{
    SchemaAccess a;
    a.schema = schema;
    a.exists = schemasPresent_.count(schema) > 0;
    a.expectedRead = level >= 1;
    a.expectedWrite = level >= 2;
    auto it = raw_.find({role, schema});
    if (it == raw_.end()) return a;
    const Raw& x = it->second;
    a.hasUsage = x.usage;
    a.hasRead = x.usage && x.noSelect.empty();
    a.hasWrite = a.hasRead && x.create && x.noWrite.empty() && x.noSequenceUpdate.empty();
    a.hasDefaultPrivileges = x.super || (level >= 2 ? x.defaultWrite : x.defaultRead);
    if (level >= 1) {
        if (!x.usage) a.missing.push_back("schema " + schema + ": USAGE");
        a.missing.insert(a.missing.end(), x.noSelect.begin(), x.noSelect.end());
    }
    if (level >= 2) {
        if (!x.create) a.missing.push_back("schema " + schema + ": CREATE");
        a.missing.insert(a.missing.end(), x.noWrite.begin(), x.noWrite.end());
        a.missing.insert(a.missing.end(), x.noSequenceUpdate.begin(), x.noSequenceUpdate.end());
    }
    if (level >= 1 && !a.hasDefaultPrivileges) a.missing.push_back("default privileges in " + schema);
    return a;
}

// `onlyReached`: list only the schemas the role holds something in (other
// roles) or reaches (grantees); listing every schema for them would be noise.
void InventoryBuilder::fill(RoleStatus& status, const std::map<std::string, int>& expected,
                            const std::set<std::string>& named, bool onlyReached)
{
    for (const auto& schema : inv_.schemas) {
        auto e = expected.find(schema);
        SchemaAccess a = access(status.name, schema, e == expected.end() ? 0 : e->second);
        a.named = named.count(schema) > 0;
        if (onlyReached && !granted_[status.name].count(schema) && !a.hasUsage) continue;
        status.schemas.push_back(std::move(a));
    }
    auto [b1, e1] = memberOf_.equal_range(status.name);
    for (auto i = b1; i != e1; ++i) status.memberOf.push_back(i->second);
    auto [b2, e2] = members_.equal_range(status.name);
    for (auto i = b2; i != e2; ++i) status.members.push_back(i->second);
    if (auto d = dbRoles_.find(status.name); d != dbRoles_.end()) {
        status.canLogin = d->second.login;
        status.superuser = d->second.super;
    }
}

void InventoryBuilder::addOtherLogins()
{
    for (const auto& [name, info] : dbRoles_)
        if (info.login && !listed(name) && (includeSuperusers_ || !info.super)) inv_.otherLoginRoles.push_back(name);
}

RoleInventory InventoryBuilder::build()
{
    inv_.schemas = manager_.schemas();
    schemasPresent_ = existingSchemas(c_, inv_.schemas);
    loadRoles();
    addConfigured();
    addGrantees();
    addOthers();
    loadAccess();
    for (auto& status : inv_.configured) {
        std::set<std::string> named;
        const auto expected = expectedOf(status, named);
        if (status.exists) fill(status, expected, named, false);
    }
    for (auto* list : {&inv_.grantees, &inv_.others})
        for (auto& status : *list) fill(status, {}, {}, true);
    addOtherLogins();
    return std::move(inv_);
}

}  // namespace

RoleInventory RoleManager::inventory(Connection& connection, bool includeSuperusers) const
{
    return InventoryBuilder(connection, *this, includeSuperusers).build();
}

}  // namespace pum
