namespace Platform.Campaigns.Campaigns;

/// <summary>
/// The staff's phone page: my assigned households, nearest-first by register, with one tap per outcome. Plain HTML and a
/// script of its own (the host's Content-Security-Policy allows no inline script); uses the web map's sign-in (cookie session).
/// </summary>
internal static class VisitsPage
{
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>我的走访任务</title>
        <style>
        body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5;color:#222}
        header{background:#2c3e50;color:#fff;padding:14px}h1{font-size:19px;margin:0}
        .h{background:#fff;margin:10px;border-radius:8px;padding:12px}.h.done{opacity:.6}.h b{font-size:16px}
        .row{display:flex;gap:6px;margin-top:8px}.row button{flex:1;font-size:15px;padding:10px;border:0;border-radius:6px;color:#fff}
        .v{background:#27ae60}.n{background:#7f8c8d}.r{background:#c0392b}label{margin-right:10px}input[type=number]{width:70px;font-size:15px}
        #msg{padding:10px;color:#c0392b}
        </style></head>
        <body><header><h1>我的走访任务</h1><div id="sum"></div></header><div id="msg"></div><div id="list"></div>
        <script src="/campaigns/visits.js"></script></body></html>
        """;

    public const string Script = """
        // Signed in through the web map (cookie session); writes echo the platform.csrf cookie as the web map's pages do.
        const csrf = (document.cookie.match(/(?:^|;\s*)platform\.csrf=([^;]*)/) || [])[1];
        const headers = csrf ? { 'X-Platform-Csrf': decodeURIComponent(csrf) } : {};
        const $ = id => document.getElementById(id);
        async function load() {
          const r = await fetch('/api/campaigns/mine', { credentials: 'same-origin' });
          if (!r.ok) { $('msg').textContent = r.status === 401 ? '请先登录平台' : '无法读取走访任务'; return; }
          const list = await r.json();
          const done = list.filter(v => v.lastOutcome === 'visited').length;
          $('sum').textContent = `共 ${list.length} 户，已走访 ${done} 户`;
          $('list').replaceChildren(...list.map(item));
        }
        function item(v) {
          const d = document.createElement('div'); d.className = 'h' + (v.lastOutcome === 'visited' ? ' done' : '');
          const t = document.createElement('b'); t.textContent = `${v.register} ${[v.building, v.unit, v.room].filter(Boolean).join('-')}`;
          const s = document.createElement('div'); s.textContent = `${v.head ?? ''} ${v.phone ?? ''} ${v.lastOutcomeZh ? '· ' + v.lastOutcomeZh : '· 未走访'}`;
          d.append(t, s);
          if (!v.householdId) return d;
          const opts = document.createElement('div');
          opts.innerHTML = '<label><input type="checkbox" class="i" checked>信息登记</label><label><input type="checkbox" class="p" checked>防疫宣传</label><label>体温 <input type="number" class="t" step="0.1" min="34" max="43"></label>';
          const row = document.createElement('div'); row.className = 'row';
          for (const [outcome, text, cls] of [['visited', '已走访', 'v'], ['nobody_home', '无人在家', 'n'], ['refused', '拒绝', 'r']]) {
            const b = document.createElement('button'); b.className = cls; b.textContent = text;
            b.onclick = async () => {
              const visited = outcome === 'visited'; const temp = opts.querySelector('.t').value;
              const body = { householdId: v.householdId, outcome, information: visited && opts.querySelector('.i').checked,
                publicity: visited && opts.querySelector('.p').checked, temperature: visited && temp ? Number(temp) : null };
              const r = await fetch(`/api/campaigns/${v.campaignId}/visits`, { method: 'POST', credentials: 'same-origin', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
              if (!r.ok) { const p = await r.json(); $('msg').textContent = p.detailZh || '登记失败'; return; }
              load();
            };
            row.append(b);
          }
          d.append(opts, row); return d;
        }
        load();
        """;
}
