// The inventory as text (`pum role list`) and as JSON (`pum role list --json`).
#include <nlohmann/json.hpp>

#include <sstream>

#include "pum/roles/role_inventory.h"

namespace pum {

namespace {

std::string accessWord(bool read, bool write, bool usage = false)
{
    return write ? "write" : read ? "read" : usage ? "partial" : "none";
}

std::string flags(const RoleStatus& r)
{
    std::string out;
    if (r.canLogin) out += " LOGIN";
    if (r.superuser) out += " SUPERUSER";
    if (r.owner) out += " OWNER";
    return out.empty() ? "" : " [" + out.substr(1) + "]";
}

void writeNames(std::ostream& out, const char* label, const std::vector<std::string>& names)
{
    if (names.empty()) return;
    out << "      " << label << ":";
    for (const auto& n : names) out << " " << n;
    out << "\n";
}

void writeSchemaAccess(std::ostream& out, const SchemaAccess& a)
{
    out << "      " << (a.satisfied() ? "ok " : "!! ") << a.schema << ": has "
        << accessWord(a.hasRead, a.hasWrite, a.hasUsage) << ", expected " << accessWord(a.expectedRead, a.expectedWrite);
    if (!a.exists) out << " (schema does not exist)";
    out << "\n";
    for (size_t i = 0; i < a.missing.size(); ++i) {
        if (i == 10) {
            out << "           ... and " << (a.missing.size() - 10) << " more\n";
            break;
        }
        out << "           missing " << a.missing[i] << "\n";
    }
}

void writeConfigured(std::ostream& out, const RoleStatus& r)
{
    if (!r.exists) {
        out << "  MISSING   " << r.name << "\n";
        return;
    }
    out << "  " << (r.ok() ? "ok        " : "MISMATCH  ") << r.name;
    if (!r.suffix.empty()) out << " (copy of " << r.configuredName << " for suffix " << r.suffix << ")";
    out << flags(r) << "\n";
    for (const auto& a : r.schemas) writeSchemaAccess(out, a);
    writeNames(out, "member of", r.memberOf);
    writeNames(out, "members", r.members);
}

// One line per role: its flags and the level it has on each schema it reaches.
void writeOthers(std::ostream& out, const char* title, const char* mark, const std::vector<RoleStatus>& roles)
{
    if (roles.empty()) return;
    out << "\n" << title << ":\n";
    for (const auto& r : roles) {
        out << "  " << mark << "  " << r.name << flags(r) << ":";
        for (const auto& a : r.schemas) out << " " << a.schema << " (" << accessWord(a.hasRead, a.hasWrite, a.hasUsage) << ")";
        if (!r.memberOf.empty()) {
            out << " member of";
            for (const auto& m : r.memberOf) out << " " << m;
        }
        out << "\n";
    }
}

nlohmann::ordered_json roleJson(const RoleStatus& r)
{
    using json = nlohmann::ordered_json;  // keys in a reading order, not sorted
    json j{{"name", r.name},           {"exists", r.exists},       {"login", r.canLogin},
           {"superuser", r.superuser}, {"member_of", r.memberOf}, {"members", r.members}};
    if (!r.configuredName.empty()) {
        j["configured_name"] = r.configuredName;
        j["suffix"] = r.suffix;
        j["ok"] = r.ok();
    } else {
        j["owner"] = r.owner;
    }
    json schemas = json::array();
    for (const auto& a : r.schemas)
        schemas.push_back({{"schema", a.schema},
                           {"exists", a.exists},
                           {"expected", accessWord(a.expectedRead, a.expectedWrite)},
                           {"has", accessWord(a.hasRead, a.hasWrite, a.hasUsage)},
                           {"default_privileges", a.hasDefaultPrivileges},
                           {"satisfied", a.satisfied()},
                           {"missing", a.missing}});
    j["schemas"] = schemas;
    return j;
}

}  // namespace

std::string formatRoleInventory(const RoleInventory& inv)
{
    std::ostringstream out;
    out << "Module schemas:";
    for (const auto& s : inv.schemas) out << " " << s;
    out << "\n\nConfigured roles:\n";
    for (const auto& r : inv.configured) writeConfigured(out, r);
    writeOthers(out, "Members of the configured roles", "+", inv.grantees);
    writeOthers(out, "Other roles with access to the module's schemas", "?", inv.others);
    if (!inv.otherLoginRoles.empty()) {
        out << "\nOther login roles (no access to the module's schemas):";
        for (const auto& n : inv.otherLoginRoles) out << " " << n;
        out << "\n";
    }
    return out.str();
}

std::string roleInventoryJson(const RoleInventory& inv)
{
    nlohmann::ordered_json j;
    j["ok"] = inv.ok();
    j["schemas"] = inv.schemas;
    j["missing_roles"] = inv.missing;
    for (const auto& [key, list] : {std::pair{"configured_roles", &inv.configured},
                                    std::pair{"grantee_roles", &inv.grantees}, std::pair{"other_roles", &inv.others}}) {
        j[key] = nlohmann::ordered_json::array();
        for (const auto& r : *list) j[key].push_back(roleJson(r));
    }
    j["other_login_roles"] = inv.otherLoginRoles;
    return j.dump(2);
}

}  // namespace pum
