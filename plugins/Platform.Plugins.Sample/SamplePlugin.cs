using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Plugins;
using Platform.Plugins.Sample;
using Platform.Plugins.Sample.Notes;

[assembly: ScenarioPlugin(typeof(SamplePlugin),
    Id = "sample", NameZh = "示例插件（留言板）", NameEn = "Sample plugin (note board)",
    Version = "1.1.0", SdkVersion = "[1.2,2.0)", EnabledByDefault = false)]

namespace Platform.Plugins.Sample;

/// <summary>
/// The sample plugin: a note board whose notes are events in the store. Off until a developer enables it
/// (<c>POST /api/plugins/sample/enable</c>): it is a teaching example, not street-office work.
/// </summary>
public sealed class SamplePlugin : IScenarioPlugin
{
    public void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<NotePosted>("sample.note_posted");
        options.Projections.Add(new NoteBoardProjection(), ProjectionLifecycle.Inline);
    }

    public void MapEndpoints(IEndpointRouteBuilder scene) => scene.MapNoteEndpoints();
}
