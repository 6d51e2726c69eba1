namespace Platform.Host.OpenApi;

/// <summary>
/// A readable reference of the API drawn from <c>/openapi/v1.json</c> in the browser: operations grouped by area,
/// with their parameters and the roles they need. Self-contained (no CDN), Chinese first.
/// </summary>
internal static class ApiReferencePage
{
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <title>接口参考 · API reference — 社区发展治理平台</title>
        <style>
          body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 2rem auto; max-width: 72rem; color: #1d2a33; }
          h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #cfd8dc; }
          table { border-collapse: collapse; width: 100%; font-size: .9rem; }
          td, th { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid #eceff1; vertical-align: top; }
          code { font-family: "DejaVu Sans Mono", monospace; }
          .m { font-weight: bold; width: 4.5rem; } .get { color: #2e7d32; } .post { color: #1565c0; } .put { color: #ef6c00; } .delete { color: #c62828; }
          .roles { color: #546e7a; white-space: nowrap; }
        </style>
        </head>
        <body>
        <h1>社区发展治理平台 · 接口参考 <small>API reference</small></h1>
        <p>机器可读的描述 · machine-readable: <a href="/openapi/v1.json"><code>/openapi/v1.json</code></a> (OpenAPI 3)。
        错误以 RFC 7807 <code>application/problem+json</code> 返回（<code>field</code>、<code>detail</code>、<code>detailZh</code>）。</p>
        <div id="api">正在加载… Loading…</div>
        <script>
        const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
        fetch('/openapi/v1.json').then(r => r.json()).then(doc => {
          const groups = new Map();
          for (const [path, item] of Object.entries(doc.paths ?? {})) {
            for (const [method, op] of Object.entries(item)) {
              if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
              const area = path.split('/').slice(1, path.startsWith('/api/scenes/') ? 4 : 3).join('/') || '/';
              if (!groups.has(area)) groups.set(area, []);
              groups.get(area).push({ path, method, op });
            }
          }
          const roleText = r => !r || r.length === 0 ? '任何人 anyone' : r.includes('*') ? '已登录 signed in' : r.join(', ');
          document.getElementById('api').innerHTML = [...groups.keys()].sort().map(area => `<h2>/${esc(area)}</h2><table>` +
            groups.get(area).map(({ path, method, op }) => `<tr><td class="m ${method}">${method.toUpperCase()}</td>` +
              `<td><code>${esc(path)}</code><br>${(op.parameters ?? []).map(p => `<code>${esc(p.name)}</code> <small>(${esc(p.in)})</small>`).join(' ')}</td>` +
              `<td class="roles">${esc(roleText(op['x-platform-roles']))}</td></tr>`).join('') + '</table>').join('');
        }).catch(e => { document.getElementById('api').textContent = '无法加载接口描述 · could not load: ' + e; });
        </script>
        </body>
        </html>
        """;
}
