#include <gtest/gtest.h>

#include "module_status.h"

using pumqt::ModuleStatus;
using State = ModuleStatus::State;

namespace {

pum::Version v(const char* text)
{
    return pum::Version::parse(text);
}

pum::Config config(bool app = true, bool demo = true, bool uninstall = true)
{
    pum::Config c;
    c.module = "network";
    pum::HookDefinition hook;
    hook.code = "SELECT 1";
    if (app) {
        c.dropHooks.push_back(hook);
        c.createHooks.push_back(hook);
    }
    if (demo)
        c.demoData.push_back(pum::DemoData{"some", {}, 0});
    if (uninstall)
        c.uninstallHooks.push_back(hook);
    return c;
}

pum::ModuleInfo installed(const char* version, std::vector<pum::Version> pending, bool beta = false,
                          const char* module = "network")
{
    pum::ModuleInfo info;
    info.module = "network";
    info.migrationTable = "public.pum_migrations";
    info.installed = true;
    info.installedModule = module;
    pum::MigrationRecord record;
    record.module = module;
    record.versionText = version;
    record.version = pum::Version::tryParse(version);
    record.betaTesting = beta;
    info.current = record;
    info.available = {v("1.0.0"), v("1.2.0"), v("1.9.0"), v("1.10.0")};
    info.pending = std::move(pending);
    return info;
}

}  // namespace

TEST(ModuleStatus, NotInstalledOffersInstallAndBaseline)
{
    pum::ModuleInfo info;
    info.available = {v("1.0.0"), v("1.10.0"), v("1.9.0")};
    info.pending = info.available;
    const auto s = ModuleStatus::fromInfo(config(), info);
    EXPECT_EQ(s.state(), State::NotInstalled);
    EXPECT_EQ(s.actions(), ModuleStatus::Install | ModuleStatus::Baseline);
    EXPECT_EQ(s.title().toStdString(), "network is not installed");
    // Versions in version order, not text order.
    EXPECT_EQ(s.details().toStdString(), "Install runs versions 1.0.0, 1.9.0 and 1.10.0.");
    EXPECT_EQ(s.versionsToRun(v("1.9.0")).size(), 2u);
}

TEST(ModuleStatus, UpgradeAvailableListsTheVersionsThatRun)
{
    const auto s = ModuleStatus::fromInfo(config(), installed("1.2.0", {v("1.10.0"), v("1.9.0")}));
    EXPECT_EQ(s.state(), State::UpgradeAvailable);
    EXPECT_EQ(s.title().toStdString(), "Upgrade available from 1.2.0 to 1.10.0");
    EXPECT_TRUE(s.details().startsWith(QStringLiteral("The upgrade runs versions 1.9.0 and 1.10.0.\n")))
        << s.details().toStdString();
    EXPECT_TRUE(s.isEnabled(ModuleStatus::Upgrade));
    EXPECT_FALSE(s.isEnabled(ModuleStatus::Install));
    EXPECT_FALSE(s.isEnabled(ModuleStatus::DemoData));  // demo data fits the newest version only
    ASSERT_TRUE(s.installedVersion());
    EXPECT_EQ(s.installedVersion()->toString(), "1.2.0");
}

TEST(ModuleStatus, UpToDateOffersAppDemoAndUninstallWhenTheModuleHasThem)
{
    auto s = ModuleStatus::fromInfo(config(), installed("1.10.0", {}));
    EXPECT_EQ(s.state(), State::UpToDate);
    EXPECT_EQ(s.title().toStdString(), "network 1.10.0 is up to date");
    EXPECT_EQ(s.actions(), ModuleStatus::RecreateApp | ModuleStatus::DemoData | ModuleStatus::Uninstall);

    s = ModuleStatus::fromInfo(config(false, false, false), installed("1.10.0", {}));
    EXPECT_EQ(s.actions(), ModuleStatus::NoAction);
}

TEST(ModuleStatus, AnotherModuleBlocksEverything)
{
    auto s = ModuleStatus::fromInfo(config(), installed("3.0.0", {}, false, "sewer"));
    EXPECT_EQ(s.state(), State::OtherModule);
    EXPECT_EQ(s.actions(), ModuleStatus::NoAction);
    EXPECT_TRUE(s.title().contains(QStringLiteral("sewer")));

    pum::ModuleInfo elsewhere;
    elsewhere.otherSchemas = {"sewer_sys"};
    s = ModuleStatus::fromInfo(config(), elsewhere);
    EXPECT_EQ(s.state(), State::OtherModule);
    EXPECT_TRUE(s.details().contains(QStringLiteral("sewer_sys")));
    EXPECT_EQ(s.actions(), ModuleStatus::NoAction);
}

TEST(ModuleStatus, DatabaseNewerThanTheModule)
{
    const auto s = ModuleStatus::fromInfo(config(), installed("2.0.0", {}));
    EXPECT_EQ(s.state(), State::DatabaseNewer);
    EXPECT_EQ(s.actions(), ModuleStatus::NoAction);
    EXPECT_TRUE(s.details().contains(QStringLiteral("1.10.0")));
}

TEST(ModuleStatus, BetaTestingCannotBeUpgraded)
{
    const auto s = ModuleStatus::fromInfo(config(), installed("1.2.0", {v("1.9.0")}, true));
    EXPECT_EQ(s.state(), State::BetaTesting);
    EXPECT_FALSE(s.isEnabled(ModuleStatus::Upgrade));
    EXPECT_TRUE(s.isEnabled(ModuleStatus::RecreateApp));
}

TEST(ModuleStatus, UnreadableVersionIsAnError)
{
    const auto s = ModuleStatus::fromInfo(config(), installed("banana", {}));
    EXPECT_EQ(s.state(), State::Error);
    EXPECT_EQ(s.actions(), ModuleStatus::NoAction);
    EXPECT_TRUE(s.details().contains(QStringLiteral("banana")));
}

// What is installed, in words: date, beta testing, parameters that differ
// from the defaults (those at their default are not listed), demo data.
TEST(ModuleStatus, NamesWhatIsInstalled)
{
    pum::Config c = config();
    pum::ParameterDefinition srid;
    srid.name = "srid";
    srid.type = pum::ParameterType::Integer;
    srid.defaultValue = pum::ParameterValue::parse(pum::ParameterType::Integer, "2056");
    pum::ParameterDefinition language = srid;
    language.name = "language";
    language.type = pum::ParameterType::Text;
    language.defaultValue = pum::ParameterValue::parse(pum::ParameterType::Text, "en");
    c.parameters = {srid, language};
    pum::ModuleInfo info = installed("1.10.0", {});
    info.current->dateInstalled = "2026-12-08 10:12:31.123456";
    info.parameters["srid"] = pum::ParameterValue::parse(pum::ParameterType::Integer, "21781");
    info.parameters["language"] = pum::ParameterValue::parse(pum::ParameterType::Text, "en");
    auto s = ModuleStatus::fromInfo(c, info);
    EXPECT_EQ(s.state(), State::UpToDate);
    EXPECT_EQ(s.details().toStdString(), "Version 1.10.0 installed on 2026-12-08 10:12.\n"
                                         "Parameters other than the defaults: srid = 21781.\n"
                                         "No demo data loaded.");
    info.demoData = {{"Sample network", "2026-12-08 10:15"}};
    info.current->betaTesting = true;
    s = ModuleStatus::fromInfo(c, info);
    EXPECT_EQ(s.state(), State::BetaTesting);
    EXPECT_TRUE(s.details().endsWith(QStringLiteral("Version 1.10.0 installed on 2026-12-08 10:12, for beta testing.\n"
                                                    "Parameters other than the defaults: srid = 21781.\n"
                                                    "Demo data loaded: Sample network (2026-12-08 10:15).")))
        << s.details().toStdString();
}
