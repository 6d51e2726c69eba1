using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Platform.Maps.Web;

/// <summary>The web map: <c>/</c> (index.html), its <c>/assets/*</c> and the plugins' <c>/panels/*</c>, from <see cref="WebMapAssets"/>.</summary>
internal static class WebMapEndpoints
{
    private const string NotBuilt =
        "<!doctype html><meta charset=utf-8><title>社区发展治理平台</title><p>网页地图未构建：请安装 Node.js 20（含 npm）后重新构建 maps/Platform.Maps。" +
        "<p>The web map was not built: install Node.js 20 with npm and rebuild maps/Platform.Maps.";

    public static void MapWebMap(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", (HttpContext http, WebMapAssets assets) => Serve(http, assets, "/index.html"));
        app.MapGet("/index.html", (HttpContext http, WebMapAssets assets) => Serve(http, assets, "/index.html"));
        app.MapGet("/admin.html", (HttpContext http, WebMapAssets assets) => Serve(http, assets, "/admin.html"));
        // Every other page of maps/web/*.html (the modules' pages: a resident's form, a worker's queue), by its name.
        app.MapGet("/{page:regex(^[a-z0-9-]+$)}.html", (string page, HttpContext http, WebMapAssets assets) => Serve(http, assets, $"/{page}.html"));
        app.MapGet("/assets/{*file}", (string file, HttpContext http, WebMapAssets assets) => Serve(http, assets, "/assets/" + file));
        // Plugins' web panels under stable names (announced in /api/plugins), so revalidated rather than immutable.
        app.MapGet("/panels/{*file}", (string file, HttpContext http, WebMapAssets assets) => Serve(http, assets, "/panels/" + file));
    }

    private static IResult Serve(HttpContext http, WebMapAssets assets, string path)
    {
        if (assets.Find(path) is not { } asset)
            return path == "/index.html" ? Results.Content(NotBuilt, "text/html; charset=utf-8") : Results.NotFound();
        http.Response.Headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        return Tiles.EntityTags.Revalidate(http, asset.ETag) ?? Results.Bytes(asset.Body, asset.ContentType);
    }
}
