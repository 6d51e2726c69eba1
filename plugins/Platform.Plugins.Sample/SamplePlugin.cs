using Marten;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Plugins;
using Platform.Plugins.Sample;
using Platform.Plugins.Sample.Notes;

[assembly: ScenarioPlugin(typeof(SamplePlugin),
    Id = "sample", NameZh = "示例插件（留言板）", NameEn = "Sample plugin (note board)",
    Version = "1.0.0", SdkVersion = "[1.0,2.0)")]

namespace Platform.Plugins.Sample;

/// <summary>The sample plugin: a note board whose notes are events in the store.</summary>
public sealed class SamplePlugin : IScenarioPlugin
{
    public void ConfigureEventStore(StoreOptions options) =>
        options.Events.MapEventType<NotePosted>("sample.note_posted");

    public void MapEndpoints(IEndpointRouteBuilder scene) => scene.MapNoteEndpoints();
}
