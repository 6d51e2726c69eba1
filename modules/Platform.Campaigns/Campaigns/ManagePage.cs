namespace Platform.Campaigns.Campaigns;

/// <summary>
/// The office's page for the campaigns module: entrances with their posters (issue, print), the household import with a
/// progress bar and its bad rows, and each campaign's coverage table. Plain HTML and a script of its own (the host's
/// Content-Security-Policy allows no inline script); it uses the web map's sign-in (cookie session).
/// </summary>
internal static class ManagePage
{
    public const string Html = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>入户排查与双色卡</title>
        <style>
        body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0 auto;max-width:1100px;padding:0 12px;color:#222}
        h1{font-size:22px}h2{font-size:18px;margin-top:28px}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:6px;text-align:left}
        progress{width:100%;height:18px}.err{color:#c0392b}#msg{color:#c0392b}
        </style></head>
        <body><h1>入户排查与双色卡</h1><div id="msg"></div>
        <h2>出入口二维码（双色卡）</h2><table><thead><tr><th>小区</th><th>出入口</th><th>所在社区</th><th>二维码</th><th>海报</th></tr></thead><tbody id="entrances"></tbody></table>
        <h2>住户导入（CSV / XLSX）</h2>
        <p>表头：类型、名称、所属村、楼栋、单元、房号、户主姓名、联系电话、身份证号、人数、经度、纬度。</p>
        <input type="file" id="file" accept=".csv,.xlsx"> <label><input type="checkbox" id="keep">有错误行时仍导入其余正确行</label> <button id="upload">导入</button>
        <progress id="progress" value="0" max="100" hidden></progress><div id="result"></div>
        <h2>排查任务覆盖率</h2><div id="campaigns"></div>
        <script src="/campaigns/manage.js"></script></body></html>
        """;

    public const string Script = """
        const csrf = (document.cookie.match(/(?:^|;\s*)platform\.csrf=([^;]*)/) || [])[1];
        const $ = id => document.getElementById(id);
        const cell = (row, text) => { const td = document.createElement('td'); td.textContent = text ?? ''; row.append(td); return td; };
        const link = (td, href, text) => { const a = document.createElement('a'); a.href = href; a.textContent = text; a.target = '_blank'; td.append(a, ' '); };
        async function json(url, init) {
          const r = await fetch(url, { credentials: 'same-origin', ...init });
          const body = await r.json().catch(() => ({}));
          if (!r.ok) throw new Error(body.detailZh || (r.status === 401 ? '请先登录平台' : `请求失败（${r.status}）`));
          return body;
        }
        async function entrances() {
          const list = await json('/api/passes/entrances');
          const rows = list.map(e => {
            const tr = document.createElement('tr');
            cell(tr, e.compound); cell(tr, e.name); cell(tr, e.community);
            const state = cell(tr, e.issued ? '已生成' : '未生成');
            if (!e.issued) {
              const b = document.createElement('button'); b.textContent = '生成本小区二维码';
              b.onclick = async () => {
                try { await json('/api/passes/entrances/issue', { method: 'POST', headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-Platform-Csrf': decodeURIComponent(csrf) } : {}) }, body: JSON.stringify({ compoundId: e.compoundId }) }); entrances(); }
                catch (x) { $('msg').textContent = x.message; }
              };
              state.append(' ', b);
            }
            const posters = cell(tr, '');
            if (e.issued) { link(posters, e.posterPng, 'PNG'); link(posters, e.posterPdf, 'PDF'); }
            return tr;
          });
          $('entrances').replaceChildren(...rows);
        }
        $('upload').onclick = () => {
          const file = $('file').files[0];
          if (!file) { $('result').textContent = '请选择文件'; return; }
          const form = new FormData(); form.append('file', file);
          const xhr = new XMLHttpRequest();
          xhr.open('POST', `/api/households/import?keepGoodRows=${$('keep').checked}`);
          if (csrf) xhr.setRequestHeader('X-Platform-Csrf', decodeURIComponent(csrf));
          $('progress').hidden = false; $('progress').value = 0;
          xhr.upload.onprogress = e => { if (e.lengthComputable) $('progress').value = Math.round(e.loaded / e.total * 100); };
          xhr.onload = () => {
            $('progress').value = 100;
            const body = JSON.parse(xhr.responseText || '{}');
            const rows = body.rows || body.rejected || [];
            const out = document.createElement('div');
            const head = document.createElement('p');
            head.textContent = xhr.status === 200 ? `已导入 ${body.imported} 户（共 ${body.rows} 行）` : (body.detailZh || '导入失败');
            out.append(head);
            if (rows.length) {
              const t = document.createElement('table');
              for (const r of rows) { const tr = document.createElement('tr'); tr.className = 'err'; cell(tr, `第 ${r.line} 行`); cell(tr, r.field); cell(tr, r.reasonZh); t.append(tr); }
              out.append(t);
            }
            $('result').replaceChildren(out);
            campaigns();
          };
          xhr.send(form);
        };
        async function campaigns() {
          const list = await json('/api/campaigns');
          const blocks = [];
          for (const c of list) {
            const cov = await json(`/api/campaigns/${c.id}/coverage`);
            const h = document.createElement('h3'); h.textContent = `${c.name}：${cov.completed}/${cov.targetHouseholds} 户，覆盖率 ${cov.percent}`;
            const t = document.createElement('table');
            const head = document.createElement('tr'); ['小区或村民小组', '应排查', '已走访', '无人在家', '拒绝', '未走访', '覆盖率'].forEach(x => { const th = document.createElement('th'); th.textContent = x; head.append(th); }); t.append(head);
            for (const r of cov.targets) { const tr = document.createElement('tr'); [r.village ? `${r.village}${r.name}` : r.name, r.targetHouseholds, r.completed, r.nobodyHome, r.refused, r.notYetVisited, r.percent].forEach(v => cell(tr, String(v))); t.append(tr); }
            blocks.push(h, t);
          }
          $('campaigns').replaceChildren(...blocks);
        }
        entrances().catch(x => { $('msg').textContent = x.message; });
        campaigns().catch(x => { $('msg').textContent = x.message; });
        """;
}
