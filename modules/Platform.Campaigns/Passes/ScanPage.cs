using System.Text.Encodings.Web;

namespace Platform.Campaigns.Passes;

/// <summary>
/// The public mobile page a poster's QR code opens: register an entry under one of the two categories, or check a pass
/// number. Plain HTML and script served by the module (no build step), text in zh-CN; it shows nobody's data but the
/// caller's own receipt.
/// </summary>
internal static class ScanPage
{
    public static string Html(string code) => Template.Replace("__CODE__", HtmlEncoder.Default.Encode(code), StringComparison.Ordinal);

    /// <summary>The page's script, served as a file of its own: the host's Content-Security-Policy allows no inline script.</summary>
    public static string Script => ScriptText;

    private const string Template = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>双色卡扫码登记</title>
        <style>
        body{font-family:"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5;color:#222}
        header{background:#c0392b;color:#fff;padding:16px}h1{font-size:20px;margin:0}header p{margin:4px 0 0}
        main{padding:16px}section{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px}
        label{display:block;margin:10px 0 4px}input{width:100%;box-sizing:border-box;font-size:17px;padding:10px;border:1px solid #ccc;border-radius:6px}
        .cats{display:flex;gap:10px}.cat{flex:1;color:#fff;border:3px solid transparent;border-radius:8px;padding:12px;font-size:17px}
        .cat.on{border-color:#222}button.go{width:100%;margin-top:14px;font-size:18px;padding:12px;background:#c0392b;color:#fff;border:0;border-radius:6px}
        .card{color:#fff;border-radius:12px;padding:24px;text-align:center}.card b{font-size:34px;letter-spacing:3px;display:block;margin:8px 0}
        .err{color:#c0392b}small{color:#666}
        </style></head>
        <body data-code="__CODE__"><header><h1 id="place">双色卡扫码登记</h1><p id="entrance"></p></header>
        <main>
        <section id="register"><div class="cats" id="cats"></div>
        <label for="name">姓名</label><input id="name" maxlength="20" autocomplete="name">
        <label for="phone">手机号</label><input id="phone" inputmode="numeric" maxlength="11" autocomplete="tel">
        <button class="go" id="submit">登记通行</button><p class="err" id="error"></p>
        <small id="privacy"></small></section>
        <section id="receipt" hidden></section>
        <section><label for="passNo">查验通行卡编号</label><input id="passNo" maxlength="8"><button class="go" id="check">查验</button><p id="checked"></p></section>
        </main>
        <script src="/passes/scan.js"></script></body></html>
        """;

    private const string ScriptText = """
        const code = document.body.dataset.code;
        let category = null;
        const $ = id => document.getElementById(id);
        const csrf = (document.cookie.match(/(?:^|;\s*)platform\.csrf=([^;]*)/) || [])[1];
        const say = (el, text) => { el.textContent = text; };
        async function load() {
          const r = await fetch(`/api/passes/scan/${encodeURIComponent(code)}`);
          const body = await r.json();
          if (!r.ok) { say($('place'), '二维码无效'); say($('error'), body.detailZh || '二维码无效'); $('submit').disabled = true; return; }
          say($('place'), body.compound); say($('entrance'), `${body.entrance} · 请选择通行卡类别并登记`);
          say($('privacy'), `个人信息仅用于疫情防控登记，保存${body.retentionDays}天后自动删除。`);
          for (const c of body.categories) {
            const b = document.createElement('button');
            b.className = 'cat'; b.style.background = c.colour; b.dataset.code = c.code;
            b.textContent = `${c.nameZh} · ${c.forZh}`;
            b.onclick = () => { category = c.code; document.querySelectorAll('.cat').forEach(x => x.classList.toggle('on', x === b)); };
            $('cats').appendChild(b);
          }
        }
        $('submit').onclick = async () => {
          if (!category) { say($('error'), '请先选择通行卡类别'); return; }
          const r = await fetch(`/api/passes/scan/${encodeURIComponent(code)}/entries`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-Platform-Csrf': decodeURIComponent(csrf) } : {}) },
            body: JSON.stringify({ category, name: $('name').value, phone: $('phone').value }) });
          const body = await r.json();
          if (!r.ok) { say($('error'), body.detailZh || '登记失败'); return; }
          $('register').hidden = true;
          const card = document.createElement('div'); card.className = 'card'; card.style.background = body.colour;
          const title = document.createElement('div'); title.textContent = `${body.categoryZh} · ${body.compound} ${body.entrance}`;
          const no = document.createElement('b'); no.textContent = body.passNo;
          const when = document.createElement('div'); when.textContent = new Date(body.at).toLocaleString('zh-CN');
          card.append(title, no, when); $('receipt').append(card); $('receipt').hidden = false;
        };
        $('check').onclick = async () => {
          const r = await fetch(`/api/passes/check/${encodeURIComponent($('passNo').value.trim())}`);
          const body = await r.json();
          say($('checked'), r.ok ? `${body.categoryZh}：${body.compound} ${body.entrance}，${body.day} 登记${body.today ? '（今日有效）' : '（非今日登记）'}` : (body.detailZh || '查无此编号'));
        };
        load();
        """;
}
