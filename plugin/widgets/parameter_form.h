#pragma once
// The form for a module's parameters, generated from their declarations in
// `.pum.yaml`: one editor per parameter, chosen by type, labelled with the
// first sentence of its description (the name in the tooltip), the rest as
// help beside the editor. On upgrade the stored values are shown and the parameters that may not
// change are locked, with the reason in plain words.
#include <QString>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "pum/module/parameter.h"

class QGridLayout;
class QLabel;
class QVBoxLayout;

namespace pumqt {

// One parameter's editor. Values are the canonical text of pum::ParameterValue
// ("2056", "true", "1.50"); std::nullopt means "not given" (default or NULL).
class ParameterEditor {
public:
    virtual ~ParameterEditor() = default;
    virtual QWidget* widget() const = 0;
    virtual std::optional<QString> value() const = 0;
    virtual void setValue(const std::optional<QString>& value) = 0;

    // Set by the form; an editor calls notifyChanged() when the user edits.
    std::function<void()> onChanged;

protected:
    void notifyChanged() const
    {
        if (onChanged)
            onChanged();
    }
};

using ParameterEditorFactory =
    std::function<std::unique_ptr<ParameterEditor>(const pum::ParameterDefinition& definition, QWidget* parent)>;

class ParameterForm : public QWidget {
    Q_OBJECT
public:
    explicit ParameterForm(QWidget* parent = nullptr);
    ~ParameterForm() override;

    // An SRID parameter (named "srid", any case) gets its editor from this
    // factory when set: the QGIS layer places a CRS selector there.
    void setSridEditorFactory(ParameterEditorFactory factory) { sridFactory_ = std::move(factory); }
    static bool isSridParameter(const pum::ParameterDefinition& definition);

    // Rebuilds the form; every editor starts at its default.
    void setDefinitions(const std::vector<pum::ParameterDefinition>& definitions);
    const std::vector<pum::ParameterDefinition>& definitions() const { return definitions_; }

    // Shows the values stored by the installed module. With `lockInstallParameters`
    // (an upgrade), the parameters that are not app_only are locked.
    void setStoredValues(const pum::ParameterValues& stored, bool lockInstallParameters);
    // Back to defaults, nothing locked (e.g. not installed).
    void resetToDefaults();

    // What the user entered, by name; parameters left empty are not included.
    std::map<std::string, std::string> givenValues() const;
    // Problems with the entries, one line each ("srid: 'abc' is not an integer").
    QStringList validationErrors() const;
    // The typed values a command uses (defaults filled in). Throws pum::ParameterError.
    pum::ParameterValues resolvedValues() const;

    // What a GIS user reads for a parameter: its description's first sentence
    // (pum's configuration has no label key), else its name; and the rest of
    // the description. A sentence ends at . ! ? before a capital letter or the
    // end, or at a line break.
    static QString labelOf(const pum::ParameterDefinition& definition);
    static QString restOfDescription(const pum::ParameterDefinition& definition);

    // By parameter name (for the dialog, tests and scripts).
    ParameterEditor* editor(const QString& name) const;
    bool setValue(const QString& name, const std::optional<QString>& value);
    bool isLocked(const QString& name) const;
    QString lockReason(const QString& name) const;

signals:
    void valuesChanged();

private:
    struct Row {
        pum::ParameterDefinition definition;
        std::unique_ptr<ParameterEditor> editor;
        QLabel* help = nullptr;
        bool locked = false;
        QString lockReason;
    };
    std::unique_ptr<ParameterEditor> createEditor(const pum::ParameterDefinition& definition);
    void addRow(Row& row, QGridLayout* grid, int index);
    void shareWidth(QGridLayout* grid) const;
    void setLocked(Row& row, bool locked, const QString& reason);
    void updateHelp(Row& row);
    Row* row(const QString& name) const;

    std::vector<pum::ParameterDefinition> definitions_;
    std::vector<std::unique_ptr<Row>> rows_;
    QVBoxLayout* layout_ = nullptr;
    QWidget* rowsBox_ = nullptr;  // the rows, in a grid: label | editor | help
    ParameterEditorFactory sridFactory_;
};

}  // namespace pumqt
