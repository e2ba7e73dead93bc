#include <gtest/gtest.h>

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QToolButton>

#include <algorithm>

#include "parameter_form.h"
#include "pum/base/error.h"

using pumqt::ParameterForm;

namespace {

pum::ParameterDefinition def(const char* name, pum::ParameterType type, const char* defaultText = nullptr,
                             const char* description = "", bool appOnly = false,
                             std::vector<const char*> values = {})
{
    pum::ParameterDefinition d;
    d.name = name;
    d.type = type;
    if (defaultText)
        d.defaultValue = pum::ParameterValue::parse(type, defaultText);
    d.description = description;
    d.appOnly = appOnly;
    for (const char* v : values)
        d.values.push_back(pum::ParameterValue::parse(type, v));
    return d;
}

std::vector<pum::ParameterDefinition> everyType()
{
    return {
        def("srid", pum::ParameterType::Integer, "2056", "Coordinate reference system"),
        def("big", pum::ParameterType::Integer, "9000000000", "Beyond int32"),
        def("ratio", pum::ParameterType::Decimal, "1.50", "A decimal"),
        def("with_history", pum::ParameterType::Boolean, "true", "Keep history", true),
        def("maybe", pum::ParameterType::Boolean, nullptr, "No default"),
        def("label", pum::ParameterType::Text, "it's", "A text", true),
        def("status", pum::ParameterType::Text, "planned", "Status of new pipes", false,
            {"planned", "built", "abandoned"}),
        def("style", pum::ParameterType::Path, nullptr, "A style file", true),
    };
}

template <typename W>
W* editorAs(const ParameterForm& form, const char* name)
{
    auto* editor = form.editor(QString::fromUtf8(name));
    if (!editor)
        return nullptr;
    if (auto* w = qobject_cast<W*>(editor->widget()))
        return w;
    return editor->widget()->findChild<W*>();
}

}  // namespace

TEST(ParameterForm, OneEditorPerTypeWithDefaults)
{
    ParameterForm form;
    form.setDefinitions(everyType());

    ASSERT_NE(editorAs<QLineEdit>(form, "srid"), nullptr);
    EXPECT_EQ(editorAs<QLineEdit>(form, "srid")->text(), QStringLiteral("2056"));
    EXPECT_EQ(editorAs<QLineEdit>(form, "big")->text(), QStringLiteral("9000000000"));
    EXPECT_EQ(editorAs<QLineEdit>(form, "ratio")->text(), QStringLiteral("1.50"));
    ASSERT_NE(editorAs<QCheckBox>(form, "with_history"), nullptr);
    EXPECT_TRUE(editorAs<QCheckBox>(form, "with_history")->isChecked());
    EXPECT_FALSE(editorAs<QCheckBox>(form, "with_history")->isTristate());
    EXPECT_TRUE(editorAs<QCheckBox>(form, "maybe")->isTristate());
    EXPECT_EQ(editorAs<QLineEdit>(form, "label")->text(), QStringLiteral("it's"));
    auto* status = editorAs<QComboBox>(form, "status");
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->count(), 3);  // a default: no "(not set)" entry
    EXPECT_EQ(status->currentText(), QStringLiteral("planned"));
    ASSERT_NE(editorAs<QToolButton>(form, "style"), nullptr);  // the file picker's button
    EXPECT_TRUE(editorAs<QLineEdit>(form, "style")->text().isEmpty());

    const auto given = form.givenValues();
    EXPECT_EQ(given.at("srid"), "2056");
    EXPECT_EQ(given.at("with_history"), "true");
    EXPECT_EQ(given.count("maybe"), 0u);
    EXPECT_EQ(given.count("style"), 0u);

    const auto values = form.resolvedValues();
    EXPECT_EQ(values.at("big").toSqlLiteral(), "9000000000");
    EXPECT_EQ(values.at("ratio").toSqlLiteral(), "1.50");
    EXPECT_EQ(values.at("label").toSqlLiteral(), "'it''s'");
    EXPECT_TRUE(values.at("maybe").isNull());
    EXPECT_TRUE(values.at("style").isNull());
    EXPECT_TRUE(form.validationErrors().isEmpty());
}

TEST(ParameterForm, DescriptionIsTheHelp)
{
    ParameterForm form;
    form.setDefinitions(everyType());
    auto* srid = form.editor(QStringLiteral("srid"))->widget();
    EXPECT_TRUE(srid->toolTip().contains(QStringLiteral("Coordinate reference system"))) << srid->toolTip().toStdString();
    // The description labels the row; the name is in the tooltip.
    auto* status = form.findChild<QLabel*>(QStringLiteral("label_status"));
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->text(), QStringLiteral("Status of new pipes"));
    EXPECT_TRUE(status->toolTip().startsWith(QStringLiteral("status (text)"))) << status->toolTip().toStdString();
    auto* help = form.findChild<QLabel*>(QStringLiteral("help_status"));
    ASSERT_NE(help, nullptr);
    EXPECT_TRUE(help->text().contains(QStringLiteral("default: planned"))) << help->text().toStdString();
}

TEST(ParameterForm, FirstSentenceLabelsTheRestHelps)
{
    const auto definition = [](const char* name, const char* description) {
        pum::ParameterDefinition d;
        d.name = name;
        d.description = description;
        return d;
    };
    const auto long_ = definition("modification_agxx",
                                  "Whether the AG-64/AG-96 extension is installed. It adds the tables of the "
                                  "GEP/PGEE data model; version 2.1 or newer.\nSee the manual.");
    EXPECT_EQ(ParameterForm::labelOf(long_), QStringLiteral("Whether the AG-64/AG-96 extension is installed"));
    EXPECT_EQ(ParameterForm::restOfDescription(long_),
              QStringLiteral("It adds the tables of the GEP/PGEE data model; version 2.1 or newer.\nSee the manual."));
    // "e.g. 2056" goes on (no capital after the dot), "LV95. Fixed" ends.
    const auto srid = definition("srid", "Coordinate reference system (EPSG code), e.g. 2056 for Swiss LV95. Fixed at "
                                         "install: an upgrade refuses a different value.");
    EXPECT_EQ(ParameterForm::labelOf(srid), QStringLiteral("Coordinate reference system (EPSG code), e.g. 2056 for Swiss LV95"));
    EXPECT_EQ(ParameterForm::restOfDescription(srid),
              QStringLiteral("Fixed at install: an upgrade refuses a different value."));
    // A dot inside a word or number ends nothing; a description of one sentence leaves no rest.
    const auto dotted = definition("oid_prefix", "Prefix of the OIDs, e.g.CH000 for v1.5 data");
    EXPECT_EQ(ParameterForm::labelOf(dotted), QStringLiteral("Prefix of the OIDs, e.g.CH000 for v1.5 data"));
    EXPECT_EQ(ParameterForm::restOfDescription(dotted), QString());
    EXPECT_EQ(ParameterForm::labelOf(definition("srid", "")), QStringLiteral("srid"));
    EXPECT_EQ(ParameterForm::labelOf(definition("srid", "   . ")), QStringLiteral("srid"));

    ParameterForm form;
    form.setDefinitions({long_});
    auto* label = form.findChild<QLabel*>(QStringLiteral("label_modification_agxx"));
    ASSERT_NE(label, nullptr);
    EXPECT_TRUE(label->wordWrap());
    EXPECT_TRUE(label->toolTip().contains(QStringLiteral("modification_agxx")));
    auto* help = form.findChild<QLabel*>(QStringLiteral("help_modification_agxx"));
    ASSERT_NE(help, nullptr);
    EXPECT_TRUE(help->text().startsWith(QStringLiteral("It adds the tables"))) << help->text().toStdString();
    // Readable: the help keeps the palette's text colour (no grey style sheet).
    EXPECT_TRUE(help->styleSheet().isEmpty());
}

TEST(ParameterForm, IntegersAreInt64AndValidated)
{
    ParameterForm form;
    form.setDefinitions(everyType());
    auto* big = editorAs<QLineEdit>(form, "big");
    ASSERT_NE(big->validator(), nullptr);
    QString text = QStringLiteral("9223372036854775807");
    int pos = 0;
    EXPECT_EQ(big->validator()->validate(text, pos), QValidator::Acceptable);
    text = QStringLiteral("9223372036854775808");
    EXPECT_EQ(big->validator()->validate(text, pos), QValidator::Invalid);
    text = QStringLiteral("12a");
    EXPECT_EQ(big->validator()->validate(text, pos), QValidator::Invalid);

    // Typing letters is refused by the validator.
    big->clear();
    QTest::keyClicks(big, QStringLiteral("-12x3"));
    EXPECT_EQ(big->text(), QStringLiteral("-123"));
    EXPECT_EQ(form.resolvedValues().at("big").toSqlLiteral(), " -123");

    // A value set from code is still checked.
    form.setValue(QStringLiteral("srid"), QStringLiteral("abc"));
    const QStringList errors = form.validationErrors();
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors.first().startsWith(QStringLiteral("srid:"))) << errors.first().toStdString();
    EXPECT_THROW(form.resolvedValues(), pum::ParameterError);
}

TEST(ParameterForm, ChoicesAndTristateBooleans)
{
    ParameterForm form;
    form.setDefinitions(everyType());
    QSignalSpy changed(&form, &ParameterForm::valuesChanged);
    auto* status = editorAs<QComboBox>(form, "status");
    status->setCurrentIndex(status->findText(QStringLiteral("built")));
    EXPECT_GE(changed.count(), 1);
    EXPECT_EQ(form.givenValues().at("status"), "built");

    editorAs<QCheckBox>(form, "maybe")->setCheckState(Qt::Unchecked);
    EXPECT_EQ(form.givenValues().at("maybe"), "false");
    editorAs<QCheckBox>(form, "maybe")->setCheckState(Qt::PartiallyChecked);
    EXPECT_EQ(form.givenValues().count("maybe"), 0u);

    // Without a default, a choice list can stay unset.
    ParameterForm other;
    other.setDefinitions({def("kind", pum::ParameterType::Text, nullptr, "", false, {"a", "b"})});
    EXPECT_EQ(editorAs<QComboBox>(other, "kind")->count(), 3);
    EXPECT_EQ(other.givenValues().count("kind"), 0u);
}

TEST(ParameterForm, UpgradeFillsStoredValuesAndLocksInstallParameters)
{
    ParameterForm form;
    form.setDefinitions(everyType());
    pum::ParameterValues stored;
    stored["srid"] = pum::ParameterValue::parse(pum::ParameterType::Integer, "2154");
    stored["label"] = pum::ParameterValue::parse(pum::ParameterType::Text, "stored label");
    stored["status"] = pum::ParameterValue::parse(pum::ParameterType::Text, "built");
    form.setStoredValues(stored, true);

    EXPECT_EQ(editorAs<QLineEdit>(form, "srid")->text(), QStringLiteral("2154"));
    EXPECT_TRUE(form.isLocked(QStringLiteral("srid")));
    EXPECT_FALSE(form.editor(QStringLiteral("srid"))->widget()->isEnabled());
    EXPECT_EQ(form.lockReason(QStringLiteral("srid")),
              QStringLiteral("Fixed when the module was installed; changing it needs a reinstall."));
    EXPECT_TRUE(form.isLocked(QStringLiteral("status")));
    EXPECT_EQ(form.givenValues().at("status"), "built");
    // app_only parameters stay editable.
    EXPECT_FALSE(form.isLocked(QStringLiteral("label")));
    EXPECT_TRUE(form.editor(QStringLiteral("label"))->widget()->isEnabled());
    EXPECT_EQ(editorAs<QLineEdit>(form, "label")->text(), QStringLiteral("stored label"));
    bool reasonShown = false;
    for (auto* label : form.findChildren<QLabel*>())
        reasonShown |= label->objectName() == QStringLiteral("help_srid") &&
                       label->text().contains(QStringLiteral("changing it needs a reinstall")) && label->wordWrap();
    EXPECT_TRUE(reasonShown);

    form.resetToDefaults();
    EXPECT_FALSE(form.isLocked(QStringLiteral("srid")));
    EXPECT_EQ(editorAs<QLineEdit>(form, "srid")->text(), QStringLiteral("2056"));
}

namespace {
class SpinEditor : public pumqt::ParameterEditor {
public:
    explicit SpinEditor(QWidget* parent) : spin_(new QSpinBox(parent)) { spin_->setRange(0, 999999); }
    QWidget* widget() const override { return spin_; }
    std::optional<QString> value() const override { return QString::number(spin_->value()); }
    void setValue(const std::optional<QString>& v) override { spin_->setValue(v ? v->toInt() : 0); }
    QSpinBox* spin_;
};
}  // namespace

TEST(ParameterForm, SridParameterUsesTheHook)
{
    ParameterForm form;
    QStringList asked;
    form.setSridEditorFactory([&](const pum::ParameterDefinition& d, QWidget* parent) {
        asked << QString::fromStdString(d.name);
        return std::make_unique<SpinEditor>(parent);
    });
    form.setDefinitions({def("SRID", pum::ParameterType::Integer, "2056"),
                         def("srid_note", pum::ParameterType::Text, "x")});
    EXPECT_EQ(asked, QStringList{QStringLiteral("SRID")});
    auto* spin = qobject_cast<QSpinBox*>(form.editor(QStringLiteral("SRID"))->widget());
    ASSERT_NE(spin, nullptr);
    EXPECT_EQ(spin->value(), 2056);
    spin->setValue(21781);
    EXPECT_EQ(form.givenValues().at("SRID"), "21781");
    EXPECT_TRUE(ParameterForm::isSridParameter(def("Srid", pum::ParameterType::Integer)));
    EXPECT_FALSE(ParameterForm::isSridParameter(def("srid_note", pum::ParameterType::Text)));
}

TEST(ParameterForm, NoParameters)
{
    ParameterForm form;
    form.setDefinitions({});
    EXPECT_TRUE(form.givenValues().empty());
    EXPECT_TRUE(form.resolvedValues().empty());
}

namespace {
// Ten parameters of every type, each described in 200 characters: a first
// sentence (the label) and the rest (the help).
std::vector<pum::ParameterDefinition> tenLongParameters(std::vector<std::string>* descriptions)
{
    const std::pair<pum::ParameterType, const char*> types[] = {
        {pum::ParameterType::Integer, "2056"}, {pum::ParameterType::Text, "planned"},
        {pum::ParameterType::Boolean, "true"}, {pum::ParameterType::Decimal, "1.50"},
        {pum::ParameterType::Path, nullptr},   {pum::ParameterType::Integer, nullptr},
        {pum::ParameterType::Text, nullptr},   {pum::ParameterType::Boolean, nullptr},
        {pum::ParameterType::Decimal, nullptr}, {pum::ParameterType::Text, "en"}};
    std::vector<pum::ParameterDefinition> definitions;
    for (int i = 0; i < 10; ++i) {
        std::string text = "Setting " + std::to_string(i) +
                           " of the network model, as the operators of the utility know it. It is read by the "
                           "views and the triggers of the application schema, and by the monthly reports printed "
                           "for the maintenance teams of every district of the town";
        text = text.substr(0, 199) + ".";
        descriptions->push_back(text);
        definitions.push_back(def(("p" + std::to_string(i)).c_str(), types[i].first, types[i].second, "", i % 2 == 1));
        definitions.back().description = text;
    }
    return definitions;
}
}  // namespace

TEST(ParameterForm, LabelEditorAndHelpSideBySide)
{
    std::vector<std::string> descriptions;
    ParameterForm form;
    form.setDefinitions(tenLongParameters(&descriptions));
    ASSERT_EQ(descriptions.front().size(), 200u);
    pum::ParameterValues stored;
    form.setStoredValues(stored, true);  // the even ones locked, with the note
    ASSERT_GT(form.heightForWidth(900), 0);  // known at once, for the dialog to make room
    form.resize(900, form.heightForWidth(900));
    form.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&form));

    int previousBottom = -1;
    for (int i = 0; i < 10; ++i) {
        const QString name = QStringLiteral("p%1").arg(i);
        SCOPED_TRACE(name.toStdString());
        auto* label = form.findChild<QLabel*>(QStringLiteral("label_") + name);
        auto* help = form.findChild<QLabel*>(QStringLiteral("help_") + name);
        auto* editor = form.editor(name)->widget();
        ASSERT_TRUE(label && help && editor);
        const QRect l = label->geometry(), e = editor->geometry(), h = help->geometry();
        // One row: label, then editor, then help, tops aligned.
        EXPECT_LE(l.right(), e.left());
        EXPECT_LE(e.right(), h.left());
        EXPECT_EQ(l.top(), e.top());
        EXPECT_EQ(e.top(), h.top());
        EXPECT_GT(l.top(), previousBottom);
        previousBottom = std::max({l.bottom(), e.bottom(), h.bottom()});
        // Nothing cut: each label is as high as its wrapped text needs.
        EXPECT_GE(l.height(), label->heightForWidth(l.width()));
        EXPECT_GE(h.height(), help->heightForWidth(h.width()));
        // Readable: the help is enabled (text colour) even when the editor is locked.
        EXPECT_TRUE(help->isEnabled());
        EXPECT_EQ(form.isLocked(name), i % 2 == 0);
        EXPECT_EQ(help->text().contains(QStringLiteral("changing it needs a reinstall")), i % 2 == 0);
        EXPECT_EQ(label->text() + QStringLiteral(". ") + help->text().section(QStringLiteral(" Type: "), 0, 0),
                  QString::fromStdString(descriptions[i]));
    }
    EXPECT_LE(previousBottom, form.height());
}

TEST(ParameterForm, WideEnoughNothingWrapsAndTheCrsSelectorGetsItsWidth)
{
    ParameterForm form;
    form.setSridEditorFactory([](const pum::ParameterDefinition&, QWidget* parent) {
        return std::make_unique<SpinEditor>(parent);  // stands for QGIS's CRS selector
    });
    form.setDefinitions({def("srid", pum::ParameterType::Integer, "2056", "Coordinate reference system of every geometry"),
                         def("status", pum::ParameterType::Text, "planned", "Status of a new pipe", false,
                             {"planned", "built"}),
                         def("language", pum::ParameterType::Text, "en", "Language of the labels", true)});
    form.resize(1200, form.heightForWidth(1200));
    form.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&form));
    for (const char* name : {"srid", "status", "language"}) {
        SCOPED_TRACE(name);
        auto* label = form.findChild<QLabel*>(QStringLiteral("label_") + QLatin1String(name));
        auto* help = form.findChild<QLabel*>(QStringLiteral("help_") + QLatin1String(name));
        EXPECT_LT(label->height(), 2 * label->fontMetrics().lineSpacing()) << "one line";
        EXPECT_LT(help->height(), 2 * help->fontMetrics().lineSpacing()) << "one line";
    }
    // Room for "EPSG:2056 - CH1903+ / LV95" after the code.
    EXPECT_GE(form.editor(QStringLiteral("srid"))->widget()->width(), form.fontMetrics().averageCharWidth() * 30);
}
