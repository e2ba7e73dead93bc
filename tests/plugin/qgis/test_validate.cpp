// Validate in the dialog: the module checked offline, findings in the log,
// double-click opens the file at the line, errors block Install and Upgrade
// until fixed or overridden.
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

#include <filesystem>
#include <fstream>

#include "qgssettings.h"

#include "log_view.h"
#include "qgis_test_support.h"

using pumqt::ModuleStatus;
using pum::test::TempDatabase;
using pum::test::TempDir;

namespace {

// Validates and waits for the result: {errors, warnings}.
std::pair<int, int> validate(pumqgis::PumDialog& dialog)
{
    QSignalSpy spy(&dialog, &pumqgis::PumDialog::validated);
    if (!dialog.startValidation() || !spy.wait(30000))
        throw std::runtime_error("validation did not finish");
    return {spy.at(0).at(0).toInt(), spy.at(0).at(1).toInt()};
}

// The log's block holding `text`, or -1.
int blockHolding(pumqt::LogView& log, const QString& text)
{
    for (QTextBlock b = log.document()->begin(); b.isValid(); b = b.next())
        if (b.text().contains(text))
            return b.blockNumber();
    return -1;
}

}  // namespace

TEST(DialogValidate, FindingsInTheLogBlockInstallUntilFixedOrOverridden)
{
    TempDatabase db;
    pumtest::saveConnection(QStringLiteral("validate"), db, false);
    TempDir dir;
    dir.write(".pum.yaml", "pum:\n  module: checked\nparameters:\n  - name: srid\n    type: integer\n    default: 2056\n");
    dir.write("changelogs/1.0.0/01_table.sql",
              "CREATE TABLE t (id int);\n\nCREATE TABLE u (id int,, name text);\nSELECT {srid};\n");
    const std::string before = db.snapshot();
    auto dialog = pumtest::openDialog(QStringLiteral("validate"), QString::fromStdString(dir.path().string()));
    dialog->show();
    ASSERT_EQ(dialog->status().state(), ModuleStatus::State::NotInstalled);
    auto* install = dialog->actionButton(ModuleStatus::Install);
    auto* override = dialog->findChild<QCheckBox*>(QStringLiteral("overrideValidation"));
    ASSERT_NE(override, nullptr);
    EXPECT_TRUE(install->isEnabled()) << "not validated yet: nothing blocks";
    EXPECT_EQ(dialog->validationErrors(), -1);

    const auto [errors, warnings] = validate(*dialog);
    EXPECT_EQ(errors, 1);
    EXPECT_EQ(warnings, 0);
    EXPECT_FALSE(install->isEnabled()) << "a module with errors is not installed";
    EXPECT_TRUE(override->isVisibleTo(dialog.get()));

    // The finding as compilers write it, at the place of the stray comma.
    auto& log = *dialog->logView();
    const int block = blockHolding(log, QStringLiteral("01_table.sql:3:"));
    ASSERT_GE(block, 0) << log.toPlainText().toStdString();
    EXPECT_TRUE(log.document()->findBlockByNumber(block).text().contains(QStringLiteral("error:")));
    pumqt::LogView::Location location;
    ASSERT_TRUE(log.locationOf(block, &location));
    EXPECT_EQ(std::filesystem::path(location.file.toStdString()), dir.path() / "changelogs/1.0.0/01_table.sql");
    EXPECT_EQ(location.line, 3);

    // Double-click: the configured editor gets the file and the line.
    TempDir scratch;
    const auto opened = scratch.path() / "opened.txt";
    scratch.write("editor.sh", "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + opened.string() + "'\n");
    std::filesystem::permissions(scratch.path() / "editor.sh", std::filesystem::perms::owner_all);
    QgsSettings().setValue(QStringLiteral("pum/editorCommand"),
                           QString::fromStdString((scratch.path() / "editor.sh").string()) +
                               QStringLiteral(" --line {line} --column {column} {file}"));
    const QPoint where = log.cursorRect(QTextCursor(log.document()->findBlockByNumber(block))).center() + QPoint(30, 0);
    QTest::mouseDClick(log.viewport(), Qt::LeftButton, Qt::NoModifier, where);
    ASSERT_TRUE(pumtest::waitFor([&] { return std::filesystem::exists(opened) && std::filesystem::file_size(opened) > 0; }, 10000));
    std::ifstream in(opened);
    std::string args((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(args, "--line\n3\n--column\n" + std::to_string(location.column) + "\n" + location.file.toStdString() + "\n");
    EXPECT_GT(location.column, 0);
    QgsSettings().remove(QStringLiteral("pum/editorCommand"));

    // Overridden explicitly: Install is possible again.
    override->setChecked(true);
    EXPECT_TRUE(install->isEnabled());
    override->setChecked(false);
    EXPECT_FALSE(install->isEnabled());

    // Fixed: Validate again finds nothing, nothing blocks.
    dir.write("changelogs/1.0.0/01_table.sql", "CREATE TABLE t (id int);\n\nCREATE TABLE u (id int, name text);\nSELECT {srid};\n");
    EXPECT_EQ(validate(*dialog).first, 0);
    EXPECT_TRUE(install->isEnabled());
    EXPECT_FALSE(override->isVisibleTo(dialog.get()));
    EXPECT_EQ(db.snapshot(), before) << "Validate never touches the database";
}

TEST(DialogValidate, AModuleWhoseConfigurationIsBrokenIsOneFinding)
{
    TempDatabase db;
    pumtest::saveConnection(QStringLiteral("broken config"), db, false);
    TempDir dir;
    dir.write(".pum.yaml", "pum:\n  module: [unclosed\n");
    auto dialog = pumtest::openDialog(QStringLiteral("broken config"), QString::fromStdString(dir.path().string()));
    const auto [errors, warnings] = validate(*dialog);
    EXPECT_EQ(errors, 1);
    EXPECT_TRUE(dialog->logView()->toPlainText().contains(QStringLiteral(".pum.yaml")))
        << dialog->logView()->toPlainText().toStdString();
}
