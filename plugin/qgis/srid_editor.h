#pragma once
// The editor of an SRID parameter: QGIS's CRS selector, showing the CRS's
// name; the parameter's value is the EPSG code.
#include <memory>

#include "parameter_form.h"

class QgsProjectionSelectionWidget;

namespace pumqgis {

class SridEditor : public pumqt::ParameterEditor {
public:
    explicit SridEditor(QWidget* parent);
    QWidget* widget() const override;
    std::optional<QString> value() const override;
    void setValue(const std::optional<QString>& value) override;

    QgsProjectionSelectionWidget* selector() const { return selector_; }

    // For ParameterForm::setSridEditorFactory.
    static std::unique_ptr<pumqt::ParameterEditor> create(const pum::ParameterDefinition& definition, QWidget* parent);

private:
    QgsProjectionSelectionWidget* selector_;
};

}  // namespace pumqgis
