#include "parameter_form.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValidator>

#include <algorithm>
#include <utility>

#include "pum/base/error.h"

namespace pumqt {

namespace {

QString qs(const std::string& text)
{
    return QString::fromStdString(text);
}

// Integers are int64 in pum (QSpinBox stops at int32): accept what
// QString::toLongLong accepts, and intermediate input while typing.
class Int64Validator : public QValidator {
public:
    using QValidator::QValidator;
    State validate(QString& input, int& pos) const override
    {
        (void)pos;
        const QString text = input.trimmed();
        if (text.isEmpty() || text == QLatin1String("-"))
            return Intermediate;
        static const QRegularExpression digits(QStringLiteral("^-?[0-9]+$"));
        if (!digits.match(text).hasMatch())
            return Invalid;
        bool ok = false;
        text.toLongLong(&ok);
        return ok ? Acceptable : Invalid;
    }
};

class LineEditor : public ParameterEditor {
public:
    LineEditor(QWidget* parent, QValidator* validator)
        : edit_(new QLineEdit(parent))
    {
        if (validator) {
            validator->setParent(edit_);
            edit_->setValidator(validator);
        }
        QObject::connect(edit_, &QLineEdit::textEdited, edit_, [this] { notifyChanged(); });
    }
    QWidget* widget() const override { return edit_; }
    std::optional<QString> value() const override
    {
        const QString text = edit_->text();
        if (text.isEmpty())
            return std::nullopt;
        return text;
    }
    void setValue(const std::optional<QString>& value) override { edit_->setText(value.value_or(QString())); }
    QLineEdit* lineEdit() const { return edit_; }

private:
    QLineEdit* edit_;
};

// Booleans: a check box; tri-state when there is no default, so that "not
// given" (NULL) stays possible.
class BooleanEditor : public ParameterEditor {
public:
    BooleanEditor(QWidget* parent, bool tristate) : box_(new QCheckBox(parent))
    {
        box_->setTristate(tristate);
        QObject::connect(box_, &QCheckBox::stateChanged, box_, [this] { notifyChanged(); });
    }
    QWidget* widget() const override { return box_; }
    std::optional<QString> value() const override
    {
        switch (box_->checkState()) {
        case Qt::Checked:
            return QStringLiteral("true");
        case Qt::Unchecked:
            return QStringLiteral("false");
        default:
            return std::nullopt;
        }
    }
    void setValue(const std::optional<QString>& value) override
    {
        if (!value)
            box_->setCheckState(box_->isTristate() ? Qt::PartiallyChecked : Qt::Unchecked);
        else
            box_->setCheckState(*value == QLatin1String("true") ? Qt::Checked : Qt::Unchecked);
    }

private:
    QCheckBox* box_;
};

// A parameter with `values`: one of them (or nothing, when there is no default).
class ChoiceEditor : public ParameterEditor {
public:
    ChoiceEditor(QWidget* parent, const pum::ParameterDefinition& definition) : combo_(new QComboBox(parent))
    {
        if (!definition.defaultValue || definition.defaultValue->isNull())
            combo_->addItem(ParameterForm::tr("(not set)"));
        for (const auto& v : definition.values)
            combo_->addItem(v.isNull() ? ParameterForm::tr("NULL") : qs(v.text()),
                            v.isNull() ? QVariant() : QVariant(qs(v.text())));
        QObject::connect(combo_, QOverload<int>::of(&QComboBox::currentIndexChanged), combo_,
                         [this] { notifyChanged(); });
    }
    QWidget* widget() const override { return combo_; }
    std::optional<QString> value() const override
    {
        const QVariant data = combo_->currentData();
        if (!data.isValid())
            return std::nullopt;
        return data.toString();
    }
    void setValue(const std::optional<QString>& value) override
    {
        const int index = value ? combo_->findData(*value) : combo_->findData(QVariant());
        combo_->setCurrentIndex(index >= 0 ? index : 0);
    }

private:
    QComboBox* combo_;
};

// `path`: a line edit and a button opening a file chooser.
class PathEditor : public ParameterEditor {
public:
    explicit PathEditor(QWidget* parent) : box_(new QWidget(parent))
    {
        auto* layout = new QHBoxLayout(box_);
        layout->setContentsMargins(0, 0, 0, 0);
        edit_ = new QLineEdit(box_);
        auto* browse = new QToolButton(box_);
        browse->setText(ParameterForm::tr("…"));
        browse->setToolTip(ParameterForm::tr("Choose a file"));
        layout->addWidget(edit_);
        layout->addWidget(browse);
        QObject::connect(edit_, &QLineEdit::textEdited, edit_, [this] { notifyChanged(); });
        QObject::connect(browse, &QToolButton::clicked, box_, [this] {
            const QString file =
                QFileDialog::getOpenFileName(box_, ParameterForm::tr("Choose a file"), edit_->text());
            if (!file.isEmpty()) {
                edit_->setText(file);
                notifyChanged();
            }
        });
    }
    QWidget* widget() const override { return box_; }
    std::optional<QString> value() const override
    {
        if (edit_->text().isEmpty())
            return std::nullopt;
        return edit_->text();
    }
    void setValue(const std::optional<QString>& value) override { edit_->setText(value.value_or(QString())); }

private:
    QWidget* box_;
    QLineEdit* edit_ = nullptr;
};

QString typeName(pum::ParameterType type)
{
    switch (type) {
    case pum::ParameterType::Boolean:
        return ParameterForm::tr("boolean");
    case pum::ParameterType::Integer:
        return ParameterForm::tr("integer");
    case pum::ParameterType::Decimal:
        return ParameterForm::tr("decimal");
    case pum::ParameterType::Path:
        return ParameterForm::tr("path");
    case pum::ParameterType::Text:
        break;
    }
    return ParameterForm::tr("text");
}

std::optional<QString> defaultText(const pum::ParameterDefinition& definition)
{
    if (!definition.defaultValue || definition.defaultValue->isNull())
        return std::nullopt;
    return qs(definition.defaultValue->text());
}

}  // namespace

ParameterForm::ParameterForm(QWidget* parent) : QWidget(parent)
{
    layout_ = new QVBoxLayout(this);
    layout_->setContentsMargins(0, 0, 0, 0);
    layout_->addStretch(1);  // rows stay at the top of a taller scroll area
    setDefinitions({});
}

ParameterForm::~ParameterForm() = default;

bool ParameterForm::isSridParameter(const pum::ParameterDefinition& definition)
{
    return qs(definition.name).compare(QLatin1String("srid"), Qt::CaseInsensitive) == 0;
}

std::unique_ptr<ParameterEditor> ParameterForm::createEditor(const pum::ParameterDefinition& definition)
{
    if (sridFactory_ && isSridParameter(definition) && definition.values.empty()) {
        if (auto editor = sridFactory_(definition, this))
            return editor;
    }
    if (!definition.values.empty())
        return std::make_unique<ChoiceEditor>(this, definition);
    switch (definition.type) {
    case pum::ParameterType::Boolean:
        return std::make_unique<BooleanEditor>(this, !defaultText(definition).has_value());
    case pum::ParameterType::Integer: {
        auto editor = std::make_unique<LineEditor>(this, new Int64Validator());
        editor->lineEdit()->setPlaceholderText(tr("whole number"));
        return editor;
    }
    case pum::ParameterType::Decimal: {
        // Digits as written, with a dot: pum keeps "1.50" as it is (no locale, no exponent).
        auto editor = std::make_unique<LineEditor>(
            this, new QRegularExpressionValidator(QRegularExpression(QStringLiteral("^-?[0-9]*\\.?[0-9]*$"))));
        editor->lineEdit()->setPlaceholderText(tr("decimal number, e.g. 1.50"));
        return editor;
    }
    case pum::ParameterType::Path:
        return std::make_unique<PathEditor>(this);
    case pum::ParameterType::Text:
        break;
    }
    return std::make_unique<LineEditor>(this, nullptr);
}

void ParameterForm::setDefinitions(const std::vector<pum::ParameterDefinition>& definitions)
{
    // The rows' widgets (labels, editors, help) all live in rowsBox_: one delete
    // clears the form. The editors only point to their widgets, so they go after.
    delete rowsBox_;
    rows_.clear();
    definitions_ = definitions;
    rowsBox_ = new QWidget(this);
    auto* grid = new QGridLayout(rowsBox_);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(4);  // dense: ten parameters fit a laptop's screen
    layout_->insertWidget(0, rowsBox_);

    if (definitions_.empty()) {
        grid->addWidget(new QLabel(tr("This module has no parameters."), rowsBox_), 0, 0);
    } else {
        // Label | editor | help: the description's two parts beside the editor,
        // not under it, so that a row is as high as its longest text wrapped.
        for (const auto& definition : definitions_) {
            auto row = std::make_unique<Row>();
            row->definition = definition;
            row->editor = createEditor(definition);
            row->editor->onChanged = [this] { emit valuesChanged(); };
            row->editor->setValue(defaultText(definition));
            addRow(*row, grid, static_cast<int>(rows_.size()));
            updateHelp(*row);
            rows_.push_back(std::move(row));
        }
        shareWidth(grid);
    }
    // Shown now with its rows, not at the next pass of the event loop as the
    // layout would: the form's height is asked at once (the dialog makes room).
    rowsBox_->show();
}

void ParameterForm::addRow(Row& row, QGridLayout* grid, int index)
{
    const pum::ParameterDefinition& definition = row.definition;
    const QString name = qs(definition.name);
    const QString tip = definition.description.empty()
                            ? tr("%1 (%2)").arg(name, typeName(definition.type))
                            : tr("%1 (%2): %3").arg(name, typeName(definition.type), qs(definition.description));
    QWidget* editor = row.editor->widget();
    editor->setToolTip(tip);
    editor->setWhatsThis(tip);
    editor->setObjectName(QStringLiteral("parameter_") + name);

    auto* label = new QLabel(labelOf(definition), rowsBox_);
    label->setWordWrap(true);
    label->setObjectName(QStringLiteral("label_") + name);
    label->setToolTip(tip);
    label->setBuddy(editor);

    row.help = new QLabel(rowsBox_);
    row.help->setWordWrap(true);  // never cut: the lock note and descriptions wrap
    row.help->setTextFormat(Qt::PlainText);
    row.help->setObjectName(QStringLiteral("help_") + name);
    QFont small = row.help->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    row.help->setFont(small);  // the palette's text colour: readable, not disabled grey

    // Tops aligned: the label's first line, the editor and the help start together.
    grid->addWidget(label, index, 0, Qt::AlignTop);
    grid->addWidget(editor, index, 1, Qt::AlignTop);
    grid->addWidget(row.help, index, 2, Qt::AlignTop);
}

void ParameterForm::shareWidth(QGridLayout* grid) const
{
    // Each column gets a share of the width in proportion to what its widest
    // content needs on one line: when the form is wide enough nothing wraps;
    // when not, labels and help wrap to about as many lines, rows stay low.
    int label = 1, editor = 1, help = 1;
    for (const auto& row : rows_) {
        const QWidget* field = row->editor->widget();
        // A CRS selector shows the CRS's name after its code ("EPSG:2056 - CH1903+ / LV95").
        const bool crs = sridFactory_ && isSridParameter(row->definition);
        editor = std::max({editor, field->sizeHint().width(), crs ? fontMetrics().averageCharWidth() * 30 : 0});
        label = std::max(label, fontMetrics().horizontalAdvance(labelOf(row->definition)));
        for (const QString& line : row->help->text().split(QLatin1Char('\n')))
            help = std::max(help, row->help->fontMetrics().horizontalAdvance(line));
    }
    grid->setColumnStretch(0, label);
    grid->setColumnStretch(1, editor);
    grid->setColumnStretch(2, help);
}

namespace {

// A description split after its first sentence: {first sentence, the rest}. A
// sentence ends at . ! or ? before a capital letter or the end, or at a line
// break: "e.g. 2056" and "v1.5" go on.
std::pair<QString, QString> splitDescription(const pum::ParameterDefinition& definition)
{
    static const QRegularExpression end(QStringLiteral("[.!?](?=\\s+\\p{Lu})|[.!?]\\s*$|\\n"));
    const QString description = qs(definition.description).trimmed();
    const auto match = end.match(description);
    if (!match.hasMatch())
        return {description, QString()};
    return {description.left(match.capturedStart()).trimmed(), description.mid(match.capturedEnd()).trimmed()};
}

}  // namespace

QString ParameterForm::labelOf(const pum::ParameterDefinition& definition)
{
    const QString first = splitDescription(definition).first;
    return first.isEmpty() ? qs(definition.name) : first;
}

QString ParameterForm::restOfDescription(const pum::ParameterDefinition& definition)
{
    return splitDescription(definition).second;
}

void ParameterForm::updateHelp(Row& row)
{
    // The rest of the description and the type on one line (a line less per
    // row); the lock note on a line of its own, where it is seen.
    const auto def = defaultText(row.definition);
    QString text = def ? tr("Type: %1, default: %2").arg(typeName(row.definition.type), *def)
                       : tr("Type: %1, no default").arg(typeName(row.definition.type));
    if (const QString rest = restOfDescription(row.definition); !rest.isEmpty())
        text = rest + QLatin1Char(' ') + text;
    if (row.locked)
        text += QLatin1Char('\n') + row.lockReason;
    row.help->setText(text);
}

void ParameterForm::setLocked(Row& row, bool locked, const QString& reason)
{
    row.locked = locked;
    row.lockReason = locked ? reason : QString();
    row.editor->widget()->setEnabled(!locked);
    updateHelp(row);
}

void ParameterForm::setStoredValues(const pum::ParameterValues& stored, bool lockInstallParameters)
{
    for (auto& row : rows_) {
        const auto it = stored.find(row->definition.name);
        if (it != stored.end())
            row->editor->setValue(it->second.isNull() ? std::nullopt : std::optional<QString>(qs(it->second.text())));
        else
            row->editor->setValue(defaultText(row->definition));
        const bool lock = lockInstallParameters && !row->definition.appOnly;
        setLocked(*row, lock, tr("Fixed when the module was installed; changing it needs a reinstall."));
    }
    emit valuesChanged();
}

void ParameterForm::resetToDefaults()
{
    for (auto& row : rows_) {
        row->editor->setValue(defaultText(row->definition));
        setLocked(*row, false, QString());
    }
    emit valuesChanged();
}

std::map<std::string, std::string> ParameterForm::givenValues() const
{
    std::map<std::string, std::string> given;
    for (const auto& row : rows_) {
        if (const auto v = row->editor->value())
            given[row->definition.name] = v->toStdString();
    }
    return given;
}

QStringList ParameterForm::validationErrors() const
{
    QStringList errors;
    for (const auto& row : rows_) {
        const auto v = row->editor->value();
        if (!v)
            continue;
        try {
            pum::ParameterValue::parse(row->definition.type, v->toStdString());
        } catch (const pum::Error& e) {
            errors << tr("%1: %2").arg(qs(row->definition.name), QString::fromUtf8(e.what()));
        }
    }
    if (errors.isEmpty()) {
        try {
            resolvedValues();
        } catch (const pum::Error& e) {
            errors << QString::fromUtf8(e.what());
        }
    }
    return errors;
}

pum::ParameterValues ParameterForm::resolvedValues() const
{
    return pum::resolveParameters(definitions_, givenValues());
}

ParameterForm::Row* ParameterForm::row(const QString& name) const
{
    for (const auto& r : rows_)
        if (qs(r->definition.name) == name)
            return r.get();
    return nullptr;
}

ParameterEditor* ParameterForm::editor(const QString& name) const
{
    Row* r = row(name);
    return r ? r->editor.get() : nullptr;
}

bool ParameterForm::setValue(const QString& name, const std::optional<QString>& value)
{
    Row* r = row(name);
    if (!r)
        return false;
    r->editor->setValue(value);
    emit valuesChanged();
    return true;
}

bool ParameterForm::isLocked(const QString& name) const
{
    Row* r = row(name);
    return r && r->locked;
}

QString ParameterForm::lockReason(const QString& name) const
{
    Row* r = row(name);
    return r ? r->lockReason : QString();
}

}  // namespace pumqt
