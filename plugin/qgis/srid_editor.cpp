#include "srid_editor.h"

#include <QCoreApplication>

#include "qgscoordinatereferencesystem.h"
#include "qgsprojectionselectionwidget.h"

namespace pumqgis {

SridEditor::SridEditor(QWidget* parent) : selector_(new QgsProjectionSelectionWidget(parent))
{
    selector_->setOptionVisible(QgsProjectionSelectionWidget::CrsNotSet, true);
    selector_->setNotSetText(QCoreApplication::translate("pumqgis::SridEditor", "No CRS (use the default)"));
    QObject::connect(selector_, &QgsProjectionSelectionWidget::crsChanged, selector_, [this] { notifyChanged(); });
}

QWidget* SridEditor::widget() const
{
    return selector_;
}

std::optional<QString> SridEditor::value() const
{
    const QgsCoordinateReferenceSystem crs = selector_->crs();
    if (!crs.isValid())
        return std::nullopt;
    const QString authid = crs.authid();
    if (authid.startsWith(QLatin1String("EPSG:"), Qt::CaseInsensitive))
        return authid.mid(5);
    // A CRS without an EPSG code: PostGIS's own SRID for it, when QGIS knows one.
    if (crs.postgisSrid() > 0)
        return QString::number(crs.postgisSrid());
    return std::nullopt;
}

void SridEditor::setValue(const std::optional<QString>& value)
{
    bool ok = false;
    const long code = value ? value->toLong(&ok) : 0;
    selector_->setCrs(ok ? QgsCoordinateReferenceSystem::fromEpsgId(code) : QgsCoordinateReferenceSystem());
}

std::unique_ptr<pumqt::ParameterEditor> SridEditor::create(const pum::ParameterDefinition& definition, QWidget* parent)
{
    // Only an integer (or text holding digits) can carry an EPSG code.
    if (definition.type != pum::ParameterType::Integer && definition.type != pum::ParameterType::Text)
        return nullptr;
    return std::make_unique<SridEditor>(parent);
}

}  // namespace pumqgis
