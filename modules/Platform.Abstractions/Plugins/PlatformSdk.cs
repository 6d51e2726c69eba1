namespace Platform.Abstractions.Plugins;

/// <summary>The version of this SDK, checked against each plugin's <see cref="ScenarioPluginAttribute.SdkVersion"/>.</summary>
public static class PlatformSdk
{
    /// <summary>
    /// Bumped in its major part whenever a change breaks existing plugins, in its minor part when something is
    /// added (1.1: <c>IRegisterReader.RoadsAsync</c>; 1.2: the one write path
    /// <c>EventWriter</c> with caller scopes, <c>StreamHistory.AnswerAsync&lt;T&gt;</c>, <c>PersonalDataAttribute</c>,
    /// <c>ScenarioPluginAttribute.EnabledByDefault</c>; 1.3: web panels and menu entries (<c>WebPanel</c>, <c>WebMenuEntry</c>),
    /// <c>IReportSection.SharesFigures</c>, <c>ReportPeriod.AsOf</c>; 1.4: labels of coded layer attributes,
    /// <c>LayerField.Values</c>; places checked against the street's territory by the write path, <c>Outcome.Within</c>,
    /// <c>Rejection.DistanceMetres</c>; 1.5: stated versions of edits checked by the write path (<c>ExpectedVersion</c>),
    /// rate-limit policies <c>PlatformRateLimits</c>, <c>WriteAnswer</c> and its <c>Answer</c>/<c>AnswerCreated</c>/<c>ProducesWrite</c>
    /// helpers, <c>CodedValue</c>, <c>IRegisterReader.CompoundAtAsync</c>, <c>CompoundInfo.PropertyCompany</c>, web panels and menu entries of core modules; 1.6: photos taken one way, <c>PhotosAreImagesWithoutTheirLocationRule</c>; <c>Outcome.AlsoAppend</c> for parts a record owns; <c>CompoundInfo.Entrances</c>; <c>PlatformRateLimits.PublicWrite</c>), so a plugin using an addition asks for at least its
    /// version (<c>[1.3,2.0)</c>).
    /// </summary>
    public static readonly Version Version = new(1, 6, 0);
}
